package ui

import (
	"os"
	"os/signal"
	"sync"
	"syscall"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"salondesk/app"
	"salondesk/assets"
	"salondesk/ui/lifecycle"
	stheme "salondesk/ui/theme"
)

// AppID is the Fyne application id (preferences live under it; the database does not).
const AppID = "jp.salondesk.desk"

// Options are what main.go decides about the window.
type Options struct {
	Title   string // window title; empty = SalonDesk, or SalonDesk（デモ） with Demo
	Screens Screens
	Demo    bool
	Start   Page // the page shown first; empty = Home
	// Language is "ja" (default) or "en".
	Language string
	// Started runs on the UI goroutine once the window is built, before it is shown:
	// main installs the tray and the single-instance raise there.
	Started func(fa fyne.App, win fyne.Window, shell *Shell)
	// Shown runs on the UI goroutine once the window is on screen with its first frame
	// drawn (Fyne paints it when showing the window, then starts its loop): main starts
	// there, in the background, everything that can wait (demo seeding, the workers,
	// backups). It must not block.
	Shown func()
	// Prepared is the Fyne app made ahead by Prepare; nil: Run makes it.
	Prepared *Prepared
}

// Prepared is the Fyne app with SalonDesk's theme, made before the database is opened so
// that the theme's Japanese font is parsed meanwhile (see Prepare).
type Prepared struct {
	fa    fyne.App
	fonts sync.WaitGroup
}

// Prepare makes the Fyne app and starts parsing the embedded Japanese font on a goroutine
// (~80-250 ms on a desk PC), measuring once with each text style the screens use. main
// calls it before opening the database, so that the parsing runs beside the opening
// instead of before the first frame.
//
// One goroutine, not one per style: built with migrated_fynedo, Fyne's font and metrics
// caches are plain maps that only the UI goroutine may touch, so two goroutines measuring
// at once could corrupt them. Nothing else measures text until app() has waited for it,
// and with Fyne's font patch (build/fyne/font-once.patch) the file is parsed once for
// both styles anyway.
func Prepare() *Prepared {
	p := &Prepared{fa: newFyneApp()}
	p.fonts.Go(func() {
		for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
			fyne.MeasureText("予約", theme.TextSize(), style)
		}
	})
	return p
}

func (p *Prepared) app() fyne.App {
	if p == nil {
		return newFyneApp()
	}
	// The window measures its texts at once: wait for the fonts rather than parse them
	// a second time on the UI goroutine.
	p.fonts.Wait()
	return p.fa
}

func newFyneApp() fyne.App {
	fa := fyneapp.NewWithID(AppID)
	fa.Settings().SetTheme(stheme.New())
	fa.SetIcon(assets.Icon)
	return fa
}

// Run opens the main window on a and blocks until it is closed.
func Run(a *app.App, opts Options) {
	// Translations first: every widget below reads its text when it is built.
	if err := assets.UseLanguage(opts.Language); err != nil {
		fyne.LogError("translations", err)
	}
	fa := opts.Prepared.app()
	win := fa.NewWindow(windowTitle(opts))
	win.SetIcon(assets.Icon)
	win.SetMaster()
	win.Resize(fyne.NewSize(1280, 800))
	first := opts.Start
	if first == "" {
		first = PageHome
	}
	shell := newShellOn(a, win, opts.Screens, first)
	win.SetContent(shell.Content())
	win.SetOnClosed(shell.Close)
	if opts.Started != nil {
		opts.Started(fa, win, shell)
	}
	if opts.Shown != nil {
		fa.Lifecycle().SetOnStarted(opts.Shown)
	}
	// Quitting stops the shell's refreshes first: after Fyne's loop ends, fyne.Do runs its
	// function at once on the caller's goroutine, and the workers still publish events.
	hub := lifecycle.Of(fa)
	hub.OnQuit(shell.Close)
	stop := quitOnSignal(hub)
	defer stop()
	win.ShowAndRun()
}

func windowTitle(opts Options) string {
	switch {
	case opts.Title != "":
		return opts.Title
	case opts.Demo:
		return lang.X("ui.title.demo", "SalonDesk（デモ）")
	}
	return lang.X("ui.title", "SalonDesk")
}

// quitOnSignal ends the app cleanly on SIGTERM or Ctrl+C (the same path as 終了), so that
// the tray lets go of D-Bus, the database is closed and nothing is lost when the OS or a
// script stops us.
func quitOnSignal(hub *lifecycle.Hub) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-ch:
			fyne.Do(hub.Quit)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}

// RunDialog opens a small window for a question that must be answered before the
// salon's database can be opened (a damaged database). show gets the window and a
// done func that closes it; RunDialog returns when the window is gone.
func RunDialog(opts Options, show func(win fyne.Window, done func())) {
	if err := assets.UseLanguage(opts.Language); err != nil {
		fyne.LogError("translations", err)
	}
	fa := opts.Prepared.app()
	win := fa.NewWindow(windowTitle(opts))
	win.Resize(fyne.NewSize(720, 420))
	show(win, fa.Quit)
	win.ShowAndRun()
}

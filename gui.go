package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"os"
	"runtime"
	"runtime/debug"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"salondesk/app"
	"salondesk/app/applog"
	"salondesk/app/backup"
	"salondesk/app/demo"
	"salondesk/app/instance"
	"salondesk/app/printout"
	"salondesk/app/salonboard"
	"salondesk/app/secrets"
	"salondesk/app/settings"
	"salondesk/app/smaregi"
	"salondesk/app/workers"
	"salondesk/cli"
	"salondesk/data"
	"salondesk/ui"
	"salondesk/ui/masters"
	"salondesk/ui/reservation"
	"salondesk/ui/schedule"
	uisettings "salondesk/ui/settings"
	"salondesk/ui/transcribe"
)

// runGUI opens the salon's database and the main window, with the workers behind it.
func runGUI(o cli.Options, screen ui.Page, stderr io.Writer) int {
	if !validPage(screen) {
		fmt.Fprintf(stderr, "不明な画面です: %s\n", screen)
		return 2
	}
	dir, err := o.Dir()
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	lg, err := applog.Open(dir, applog.Options{Also: stderr})
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer lg.Close()
	defer lg.LogPanic()
	log.SetOutput(lg.Writer())
	logger := slog.New(slog.NewTextHandler(lg.Writer(), nil))
	slog.SetDefault(logger)

	// One SalonDesk per data directory: a second start raises the first window.
	var raise atomic.Pointer[func()] // set once the window exists; called from the lock's goroutine
	inst, err := instance.Acquire(dir, func() {
		if f := raise.Load(); f != nil {
			(*f)()
		}
	})
	if errors.Is(err, instance.ErrAlreadyRunning) {
		return 0
	} else if err != nil {
		log.Printf("single instance: %v", err)
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer inst.Close()

	limitMemory()
	// The font is parsed while the database opens.
	prepared := ui.Prepare()
	sec := secrets.New(secrets.WithObserver(lg.Redactor.AddSecret))
	store, seed, ok := openChecked(o, dir, stderr, prepared)
	if !ok {
		return 1
	}
	defer store.Close()
	a := app.New(store, app.WithVersion(o.Version))
	language := settings.LanguageOf(context.Background(), store)

	room := salonboard.Install(a)
	smRoom := smaregi.Install(a)
	w := &deskWorkers{}
	masters := workers.NewMasters(room, sec, logger)
	sender := &deskSender{base: smaregi.Sender{Room: smRoom, Secrets: sec, Logger: logger}}
	bg := newLater()
	defer bg.stop() // before the database closes
	var win fyne.Window
	scr := screens(a, w, sender)
	scr.Settings = func(win fyne.Window) fyne.CanvasObject {
		deps := settingsDeps(a, sec, dir, lg.Path(), w)
		deps.SalonBoardMasters = masters
		deps.TestSmaregi = smRoom.TestSettings
		deps.ReceiverURL = receiverURL(w, o.Demo)
		deps.Tokens = smRoom
		return uisettings.New(a, win, deps)
	}
	ui.Run(a, ui.Options{Demo: o.Demo, Screens: scr, Start: screen, Language: language, Prepared: prepared,
		Started: func(fa fyne.App, mainWin fyne.Window, shell *ui.Shell) {
			win = mainWin
			show := func() { fyne.Do(func() { win.Show(); win.RequestFocus() }) }
			raise.Store(&show)
			installTray(a, fa, win, shell, w, bg.backlog.Swap)
		},
		Shown: func() {
			logger.Info("window drawn", "ms", time.Since(mainStarted).Milliseconds()) // scripts/perf-desk.sh waits for it
			bg.start(func(ctx context.Context) {
				startBehind(ctx, bg, behind{o: o, dir: dir, dbPath: store.Path(), a: a, sec: sec, seed: seed, room: room, smRoom: smRoom,
					workers: w, sender: sender, masters: masters, logger: logger, win: win})
			})
		}})
	return 0
}

// deskMemoryLimit is the Go memory SalonDesk aims to stay under. What it holds for good
// is ~10 MB (9-12 MB with 100,000 reservations and 50,000 customers: the salon's data is
// read page by page, and the Japanese font is parsed once, glyphs on use, see
// docs/idle.md), and Go lets the heap grow to twice that before collecting: well under
// the limit. The limit matters when something large runs (a CSV import, a backup
// restore, a bring-in from SALON BOARD): Go then collects sooner instead of letting the
// heap double. Before the font patches it saved 17-28 MB resident on the demo.
const deskMemoryLimit = 72 << 20

// limitMemory sets deskMemoryLimit unless the user chose one with GOMEMLIMIT. It is a
// soft limit: past it Go collects more often, it never fails an allocation.
func limitMemory() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(deskMemoryLimit)
	}
}

// openChecked applies a restore staged by 設定 > バックアップ, checks the database
// (PRAGMA quick_check) and opens it. A damaged database is never opened silently: a
// dialog offers the latest good backup.
// For the demo, seed is what is left to make it today's salon (nil: nothing); it runs
// after the first frame.
func openChecked(o cli.Options, dir string, stderr io.Writer, prepared *ui.Prepared) (store *data.Store, seed func(context.Context) error, ok bool) {
	dbPath := cli.DBPath(dir)
	if !o.Demo {
		if applied, err := backup.ApplyPending(dbPath, backup.Dir(dir), time.Now()); err != nil {
			log.Printf("restore: %v", err)
		} else if applied {
			log.Printf("restore: the staged backup replaced the database")
		}
		if err := backup.Check(dbPath); errors.Is(err, backup.ErrDamaged) {
			log.Printf("database damaged: %v", err)
			restored := false
			ui.RunDialog(ui.Options{Prepared: prepared}, func(win fyne.Window, done func()) {
				uisettings.ShowDamaged(win, dbPath, backup.Dir(dir), time.Now(), func(ok bool) {
					restored = ok
					done()
				})
			})
			if !restored {
				return nil, nil, false
			}
		}
	}
	var err error
	if o.Demo {
		// The demo's daily seeding takes seconds: the window shows an empty day first.
		store, seed, err = demo.Begin(dbPath, time.Now())
	} else {
		store, err = o.OpenStore(time.Now())
	}
	if err != nil {
		log.Printf("open database: %v", err)
		fmt.Fprintln(stderr, err)
		return nil, nil, false
	}
	return store, seed, true
}

// installTray keeps SalonDesk in the system tray when its window is closed: syncing goes
// on, the tray shows unresolved failures and offers 表示 / 最新を表示 / 終了.
// backlog is the tray's TrayActions.Backlog.
func installTray(a *app.App, fa fyne.App, win fyne.Window, shell *ui.Shell, w *deskWorkers, backlog func(bool) bool) {
	if runtime.GOOS == "linux" && os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		// Linux trays live on the session bus; without one Fyne's systray fails to start
		// and then panics when the app quits. Closing the window quits, as without a tray.
		log.Printf("tray: no D-Bus session bus, no tray icon")
		return
	}
	failures := func() int {
		n, _ := a.UnresolvedFailures(context.Background())
		return n
	}
	refresh := uisettings.InstallTray(fa, win, uisettings.TrayActions{
		ShowLatest: func() { w.SyncNow(); shell.Show(ui.PageSchedule) },
		Failures:   failures,
		Backlog:    func() bool { return backlog(false) },
	})
	if refresh == nil {
		return
	}
	win.SetCloseIntercept(win.Hide)
	a.Events().Subscribe(func(e app.Event) {
		if _, ok := e.(app.NotificationsChanged); ok {
			fyne.Do(refresh)
		}
	})
}

// settingsDeps are what 設定 needs from outside the app: the keychain, the connection
// tests, a restart.
func settingsDeps(a *app.App, sec *secrets.Store, dir, logPath string, w *deskWorkers) uisettings.Deps {
	return uisettings.Deps{
		Secrets: sec, DataDir: dir, LogPath: logPath,
		TestSalonBoard: salonboard.TestLogin,
		TestMailbox:    salonboard.TestMailbox,
		Restart: func() {
			if err := instance.Restart(os.Args[1:]); err != nil {
				log.Printf("restart: %v", err)
				return
			}
			fyne.Do(fyne.CurrentApp().Quit)
		},
		SyncState: w.StateLine,
	}
}

// screens wires the screens of the subpackages into the shell.
func screens(a *app.App, w *deskWorkers, sm masters.SmaregiSender) ui.Screens {
	var s ui.Screens
	open := func(win fyne.Window) func(int64) {
		return func(id int64) { reservation.ShowDetail(a, win, id) }
	}
	s.OpenReservation = func(win fyne.Window, id int64) { reservation.ShowDetail(a, win, id) }
	s.Transcribe = func(win fyne.Window, id int64) { transcribe.Show(a, win, id, nil) }
	s.Schedule = func(win fyne.Window) ui.ScheduleScreen {
		return schedule.New(a, win, schedule.Callbacks{
			OpenReservation: open(win),
			NewReservation: func(start time.Time, staffID int64) {
				reservation.ShowForm(a, win, app.ReservationInput{Start: start, StaffID: staffID}, nil)
			},
			Print:   func(day time.Time) { printDay(a, win, day) },
			SyncNow: w.SyncNow,
		})
	}
	s.Reservations = func(win fyne.Window) ui.ReservationList { return reservation.NewList(a, win, open(win)) }
	s.StopResume = func(win fyne.Window) fyne.CanvasObject { return masters.NewStopScreen(a, win) }
	s.Staff = func(win fyne.Window) fyne.CanvasObject { return masters.NewStaffScreen(a, win) }
	s.Menus = func(win fyne.Window) fyne.CanvasObject { return masters.NewMenuScreen(a, salonboard.New(a), win) }
	s.Customers = func(win fyne.Window) fyne.CanvasObject { return masters.NewCustomerScreenWith(a, win, open(win), sm) }
	s.UnmatchedNames = func() int {
		n, err := salonboard.New(a).UnmatchedCount(context.Background())
		if err != nil {
			log.Printf("unmatched names: %v", err)
		}
		return n
	}
	s.SyncStatus = func() ui.SyncStatus {
		st := w.Status()
		return ui.SyncStatus{Configured: st.Configured, Online: st.Online, LastSync: st.LastSync,
			BringIn: st.BringIn.Active, BringInDone: st.BringIn.Done, BringInTotal: st.BringIn.Total}
	}
	return s
}

// printDay is 印刷: the day's schedule as a PDF beside the database, opened in the
// system's viewer. It runs off the UI goroutine; only an error comes back to it.
func printDay(a *app.App, win fyne.Window, day time.Time) {
	go func() {
		if err := printout.PrintDay(context.Background(), a, day); err != nil {
			fyne.Do(func() { dialog.ShowError(err, win) })
		}
	}()
}

// receiverURL is システム情報's スマレジAPI 送信URL: this PC's LAN address and the port
// the receiver listens on ("" while it does not). The demo's receiver listens on
// loopback only.
func receiverURL(w *deskWorkers, demo bool) func() string {
	return func() string {
		host := smaregi.LANAddress()
		if demo {
			host = "127.0.0.1"
		}
		return smaregi.ReceiverURL(host, w.SmaregiPort())
	}
}

// Package settings is the 設定 screen: SALON BOARD (login and the reservation mailbox,
// with 接続テスト), スマレジ, サロン, バックアップ and システム情報, and the system tray.
// Passwords and tokens go to the OS keychain only (package secrets); everything else to
// the database through app/settings, which refuses bad input before anything is saved.
// Keychain calls, backups and connection tests run off the UI goroutine.
package settings

import (
	"context"
	"path/filepath"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"salondesk/app"
	"salondesk/app/salonboard"
	"salondesk/app/secrets"
	asettings "salondesk/app/settings"
)

// Deps are what main wires in: the keychain, paths, the connection tests of the sync
// packages, and the restart. A nil test func disables its button; a nil Restart asks the
// user to start the app again themselves.
type Deps struct {
	Secrets *secrets.Store
	DataDir string // default: the database's directory
	LogPath string

	// Connection tests get the values on the screen (validated) and the password typed
	// or, when none was typed, the one in the keychain. They are called off the UI
	// goroutine with a context that ends after TestTimeout.
	TestSalonBoard func(ctx context.Context, sb asettings.SalonBoard, password string) error
	TestMailbox    func(ctx context.Context, m asettings.Mailbox, password string) error
	TestSmaregi    func(ctx context.Context, sm asettings.Smaregi, token string) error

	// SalonBoardMasters is what 「SALON BOARDから取り込む」 reads: the running sync's web
	// client (nil while SALON BOARD is not set up: the button is off).
	SalonBoardMasters salonboard.MastersSource

	Restart     func()         // quit and start again (after a restore, a language change)
	ShowHours   func()         // opens 営業時間 (受付・スタッフ/マシン・設備)
	SyncState   func() string  // a line about the sync workers for システム情報; must return at once
	ReceiverURL func() string  // スマレジAPI 送信URL; must return at once
	Tokens      ReceiverTokens // the receiver's IDコード (nil: the list says it is not wired)
}

// screen is the 設定 screen's state; tests reach into it.
type screen struct {
	a     *app.App
	win   fyne.Window
	deps  Deps
	conf  *asettings.Settings
	jobs  sync.WaitGroup // background work, so that tests can wait for it
	do    func(func())   // runs on the UI goroutine: fyne.Do (tests queue it instead)
	tabs  *container.AppTabs
	sb    *salonBoardTab
	sm    *smaregiTab
	salon *salonTab
	bk    *backupTab
	info  *infoTab
}

// New builds the 設定 screen.
func New(a *app.App, win fyne.Window, deps Deps) fyne.CanvasObject {
	return newScreen(a, win, deps, fyne.Do).tabs
}

func newScreen(a *app.App, win fyne.Window, deps Deps, do func(func())) *screen {
	if deps.Secrets == nil {
		deps.Secrets = secrets.New()
	}
	if deps.DataDir == "" {
		deps.DataDir = filepath.Dir(a.DatabasePath())
	}
	s := &screen{a: a, win: win, deps: deps, conf: asettings.New(a), do: do}
	s.sb = newSalonBoardTab(s)
	s.sm = newSmaregiTab(s)
	s.salon = newSalonTab(s)
	s.bk = newBackupTab(s)
	s.info = newInfoTab(s)
	s.tabs = container.NewAppTabs(
		container.NewTabItem(lang.X("settings.tab.salonboard", "SALON BOARD"), s.sb.content),
		container.NewTabItem(lang.X("settings.tab.smaregi", "スマレジ"), s.sm.content),
		container.NewTabItem(lang.X("settings.tab.salon", "サロン"), s.salon.content),
		container.NewTabItem(lang.X("settings.tab.backup", "バックアップ"), s.bk.content),
		container.NewTabItem(lang.X("settings.tab.sysinfo", "システム情報"), s.info.content),
	)
	s.tabs.OnSelected = func(*container.TabItem) { s.refreshSelected() }
	s.load()
	return s
}

// load fills every tab from the database and asks the keychain what is stored.
func (s *screen) load() {
	for _, fill := range []func() error{s.sb.fill, s.sm.fill, s.salon.fill} {
		if err := fill(); err != nil {
			s.showError(err)
		}
	}
	s.loadSecrets()
}

// refreshSelected rereads the lists that change behind the screen's back.
func (s *screen) refreshSelected() {
	switch s.tabs.SelectedIndex() {
	case 3:
		s.bk.refresh()
	case 4:
		s.info.refresh()
	}
}

// loadSecrets asks the keychain, off the UI goroutine, which secrets are stored.
func (s *screen) loadSecrets() {
	fields := []*secretField{s.sb.password, s.sb.mailPassword, s.sm.token}
	for _, f := range fields {
		f.checking()
	}
	s.background(func() {
		avail := s.deps.Secrets.Available()
		stored := make([]bool, len(fields))
		if avail == nil {
			for i, f := range fields {
				stored[i], _ = s.deps.Secrets.Has(f.key)
			}
		}
		s.do(func() {
			for i, f := range fields {
				f.setStored(stored[i], avail)
			}
			s.sb.keychain.show(avail)
			s.sm.keychain.show(avail)
		})
	})
}

// background runs fn on its own goroutine; fn hops back to the UI with s.do.
func (s *screen) background(fn func()) {
	s.jobs.Add(1)
	go func() {
		defer s.jobs.Done()
		fn()
	}()
}

func (s *screen) showError(err error) {
	if app.ErrorKey(err) == "" { // bad input is the user's to fix, not the log's
		fyne.LogError("settings", err)
	}
	dialog.ShowError(err, s.win)
}

func (s *screen) showInfo(title, message string) {
	dialog.ShowInformation(title, message, s.win)
}

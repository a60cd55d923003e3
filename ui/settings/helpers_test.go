package settings

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/zalando/go-keyring"

	"salondesk/app"
	"salondesk/app/secrets"
	asettings "salondesk/app/settings"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/ui/internal/uitest"
)

// testNow is the fixed clock of these tests.
var testNow = time.Date(2025, 6, 20, 13, 19, 0, 0, time.Local)

// fixture is the 設定 screen on a seeded salon's real database, with the mock keychain.
type fixture struct {
	t     *testing.T
	st    *data.Store
	salon datatest.Salon
	a     *app.App
	sec   *secrets.Store
	win   fyne.Window
	s     *screen
	deps  Deps
	ui    chan func() // what the screen hands to the UI goroutine: run by wait
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	keyring.MockInit()
	uitest.NewApp(t)
	st := datatest.NewStore(t)
	f := &fixture{t: t, st: st, salon: datatest.Seed(t, st), sec: secrets.New(), ui: make(chan func(), 100)}
	f.a = app.New(st, app.WithClock(func() time.Time { return testNow }), app.WithVersion("1.2.3"))
	f.deps = Deps{Secrets: f.sec}
	f.win = test.NewWindow(nil)
	f.win.Resize(fyne.NewSize(1100, 900))
	t.Cleanup(f.win.Close)
	return f
}

// open builds the screen with f.deps and waits for the keychain lookups.
func (f *fixture) open() {
	f.s = newScreen(f.a, f.win, f.deps, func(fn func()) { f.ui <- fn })
	f.win.SetContent(f.s.tabs)
	f.wait()
}

// wait lets the background work (keychain, tests, backups) finish, and runs what it
// hands back to the UI on this goroutine, as the app's main loop does.
func (f *fixture) wait() {
	f.t.Helper()
	deadline := time.After(20 * time.Second)
	for ran := true; ran || len(f.ui) > 0; {
		ran = false // a round in which nothing ran for the UI ends the wait
		done := make(chan struct{})
		go func() { f.s.jobs.Wait(); close(done) }()
	round:
		for {
			select {
			case fn := <-f.ui:
				fn()
				ran = true
			case <-done:
				break round
			case <-deadline:
				f.t.Fatal("background work did not finish")
			}
		}
	}
}

func (f *fixture) setting(key string) string {
	f.t.Helper()
	v, err := f.st.Setting(context.Background(), key, "")
	if err != nil {
		f.t.Fatal(err)
	}
	return v
}

func (f *fixture) secret(key string) string {
	f.t.Helper()
	v, err := f.sec.Get(key)
	if err != nil && err != secrets.ErrNotFound {
		f.t.Fatal(err)
	}
	return v
}

func (f *fixture) all() asettings.All {
	f.t.Helper()
	all, err := asettings.New(f.a).All(context.Background())
	if err != nil {
		f.t.Fatal(err)
	}
	return all
}

// wantDialog checks that the dialog on top holds this message, then closes it.
func (f *fixture) wantDialog(want string) {
	f.t.Helper()
	got := uitest.TakeDialog(f.win)
	if got == "" || !strings.Contains(got, want) {
		f.t.Fatalf("dialog = %q, want %q", got, want)
	}
}

func msg(key string) string { return (&app.UserError{Key: key}).Error() }

// fillSalonBoard types a complete, valid SALON BOARD form.
func (f *fixture) fillSalonBoard() {
	t := f.s.sb
	t.enabled.SetChecked(true)
	uitest.Retype(t.loginID, "CD12345")
	uitest.Retype(t.password.entry, "sb-Pa55word!")
	uitest.Retype(t.host, "imap.example.jp")
	uitest.Retype(t.port, "993")
	t.tls.SetSelectedIndex(0)
	uitest.Retype(t.user, "yoyaku@example.jp")
	uitest.Retype(t.mailPassword.entry, "mail-Pa55word?")
	uitest.Retype(t.mailEvery, "5")
	uitest.Retype(t.reconcile, "60")
}

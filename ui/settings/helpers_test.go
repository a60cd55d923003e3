package settings

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/zalando/go-keyring"

	"salondesk/app"
	"salondesk/app/secrets"
	asettings "salondesk/app/settings"
	"salondesk/assets"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/ui/theme"
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
	fa := test.NewTempApp(t)
	fa.Settings().SetTheme(theme.New())
	if err := assets.UseLanguage("ja"); err != nil {
		t.Fatal(err)
	}
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

// retype replaces an entry's text the way staff do: clear it, then type.
func retype(e *widget.Entry, s string) {
	e.SetText("")
	test.Type(e, s)
}

// walk visits o and everything drawn inside it.
func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			walk(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			walk(c, fn)
		}
	}
}

// texts is every label and text drawn inside o.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	walk(o, func(c fyne.CanvasObject) {
		switch x := c.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *canvas.Text:
			b.WriteString(x.Text + "\n")
		}
	})
	return b.String()
}

// takeDialog returns the text of the dialog on top and closes it ("" when none).
func (f *fixture) takeDialog() string {
	top := f.win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	s := texts(top)
	f.win.Canvas().Overlays().Remove(top)
	return s
}

// tapInDialog taps the button with this text in the dialog on top.
func (f *fixture) tapInDialog(text string) {
	f.t.Helper()
	top := f.win.Canvas().Overlays().Top()
	if top == nil {
		f.t.Fatalf("no dialog open to tap %q", text)
	}
	var btn *widget.Button
	walk(top, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			btn = b
		}
	})
	if btn == nil {
		f.t.Fatalf("no button %q in dialog: %s", text, texts(top))
	}
	test.Tap(btn)
}

// wantDialog checks that the dialog on top holds this message, then closes it.
func (f *fixture) wantDialog(want string) {
	f.t.Helper()
	got := f.takeDialog()
	if got == "" || !strings.Contains(got, want) {
		f.t.Fatalf("dialog = %q, want %q", got, want)
	}
}

func msg(key string) string { return (&app.UserError{Key: key}).Error() }

// fillSalonBoard types a complete, valid SALON BOARD form.
func (f *fixture) fillSalonBoard() {
	t := f.s.sb
	t.enabled.SetChecked(true)
	retype(t.loginID, "CD12345")
	retype(t.password.entry, "sb-Pa55word!")
	retype(t.host, "imap.example.jp")
	retype(t.port, "993")
	t.tls.SetSelectedIndex(0)
	retype(t.user, "yoyaku@example.jp")
	retype(t.mailPassword.entry, "mail-Pa55word?")
	retype(t.mailEvery, "5")
	retype(t.reconcile, "60")
}

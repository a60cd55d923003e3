package masters

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/assets"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/ui/theme"
)

// fixture is a seeded salon on a real database with the app over it and a test window.
type fixture struct {
	st    *data.Store
	salon datatest.Salon
	a     *app.App
	win   fyne.Window
}

// testNow is the fixed clock: Sunday 2026-11-01 09:00, the seed's customers' creation time.
var testNow = time.Date(2026, 11, 1, 9, 0, 0, 0, time.Local)

func newFixture(t *testing.T) *fixture {
	t.Helper()
	fa := test.NewTempApp(t)
	fa.Settings().SetTheme(theme.New())
	if err := assets.UseLanguage("ja"); err != nil {
		t.Fatal(err)
	}
	st := datatest.NewStore(t)
	f := &fixture{st: st, salon: datatest.Seed(t, st)}
	f.a = app.New(st, app.WithClock(func() time.Time { return testNow }))
	f.win = test.NewWindow(nil)
	f.win.Resize(fyne.NewSize(1000, 700))
	t.Cleanup(f.win.Close)
	return f
}

func (f *fixture) show(o fyne.CanvasObject) { f.win.SetContent(o) }

// count is the number of rows of a table.
func (f *fixture) count(t *testing.T, table string) int {
	t.Helper()
	var n int
	if err := f.st.Reader().QueryRowContext(context.Background(), `SELECT COUNT(*) FROM `+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
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

// takeDialog returns the text of the dialog on top of the window and closes it
// ("" when no dialog is open).
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
func (f *fixture) tapInDialog(t *testing.T, text string) {
	t.Helper()
	top := f.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open to tap %q", text)
	}
	var btn *widget.Button
	walk(top, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			btn = b
		}
	})
	if btn == nil {
		t.Fatalf("no button %q in dialog: %s", text, texts(top))
	}
	test.Tap(btn)
}

// wantDialog checks that an error dialog with this key's message is open, then closes it.
func (f *fixture) wantDialog(t *testing.T, key string) {
	t.Helper()
	got := f.takeDialog()
	want := (&app.UserError{Key: key}).Error()
	if got == "" || !strings.Contains(got, want) {
		t.Fatalf("dialog = %q, want the message of %s (%q)", got, key, want)
	}
}

// noDialog checks that nothing complained.
func (f *fixture) noDialog(t *testing.T) {
	t.Helper()
	if got := f.takeDialog(); got != "" {
		t.Fatalf("unexpected dialog: %q", got)
	}
}

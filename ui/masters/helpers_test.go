package masters

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"salondesk/app"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/ui/internal/uitest"
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
	uitest.NewApp(t)
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

// wantDialog checks that an error dialog with this key's message is open, then closes it.
func (f *fixture) wantDialog(t *testing.T, key string) {
	t.Helper()
	got := uitest.TakeDialog(f.win)
	want := (&app.UserError{Key: key}).Error()
	if got == "" || !strings.Contains(got, want) {
		t.Fatalf("dialog = %q, want the message of %s (%q)", got, key, want)
	}
}

// noDialog checks that nothing complained.
func (f *fixture) noDialog(t *testing.T) {
	t.Helper()
	if got := uitest.TakeDialog(f.win); got != "" {
		t.Fatalf("unexpected dialog: %q", got)
	}
}

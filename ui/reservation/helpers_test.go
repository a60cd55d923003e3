package reservation

import (
	"context"
	"database/sql"
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

// testDay is a Tuesday: 鈴木 is off, 佐藤 works.
const testDay = "2026-11-10"

type fixture struct {
	a     *app.App
	store *data.Store
	salon datatest.Salon
	win   fyne.Window
	ctx   context.Context
}

// newFixture is the seeded test salon on a real database, at 09:00 the day before testDay.
func newFixture(t *testing.T) *fixture {
	t.Helper()
	ta := test.NewTempApp(t)
	ta.Settings().SetTheme(theme.New())
	if err := assets.UseLanguage("ja"); err != nil {
		t.Fatal(err)
	}
	store := datatest.NewStore(t)
	salon := datatest.Seed(t, store)
	now := datatest.At("2026-11-09", "09:00")
	a := app.New(store, app.WithClock(func() time.Time { return now }))
	w := test.NewWindow(widget.NewLabel(""))
	w.Resize(fyne.NewSize(900, 780))
	t.Cleanup(w.Close)
	return &fixture{a: a, store: store, salon: salon, win: w, ctx: context.Background()}
}

// reserve books through app, as another screen would.
func (f *fixture) reserve(t *testing.T, in app.ReservationInput) data.Reservation {
	t.Helper()
	r, err := f.a.SaveReservation(f.ctx, in)
	if err != nil {
		t.Fatalf("reserve: %v", err)
	}
	return r
}

// setSync sets a reservation's 連携状況 as the sync worker would.
func (f *fixture) setSync(t *testing.T, id int64, state data.SyncState, reason string, route data.Route) {
	t.Helper()
	err := f.store.Tx(f.ctx, func(tx *sql.Tx) error {
		v, err := data.GetReservation(f.ctx, tx, id)
		if err != nil {
			return err
		}
		r := v.Reservation
		r.SyncState, r.SyncReason = state, reason
		if route != "" {
			r.Route = route
		}
		return data.UpdateReservation(f.ctx, tx, &r)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func (f *fixture) all(t *testing.T) []data.ReservationView {
	t.Helper()
	list, err := f.a.Reservations(f.ctx, data.ReservationFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func (f *fixture) get(t *testing.T, id int64) data.ReservationView {
	t.Helper()
	v, err := f.a.Reservation(f.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// visible walks what is drawn: widgets through their (cached) renderers, hidden objects skipped.
func visible(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	fn(o)
	switch c := o.(type) {
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(c).Objects() {
			visible(child, fn)
		}
	case *fyne.Container:
		for _, child := range c.Objects {
			visible(child, fn)
		}
	}
}

// texts is every text drawn under o, one per line.
func texts(o fyne.CanvasObject) string {
	var b strings.Builder
	visible(o, func(o fyne.CanvasObject) {
		if t, ok := o.(*canvas.Text); ok {
			b.WriteString(t.Text)
			b.WriteByte('\n')
		}
	})
	return b.String()
}

// topOverlay is the dialog in front, nil when none.
func topOverlay(w fyne.Window) fyne.CanvasObject { return w.Canvas().Overlays().Top() }

// button finds a visible button by its text under o.
func button(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	visible(o, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q in:\n%s", text, texts(o))
	}
	return found
}

// mustContain looks for want in the drawn texts, across the line breaks of wrapped labels.
func mustContain(t *testing.T, where, got, want string) {
	t.Helper()
	if !strings.Contains(got, want) && !strings.Contains(strings.ReplaceAll(got, "\n", ""), want) {
		t.Fatalf("%s: %q not shown in:\n%s", where, want, got)
	}
}

func mustNotContain(t *testing.T, where, got, unwanted string) {
	t.Helper()
	if strings.Contains(got, unwanted) {
		t.Fatalf("%s: %q shown but should not be, in:\n%s", where, unwanted, got)
	}
}

// tapCheck taps a checkbox on its box: test.Tap's corner may lie outside the active area
// of a check stretched taller than its text.
func tapCheck(c *widget.Check) { test.TapAt(c, fyne.NewPos(4, c.Size().Height/2)) }

package reservation

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/ui/internal/uitest"
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
	uitest.NewApp(t)
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

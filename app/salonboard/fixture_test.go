package salonboard_test

import (
	"context"
	"testing"
	"time"

	"salondesk/app"
	"salondesk/app/salonboard"
	"salondesk/data"
	"salondesk/data/datatest"
)

// fixture is a seeded salon on a real database with a fixed clock (2026-11-20, a Friday)
// and the SALON BOARD room installed (its hook only queues once SetEnabled(true)).
type fixture struct {
	store *data.Store
	app   *app.App
	sb    *salonboard.Room
	ids   datatest.Salon
	ctx   context.Context
}

func newFixture(t *testing.T, opts ...app.Option) *fixture {
	t.Helper()
	now := datatest.At("2026-11-20", "09:00")
	return newFixtureClock(t, func() time.Time { return now }, opts...)
}

// newRunningFixture's clock starts at 2026-11-20 09:00 and runs: retries fall due.
func newRunningFixture(t *testing.T) *fixture {
	t.Helper()
	base, started := datatest.At("2026-11-20", "09:00"), time.Now()
	return newFixtureClock(t, func() time.Time { return base.Add(time.Since(started)) })
}

func newFixtureClock(t testing.TB, clock func() time.Time, opts ...app.Option) *fixture {
	t.Helper()
	s := datatest.NewStore(t)
	ids := datatest.Seed(t, s)
	a := app.New(s, append([]app.Option{app.WithClock(clock)}, opts...)...)
	return &fixture{store: s, app: a, sb: salonboard.Install(a), ids: ids, ctx: context.Background()}
}

func (f *fixture) count(t *testing.T, table string) int {
	t.Helper()
	var n int
	if err := f.store.Reader().QueryRowContext(f.ctx, "SELECT COUNT(*) FROM "+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func (f *fixture) book(staff string, start time.Time, menus ...string) (data.Reservation, error) {
	in := app.ReservationInput{CustomerID: f.ids.Customers["タナカ　イチロウ"], Start: start,
		StaffID: f.ids.Staff[staff], Route: data.RoutePhone}
	for _, m := range menus {
		in.MenuIDs = append(in.MenuIDs, f.ids.Menus[m])
	}
	return f.app.SaveReservation(f.ctx, in)
}

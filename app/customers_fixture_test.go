package app_test

import (
	"context"
	"testing"

	"salondesk/app"
	"salondesk/app/salonboard"
	"salondesk/data"
	"salondesk/data/datatest"
)

// outboxFixture is a seeded salon on a real database file with the SALON BOARD room
// installed and its sync on (so cancellations queue their verified cancel), on a fake clock.
type outboxFixture struct {
	store *data.Store
	app   *app.App
	ids   datatest.Salon
	clock *datatest.Clock
	ctx   context.Context
}

func newOutboxFixture(t *testing.T) *outboxFixture {
	t.Helper()
	s := datatest.NewStore(t)
	f := &outboxFixture{store: s, ids: datatest.Seed(t, s), ctx: context.Background(),
		clock: datatest.NewClock(datatest.At("2026-11-20", "09:00"))}
	f.app = app.New(s, app.WithClock(f.clock.Now))
	if err := salonboard.Install(f.app).SetEnabled(f.ctx, true); err != nil {
		t.Fatal(err)
	}
	return f
}

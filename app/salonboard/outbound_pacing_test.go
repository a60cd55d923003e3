package salonboard_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"salondesk/app"
	"salondesk/data/datatest"
	"salondesk/sync/salonboard/sbdouble"
	"salondesk/sync/salonboard/web"
)

// virtualClock is the web client's clock in a test: its pauses move it on at once, so the
// time SALON BOARD's pacing costs is computed, not slept.
type virtualClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *virtualClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *virtualClock) SleepUntil(ctx context.Context, t time.Time) error {
	c.mu.Lock()
	if t.After(c.now) {
		c.now = t
	}
	c.mu.Unlock()
	return ctx.Err()
}

// With the default pacing (1–2 s between pages, 10 s between logins) a desk change and a
// desk cancellation each cost their page pauses: the time from the desk's save to the
// write verified in SALON BOARD, on the client's clock (the outbox picks the job at once:
// the commit kicks the runner). Figures for a warm session and for one SALON BOARD ended.
func TestChangeAndCancelTimeWithDefaultPacing(t *testing.T) {
	clock := &virtualClock{now: time.Date(2026, 11, 20, 9, 0, 0, 0, time.Local)}
	o := newOutboundClient(t, func(cfg *web.Config) {
		def := web.DefaultPacing()
		cfg.Pacing, cfg.Clock, cfg.Timeout = &def, clock, 5*time.Second
	})
	book := func(hhmm string) int64 {
		return o.bookSynced(t, app.ReservationInput{Start: datatest.At("2026-11-21", hhmm),
			StaffID: o.ids.Staff["鈴木"], MenuIDs: []int64{o.ids.Menus["カット"]}}).ID
	}
	warm, cold := book("10:00"), book("11:00")
	measure := func(what string, id int64, expire bool, do func(), done func(sbdouble.Reservation) bool) {
		t.Helper()
		if expire {
			o.double.ExpireSessions()
		}
		o.double.ResetRequests()
		from := clock.Now()
		do()
		o.waitSynced(t, what, id, done)
		n, took := len(o.double.Requests()), clock.Now().Sub(from)
		logins := o.double.Count(sbdouble.PathDoLogin)
		t.Logf("%s: %d HTTP requests (%d logins), %v on the client's clock", what, n, logins, took.Round(time.Millisecond))
		// Every page load waits 1–2 s after the one before; a login waits up to 10 s more.
		if took < time.Duration(n)*time.Second || took > time.Duration(n)*2*time.Second+time.Duration(logins)*10*time.Second {
			t.Errorf("%s: %v for %d requests is outside the pacing's bounds", what, took, n)
		}
	}
	change := func(id int64, hhmm string) func() {
		return func() {
			o.change(t, o.reservation(t, id), datatest.At("2026-11-21", hhmm), 0, o.ids.Menus["カット"])
		}
	}
	cancel := func(id int64) func() {
		return func() {
			if err := o.app.CancelReservation(o.ctx, id, false); err != nil {
				t.Fatal(err)
			}
		}
	}
	at := func(hour int) func(sbdouble.Reservation) bool {
		return func(h sbdouble.Reservation) bool { return h.Start.Hour() == hour }
	}
	cancelled := func(h sbdouble.Reservation) bool { return h.Status == sbdouble.StatusSalonCancel }
	measure("change, warm session", warm, false, change(warm, "13:00"), at(13))
	measure("cancel, warm session", warm, false, cancel(warm), cancelled)
	measure("change, session ended", cold, true, change(cold, "15:00"), at(15))
	measure("cancel, session ended", cold, true, cancel(cold), cancelled)
}

package salonboard_test

import (
	"context"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"salondesk/app/salonboard"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/sync/salonboard/sbdouble"
	"salondesk/sync/salonboard/web"
)

// busySalon is a salon about to be brought in: the SALON BOARD double on loopback holding
// a seeded busy salon (no mail for any of it), a client paced as in production on a
// virtual clock (the pauses are counted, not slept), and the app on the same clock.
type busySalon struct {
	*fixture
	d      *sbdouble.Double
	vc     *web.VirtualClock
	client *web.Client
	web    *recordingWeb
	seeded sbdouble.Seeded
	start  time.Time
}

func newBusySalon(t testing.TB, reservations, days int, opts ...func(*web.Config)) *busySalon {
	t.Helper()
	start := datatest.At("2026-11-20", "06:00")
	vc := web.NewVirtualClock(start)
	f := newFixtureClock(t, vc.Now)
	d := sbdouble.New(sbdouble.Config{Location: time.Local, Now: vc.Now})
	b := &busySalon{fixture: f, d: d, vc: vc, start: start}
	if reservations > 0 {
		b.seeded = d.SeedBusy(sbdouble.BusySalon{Reservations: reservations, Days: days, Staff: 8, Seed: 14})
	}
	srv := httptest.NewServer(d)
	t.Cleanup(srv.Close)
	pace := web.DefaultPacing()
	cfg := web.Config{BaseURL: srv.URL, UserID: "SD0000001", Password: "synthetic-pass", Pacing: &pace,
		Location: time.Local, Timeout: 10 * time.Second, Clock: vc}
	for _, o := range opts {
		o(&cfg)
	}
	client, err := web.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	b.client, b.web = client, &recordingWeb{Web: client}
	return b
}

// requests is what the double answered since the last reset, and the pacing slept.
func (b *busySalon) requests() (sbdouble.RequestLog, time.Duration) {
	return b.d.Requests(), b.vc.Slept()
}

// active are the double's reservations that hold a slot in [from, to).
func (b *busySalon) active(from, to time.Time) map[string]sbdouble.Reservation {
	out := map[string]sbdouble.Reservation{}
	for _, r := range b.d.Reservations() {
		if (r.Status == 0 || !web.IsCancelled(r.Status)) && !r.Start.Before(from) && r.Start.Before(to) {
			out[r.ID] = r
		}
	}
	return out
}

// local are the reservations here that carry a SALON BOARD number, by number.
func (b *busySalon) local(t testing.TB) map[string]data.ReservationView {
	t.Helper()
	list, err := b.app.Reservations(b.ctx, data.ReservationFilter{From: b.start.AddDate(-1, 0, 0),
		To: b.start.AddDate(1, 0, 0)})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]data.ReservationView{}
	for _, v := range list {
		if v.SBNumber != "" {
			if _, dup := out[v.SBNumber]; dup {
				t.Fatalf("%s is here twice", v.SBNumber)
			}
			out[v.SBNumber] = v
		}
	}
	return out
}

// recordingWeb remembers every list search and the rows each handed over.
type recordingWeb struct {
	salonboard.Web
	mu       sync.Mutex
	searches []web.ListQuery
	rows     []web.ListRow
}

func (r *recordingWeb) ListPages(ctx context.Context, q web.ListQuery, each func(web.ListPage) error) error {
	r.mu.Lock()
	r.searches = append(r.searches, q)
	r.mu.Unlock()
	return r.Web.ListPages(ctx, q, func(p web.ListPage) error {
		r.mu.Lock()
		r.rows = append(r.rows, p.Rows...)
		r.mu.Unlock()
		return each(p)
	})
}

func (r *recordingWeb) reset() {
	r.mu.Lock()
	r.searches, r.rows = nil, nil
	r.mu.Unlock()
}

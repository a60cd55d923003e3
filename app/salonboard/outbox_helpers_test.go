package salonboard_test

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"testing"
	"time"

	"salondesk/app"
	"salondesk/app/salonboard"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/sync/outbox"
)

// outboxFixture is a seeded salon on a real database file with SALON BOARD sync on and a
// fake clock.
type outboxFixture struct {
	store *data.Store
	app   *app.App
	sb    *salonboard.Room
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
	f.sb = salonboard.Install(f.app)
	if err := f.sb.SetEnabled(f.ctx, true); err != nil {
		t.Fatal(err)
	}
	return f
}

// book saves a phone reservation, which queues its SALON BOARD registration.
func (f *outboxFixture) book(t *testing.T, hhmm string) data.Reservation {
	t.Helper()
	r, err := f.app.SaveReservation(f.ctx, app.ReservationInput{CustomerID: f.ids.Customers["タナカ　イチロウ"],
		Start: datatest.At("2026-11-21", hhmm), StaffID: f.ids.Staff["鈴木"], Route: data.RoutePhone,
		MenuIDs: []int64{f.ids.Menus["前髪カット"]}})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// enqueue writes a job as app code does, in its own transaction.
func (f *outboxFixture) enqueue(t testing.TB, kind, ref string) int64 {
	t.Helper()
	j := data.Job{Kind: kind, Ref: ref, Payload: "{}"}
	if err := f.store.Tx(f.ctx, func(tx *sql.Tx) error { return data.EnqueueJob(f.ctx, tx, &j, f.clock.Now()) }); err != nil {
		t.Fatal(err)
	}
	return j.ID
}

// job reads one job back.
func (f *outboxFixture) job(t *testing.T, ref string, id int64) data.Job {
	t.Helper()
	jobs, err := data.ListJobs(f.ctx, f.store.Reader(), ref)
	if err != nil {
		t.Fatal(err)
	}
	for _, j := range jobs {
		if j.ID == id {
			return j
		}
	}
	t.Fatalf("job %d of %s not found", id, ref)
	return data.Job{}
}

// quiet drops the runner's log lines (a panic's stack would flood the test output).
func quiet(string, ...any) {}

// start runs r until the test ends (or stop is called), failing the test if Run fails.
func start(t *testing.T, r *outbox.Runner) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("Run: %v", err)
				}
			case <-time.After(10 * time.Second):
				t.Error("Run did not return after its context was cancelled")
			}
		})
	}
	t.Cleanup(stop)
	return stop
}

// waitFor polls cond until it holds, failing after a few seconds with what.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// waitState waits until job id of ref has state and attempts.
func (f *outboxFixture) waitState(t *testing.T, ref string, id int64, state string, attempts int) data.Job {
	t.Helper()
	var j data.Job
	waitFor(t, fmt.Sprintf("job %d %s after %d attempts", id, state, attempts), func() bool {
		j = f.job(t, ref, id)
		return j.State == state && j.Attempts == attempts
	})
	return j
}

// reasonErr is a permanent SALON BOARD refusal that carries its reason key.
type reasonErr struct{ reason string }

func (e reasonErr) Error() string  { return "salonboard: refused (" + e.reason + ")" }
func (e reasonErr) Reason() string { return e.reason }

// offlineErr is a request that reached nobody.
type offlineErr struct{}

func (offlineErr) Error() string { return "salonboard: dial tcp: connection refused" }
func (offlineErr) Offline() bool { return true }

// events records the app's events by type name.
type events struct {
	mu    sync.Mutex
	count map[string]int
}

func record(a *app.App) *events {
	ev := &events{count: map[string]int{}}
	a.Events().Subscribe(func(e app.Event) {
		ev.mu.Lock()
		ev.count[fmt.Sprintf("%T", e)]++
		ev.mu.Unlock()
	})
	return ev
}

func (ev *events) n(name string) int {
	ev.mu.Lock()
	defer ev.mu.Unlock()
	return ev.count["app."+name]
}

package salonboard_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"salondesk/app"
	"salondesk/app/salonboard"
	"salondesk/data"
	"salondesk/sync/outbox"
)

// Tests of the outbox runner on real database files through the app's adapter: order per
// ref, retries and backoff on a fake clock, failures turned into お知らせ, a crash mid-send,
// a panicking handler, and many workers.

func TestOutboxRunsEachRefInOrder(t *testing.T) {
	f := newOutboxFixture(t)
	refs := []string{"reservation:1", "reservation:2", "customer:7"}
	want := map[string][]int64{}
	for _, i := range []int{0, 0, 1, 0, 2, 1, 1, 0, 2, 2, 0, 1} { // interleaved, with runs
		want[refs[i]] = append(want[refs[i]], f.enqueue(t, "x.send", refs[i]))
	}
	var mu sync.Mutex
	seen := map[string][]int64{}
	r := f.app.NewOutboxRunner(outbox.Options{Workers: 3, Logf: quiet})
	r.Handle("x.send", func(ctx context.Context, j outbox.Job) error {
		// Older jobs take longer: were two of a ref let run at once, the newer would finish first.
		time.Sleep(time.Duration(13-j.ID) * 2 * time.Millisecond)
		mu.Lock()
		seen[j.Ref] = append(seen[j.Ref], j.ID)
		mu.Unlock()
		return nil
	})
	start(t, r)
	waitFor(t, "all jobs done", func() bool { n, _ := f.store.WaitingJobCount(f.ctx); return n == 0 })
	mu.Lock()
	defer mu.Unlock()
	for _, ref := range refs {
		if fmt.Sprint(seen[ref]) != fmt.Sprint(want[ref]) {
			t.Errorf("%s finished %v, want %v", ref, seen[ref], want[ref])
		}
	}
}

func TestOutboxRetriesWithBackoffUntilSuccess(t *testing.T) {
	f := newOutboxFixture(t)
	res := f.book(t, "11:00")
	ref := fmt.Sprintf("reservation:%d", res.ID)
	jobs, _ := data.ListJobs(f.ctx, f.store.Reader(), ref)
	id := jobs[0].ID
	r := f.app.NewOutboxRunner(outbox.Options{BaseDelay: 10 * time.Second, MaxDelay: time.Minute,
		MaxAttempts: 5, Rand: func() float64 { return 0.5 }, Logf: quiet})
	r.Handle(salonboard.JobRegister, func(ctx context.Context, j outbox.Job) error {
		if j.Attempts <= 3 {
			return fmt.Errorf("salonboard: stale page (attempt %d)", j.Attempts)
		}
		return nil
	})
	start(t, r)
	for k, delay := range []time.Duration{5 * time.Second, 10 * time.Second, 20 * time.Second} {
		j := f.waitState(t, ref, id, "pending", k+1)
		if want := f.clock.Now().Add(delay); !j.NextAt.Equal(want) {
			t.Fatalf("retry %d due %v, want %v (half of 10s·2^%d)", k+1, j.NextAt, want, k)
		}
		if !strings.Contains(j.LastError, "stale page") {
			t.Fatalf("last error %q", j.LastError)
		}
		r.Kick() // not due yet: nothing may happen
		time.Sleep(30 * time.Millisecond)
		if j := f.job(t, ref, id); j.Attempts != k+1 {
			t.Fatalf("retried before it was due: %d attempts", j.Attempts)
		}
		f.clock.Set(j.NextAt)
		r.Kick()
	}
	f.waitState(t, ref, id, "done", 4)
	waitFor(t, "the status after the success", func() bool {
		st := r.Status()
		return st.LastError == "" && st.LastSuccess.Equal(f.clock.Now()) && st.Online && st.Waiting == 0
	})
	if n := len(notifications(t, f)); n != 0 {
		t.Fatalf("%d notifications for a job that succeeded", n)
	}
}

func TestOutboxPermanentErrorBecomesNotificationAtOnce(t *testing.T) {
	f := newOutboxFixture(t)
	res := f.book(t, "11:00")
	ref := fmt.Sprintf("reservation:%d", res.ID)
	ev := record(f.app)
	r := f.app.NewOutboxRunner(outbox.Options{Logf: quiet})
	r.Handle(salonboard.JobRegister, func(ctx context.Context, j outbox.Job) error {
		return outbox.Permanent(fmt.Errorf("register: %w", reasonErr{data.ReasonCapacity}))
	})
	start(t, r)
	jobs, _ := data.ListJobs(f.ctx, f.store.Reader(), ref)
	j := f.waitState(t, ref, jobs[0].ID, "failed", 1)
	if !strings.Contains(j.LastError, "refused (capacity)") {
		t.Fatalf("last error %q", j.LastError)
	}
	ns := notifications(t, f)
	if len(ns) != 1 {
		t.Fatalf("%d notifications, want 1", len(ns))
	}
	n := ns[0]
	if n.Direction != data.DirAppToSB || n.Reason != data.ReasonCapacity || n.ReservationID != res.ID ||
		n.ReservationNo != fmt.Sprint(res.Number) || n.ReservationAt != "2026-11-21 11:00" || n.Resolved() {
		t.Fatalf("notification %+v", n)
	}
	v, err := f.app.Reservation(f.ctx, res.ID)
	if err != nil {
		t.Fatal(err)
	}
	if v.SyncState != data.SyncFailed || v.SyncReason != data.ReasonCapacity {
		t.Fatalf("reservation sync %q (%q), want failed (capacity)", v.SyncState, v.SyncReason)
	}
	waitFor(t, "events", func() bool {
		return ev.n("NotificationsChanged") == 1 && ev.n("ReservationsChanged") == 1 && ev.n("SyncStatusChanged") > 0
	})
}

func TestOutboxExhaustedRetriesBecomeTimeoutNotification(t *testing.T) {
	f := newOutboxFixture(t)
	res := f.book(t, "14:00")
	ref := fmt.Sprintf("reservation:%d", res.ID)
	jobs, _ := data.ListJobs(f.ctx, f.store.Reader(), ref)
	id := jobs[0].ID
	r := f.app.NewOutboxRunner(outbox.Options{MaxAttempts: 3, Logf: quiet})
	r.Handle(salonboard.JobRegister, func(ctx context.Context, j outbox.Job) error {
		return errors.New("salonboard: reserve: context deadline exceeded")
	})
	start(t, r)
	for k := 1; k < 3; k++ {
		j := f.waitState(t, ref, id, "pending", k)
		f.clock.Set(j.NextAt)
		r.Kick()
	}
	f.waitState(t, ref, id, "failed", 3)
	ns := notifications(t, f)
	if len(ns) != 1 || ns[0].Reason != data.ReasonTimeout || ns[0].Direction != data.DirAppToSB ||
		ns[0].ReservationNo != fmt.Sprint(res.Number) {
		t.Fatalf("notifications %+v, want one timeout app_to_sb", ns)
	}
	v, _ := f.app.Reservation(f.ctx, res.ID)
	if v.SyncState != data.SyncFailed || v.SyncReason != data.ReasonTimeout {
		t.Fatalf("reservation sync %q (%q), want failed (timeout)", v.SyncState, v.SyncReason)
	}
	waitFor(t, "the status after the last attempt (a timeout is not offline)", func() bool {
		st := r.Status()
		return st.Online && strings.Contains(st.LastError, "deadline") && st.Waiting == 0
	})
}

// TestOutboxCrashMidHandlerLosesNothing stops the process's runner while a handler is
// sending (the job stays running, as after a crash), reopens the database file as a new
// process would, and checks every job is sent exactly once more, in order.
func TestOutboxCrashMidHandlerLosesNothing(t *testing.T) {
	f := newOutboxFixture(t)
	res := f.book(t, "11:00")
	ref := fmt.Sprintf("reservation:%d", res.ID)
	jobs, _ := data.ListJobs(f.ctx, f.store.Reader(), ref)
	first := jobs[0].ID
	second := f.enqueue(t, salonboard.JobChange, ref)
	other := f.enqueue(t, salonboard.JobRegister, "reservation:999")

	started := make(chan struct{})
	r1 := f.app.NewOutboxRunner(outbox.Options{Logf: quiet})
	r1.Handle(salonboard.JobRegister, func(ctx context.Context, j outbox.Job) error {
		close(started)
		<-ctx.Done() // the process dies while the request is on the wire
		return ctx.Err()
	})
	r1.Handle(salonboard.JobChange, func(ctx context.Context, j outbox.Job) error { return nil })
	stop := start(t, r1)
	<-started
	stop()
	if j := f.job(t, ref, first); j.State != "running" || j.Attempts != 1 {
		t.Fatalf("after the crash job %+v, want running after 1 attempt", j)
	}

	path := f.store.Path()
	f.store.Close()
	s2, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	a2 := app.New(s2, app.WithClock(f.clock.Now))
	var mu sync.Mutex
	var ran []string
	r2 := a2.NewOutboxRunner(outbox.Options{Logf: quiet})
	send := func(ctx context.Context, j outbox.Job) error {
		mu.Lock()
		ran = append(ran, fmt.Sprintf("%d/%d", j.ID, j.Attempts))
		mu.Unlock()
		return nil
	}
	r2.Handle(salonboard.JobRegister, send)
	r2.Handle(salonboard.JobChange, send)
	start(t, r2)
	waitFor(t, "every job done", func() bool { n, _ := s2.WaitingJobCount(f.ctx); return n == 0 })
	mu.Lock()
	defer mu.Unlock()
	got := strings.Join(ran, " ")
	if len(ran) != 3 || !strings.Contains(got, fmt.Sprintf("%d/1", other)) ||
		strings.Index(got, fmt.Sprintf("%d/2", first)) > strings.Index(got, fmt.Sprintf("%d/1", second)) ||
		!strings.Contains(got, fmt.Sprintf("%d/2", first)) {
		t.Fatalf("second run sent %q: want %d again (attempt 2) before %d, and %d, each once", got, first, second, other)
	}
}

func TestOutboxSurvivesHandlerPanic(t *testing.T) {
	f := newOutboxFixture(t)
	id := f.enqueue(t, "x.send", "reservation:5")
	var logMu sync.Mutex
	var logged strings.Builder
	r := f.app.NewOutboxRunner(outbox.Options{Logf: func(format string, args ...any) {
		logMu.Lock()
		fmt.Fprintf(&logged, format, args...)
		logMu.Unlock()
	}})
	r.Handle("x.send", func(ctx context.Context, j outbox.Job) error {
		if j.Attempts == 1 {
			var m map[string]int
			m["boom"]++ // a bug in a handler
		}
		return nil
	})
	start(t, r)
	j := f.waitState(t, "reservation:5", id, "pending", 1)
	if !strings.Contains(j.LastError, "handler panic") {
		t.Fatalf("after the panic: job error %q", j.LastError)
	}
	waitFor(t, "the panic in the status", func() bool { return strings.Contains(r.Status().LastError, "panic") })
	f.clock.Set(j.NextAt)
	r.Kick()
	f.waitState(t, "reservation:5", id, "done", 2)
	logMu.Lock()
	defer logMu.Unlock()
	if !strings.Contains(logged.String(), "panicked: assignment to entry in nil map") {
		t.Fatalf("the panic was not logged: %q", logged.String())
	}
}

// TestOutboxNeverRunsOneRefTwiceAtOnce runs 200 jobs over 25 refs on 4 workers, some
// failing once, and checks that no two jobs of a ref ever overlap and each ref's jobs
// start in id order. Each ref's jobs are written together, so the oldest due jobs are
// mostly of one ref: only the ordering rule keeps the workers off them. Run with -race.
func TestOutboxNeverRunsOneRefTwiceAtOnce(t *testing.T) {
	f := newOutboxFixture(t)
	const refs, perRef = 25, 8
	for i := range refs * perRef {
		f.enqueue(t, "x.send", fmt.Sprintf("customer:%d", i/perRef))
	}
	var mu sync.Mutex
	inFlight, started := map[string]int{}, map[string][]int64{}
	var overlaps []string
	busy, maxBusy := 0, 0
	// Rand 0: a retry is due at once, so the fixed clock needs no moving.
	r := f.app.NewOutboxRunner(outbox.Options{Workers: 4, Rand: func() float64 { return 0 }, Logf: quiet})
	r.Handle("x.send", func(ctx context.Context, j outbox.Job) error {
		mu.Lock()
		inFlight[j.Ref]++
		if inFlight[j.Ref] > 1 {
			overlaps = append(overlaps, fmt.Sprintf("%s job %d", j.Ref, j.ID))
		}
		started[j.Ref] = append(started[j.Ref], j.ID)
		busy++
		maxBusy = max(maxBusy, busy)
		mu.Unlock()
		time.Sleep(time.Duration(j.ID%3) * time.Millisecond)
		mu.Lock()
		inFlight[j.Ref]--
		busy--
		mu.Unlock()
		if j.ID%7 == 0 && j.Attempts == 1 {
			return errors.New("transient")
		}
		return nil
	})
	start(t, r)
	waitFor(t, "all jobs done", func() bool { n, _ := f.store.WaitingJobCount(f.ctx); return n == 0 })
	mu.Lock()
	defer mu.Unlock()
	if len(overlaps) > 0 {
		t.Fatalf("jobs of one ref ran at once: %v", overlaps)
	}
	total := 0
	for ref, ids := range started {
		for i := 1; i < len(ids); i++ {
			if ids[i] < ids[i-1] {
				t.Fatalf("%s started %v: out of order", ref, ids)
			}
		}
		total += len(ids)
	}
	if want := refs*perRef + refs*perRef/7; total < want-1 || total > want+1 {
		t.Fatalf("%d attempts, want about %d (every job once, every 7th twice)", total, want)
	}
	if maxBusy < 2 {
		t.Fatalf("at most %d job ran at a time: the test proved nothing about concurrency", maxBusy)
	}
}

// TestOutboxOfflineJobsWaitInsteadOfFailing: errors that say the other side could not be
// reached show the runner offline and never use up a job's attempts.
func TestOutboxOfflineJobsWaitInsteadOfFailing(t *testing.T) {
	f := newOutboxFixture(t)
	id := f.enqueue(t, salonboard.JobRegister, "reservation:3")
	ev := record(f.app)
	var mu sync.Mutex
	var statuses []outbox.Status
	r := f.app.NewOutboxRunner(outbox.Options{MaxAttempts: 2, Rand: func() float64 { return 0 }, Logf: quiet,
		OnStatus: func(s outbox.Status) { mu.Lock(); statuses = append(statuses, s); mu.Unlock() }})
	r.Handle(salonboard.JobRegister, func(ctx context.Context, j outbox.Job) error {
		if j.Attempts <= 4 {
			return fmt.Errorf("register: %w", offlineErr{})
		}
		return nil
	})
	start(t, r)
	f.waitState(t, "reservation:3", id, "done", 5)
	if n := len(notifications(t, f)); n != 0 {
		t.Fatalf("%d notifications: offline attempts must not fail the job", n)
	}
	// A copy: holding mu while waiting below would block the runner's OnStatus, and with it
	// the runner's loop before it notes the success (it hung the test under load).
	mu.Lock()
	told := append([]outbox.Status(nil), statuses...)
	mu.Unlock()
	wentOffline := false
	for _, s := range told {
		if !s.Online && strings.Contains(s.LastError, "connection refused") {
			wentOffline = true
		}
	}
	if !wentOffline {
		t.Fatalf("statuses %+v never showed offline", told)
	}
	waitFor(t, "back online", func() bool { st := r.Status(); return st.Online && st.Waiting == 0 })
	if ev.n("SyncStatusChanged") < 2 {
		t.Fatalf("SyncStatusChanged published %d times", ev.n("SyncStatusChanged"))
	}
}

func notifications(t *testing.T, f *outboxFixture) []data.Notification {
	t.Helper()
	ns, err := data.ListNotifications(f.ctx, f.store.Reader(), 100)
	if err != nil {
		t.Fatal(err)
	}
	return ns
}

// TestOutboxSaveReservationKicksTheRunner: a reservation saved at the desk is sent at once,
// not at the next poll.
func TestOutboxSaveReservationKicksTheRunner(t *testing.T) {
	f := newOutboxFixture(t)
	sent := make(chan outbox.Job, 1)
	r := f.app.NewOutboxRunner(outbox.Options{PollInterval: time.Hour, Logf: quiet})
	r.Handle(salonboard.JobRegister, func(ctx context.Context, j outbox.Job) error { sent <- j; return nil })
	start(t, r)
	time.Sleep(20 * time.Millisecond) // let it fall asleep for the hour
	res := f.book(t, "15:00")
	select {
	case j := <-sent:
		if j.Ref != fmt.Sprintf("reservation:%d", res.ID) || j.Attempts != 1 {
			t.Fatalf("sent %+v", j)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the saved reservation's job was not sent: ReservationsChanged did not kick the runner")
	}
}

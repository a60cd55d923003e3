package outbox

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"
)

// memStore is an in-memory JobStore: enough of the durable queue's rules (due, one job
// per ref at a time, oldest first) to drive the runner in these tests.
type memStore struct {
	mu   sync.Mutex
	jobs []*memJob
}

type memJob struct {
	Job
	state string // pending, running, done, failed
	due   time.Time
}

func (s *memStore) add(kind, ref string, due time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.jobs = append(s.jobs, &memJob{Job: Job{ID: int64(len(s.jobs) + 1), Kind: kind, Ref: ref}, state: "pending", due: due})
}

func (s *memStore) state(id int64) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.jobs[id-1].state
}

func (s *memStore) blocked(j *memJob) bool {
	for _, o := range s.jobs {
		if o.ID < j.ID && o.Ref == j.Ref && (o.state == "pending" || o.state == "running") {
			return true
		}
	}
	return false
}

func (s *memStore) RecoverRunning(ctx context.Context, now time.Time) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, j := range s.jobs {
		if j.state == "running" {
			j.state, j.due = "pending", now
			n++
		}
	}
	return n, nil
}

func (s *memStore) Claim(ctx context.Context, now time.Time, kinds []string, limit int) ([]Job, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Job
	for _, j := range s.jobs {
		if len(out) < limit && j.state == "pending" && !j.due.After(now) && slices.Contains(kinds, j.Kind) && !s.blocked(j) {
			j.state = "running"
			j.Attempts++
			out = append(out, j.Job)
		}
	}
	return out, nil
}

func (s *memStore) NextDue(ctx context.Context, kinds []string) (time.Time, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var next time.Time
	for _, j := range s.jobs {
		if j.state == "pending" && slices.Contains(kinds, j.Kind) && !s.blocked(j) && (next.IsZero() || j.due.Before(next)) {
			next = j.due
		}
	}
	return next, nil
}

func (s *memStore) set(id int64, state string, due time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.jobs[id-1].state, s.jobs[id-1].due = state, due
	return nil
}

func (s *memStore) Complete(ctx context.Context, id int64, now time.Time) error {
	return s.set(id, "done", time.Time{})
}

func (s *memStore) Retry(ctx context.Context, id int64, at time.Time, lastErr string, now time.Time) error {
	return s.set(id, "pending", at)
}

func (s *memStore) Fail(ctx context.Context, id int64, lastErr string, now time.Time) error {
	return s.set(id, "failed", time.Time{})
}

func (s *memStore) CountWaiting(ctx context.Context) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, j := range s.jobs {
		if j.state == "pending" || j.state == "running" {
			n++
		}
	}
	return n, nil
}

// fakeClock is moved by the test only.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *fakeClock) Set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }

func quietLog(string, ...any) {}

// The deadline passes while a job is being sent: that job finishes (its context is not
// cut) and is recorded done; the next due job is not taken.
func TestDrainLetsTheRunningJobFinishAndTakesNoNewOne(t *testing.T) {
	t0 := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	clock := &fakeClock{t: t0}
	s := &memStore{}
	s.add("send", "a", t0)
	s.add("send", "b", t0)
	r := New(s, Options{Now: clock.Now, Logf: quietLog})
	var sent []int64
	var cutOff bool
	r.Handle("send", func(ctx context.Context, j Job) error {
		sent = append(sent, j.ID)
		clock.Set(t0.Add(2 * time.Minute)) // the send takes past the deadline
		cutOff = ctx.Err() != nil
		return nil
	})
	if err := r.Drain(context.Background(), t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if len(sent) != 1 || sent[0] != 1 || cutOff {
		t.Fatalf("sent %v (cut off: %v), want only job 1, finished", sent, cutOff)
	}
	if s.state(1) != "done" || s.state(2) != "pending" {
		t.Fatalf("states %s/%s, want done/pending", s.state(1), s.state(2))
	}
	if st := r.Status(); st.Waiting != 1 {
		t.Fatalf("waiting %d, want 1", st.Waiting)
	}
}

// Before the deadline the drain sends every due job, a retry that falls due in time
// included, and returns when nothing more is due before the deadline.
func TestDrainSendsWhatIsDueAndReturns(t *testing.T) {
	t0 := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	clock := &fakeClock{t: t0}
	s := &memStore{}
	s.add("send", "a", t0)
	s.add("send", "b", t0)
	s.add("send", "c", t0.Add(time.Hour)) // due after the deadline: not waited for
	r := New(s, Options{Now: clock.Now, Logf: quietLog, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond,
		Rand: func() float64 { return 0 }})
	tries := 0
	r.Handle("send", func(ctx context.Context, j Job) error {
		if j.ID == 2 && j.Attempts == 1 {
			tries++
			return context.DeadlineExceeded // transient: retried at once (zero jitter)
		}
		return nil
	})
	if err := r.Drain(context.Background(), t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if s.state(1) != "done" || s.state(2) != "done" || s.state(3) != "pending" || tries != 1 {
		t.Fatalf("states %s/%s/%s after %d failed tries", s.state(1), s.state(2), s.state(3), tries)
	}
}

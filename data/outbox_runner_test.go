package data_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"salondesk/data"
	"salondesk/data/datatest"
)

var jobKinds = []string{"x.send", "x.cancel"}

func enqueue(t testing.TB, s *data.Store, kind, ref string, now time.Time) int64 {
	t.Helper()
	j := data.Job{Kind: kind, Ref: ref, Payload: "{}"}
	if err := s.Tx(context.Background(), func(tx *sql.Tx) error {
		return data.EnqueueJob(context.Background(), tx, &j, now)
	}); err != nil {
		t.Fatal(err)
	}
	return j.ID
}

func claimIDs(t *testing.T, s *data.Store, now time.Time, limit int) []int64 {
	t.Helper()
	jobs, err := s.ClaimJobs(context.Background(), now, jobKinds, limit)
	if err != nil {
		t.Fatal(err)
	}
	ids := []int64{}
	for _, j := range jobs {
		if j.State != "running" || j.Attempts < 1 {
			t.Fatalf("claimed job %+v", j)
		}
		ids = append(ids, j.ID)
	}
	return ids
}

func sameIDs(a, b []int64) bool { return fmt.Sprint(a) == fmt.Sprint(b) }

func TestClaimJobsKeepsOrderPerRef(t *testing.T) {
	s := datatest.NewStore(t)
	ctx := context.Background()
	now := datatest.At("2026-11-20", "09:00")
	a1 := enqueue(t, s, "x.send", "reservation:1", now)
	b1 := enqueue(t, s, "x.send", "reservation:2", now)
	a2 := enqueue(t, s, "x.cancel", "reservation:1", now)
	if got := claimIDs(t, s, now, 10); !sameIDs(got, []int64{a1, b1}) {
		t.Fatalf("first claim %v, want %v (a2 waits behind a1)", got, []int64{a1, b1})
	}
	if got := claimIDs(t, s, now, 10); len(got) != 0 {
		t.Fatalf("claimed %v while the older jobs run", got)
	}
	if err := s.CompleteJob(ctx, a1, now); err != nil {
		t.Fatal(err)
	}
	if got := claimIDs(t, s, now, 10); !sameIDs(got, []int64{a2}) {
		t.Fatalf("after a1 is done: %v, want [%d]", got, a2)
	}
	if err := s.CompleteJob(ctx, a1, now); err == nil {
		t.Fatal("completing a job that is not running must fail")
	}
}

func TestRetryWaitsAndBlocksItsRef(t *testing.T) {
	s := datatest.NewStore(t)
	ctx := context.Background()
	now := datatest.At("2026-11-20", "09:00")
	a1 := enqueue(t, s, "x.send", "r:1", now)
	a2 := enqueue(t, s, "x.send", "r:1", now)
	claimIDs(t, s, now, 1)
	at := now.Add(1500 * time.Millisecond)
	if err := s.RetryJob(ctx, a1, at, "timeout", now); err != nil {
		t.Fatal(err)
	}
	next, err := s.NextJobDue(ctx, jobKinds)
	if err != nil {
		t.Fatal(err)
	}
	if want := now.Add(2 * time.Second); !next.Equal(want) {
		t.Fatalf("next due %v, want %v (rounded up, never early)", next, want)
	}
	if got := claimIDs(t, s, now.Add(time.Second), 10); len(got) != 0 {
		t.Fatalf("claimed %v before the retry is due (a2 must wait behind a1)", got)
	}
	if got := claimIDs(t, s, next, 10); !sameIDs(got, []int64{a1}) {
		t.Fatalf("at the retry time: %v, want [%d]", got, a1)
	}
	jobs, _ := data.ListJobs(ctx, s.Reader(), "r:1")
	if jobs[0].Attempts != 2 || jobs[0].LastError != "timeout" {
		t.Fatalf("job after retry %+v", jobs[0])
	}
	if n, _ := s.WaitingJobCount(ctx); n != 2 {
		t.Fatalf("waiting %d, want 2", n)
	}
	_ = a2
}

func TestFailedJobDoesNotBlockItsRef(t *testing.T) {
	s := datatest.NewStore(t)
	ctx := context.Background()
	now := datatest.At("2026-11-20", "09:00")
	a1 := enqueue(t, s, "x.send", "r:1", now)
	a2 := enqueue(t, s, "x.cancel", "r:1", now)
	claimIDs(t, s, now, 10)
	if err := s.FailJob(ctx, a1, "capacity", now); err != nil {
		t.Fatal(err)
	}
	if got := claimIDs(t, s, now, 10); !sameIDs(got, []int64{a2}) {
		t.Fatalf("after a1 failed: %v, want [%d]", got, a2)
	}
}

func TestUnknownKindsStayPendingAndBlock(t *testing.T) {
	s := datatest.NewStore(t)
	ctx := context.Background()
	now := datatest.At("2026-11-20", "09:00")
	enqueue(t, s, "other.kind", "r:1", now)
	enqueue(t, s, "x.send", "r:1", now)
	if got := claimIDs(t, s, now, 10); len(got) != 0 {
		t.Fatalf("claimed %v: the older job of r:1 has no handler yet", got)
	}
	if next, _ := s.NextJobDue(ctx, jobKinds); !next.IsZero() {
		t.Fatalf("next due %v for a job behind an unknown kind: the runner would spin", next)
	}
}

func TestRecoverRunningJobs(t *testing.T) {
	s := datatest.NewStore(t)
	ctx := context.Background()
	now := datatest.At("2026-11-20", "09:00")
	a1 := enqueue(t, s, "x.send", "r:1", now)
	claimIDs(t, s, now, 10)
	n, err := s.RecoverRunningJobs(ctx, now.Add(time.Minute))
	if err != nil || n != 1 {
		t.Fatalf("recovered %d, %v", n, err)
	}
	if err := s.CompleteJob(ctx, a1, now); err == nil {
		t.Fatal("a recovered job is no longer running: an old worker must not complete it")
	}
	if got := claimIDs(t, s, now.Add(time.Minute), 10); !sameIDs(got, []int64{a1}) {
		t.Fatalf("after recovery: %v, want [%d]", got, a1)
	}
}

// BenchmarkOutboxClaimComplete measures the runner's bookkeeping on a file database: one
// claim (one transaction) and one completion (another) per job, the jobs spread over 500
// refs. The history variants first put 100,000 done jobs in the table, as after years of
// use: spread over 50,000 refs (a reservation gets two or three jobs in its life) or
// crowded onto the same 500 refs (200 finished jobs each, far more than a real ref gets).
// Run with
//
//	go test -tags migrated_fynedo -run '^$' -bench OutboxClaim ./data/
func BenchmarkOutboxClaimComplete(b *testing.B) {
	for _, c := range []struct {
		name          string
		history, refs int
	}{{"empty", 0, 1}, {"history=100k/refs=50k", 100_000, 50_000}, {"history=100k/refs=500", 100_000, 500}} {
		b.Run(c.name, func(b *testing.B) {
			s := datatest.NewStore(b)
			ctx := context.Background()
			now := datatest.At("2026-11-20", "09:00")
			fill(b, s, c.history, c.refs, "done", now)
			fill(b, s, b.N, 500, "pending", now)
			b.ResetTimer()
			for range b.N {
				jobs, err := s.ClaimJobs(ctx, now, jobKinds, 1)
				if err != nil || len(jobs) != 1 {
					b.Fatalf("claim: %d jobs, %v", len(jobs), err)
				}
				if err := s.CompleteJob(ctx, jobs[0].ID, now); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "jobs/s")
		})
	}
}

// fill writes n jobs in state over refs refs, in one transaction.
func fill(b *testing.B, s *data.Store, n, refs int, state string, now time.Time) {
	b.Helper()
	err := s.Tx(context.Background(), func(tx *sql.Tx) error {
		for i := range n {
			j := data.Job{Kind: "x.send", Ref: fmt.Sprintf("reservation:%d", i%refs), Payload: "{}"}
			if err := data.EnqueueJob(context.Background(), tx, &j, now); err != nil {
				return err
			}
			if state != "pending" {
				if _, err := tx.Exec(`UPDATE outbox_jobs SET state = ? WHERE id = ?`, state, j.ID); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

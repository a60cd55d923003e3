package salonboard_test

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"salondesk/app"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/sync/outbox"
)

// BenchmarkOutboxRunner measures the whole runner on a file database: b.N jobs over 500
// refs written at once, sent until none is waiting. With a handler that does nothing,
// jobs/s is the ceiling the bookkeeping allows (claim, complete, status count); with one
// that waits 5 ms, like a fast network call, it shows what more workers buy. Run with
//
//	go test -tags migrated_fynedo -run '^$' -bench OutboxRunner -benchtime 2000x ./app/
func BenchmarkOutboxRunner(b *testing.B) {
	for _, c := range []struct {
		workers int
		handler time.Duration
	}{{1, 0}, {4, 0}, {1, 5 * time.Millisecond}, {4, 5 * time.Millisecond}} {
		b.Run(fmt.Sprintf("workers=%d/handler=%v", c.workers, c.handler), func(b *testing.B) {
			s := datatest.NewStore(b)
			ctx := context.Background()
			now := datatest.At("2026-11-20", "09:00")
			a := app.New(s, app.WithClock(func() time.Time { return now }))
			err := s.Tx(ctx, func(tx *sql.Tx) error {
				for i := range b.N {
					j := data.Job{Kind: "x.send", Ref: fmt.Sprintf("reservation:%d", i%500), Payload: "{}"}
					if err := data.EnqueueJob(ctx, tx, &j, now); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
			r := a.NewOutboxRunner(outbox.Options{Workers: c.workers, Logf: func(string, ...any) {}})
			r.Handle("x.send", func(context.Context, outbox.Job) error {
				time.Sleep(c.handler)
				return nil
			})
			runCtx, cancel := context.WithCancel(ctx)
			done := make(chan error, 1)
			b.ResetTimer()
			go func() { done <- r.Run(runCtx) }()
			for {
				if n, err := s.WaitingJobCount(ctx); err != nil {
					b.Fatal(err)
				} else if n == 0 {
					break
				}
				time.Sleep(time.Millisecond)
			}
			b.StopTimer()
			cancel()
			if err := <-done; err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "jobs/s")
		})
	}
}

package salonboard_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"salondesk/app"
	"salondesk/app/demo"
	"salondesk/app/salonboard"
	"salondesk/data"
	"salondesk/sync/salonboard/mailbox"
	"salondesk/sync/salonboard/sbdemo"
	"salondesk/sync/salonboard/web"
)

// The headline of 「SALON BOARDから取り込む」: the demo salon's HOT PEPPER Beauty mails,
// fed by the demo's own feed (its coupons, and the ones the salon forgot to set up) and
// read from its mailbox over IMAP, applied before and after importing the masters.
// go test -run DemoHeadline -v prints the provisional reservations per 100 mails.
func TestDemoHeadlineProvisionalPer100Mails(t *testing.T) {
	if testing.Short() {
		t.Skip("feeds 200 mails through IMAP")
	}
	before := runDemoFeed(t, false, 100)
	after := runDemoFeed(t, true, 100)
	t.Logf("provisional reservations per 100 HPB mails: before import %.1f (mismatch %.1f), after import %.1f (mismatch %.1f)",
		before.per100(before.provisional), before.per100(before.mismatch), after.per100(after.provisional), after.per100(after.mismatch))
	t.Logf("before: %s", before)
	t.Logf("after:  %s", after)
	if before.mismatch == 0 {
		t.Fatal("the feed booked no mismatch: nothing measured")
	}
	if after.mismatch != 0 || after.provisional >= before.provisional {
		t.Fatalf("after the import: %s", after)
	}
}

type feedCount struct {
	mails, provisional, mismatch, capacity, unreadable int
	reasons                                            map[string]int
}

func (c feedCount) per100(n int) float64 { return float64(n) * 100 / float64(c.mails) }

func (c feedCount) String() string {
	return fmt.Sprintf("%d mails, %d provisional (%d name mismatch, %d capacity, %d unreadable)",
		c.mails, c.provisional, c.mismatch, c.capacity, c.unreadable)
}

// runDemoFeed seeds the demo salon, optionally imports SALON BOARD's masters (typing a
// length where the preview has none, as staff would), then feeds at least n mails and
// applies each as the sync does.
func runDemoFeed(t *testing.T, importFirst bool, n int) feedCount {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.Local)
	s, err := demo.Open(filepath.Join(t.TempDir(), "demo.db"), now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	a := app.New(s, app.WithClock(func() time.Time { return now }))
	sb := salonboard.Install(a)
	cfg, err := sb.DemoFeedConfig(ctx)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Seed, cfg.Interval, cfg.Now = 20261120, -1, func() time.Time { return now }
	d, err := sbdemo.Start(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Stop()
	if importFirst {
		wc := d.WebConfig()
		wc.Pacing = &web.Pacing{}
		client, err := web.New(wc)
		if err != nil {
			t.Fatal(err)
		}
		p, err := sb.PreviewMastersImport(ctx, client)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := sb.ImportMasters(ctx, withLengths(p.Items)); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex
	count := feedCount{reasons: map[string]int{}}
	held := map[int64]bool{}
	applied := make(chan struct{}, 1000)
	r := mailbox.New(d.MailboxConfig(), mailbox.Cursor{}, func(ctx context.Context, _ uint32, raw []byte) error {
		res, err := sb.ApplyMail(ctx, raw, "")
		if err != nil {
			return err
		}
		mu.Lock()
		count.mails++
		if res.Apply.Outcome == salonboard.OutcomeProvisional && !held[res.Apply.ReservationID] {
			held[res.Apply.ReservationID] = true
			count.provisional++
			switch res.Apply.Reason {
			case data.ReasonMismatch:
				count.mismatch++
			case data.ReasonCapacity:
				count.capacity++
			default:
				count.unreadable++
			}
		}
		mu.Unlock()
		applied <- struct{}{}
		return nil
	})
	go func() { _ = r.Run(ctx) }()
	fed := 0
	for fed < n {
		evs, err := d.Next()
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) == 0 {
			t.Fatalf("the feed found no room after %d mails", fed)
		}
		for range evs {
			select {
			case <-applied:
			case <-time.After(30 * time.Second):
				t.Fatalf("mail %d was not applied", fed+1)
			}
			fed++
		}
	}
	mu.Lock()
	defer mu.Unlock()
	return count
}

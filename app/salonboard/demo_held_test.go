package salonboard

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"salondesk/app"
	"salondesk/app/demo"
	"salondesk/sync/salonboard/sbdemo"
	"salondesk/sync/salonboard/sbdouble"
	"salondesk/sync/salonboard/web"
)

// The demo's SALON BOARD holds the demo salon's numbered reservations, so that its first
// reconciliation brings the salon in without taking any for gone: no detail page, nothing
// failed (before, every pass opened ~130 detail pages, ten paced minutes).
func TestDemoSalonBoardHoldsTheDemoReservations(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.Local)
	s, err := demo.Open(filepath.Join(t.TempDir(), "demo.db"), now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	a := app.New(s, app.WithClock(func() time.Time { return now }))
	sb := Install(a)
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
	if err := sb.holdDemoReservations(ctx, d.Double()); err != nil {
		t.Fatal(err)
	}
	wc := d.WebConfig()
	wc.Pacing = &web.Pacing{}
	client, err := web.New(wc)
	if err != nil {
		t.Fatal(err)
	}
	notices := countNotices(t, a)
	if notices == 0 {
		t.Fatal("the demo starts with no お知らせ: nothing to compare")
	}
	res, err := sb.BringIn(ctx, client, 60, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Rows == 0 || res.Failed != 0 || res.Added != 0 || res.Changed != 0 {
		t.Fatalf("bring-in %+v: want the demo's rows, none added, changed or failed", res)
	}
	if n := countNotices(t, a) - notices; n != 0 {
		t.Fatalf("%d お知らせ raised by bringing the demo in", n)
	}
	if n := d.Double().Requests().Count(sbdouble.KindDetail); n != 0 {
		t.Fatalf("%d detail pages opened", n)
	}
	if !sb.BringInFinished(ctx) {
		t.Fatal("the bring-in did not finish")
	}
}

func countNotices(t *testing.T, a *app.App) int {
	t.Helper()
	list, err := a.Notifications(context.Background(), 10000)
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}

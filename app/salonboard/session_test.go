package salonboard_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"salondesk/app/salonboard"
	"salondesk/app/settings"
	"salondesk/data"
	"salondesk/sync/outbox"
	"salondesk/sync/salonboard/web"
)

// Someone keeps logging in with SalonDesk's SALON BOARD ID: after the third lost session
// in an hour SalonDesk stops logging in (no fourth login) and one お知らせ says why; 最新を表示
// lets it log in again.
func TestSessionTakenThreeTimesStopsLoggingIn(t *testing.T) {
	var guard *salonboard.SessionGuard
	b := newBusySalon(t, 200, horizon, func(c *web.Config) {
		c.BeforeLogin = func(r web.LoginReason) error { return guard.BeforeLogin(r) }
	})
	guard = b.sb.NewSessionGuard()
	if _, err := b.sb.BringIn(b.ctx, b.web, horizon, nil); err != nil {
		t.Fatal(err)
	}
	var err error
	for take := 1; take <= 3; take++ {
		b.vc.Advance(10 * time.Minute)
		b.d.TakeSession()
		_, err = b.sb.SteadyPass(b.ctx, b.web, horizon)
		if take < 3 && err != nil {
			t.Fatalf("after the session was taken %d times: %v", take, err)
		}
	}
	if !errors.Is(err, salonboard.ErrSessionTaken) || web.IsTransient(err) {
		t.Fatalf("third time: %v", err)
	}
	b.vc.Advance(10 * time.Minute)
	if _, err := b.sb.SteadyPass(b.ctx, b.web, horizon); !errors.Is(err, salonboard.ErrSessionTaken) {
		t.Fatalf("while held: %v", err)
	}
	log, _ := b.requests()
	if n := log.Logins(); n != 3 {
		t.Fatalf("%d logins, want 3 (the first and two after a lost session)", n)
	}
	notes, _ := b.app.Notifications(b.ctx, 10)
	open := 0
	for _, n := range notes {
		if n.Reason == data.ReasonSessionTaken && !n.Resolved() {
			open++
		}
	}
	if open != 1 || len(notes) != 1 {
		t.Fatalf("%d open session notifications of %+v, want one", open, notes)
	}
	if until := guard.HeldUntil(); until.Sub(b.vc.Now()) > time.Hour || until.IsZero() {
		t.Fatalf("held until %s (now %s)", until, b.vc.Now())
	}
	guard.Reset() // 最新を表示
	if _, err := b.sb.SteadyPass(b.ctx, b.web, horizon); err != nil {
		t.Fatal(err)
	}
	if log, _ := b.requests(); log.Logins() != 4 {
		t.Fatalf("%d logins after 最新を表示, want 4", log.Logins())
	}
}

// Lost sessions spread over more than an hour are ordinary expiries: logging in goes on.
func TestSessionLostNowAndThenKeepsLoggingIn(t *testing.T) {
	var guard *salonboard.SessionGuard
	b := newBusySalon(t, 100, horizon, func(c *web.Config) {
		c.BeforeLogin = func(r web.LoginReason) error { return guard.BeforeLogin(r) }
	})
	guard = b.sb.NewSessionGuard()
	if _, err := b.sb.BringIn(b.ctx, b.web, horizon, nil); err != nil {
		t.Fatal(err)
	}
	for take := 1; take <= 5; take++ {
		b.vc.Advance(31 * time.Minute) // at most two within any hour
		b.d.TakeSession()
		if _, err := b.sb.SteadyPass(b.ctx, b.web, horizon); err != nil {
			t.Fatalf("lost session %d: %v", take, err)
		}
	}
	if notes, _ := b.app.Notifications(b.ctx, 10); len(notes) != 0 {
		t.Fatalf("notifications %+v", notes)
	}
}

// A held login is let go when staff save 設定 > SALON BOARD or press 最新を表示.
func TestSessionHoldEndsOnSettingsSaveAndSyncNow(t *testing.T) {
	b := newBusySalon(t, 0, horizon)
	guard := b.sb.NewSessionGuard()
	s := b.sb.NewSync(salonboard.Config{Web: b.web, ReconcileEvery: time.Hour, Sessions: guard}, nil)
	ctx, cancel := context.WithCancel(b.ctx)
	done := make(chan struct{})
	go func() { s.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	waitFor(t, "the bring-in at start", func() bool { return b.sb.BringInFinished(b.ctx) })
	hold := func() {
		t.Helper()
		for range 3 {
			_ = guard.BeforeLogin(web.LoginSessionLost)
		}
		if guard.HeldUntil().IsZero() {
			t.Fatal("three lost sessions did not hold the login")
		}
	}
	hold()
	sb, err := settings.New(b.app).SalonBoard(b.ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := settings.New(b.app).SaveSalonBoard(b.ctx, sb); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "saving the settings to let go", func() bool { return guard.HeldUntil().IsZero() })
	hold()
	s.SyncNow()
	if !guard.HeldUntil().IsZero() {
		t.Fatal("最新を表示 did not let go")
	}
}

// While logins are held, the desk's SALON BOARD jobs wait (offline) instead of failing.
func TestHeldLoginKeepsJobsWaiting(t *testing.T) {
	var guard *salonboard.SessionGuard
	b := newBusySalon(t, 0, horizon, func(c *web.Config) {
		c.BeforeLogin = func(r web.LoginReason) error { return guard.BeforeLogin(r) }
	})
	guard = b.sb.NewSessionGuard()
	for range 3 {
		_ = guard.BeforeLogin(web.LoginSessionLost)
	}
	err := b.sb.FetchHandler(b.client)(b.ctx, outbox.Job{Payload: `{"sb_number":"BE12345678"}`})
	if err == nil || outbox.IsPermanent(err) || !outbox.IsOffline(err) {
		t.Fatalf("a held login: %v (permanent %v, offline %v)", err, outbox.IsPermanent(err), outbox.IsOffline(err))
	}
	if log, _ := b.requests(); len(log) != 0 {
		t.Fatalf("%d requests while held", len(log))
	}
}

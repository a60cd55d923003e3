package web_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"salondesk/sync/salonboard/sbdouble"
	"salondesk/sync/salonboard/web"
)

// TestBeforeLoginSaysWhyAndCanHold: the first login is LoginFirst; after
// someone else took the session it is LoginSessionLost, and a refusal
// aborts the login before any request, permanently (no outbox retry).
func TestBeforeLoginSaysWhyAndCanHold(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	var asked []web.LoginReason
	hold := errors.New("the session was taken three times this hour")
	refuse := false
	c := newClient(t, base, func(cfg *web.Config) {
		cfg.BeforeLogin = func(r web.LoginReason) error {
			asked = append(asked, r)
			if refuse {
				return hold
			}
			return nil
		}
	})
	ctx := context.Background()
	if _, err := c.Schedule(ctx, day(2026, 12, 5)); err != nil {
		t.Fatal(err)
	}
	d.TakeSession()
	if _, err := c.Schedule(ctx, day(2026, 12, 5)); err != nil {
		t.Fatal(err)
	}
	if len(asked) != 2 || asked[0] != web.LoginFirst || asked[1] != web.LoginSessionLost {
		t.Fatalf("asked %v, want [first, session lost]", asked)
	}

	d.TakeSession()
	refuse = true
	d.ResetRequests()
	_, err := c.Schedule(ctx, day(2026, 12, 6))
	var held *web.LoginHeldError
	if !errors.As(err, &held) || held.Reason != web.LoginSessionLost || !errors.Is(err, hold) || web.IsTransient(err) {
		t.Fatalf("held login: %v (transient %v)", err, web.IsTransient(err))
	}
	log := d.Requests()
	if log.Logins() != 0 || log.Count(sbdouble.KindLogin) != 0 || len(log) != 1 {
		t.Fatalf("after the expiry page, requests %v: a held login makes none", log.ByKind())
	}
	// Still held on the next call, still for the lost session, still no request.
	if _, err := c.Schedule(ctx, day(2026, 12, 6)); !errors.As(err, &held) || held.Reason != web.LoginSessionLost || len(d.Requests()) != 1 {
		t.Fatalf("second call: %v, %d requests", err, len(d.Requests()))
	}
	refuse = false
	if _, err := c.Schedule(ctx, day(2026, 12, 6)); err != nil {
		t.Fatal(err)
	}
	if d.Sessions() != 1 || d.Takeovers() != 2 {
		t.Fatalf("%d sessions, %d takeovers", d.Sessions(), d.Takeovers())
	}
}

func TestVirtualClockSleepsWithoutWaiting(t *testing.T) {
	start := at(2026, 12, 1, 9, 0)
	clk := web.NewVirtualClock(start)
	ctx := context.Background()
	if err := clk.SleepUntil(ctx, start.Add(90*time.Second)); err != nil {
		t.Fatal(err)
	}
	_ = clk.SleepUntil(ctx, start) // the past: no step back, nothing slept
	clk.Advance(time.Hour)         // time passing outside the client
	if got := clk.Now(); !got.Equal(start.Add(time.Hour + 90*time.Second)) {
		t.Fatalf("now %v", got)
	}
	if clk.Slept() != 90*time.Second {
		t.Fatalf("slept %v, want 90s", clk.Slept())
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if err := clk.SleepUntil(cancelled, clk.Now().Add(time.Second)); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled sleep: %v", err)
	}
	done := make(chan struct{})
	for range 4 { // safe for concurrent use (go test -race)
		go func() {
			_ = clk.SleepUntil(ctx, clk.Now().Add(time.Second))
			done <- struct{}{}
		}()
	}
	for range 4 {
		<-done
	}
}

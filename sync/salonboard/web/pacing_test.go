package web_test

import (
	"context"
	"testing"
	"time"

	"salondesk/sync/salonboard/sbdouble"
	"salondesk/sync/salonboard/web"
)

// pacedPair is a double and a client with the default pacing on one virtual clock.
func pacedPair(t *testing.T) (*sbdouble.Double, *web.Client, *web.VirtualClock) {
	clk := web.NewVirtualClock(at(2026, 12, 1, 9, 0))
	d, base := newDouble(t, sbdouble.Config{Now: clk.Now})
	c, err := web.New(web.Config{BaseURL: base, UserID: "SD0000001", Password: "synthetic-pass",
		Timeout: 2 * time.Second, Location: jst, Clock: clk})
	if err != nil {
		t.Fatal(err)
	}
	return d, c, clk
}

func TestPasswordPostsAtLeastTenSecondsApart(t *testing.T) {
	d, c, _ := pacedPair(t)
	ctx := context.Background()
	for range 3 {
		if err := c.Check(ctx); err != nil {
			t.Fatal(err)
		}
		d.ExpireSessions() // a person logs in elsewhere: the next call logs in again
		if _, err := c.Schedule(ctx, day(2026, 12, 5)); err != nil {
			t.Fatal(err)
		}
		d.ExpireSessions()
	}
	var posts []time.Time
	for _, r := range d.Requests() {
		if r.Path == sbdouble.PathDoLogin {
			posts = append(posts, r.At)
		}
	}
	if len(posts) != 6 {
		t.Fatalf("%d password posts, want 6", len(posts))
	}
	for i := 1; i < len(posts); i++ {
		if gap := posts[i].Sub(posts[i-1]); gap < web.DefaultPacing().Login {
			t.Errorf("password posts %d and %d: %v apart", i, i+1, gap)
		}
	}
}

// TestCancelTimeWithDefaultPacing measures, on the virtual clock, the time
// from a cancel call to its verification: the pauses between its requests.
func TestCancelTimeWithDefaultPacing(t *testing.T) {
	d, c, clk := pacedPair(t)
	ctx := context.Background()
	id := phoneReservation(d)
	if err := c.Check(ctx); err != nil {
		t.Fatal(err)
	}
	d.ResetRequests()
	began := clk.Now()
	if err := c.Cancel(ctx, id); err != nil {
		t.Fatal(err)
	}
	took, n := clk.Now().Sub(began), len(d.Requests())
	p := web.DefaultPacing()
	if n != 6 || took < time.Duration(n)*p.PageMin || took > time.Duration(n)*p.PageMax {
		t.Fatalf("%d requests in %v", n, took)
	}
	t.Logf("cancel when logged in: %d requests, %v from the call to the verified cancel (pacing %v–%v a page)", n, took, p.PageMin, p.PageMax)

	// From a cold client: the login first (login page, password post, top).
	d2, c2, clk2 := pacedPair(t)
	id2 := phoneReservation(d2)
	began = clk2.Now()
	if err := c2.Cancel(ctx, id2); err != nil {
		t.Fatal(err)
	}
	t.Logf("cancel with a login: %d requests, %v", len(d2.Requests()), clk2.Now().Sub(began))
}

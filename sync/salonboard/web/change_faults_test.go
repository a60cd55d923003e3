package web_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"salondesk/sync/salonboard/sbdouble"
	"salondesk/sync/salonboard/web"
)

// The faults of registration apply to change and cancel too: a stale
// token, a session lost on the post, a timeout after the commit, an error
// page in answer, and a write accepted then discarded.

func TestChangeTimeoutAfterCommitIsNotPostedAgain(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	id := phoneReservation(d)
	c := warm(t, d, base, func(cfg *web.Config) { cfg.Timeout = 300 * time.Millisecond })
	ctx := context.Background()
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultTimeoutAfterCommit})
	err := c.Change(ctx, id, moved())
	if we := writeErr(t, err); we.Permanent() || we.Reason() != web.ReasonTimeout {
		t.Fatalf("timeout: %v", err)
	}
	// The retry looks at the form first: it shows the change, nothing is posted.
	if err := c.Change(ctx, id, moved()); err != nil || d.Count(sbdouble.PathChangeComplete) != 1 {
		t.Fatalf("retry: %v, %d doComplete", err, d.Count(sbdouble.PathChangeComplete))
	}
}

func TestChangeSessionLostOnThePostLogsInOnceAndDoesNotDouble(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	id := phoneReservation(d)
	c := warm(t, d, base)
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultExpireMidFlow, Path: sbdouble.PathChangeComplete})
	if err := c.Change(context.Background(), id, moved()); err != nil {
		t.Fatal(err)
	}
	r, _ := d.Reservation(id)
	if !r.Start.Equal(at(2026, 12, 6, 16, 0)) || d.Count(sbdouble.PathDoLogin) != 1 || d.Count(sbdouble.PathChangeComplete) != 2 {
		t.Fatalf("start %v, logins %d, doComplete %d", r.Start, d.Count(sbdouble.PathDoLogin), d.Count(sbdouble.PathChangeComplete))
	}
}

func TestChangeAnsweredBySystemErrorIsReadBack(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	id := phoneReservation(d)
	c := warm(t, d, base)
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultSystemError, Path: sbdouble.PathChangeComplete})
	err := c.Change(context.Background(), id, moved())
	var sx *web.ErrSiteError
	if !errors.Is(err, web.ErrNotSaved) || !web.IsTransient(err) || !errors.As(err, new(*web.WriteError)) {
		t.Fatalf("err = %v", err)
	}
	if errors.As(err, &sx) {
		t.Fatalf("the site error should be in the detail, not the chain: %v", err)
	}
	if d.Count(sbdouble.PathSchedule) != 1 || d.Count(sbdouble.PathDoLogin) != 0 {
		t.Fatalf("schedule reads %d, logins %d", d.Count(sbdouble.PathSchedule), d.Count(sbdouble.PathDoLogin))
	}
}

func TestCancelStaleTokenReopensTheDetail(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	id := phoneReservation(d)
	c := warm(t, d, base)
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultStaleStamp, Path: sbdouble.PathExtDetail})
	if err := c.Cancel(context.Background(), id); err != nil {
		t.Fatal(err)
	}
	if r, _ := d.Reservation(id); r.Status != sbdouble.StatusSalonCancel || d.Count(sbdouble.PathCancel) != 2 || d.Count(sbdouble.PathExtDetail) != 2 {
		t.Fatalf("status %d, doCancel %d, detail %d", r.Status, d.Count(sbdouble.PathCancel), d.Count(sbdouble.PathExtDetail))
	}
}

func TestCancelSessionLostOnThePost(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	id := phoneReservation(d)
	c := warm(t, d, base)
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultExpireMidFlow, Path: sbdouble.PathCancel})
	if err := c.Cancel(context.Background(), id); err != nil {
		t.Fatal(err)
	}
	if r, _ := d.Reservation(id); r.Status != sbdouble.StatusSalonCancel || d.Count(sbdouble.PathDoLogin) != 1 {
		t.Fatalf("status %d, logins %d", r.Status, d.Count(sbdouble.PathDoLogin))
	}
	// Lost on the list before the detail: one re-login, one doCancel.
	id2 := d.AddReservation(sbdouble.Reservation{Start: at(2026, 12, 8, 10, 0), RouteID: sbdouble.RoutePhoneOwn,
		KanaSei: "サトウ", KanaMei: "ミサキ", StaffID: "W000000102"})
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultExpire, Path: sbdouble.PathListInit})
	d.ResetRequests()
	if err := c.Cancel(context.Background(), id2); err != nil {
		t.Fatal(err)
	}
	if r, _ := d.Reservation(id2); r.Status != sbdouble.StatusSalonCancel || d.Count(sbdouble.PathCancel) != 1 || d.Count(sbdouble.PathDoLogin) != 1 {
		t.Fatalf("status %d, doCancel %d, logins %d", r.Status, d.Count(sbdouble.PathCancel), d.Count(sbdouble.PathDoLogin))
	}
}

func TestCancelSystemErrorAndNotSaved(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	id := phoneReservation(d)
	c := warm(t, d, base)
	ctx := context.Background()
	for _, kind := range []sbdouble.FaultKind{sbdouble.FaultSystemError, sbdouble.FaultNotRegistered} {
		d.Inject(sbdouble.Fault{Kind: kind, Path: sbdouble.PathCancel})
		err := c.Cancel(ctx, id)
		if !errors.Is(err, web.ErrNotSaved) || !web.IsTransient(err) {
			t.Fatalf("fault %d: %v", kind, err)
		}
	}
	if r, _ := d.Reservation(id); r.Status != sbdouble.StatusWaiting {
		t.Fatalf("status %d", r.Status)
	}
	if err := c.Cancel(ctx, id); err != nil {
		t.Fatal(err)
	}
}

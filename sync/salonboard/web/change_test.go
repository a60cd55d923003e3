package web_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"salondesk/sync/salonboard/sbdouble"
	"salondesk/sync/salonboard/web"
)

// phoneReservation puts a YG reservation of sample() into the double.
func phoneReservation(d *sbdouble.Double) string {
	return d.AddReservation(sbdouble.Reservation{
		Start: at(2026, 12, 5, 14, 30), End: at(2026, 12, 5, 15, 30), RouteID: sbdouble.RoutePhoneOwn,
		KanaSei: "ヤマダ", KanaMei: "ハナコ", KanjiSei: "山田", KanjiMei: "花子", Phone: syntheticTel,
		StaffID: "W000000101", Designated: true, Memo: "合成データ",
	})
}

func moved() web.ChangeInput {
	return web.ChangeInput{
		StaffID: "W000000103", EquipmentID: "EQ00000001", Start: at(2026, 12, 6, 16, 0), Duration: 88 * time.Minute,
		Designated: false, SeiKana: "やまだ", MeiKana: "ﾊﾅｺ", Sei: "山田", Mei: "花子", Tel: syntheticTel, Memo: "時間変更〜",
	}
}

func TestChangeVerifiedByReadBack(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	id := phoneReservation(d)
	c := warm(t, d, base)
	if err := c.Change(context.Background(), id, moved()); err != nil {
		t.Fatal(err)
	}
	r, _ := d.Reservation(id)
	if len(d.Reservations()) != 1 || !r.Start.Equal(at(2026, 12, 6, 16, 0)) || r.End.Sub(r.Start) != 90*time.Minute ||
		r.StaffID != "W000000103" || r.EquipmentID != "EQ00000001" || r.Designated || r.KanaSei != "ヤマダ" ||
		r.KanaMei != "ハナコ" || r.Memo != "時間変更～" || r.RouteID != sbdouble.RoutePhoneOwn {
		t.Fatalf("after the change: %+v", r)
	}
	if d.Count(sbdouble.PathChangeComplete) != 1 || d.Count(sbdouble.PathExtDetail) != 1 || d.Count(sbdouble.PathSchedule) != 1 {
		t.Fatalf("doComplete %d, detail reads %d, schedule reads %d", d.Count(sbdouble.PathChangeComplete),
			d.Count(sbdouble.PathExtDetail), d.Count(sbdouble.PathSchedule))
	}
	if n := len(d.Requests()); n != 6 {
		t.Fatalf("one change took %d HTTP requests when logged in, want 6 (list init, search, detail, form, doComplete, schedule)", n)
	}
	// The same change again: the form already shows it, nothing is posted.
	if err := c.Change(context.Background(), id, moved()); err != nil || d.Count(sbdouble.PathChangeComplete) != 1 {
		t.Fatalf("the same change again: %v, %d doComplete", err, d.Count(sbdouble.PathChangeComplete))
	}
}

func TestChangeDiscardedOrStale(t *testing.T) {
	ctx := context.Background()
	d, base := newDouble(t, sbdouble.Config{})
	id := phoneReservation(d)
	c := warm(t, d, base)
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultDiscard})
	err := c.Change(ctx, id, moved())
	if !errors.Is(err, web.ErrNotSaved) || !web.IsTransient(err) || writeErr(t, err).Op != "change" {
		t.Fatalf("discarded: %v", err)
	}
	if r, _ := d.Reservation(id); !r.Start.Equal(at(2026, 12, 5, 14, 30)) {
		t.Fatalf("a discarded change moved it: %+v", r)
	}
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultStaleStamp, Path: sbdouble.PathChangeForm})
	if err := c.Change(ctx, id, moved()); err != nil {
		t.Fatal(err)
	}
	if r, _ := d.Reservation(id); !r.Start.Equal(at(2026, 12, 6, 16, 0)) || d.Count(sbdouble.PathChangeForm) != 3 {
		t.Fatalf("after the stale retry: %+v, %d forms", r, d.Count(sbdouble.PathChangeForm))
	}
	// Capacity: 佐藤 (受付可能数 1) is taken at the new time.
	busy := sbdouble.Synthetic(2, at(2026, 12, 7, 10, 0))
	busy.StaffID = "W000000101"
	d.AddReservation(busy)
	in := moved()
	in.StaffID, in.Start = "W000000101", at(2026, 12, 7, 10, 30)
	err = c.Change(ctx, id, in)
	if we := writeErr(t, err); we.Reason() != web.ReasonCapacity || !we.Permanent() {
		t.Fatalf("capacity: %v", err)
	}
}

func TestChangeAndCancelRefuseOtherNumbers(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	net := d.AddReservation(sbdouble.Synthetic(1, at(2026, 12, 5, 10, 0)))
	c := newClient(t, base)
	ctx := context.Background()
	for _, err := range []error{c.Change(ctx, net, moved()), c.Cancel(ctx, net), c.Cancel(ctx, "YG1")} {
		if !errors.Is(err, web.ErrInput) || !writeErr(t, err).Permanent() {
			t.Fatalf("err = %v", err)
		}
	}
	if len(d.Requests()) != 0 {
		t.Fatal("requests for a number that cannot be written")
	}
	if err := c.Cancel(ctx, "YG99999999"); !errors.Is(err, web.ErrNotFound) || !writeErr(t, err).Permanent() {
		t.Fatalf("unknown: %v", err)
	}
}

func TestCancelVerifiedByReadBack(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	id := phoneReservation(d)
	c := warm(t, d, base)
	ctx := context.Background()
	if err := c.Cancel(ctx, id); err != nil {
		t.Fatal(err)
	}
	if r, _ := d.Reservation(id); r.Status != sbdouble.StatusSalonCancel {
		t.Fatalf("status %d", r.Status)
	}
	if n := len(d.Requests()); n != 6 {
		t.Fatalf("one cancel took %d HTTP requests when logged in, want 6 (list init, search, detail, doCancel, init, search)", n)
	}
	// Again: already cancelled, nothing is sent.
	if err := c.Cancel(ctx, id); err != nil || d.Count(sbdouble.PathCancel) != 1 {
		t.Fatalf("second cancel: %v, %d doComplete", err, d.Count(sbdouble.PathCancel))
	}
}

func TestCancelDiscardedThenTimeoutAfterCommit(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	id := phoneReservation(d)
	c := warm(t, d, base, func(cfg *web.Config) { cfg.Timeout = 300 * time.Millisecond })
	ctx := context.Background()
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultDiscard})
	if err := c.Cancel(ctx, id); !errors.Is(err, web.ErrNotSaved) || !web.IsTransient(err) {
		t.Fatalf("discarded: %v", err)
	}
	if r, _ := d.Reservation(id); r.Status != sbdouble.StatusWaiting {
		t.Fatalf("a discarded cancel changed the status to %d", r.Status)
	}
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultTimeoutAfterCommit})
	err := c.Cancel(ctx, id)
	if we := writeErr(t, err); we.Permanent() || we.Reason() != web.ReasonTimeout {
		t.Fatalf("timeout: %v", err)
	}
	// The retry finds it cancelled and sends nothing more.
	if err := c.Cancel(ctx, id); err != nil || d.Count(sbdouble.PathCancel) != 2 {
		t.Fatalf("retry: %v, %d doComplete", err, d.Count(sbdouble.PathCancel))
	}
}

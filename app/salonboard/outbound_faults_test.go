package salonboard_test

import (
	"testing"
	"time"

	"salondesk/app"
	"salondesk/data/datatest"
	"salondesk/sync/salonboard/sbdouble"
)

// The faults registration survives apply to a desk change and cancel too, through the
// outbox: each ends with the write once in SALON BOARD, the reservation 成功 and no
// お知らせ. posts is how many times the commit is posted: once when the retry finds the
// write already there (timeout after the commit), twice when the first post did not land.
func TestChangeAndCancelFaultsEndWithOneWrite(t *testing.T) {
	faults := []struct {
		name  string
		fault func(commit, form string) sbdouble.Fault
		posts int
	}{
		{"stale stamp", func(_, form string) sbdouble.Fault {
			return sbdouble.Fault{Kind: sbdouble.FaultStaleStamp, Path: form}
		}, 2},
		{"session lost on the post", func(commit, _ string) sbdouble.Fault {
			return sbdouble.Fault{Kind: sbdouble.FaultExpireMidFlow, Path: commit}
		}, 2},
		{"silent discard", func(commit, _ string) sbdouble.Fault {
			return sbdouble.Fault{Kind: sbdouble.FaultDiscard, Path: commit}
		}, 2},
		{"timeout after the commit", func(commit, _ string) sbdouble.Fault {
			return sbdouble.Fault{Kind: sbdouble.FaultTimeoutAfterCommit, Path: commit, Delay: 2 * time.Second}
		}, 1},
	}
	for _, f := range faults {
		t.Run("change/"+f.name, func(t *testing.T) {
			o := newOutbound(t, 700*time.Millisecond)
			r := o.bookSynced(t, app.ReservationInput{Start: datatest.At("2026-11-21", "10:00"),
				StaffID: o.ids.Staff["鈴木"], MenuIDs: []int64{o.ids.Menus["カット"]}})
			o.double.ResetRequests()
			o.double.Inject(f.fault(sbdouble.PathChangeComplete, sbdouble.PathChangeForm))
			o.change(t, r, datatest.At("2026-11-21", "14:00"), 0, o.ids.Menus["カット"])
			o.waitSynced(t, "the change", r.ID, func(h sbdouble.Reservation) bool { return h.Start.Hour() == 14 })
			o.checkOneWrite(t, sbdouble.PathChangeComplete, f.posts)
		})
		t.Run("cancel/"+f.name, func(t *testing.T) {
			o := newOutbound(t, 700*time.Millisecond)
			r := o.bookSynced(t, app.ReservationInput{Start: datatest.At("2026-11-21", "10:00"),
				StaffID: o.ids.Staff["鈴木"], MenuIDs: []int64{o.ids.Menus["カット"]}})
			o.double.ResetRequests()
			o.double.Inject(f.fault(sbdouble.PathCancel, sbdouble.PathExtDetail))
			if err := o.app.CancelReservation(o.ctx, r.ID, false); err != nil {
				t.Fatal(err)
			}
			o.waitSynced(t, "the cancel", r.ID, func(h sbdouble.Reservation) bool { return h.Status == sbdouble.StatusSalonCancel })
			o.checkOneWrite(t, sbdouble.PathCancel, f.posts)
		})
	}
}

// checkOneWrite: the commit was posted posts times, SALON BOARD holds one registration,
// and nothing asks staff for anything.
func (o *outbound) checkOneWrite(t *testing.T, commit string, posts int) {
	t.Helper()
	if n := o.double.Count(commit); n != posts {
		t.Errorf("%s posted %d times, want %d", commit, n, posts)
	}
	if n := len(o.registered()); n != 1 {
		t.Errorf("SALON BOARD holds %d registrations", n)
	}
	if notes, _ := o.app.Notifications(o.ctx, 10); len(notes) != 0 {
		t.Errorf("お知らせ %+v", notes)
	}
}

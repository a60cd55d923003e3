package salonboard_test

import (
	"testing"
	"time"

	"salondesk/data"
	"salondesk/sync/salonboard/sbdouble"
)

// broughtIn is a busy salon already brought in, its request log emptied.
func broughtIn(t *testing.T, reservations int) *busySalon {
	t.Helper()
	b := newBusySalon(t, reservations, horizon)
	if _, err := b.sb.BringIn(b.ctx, b.web, horizon, nil); err != nil {
		t.Fatal(err)
	}
	b.d.ResetRequests()
	return b
}

// In step, a near pass reads the near window's list and nothing else; the far window is
// swept once a day, a slice per pass.
func TestSteadyPassReadsTheNearListOnly(t *testing.T) {
	b := broughtIn(t, 2000) // BenchmarkSteadyDay gives the figures at 4,200
	b.vc.Advance(time.Hour)
	res, err := b.sb.SteadyPass(b.ctx, b.web, horizon)
	if err != nil {
		t.Fatal(err)
	}
	log, _ := b.requests()
	near := len(b.active(b.start.AddDate(0, 0, -1), b.start.AddDate(0, 0, 8)))
	if res.Added+res.Changed+res.Cancelled+res.Failed != 0 || res.Rows != near {
		t.Fatalf("near pass %+v over %d rows", res, near)
	}
	if n, want := len(log), 2+(near+49)/50-1; n != want {
		t.Fatalf("near pass: %d requests (%v), want %d", n, log.ByKind(), want)
	}
	// A day later the far sweep is due: one slice per pass until it is done.
	b.vc.Advance(24 * time.Hour)
	passes, requests, longest := 0, 0, time.Duration(0)
	for {
		b.d.ResetRequests()
		before := b.vc.Slept()
		res, err := b.sb.SteadyPass(b.ctx, b.web, horizon)
		if err != nil {
			t.Fatal(err)
		}
		log, slept := b.requests()
		passes, requests, longest = passes+1, requests+len(log), max(longest, slept-before)
		if log.Count(sbdouble.KindSchedule)+log.Count(sbdouble.KindDetail) != 0 {
			// The clock moved a day: the day that entered the window is new.
			t.Logf("pass %d: %+v, %v", passes, res, log.ByKind())
		}
		if res.Days <= NearDaysPlusToday || passes > 10 {
			break
		}
		b.vc.Advance(time.Hour)
	}
	t.Logf("far sweep: %d passes, %d requests, longest pass %v", passes, requests, longest)
	if longest > 2*time.Minute {
		t.Fatalf("a pass took %v", longest)
	}
}

// NearDaysPlusToday is how many days a near pass settles.
const NearDaysPlusToday = 8

// A reservation cancelled, moved or made in SALON BOARD without a mail is found by the
// next near pass: the cancellation with one search of the cancellations, the move and
// the new one with their day's schedule page.
func TestNearPassFindsCancelMoveAndNew(t *testing.T) {
	b := broughtIn(t, 600)
	day2 := b.start.AddDate(0, 0, 2)
	var cancelled, moved string
	for id, r := range b.active(day2.Truncate(time.Hour*24), day2.AddDate(0, 0, 1)) {
		switch {
		case cancelled == "":
			cancelled = id
		case moved == "" && r.End.Sub(r.Start) >= time.Hour:
			moved = id
		}
	}
	if err := b.d.CancelReservation(cancelled, sbdouble.StatusCustomerCancel); err != nil {
		t.Fatal(err)
	}
	var newStart, newEnd time.Time
	if err := b.d.ChangeReservation(moved, func(r *sbdouble.Reservation) {
		r.Start, r.End = r.Start.AddDate(0, 0, 1).Add(2*time.Hour+30*time.Minute), r.End.AddDate(0, 0, 1).Add(2*time.Hour)
		newStart, newEnd = r.Start, r.End
	}); err != nil {
		t.Fatal(err)
	}
	fresh := b.d.AddReservation(sbdouble.Reservation{Start: day2.Add(3 * time.Hour), End: day2.Add(4*time.Hour + 15*time.Minute),
		RouteID: sbdouble.RoutePhoneOwn, KanaSei: "ミライ", KanaMei: "テスト", KanjiSei: "未来", KanjiMei: "手素都",
		StaffID: b.d.Staff()[0].ID, Menu: []string{"知らないメニュー"}})
	b.vc.Advance(time.Hour)
	res, err := b.sb.SteadyPass(b.ctx, b.web, horizon)
	if err != nil {
		t.Fatal(err)
	}
	log, _ := b.requests()
	got := b.local(t)
	if v := got[cancelled]; v.Status != data.StatusCancelled {
		t.Fatalf("cancelled in SALON BOARD, here %s (%+v)", v.Status, res)
	}
	if v := got[moved]; !v.Start.Equal(newStart) || !v.End.Equal(newEnd) {
		t.Fatalf("moved to %s–%s, here %s–%s", newStart, newEnd, v.Start, v.End)
	}
	if v, ok := got[fresh]; !ok || v.Duration() != 75*time.Minute || v.Route != data.RouteSalonBoard {
		t.Fatalf("made in SALON BOARD: %+v", v.Reservation)
	}
	if res.Cancelled != 1 || res.Changed != 1 || res.Added != 1 {
		t.Fatalf("pass %+v", res)
	}
	// The near list, one search of the cancellations, the two days' schedules: no detail.
	if n := log.Count(sbdouble.KindDetail); n != 0 || log.Count(sbdouble.KindSchedule) != 2 {
		t.Fatalf("requests %v", log.ByKind())
	}
	t.Logf("near pass with a cancel, a move and a new one: %d requests %v", len(log), log.ByKind())
}

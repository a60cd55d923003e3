package salonboard_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"salondesk/app/salonboard"
	"salondesk/data"
	"salondesk/sync/salonboard/sbdouble"
)

const horizon = 60

// A salon with 5,000 reservations over 60 days and an empty mailbox is brought in from the
// list and the schedule pages: every reservation that holds a slot is here once, with
// SALON BOARD's start and end, and the requests are the list pages, one schedule page a
// day and a login — not three requests a reservation.
func TestBringInBusySalon(t *testing.T) {
	if testing.Short() {
		t.Skip("5,000 reservations")
	}
	b := newBusySalon(t, 5000, horizon)
	var reports []salonboard.BringInProgress
	res, err := b.sb.BringIn(b.ctx, b.web, horizon, func(p salonboard.BringInProgress) { reports = append(reports, p) })
	if err != nil {
		t.Fatal(err)
	}
	log, slept := b.requests()
	want := b.active(b.start.Truncate(24*time.Hour).AddDate(0, 0, -1), b.start.AddDate(0, 0, horizon+1))
	got := b.local(t)
	if len(got) != len(want) {
		t.Fatalf("%d reservations here, SALON BOARD holds %d (%+v)", len(got), len(want), res)
	}
	for id, r := range want {
		v, ok := got[id]
		if !ok || !v.Start.Equal(r.Start) || !v.End.Equal(r.End) || v.Status != data.StatusWaiting {
			t.Fatalf("%s: here %+v, in SALON BOARD %s–%s", id, v.Reservation, r.Start, r.End)
		}
	}
	pages := log.Count(sbdouble.KindListSearch) + log.Count(sbdouble.KindListPage)
	t.Logf("%d reservations: %d requests (%v), %d list pages, %d details, %d logins, %.1f simulated minutes",
		len(got), len(log), log.ByKind(), pages, log.Count(sbdouble.KindDetail), log.Logins(), slept.Minutes())
	if minPages := (len(want) + 49) / 50; pages > minPages+12 {
		t.Fatalf("%d list pages for %d rows: pages are read again", pages, len(want))
	}
	if n := log.Count(sbdouble.KindSchedule); n > horizon+1 {
		t.Fatalf("%d schedule pages for %d days", n, horizon+1)
	}
	if n := log.Count(sbdouble.KindDetail); n > len(want)/50 {
		t.Fatalf("%d detail pages: pairing settles too little", n)
	}
	if slept > 10*time.Minute {
		t.Fatalf("bringing in took %v of pacing", slept)
	}
	last := reports[len(reports)-1]
	if last.Active || last.Done != len(want) || last.Total != len(want) {
		t.Fatalf("last progress %+v, want %d done", last, len(want))
	}
	// The near days came first: the first reports are about them only.
	if reports[0].Total < len(want)*9/10 {
		t.Fatalf("the first report's total %d: the window's size was not known from the first page", reports[0].Total)
	}
}

// A bring-in cut off half-way (a restart, a `sync --once` timeout) resumes at the first
// day not done: no list row is read again (the rows read but not settled were kept),
// nothing is here twice.
func TestBringInResumesAtTheFirstDayNotDone(t *testing.T) {
	b := newBusySalon(t, 1200, horizon)
	ctx, cancel := context.WithCancel(b.ctx)
	_, err := b.sb.BringIn(ctx, b.web, horizon, func(p salonboard.BringInProgress) {
		if p.Done >= 500 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cut off: %v", err)
	}
	first := b.sb.BringInProgress(b.ctx)
	if !first.Active || first.Done < 500 || first.Done >= 1200 {
		t.Fatalf("progress kept %+v", first)
	}
	doneBefore := len(b.local(t))
	firstRows := map[string]bool{}
	for _, r := range b.web.rows {
		firstRows[r.ID] = true
	}
	b.web.reset()
	// A new process: a new client and room on the same database.
	b2 := &busySalon{fixture: b.fixture, d: b.d, vc: b.vc, web: &recordingWeb{Web: b.client}, start: b.start}
	b2.sb = salonboard.New(b.app)
	if _, err := b2.sb.BringIn(b.ctx, b2.web, horizon, nil); err != nil {
		t.Fatal(err)
	}
	resumeFrom := b2.web.searches[0].From
	if !resumeFrom.After(time.Date(2026, 11, 20, 0, 0, 0, 0, time.Local).AddDate(0, 0, first.Done/20)) {
		t.Fatalf("the resumed run searched from %s", resumeFrom)
	}
	for _, r := range b2.web.rows {
		if r.Start.Before(resumeFrom) {
			t.Fatalf("resumed search read %s of %s, before %s", r.ID, r.Start, resumeFrom)
		}
	}
	got := b.local(t)
	want := b.active(b.start.AddDate(0, 0, -1), b.start.AddDate(0, 0, horizon+1))
	if len(got) != len(want) || doneBefore < first.Done {
		t.Fatalf("%d here after resuming (%d before), want %d", len(got), doneBefore, len(want))
	}
	// The rows read but not yet settled when it stopped were kept and settled from there:
	// the only rows read again are the rest of the first run's last page, after the last
	// day it read whole (a search starts at a day): less than a page.
	reread := 0
	for _, r := range b2.web.rows {
		if firstRows[r.ID] {
			reread++
		}
	}
	if reread >= 50 {
		t.Fatalf("%d rows read again", reread)
	}
	t.Logf("stopped at %d of %d; resumed reading the list from %s, %d rows of the last page read again",
		first.Done, len(want), resumeFrom.Format(time.DateOnly), reread)
	if p := b.sb.BringInProgress(b.ctx); p.Active || p.Done != len(want) {
		t.Fatalf("progress after resuming %+v", p)
	}
}

// Rows kept from a cut-off run are settled only while fresh: after an hour the days they
// cover are read again (a reservation may have moved meanwhile).
func TestBringInReadsStaleKeptRowsAgain(t *testing.T) {
	b := newBusySalon(t, 600, horizon)
	ctx, cancel := context.WithCancel(b.ctx)
	_, _ = b.sb.BringIn(ctx, b.web, horizon, func(p salonboard.BringInProgress) {
		if p.Done >= 200 {
			cancel()
		}
	})
	next := time.Date(2026, 11, 20, 0, 0, 0, 0, time.Local)
	for _, v := range b.local(t) {
		if d := v.Start.Truncate(time.Minute); !d.Before(next) {
			next = time.Date(d.Year(), d.Month(), d.Day()+1, 0, 0, 0, 0, time.Local)
		}
	}
	b.vc.Advance(2 * time.Hour)
	b.web.reset()
	if _, err := b.sb.BringIn(b.ctx, b.web, horizon, nil); err != nil {
		t.Fatal(err)
	}
	if from := b.web.searches[0].From; !from.Equal(next) {
		t.Fatalf("resumed from %s, want the first day not done %s", from, next)
	}
}

package sbdemo_test

import (
	"reflect"
	"regexp"
	"slices"
	"testing"
	"time"

	"salondesk/sync/salonboard/sbdemo"
)

var numberRe = regexp.MustCompile(`^B[C-F][0-9]{8}$`)

// The same seed and clock give the same reservations, mails and failures; another
// seed gives other numbers.
func TestFeedIsDeterministic(t *testing.T) {
	a := steps(t, start(t, testConfig(42)), 30)
	b := steps(t, start(t, testConfig(42)), 30)
	if len(a) < 30 || !reflect.DeepEqual(a, b) {
		t.Fatalf("two runs with seed 42 differ (%d and %d events)", len(a), len(b))
	}
	c := steps(t, start(t, testConfig(43)), 30)
	if reflect.DeepEqual(a[0].Number, c[0].Number) {
		t.Fatalf("seeds 42 and 43 both start with %s", a[0].Number)
	}
}

// Over ten turns of the deck each failure comes about once in seven turns, the
// first mail works, exactly one mismatch is the one that recovers, and earlier
// bookings are changed and cancelled.
func TestFeedMixesFailures(t *testing.T) {
	cfg := testConfig(7)
	evs := steps(t, start(t, cfg), 70)
	if evs[0].Failure != sbdemo.FailNone || evs[0].Kind != sbdemo.KindNew {
		t.Fatalf("first event %+v", evs[0])
	}
	count := map[string]int{}
	recovers := 0
	seen := map[string]bool{}
	for i, e := range evs {
		if e.Seq != i+1 || !numberRe.MatchString(e.Number) {
			t.Fatalf("event %d: seq %d number %q", i, e.Seq, e.Number)
		}
		switch e.Kind {
		case sbdemo.KindNew:
			if seen[e.Number] {
				t.Fatalf("number %s booked twice", e.Number)
			}
			seen[e.Number] = true
			count[string(e.Failure)]++
		case sbdemo.KindChange, sbdemo.KindCancel:
			if !seen[e.Number] {
				t.Fatalf("%s of %s, which was never booked", e.Kind, e.Number)
			}
			count[string(e.Kind)]++
		}
		if e.Recovers {
			recovers++
			if e.Failure != sbdemo.FailMismatch {
				t.Fatalf("recovering event is %q", e.Failure)
			}
		}
		if e.Failure == sbdemo.FailMismatch && e.Kind == sbdemo.KindNew &&
			!slices.Contains(defaultUnknown, e.Coupon) {
			t.Fatalf("mismatch with coupon %q", e.Coupon)
		}
	}
	for _, f := range []sbdemo.Failure{sbdemo.FailMismatch, sbdemo.FailCapacity, sbdemo.FailBroken} {
		if n := count[string(f)]; n < 8 || n > 10 {
			t.Errorf("%d %s failures in 70 turns, want about 10", n, f)
		}
	}
	if recovers != 1 || count["change"] == 0 || count["cancel"] == 0 || count[""] < 25 {
		t.Errorf("recovers %d, counts %v", recovers, count)
	}
}

var defaultUnknown = []string{
	"【期間限定】ヘッドスパ＋眉カット ¥6600",
	"【平日限定】カット＋髪質改善トリートメント ¥12100⇒¥7980",
	"【春の感謝祭】ハンドジェル＋まつげパーマ ¥9900",
}

// A capacity failure lands where the staff member's live ordinary bookings already
// fill their 受付可能数; ordinary bookings never overfill anyone.
func TestCapacityFailuresOverfillOneSlot(t *testing.T) {
	evs := steps(t, start(t, testConfig(11)), 120)
	live := map[string]sbdemo.FeedEvent{} // number → latest state of ordinary bookings
	capOf := map[string]int{}
	for _, s := range testStaff {
		capOf[s.Name] = s.Capacity
	}
	load := func(e sbdemo.FeedEvent) int {
		n := 0
		for _, o := range live {
			if o.Number != e.Number && o.Staff == e.Staff && o.Start.Before(e.End) && o.End.After(e.Start) {
				n++
			}
		}
		return n
	}
	failures := 0
	for _, e := range evs {
		switch {
		case e.Kind == sbdemo.KindCancel:
			delete(live, e.Number)
		case e.Failure == sbdemo.FailCapacity:
			failures++
			if e.Staff == "" || load(e) < capOf[e.Staff] {
				t.Fatalf("capacity failure %s (%s at %v) finds only %d of %d", e.Number, e.Staff, e.Start, load(e), capOf[e.Staff])
			}
		case e.Failure == sbdemo.FailNone && e.Staff != "":
			if load(e) >= capOf[e.Staff] {
				t.Fatalf("ordinary booking %s overfills %s at %v", e.Number, e.Staff, e.Start)
			}
			live[e.Number] = e
		}
	}
	if failures < 10 {
		t.Fatalf("%d capacity failures in 120 turns", failures)
	}
}

// Starts lie in the opening hours of the coming days, on the grid, after the lead
// time; designated staff work that day and may do the coupon.
func TestFeedKeepsToOpeningHours(t *testing.T) {
	cfg := testConfig(3)
	evs := steps(t, start(t, cfg), 100)
	byName := map[string]sbdemo.Staff{}
	for _, s := range testStaff {
		byName[s.Name] = s
	}
	lastDay := time.Date(2026, 11, 19+14, 0, 0, 0, 0, jst)
	for _, e := range evs {
		day := time.Date(e.Start.Year(), e.Start.Month(), e.Start.Day(), 0, 0, 0, 0, jst)
		open, closing, closed := testHours(day)
		switch {
		case closed, e.Start.Before(open), e.End.After(closing):
			t.Fatalf("%s %s at %v–%v outside hours", e.Number, e.Kind, e.Start, e.End)
		case e.Start.Sub(open)%(30*time.Minute) != 0:
			t.Fatalf("%s starts off the grid: %v", e.Number, e.Start)
		case e.Start.Before(fixedClock.Add(time.Hour)) && e.Kind != sbdemo.KindCancel,
			!e.Start.Before(lastDay):
			t.Fatalf("%s starts at %v", e.Number, e.Start)
		}
		if e.Staff == "" {
			continue
		}
		s := byName[e.Staff]
		if !slices.Contains([]byte(s.WorkDays), byte('0'+e.Start.Weekday())) {
			t.Fatalf("%s designates %s on a %v", e.Number, e.Staff, e.Start.Weekday())
		}
		if e.Coupon == testCoupons[3].Name && s.ID != "W000123404" {
			t.Fatalf("%s gives %s to %s", e.Number, e.Coupon, e.Staff)
		}
	}
}

// Ordinary bookings keep out of the slots Busy reports as full.
func TestFeedAvoidsBusySlots(t *testing.T) {
	cfg := testConfig(5)
	cfg.Busy = func(staffID string, start, end time.Time) bool {
		return staffID == "W000123401" || start.Hour() < 13
	}
	for _, e := range steps(t, start(t, cfg), 60) {
		if e.Failure != sbdemo.FailNone || e.Kind == sbdemo.KindCancel {
			continue
		}
		if e.Start.Hour() < 13 || e.Staff == testStaff[0].Name {
			t.Fatalf("%s %s at %v with %q despite Busy", e.Number, e.Kind, e.Start, e.Staff)
		}
	}
}

// Subjects name the day of the visit the way SALON BOARD does.
func TestSubjects(t *testing.T) {
	today, tomorrow := 0, 0
	for _, e := range steps(t, start(t, testConfig(9)), 60) {
		days := int(time.Date(e.Start.Year(), e.Start.Month(), e.Start.Day(), 0, 0, 0, 0, jst).
			Sub(time.Date(2026, 11, 19, 0, 0, 0, 0, jst)) / (24 * time.Hour))
		want := map[sbdemo.Kind]string{sbdemo.KindNew: "予約連絡", sbdemo.KindChange: "予約内容変更連絡", sbdemo.KindCancel: "キャンセル連絡"}[e.Kind]
		switch {
		case e.Kind == sbdemo.KindNew && days == 0:
			want, today = "【当日】予約連絡", today+1
		case e.Kind == sbdemo.KindNew && days == 1:
			want, tomorrow = "【明日】予約連絡", tomorrow+1
		case e.Kind == sbdemo.KindCancel && days == 1:
			want = "【明日】キャンセル連絡"
		}
		if e.Subject != want {
			t.Fatalf("%s %s on day +%d: subject %q, want %q", e.Number, e.Kind, days, e.Subject, want)
		}
	}
	if today == 0 || tomorrow == 0 {
		t.Fatalf("no 【当日】 (%d) or 【明日】 (%d) mail in 60 turns", today, tomorrow)
	}
}

// With nothing configured but a clock, the feed books the double's own synthetic
// staff and coupons into 10:00–20:00.
func TestDefaults(t *testing.T) {
	d := start(t, sbdemo.Config{Interval: -1, Seed: 1, Location: jst, Now: func() time.Time { return fixedClock }})
	evs := steps(t, d, 10)
	staff := map[string]bool{}
	for _, s := range d.Double().Staff() {
		staff[s.ID] = true
	}
	for _, e := range evs {
		if !staff[e.StaffID] || e.Start.Hour() < 10 || e.End.After(time.Date(e.Start.Year(), e.Start.Month(), e.Start.Day(), 20, 0, 0, 0, jst)) {
			t.Fatalf("event %+v", e)
		}
	}
	if len(d.Fed()) != len(evs) || len(d.Double().Reservations()) == 0 {
		t.Fatalf("fed %d, double holds %d", len(d.Fed()), len(d.Double().Reservations()))
	}
}

package sbdouble_test

import (
	"fmt"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"salondesk/sync/salonboard/sbdouble"
)

func seededDouble(tb testing.TB, n, days, staff int) (*sbdouble.Double, sbdouble.Seeded, time.Time) {
	now := time.Date(2026, 12, 1, 11, 0, 0, 0, jst)
	d := sbdouble.New(sbdouble.Config{Location: jst, Now: func() time.Time { return now }})
	s := d.SeedBusy(sbdouble.BusySalon{Reservations: n, Days: days, Staff: staff, Seed: 1})
	return d, s, now
}

// TestSeedBusyIsABelievableSalon checks what the reconciliation tests rely
// on: every reservation inside the days, on the 15-minute grid, 30–180
// minutes, no two live ones overlapping in one staff row or on one bed, both
// kinds of number, about 5% cancelled, and the same name twice on one day.
func TestSeedBusyIsABelievableSalon(t *testing.T) {
	d, s, now := seededDouble(t, 5000, 60, 8)
	all := d.Reservations()
	if len(all) != 5000 || s.Reservations != 5000 {
		t.Fatalf("%d reservations (%+v), want 5000", len(all), s)
	}
	first := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, jst)
	last := first.AddDate(0, 0, 60)
	var net, ext, cancelled, onBed int
	type key struct {
		row string
		day string
	}
	spans := map[key][][2]time.Time{}
	names := map[string]int{}
	sameNameDays := 0
	for _, r := range all {
		mins := r.End.Sub(r.Start).Minutes()
		switch {
		case r.Start.Before(first) || !r.Start.Before(last):
			t.Fatalf("%s starts %v, outside %v–%v", r.ID, r.Start, first, last)
		case r.Start.Minute()%15 != 0 || r.Start.Second() != 0:
			t.Fatalf("%s starts off the grid at %v", r.ID, r.Start)
		case mins < 30 || mins > 180:
			t.Fatalf("%s takes %v minutes", r.ID, mins)
		}
		if r.Net() {
			net++
		} else {
			ext++
		}
		if r.Status >= sbdouble.StatusRefused && r.Status <= sbdouble.StatusAutoCancel {
			cancelled++
			continue
		}
		ymd := r.Start.Format("20060102")
		rows := []string{"staff " + r.StaffID}
		if r.EquipmentID != "" {
			onBed++
			rows = append(rows, "bed "+r.EquipmentID)
		}
		for _, row := range rows {
			k := key{row, ymd}
			for _, sp := range spans[k] {
				if r.Start.Before(sp[1]) && sp[0].Before(r.End) {
					t.Fatalf("%s overlaps another reservation in %s on %s", r.ID, row, ymd)
				}
			}
			spans[k] = append(spans[k], [2]time.Time{r.Start, r.End})
		}
		n := ymd + r.KanjiSei + r.KanjiMei
		if names[n]++; names[n] == 2 {
			sameNameDays++
		}
	}
	if cancelled != s.Cancelled || cancelled < 150 || cancelled > 350 {
		t.Errorf("%d cancelled (seeder says %d), want about 5%% of 5000", cancelled, s.Cancelled)
	}
	if net < 2500 || ext < 1000 || onBed == 0 || sameNameDays == 0 {
		t.Errorf("net %d, ext %d, on a bed %d, names twice on one day %d", net, ext, onBed, sameNameDays)
	}
	if s.Staff < 8 || s.DaysOff == 0 {
		t.Errorf("%d staff, %d days off", s.Staff, s.DaysOff)
	}
	t.Logf("seeded %+v: net %d, ext %d, on a bed %d, same name twice on a day %d times", s, net, ext, onBed, sameNameDays)
}

func TestSeedBusyIsRepeatable(t *testing.T) {
	a, _, _ := seededDouble(t, 300, 10, 4)
	b, _, _ := seededDouble(t, 300, 10, 4)
	ra, rb := a.Reservations(), b.Reservations()
	for i := range ra {
		if ra[i].ID != rb[i].ID || !ra[i].Start.Equal(rb[i].Start) || ra[i].KanjiSei != rb[i].KanjiSei || ra[i].StaffID != rb[i].StaffID {
			t.Fatalf("reservation %d differs: %+v vs %+v", i, ra[i], rb[i])
		}
	}
}

// BenchmarkSeedBusy5000 measures seeding a large salon (the brief: well
// under a second).
func BenchmarkSeedBusy5000(b *testing.B) {
	for b.Loop() {
		seededDouble(b, 5000, 60, 8)
	}
}

// TestListFiltersOfABusySalon: the search's filters (days, statuses,
// staffId, reserveId) keep exactly the matching reservations, and the
// paging block says how many in all.
func TestListFiltersOfABusySalon(t *testing.T) {
	d, _, _ := seededDouble(t, 600, 20, 4)
	srv := httptest.NewServer(d)
	t.Cleanup(srv.Close)
	b := newBrowser(t, srv.URL)
	b.login()
	all := d.Reservations()
	staff := all[0].StaffID
	count := func(keep func(sbdouble.Reservation) bool) int {
		n := 0
		for _, r := range all {
			if keep(r) {
				n++
			}
		}
		return n
	}
	inDays := func(r sbdouble.Reservation) bool {
		return !r.Start.Before(time.Date(2026, 12, 3, 0, 0, 0, 0, jst)) && r.Start.Before(time.Date(2026, 12, 8, 0, 0, 0, 0, jst))
	}
	var one string
	for _, r := range all {
		if inDays(r) && one == "" {
			one = r.ID
		}
	}
	for name, tc := range map[string]struct {
		extra url.Values
		keep  func(sbdouble.Reservation) bool
	}{
		"days, every status": {url.Values{"reserveDispStatusCdArray": {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"}}, inDays},
		"cancellations": {url.Values{"reserveDispStatusCdArray": {"6", "7", "8", "9", "10"}}, func(r sbdouble.Reservation) bool {
			return inDays(r) && r.Status >= sbdouble.StatusRefused && r.Status <= sbdouble.StatusAutoCancel
		}},
		"one staff": {url.Values{"staffId": {staff}, "reserveDispStatusCdArray": {"2"}}, func(r sbdouble.Reservation) bool {
			return inDays(r) && r.StaffID == staff && r.Status == sbdouble.StatusWaiting
		}},
		"one number": {url.Values{"reserveId": {one}, "reserveDispStatusCdArray": {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"}},
			func(r sbdouble.Reservation) bool { return r.ID == one }},
	} {
		want := count(tc.keep)
		page := b.search("20261203", "20261207", tc.extra)
		got := strings.Count(page, `<td class="rsv_date">`)
		if want > sbdouble.PageSize {
			if !strings.Contains(page, fmt.Sprintf("全%d件", want)) || got != sbdouble.PageSize {
				t.Errorf("%s: page 1 has %d rows and no 全%d件", name, got, want)
			}
			continue
		}
		if got != want || want == 0 {
			t.Errorf("%s: %d rows, want %d", name, got, want)
		}
	}
}

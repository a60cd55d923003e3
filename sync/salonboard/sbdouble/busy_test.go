package sbdouble_test

import (
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

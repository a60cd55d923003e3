package sbdouble

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// Seeding a busy salon: thousands of reservations spread over the coming
// days, as SALON BOARD holds them when a salon starts SalonDesk (no mail
// will ever come for them). Everything is made up and repeatable by Seed.

// BusySalon says what SeedBusy makes.
type BusySalon struct {
	Reservations int       // how many reservations in all
	Days         int       // spread over this many calendar days from From
	Staff        int       // at least this many staff; more are added while the days are full
	Seed         int64     // same seed, same salon
	From         time.Time // first day; zero: today on Config.Now
}

// Seeded is what SeedBusy made.
type Seeded struct {
	Reservations, Cancelled int
	Staff, Equipment        int
	DaysOff                 int // staff days off (a 休日 to-do, no reservation that day)
}

// Opening hours of the seeded salon, on the 15-minute grid.
const (
	busyOpen  = 9 * time.Hour
	busyClose = 21 * time.Hour
	slot      = 15 * time.Minute
)

// busyMinutes are the lengths a reservation takes, weighted toward an hour
// or an hour and a half.
var busyMinutes = []int{30, 45, 60, 60, 60, 75, 90, 90, 90, 120, 120, 150, 180}

// SeedBusy adds b.Reservations reservations over b.Days days: a mix of net
// (B…) and phone or walk-in (YG…) reservations, several staff on the
// 15-minute grid without overlaps in one staff row, some on a bed, a break
// for each staff, some days off, about 5% cancelled, returning customers
// and different customers of the same name. One lock, one rlastupdate.
func (d *Double) SeedBusy(b BusySalon) Seeded {
	d.mu.Lock()
	defer d.mu.Unlock()
	if b.Days < 1 {
		b.Days = 1
	}
	now := d.now()
	from := b.From
	if from.IsZero() {
		from = now
	}
	from = time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, d.cfg.Location)
	sd := &seeder{d: d, rnd: rand.New(rand.NewPCG(uint64(b.Seed), 0x5a10)), now: now}
	sd.ensureStaff(max(b.Staff, 1))
	sd.ensureEquipment(max(2, len(d.st.staff)/2))
	sd.customers = max(40, b.Reservations/3)
	for i := range b.Days {
		quota := b.Reservations / b.Days
		if i < b.Reservations%b.Days {
			quota++
		}
		sd.seedDay(from.AddDate(0, 0, i), quota)
	}
	d.st.touch(now)
	sd.out.Staff, sd.out.Equipment = len(d.st.staff), len(d.st.equipment)
	return sd.out
}

// seeder holds one SeedBusy run. The double's lock is held throughout.
type seeder struct {
	d         *Double
	rnd       *rand.Rand
	now       time.Time
	customers int
	visited   map[int]bool
	out       Seeded
}

func (sd *seeder) ensureStaff(n int) {
	for len(sd.d.st.staff) < n {
		sd.addStaff()
	}
}

func (sd *seeder) addStaff() Staff {
	i := len(sd.d.st.staff)
	f := familyNames[(i*5+3)%len(familyNames)]
	g := givenNames[(i*7+1)%len(givenNames)]
	st := Staff{ID: fmt.Sprintf("W%09d", 101+i), Name: f[0] + " " + g[0], Capacity: 1}
	for _, other := range sd.d.st.staff {
		if other.ID == st.ID {
			st.ID = fmt.Sprintf("W%09d", 500+i) // a staff list set by hand took the number
		}
	}
	sd.d.st.staff = append(sd.d.st.staff, st)
	return st
}

func (sd *seeder) ensureEquipment(n int) {
	for i := len(sd.d.st.equipment); i < n; i++ {
		sd.d.st.equipment = append(sd.d.st.equipment, Equipment{ID: fmt.Sprintf("EQ%08d", 1+i), Name: fmt.Sprintf("ベッド%d", 1+i)})
	}
}

// row is one staff member's day being filled.
type row struct {
	staff        Staff
	cursor       time.Time // the next free start
	breakStart   time.Time
	breakEnd     time.Time
	offDuty, brk bool
}

// seedDay places quota reservations on day, each with the staff whose next
// free start is earliest, adding staff when every row is full.
func (sd *seeder) seedDay(day time.Time, quota int) {
	var rows []*row
	for _, st := range sd.d.st.staff {
		rows = append(rows, sd.newRow(day, st, true))
	}
	beds := map[string][][2]time.Time{}
	for range quota {
		dur := time.Duration(busyMinutes[sd.rnd.IntN(len(busyMinutes))]) * time.Minute
		r := sd.earliest(rows, day, dur)
		for r == nil && dur > 30*time.Minute {
			dur -= slot // late in a full day: a shorter menu still fits
			r = sd.earliest(rows, day, dur)
		}
		if r == nil {
			r = sd.newRow(day, sd.addStaff(), false)
			rows = append(rows, r)
		}
		start := r.fit(dur)
		sd.add(r.staff, start, dur, beds)
		r.cursor = start.Add(dur + slot*time.Duration(sd.rnd.IntN(2)))
	}
}

// newRow opens a staff row: now and then a day off (only when the salon
// already has staff to spare), a lunch break, a first start near opening.
func (sd *seeder) newRow(day time.Time, st Staff, mayRest bool) *row {
	r := &row{staff: st, cursor: day.Add(busyOpen + slot*time.Duration(sd.rnd.IntN(3)))}
	if mayRest && sd.rnd.IntN(12) == 0 {
		r.offDuty = true
		sd.d.st.todos = append(sd.d.st.todos, ToDo{StaffID: st.ID, Title: "休日", DayOff: true,
			Start: day, End: day.Add(29 * time.Hour)})
		sd.out.DaysOff++
		return r
	}
	r.breakStart = day.Add(12*time.Hour + slot*time.Duration(sd.rnd.IntN(9)))
	r.breakEnd = r.breakStart.Add(time.Hour)
	sd.d.st.todos = append(sd.d.st.todos, ToDo{StaffID: st.ID, Title: "休憩", Start: r.breakStart, End: r.breakEnd})
	return r
}

// fit is the first start at or after the cursor that misses the break.
func (r *row) fit(dur time.Duration) time.Time {
	start := r.cursor
	if start.Before(r.breakEnd) && start.Add(dur).After(r.breakStart) {
		start = r.breakEnd
	}
	return start
}

// earliest is the working row whose next start is earliest and still ends
// by closing time, or nil when every row is full.
func (sd *seeder) earliest(rows []*row, day time.Time, dur time.Duration) *row {
	var best *row
	var bestAt time.Time
	for _, r := range rows {
		if r.offDuty {
			continue
		}
		at := r.fit(dur)
		if at.Add(dur).After(day.Add(busyClose)) {
			continue
		}
		if best == nil || at.Before(bestAt) {
			best, bestAt = r, at
		}
	}
	return best
}

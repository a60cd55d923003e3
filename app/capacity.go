package app

import (
	"time"

	"salondesk/data"
)

// Day layout rules: the grid of slots and what fills them.

// Slots returns the start of every slot of a day between open and close.
func Slots(day time.Time, h data.Hours, slotMinutes int) []time.Time {
	if h.Closed || slotMinutes <= 0 {
		return nil
	}
	open, ok1 := clockOn(day, h.Open)
	closing, ok2 := clockOn(day, h.Close)
	if !ok1 || !ok2 {
		return nil
	}
	var out []time.Time
	for t := open; t.Before(closing); t = t.Add(time.Duration(slotMinutes) * time.Minute) {
		out = append(out, t)
	}
	return out
}

// clockOn turns 'HH:MM' into that time on day (hours past 24 run into the next day).
func clockOn(day time.Time, hhmm string) (time.Time, bool) {
	var h, m int
	if len(hhmm) < 4 {
		return time.Time{}, false
	}
	n, err := sscanClock(hhmm, &h, &m)
	if err != nil || n != 2 || m < 0 || m > 59 || h < 0 || h > 29 {
		return time.Time{}, false
	}
	d := data.DayStart(day)
	return d.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute), true
}

// occupies reports whether an occupant [s, e) takes a place in slot [g, g+slot).
// A zero-length reservation takes the slot it starts in.
func occupies(s, e, g time.Time, slot time.Duration) bool {
	if !e.After(s) {
		e = s.Add(time.Minute)
	}
	return s.Before(g.Add(slot)) && e.After(g)
}

// SlotLoad is how full one slot is.
type SlotLoad struct {
	Start       time.Time
	Count       int           // 予約数
	Capacity    int           // salon-wide 受付可能数
	ByStaff     map[int64]int // staff id (0 = 指名なし) → reservations
	ByEquipment map[int64]int
}

// Loads counts active occupants per slot.
func Loads(slots []time.Time, slot time.Duration, occ []data.Occupant, salonCap int, overrides map[string]int) []SlotLoad {
	out := make([]SlotLoad, len(slots))
	for i, g := range slots {
		l := SlotLoad{Start: g, Capacity: salonCap, ByStaff: map[int64]int{}, ByEquipment: map[int64]int{}}
		if c, ok := overrides[g.Format("15:04")]; ok {
			l.Capacity = c
		}
		for _, o := range occ {
			if !occupies(o.Start, o.End, g, slot) {
				continue
			}
			l.Count++
			l.ByStaff[o.StaffID]++
			if o.EquipmentID != 0 {
				l.ByEquipment[o.EquipmentID]++
			}
		}
		out[i] = l
	}
	return out
}

// capacityLimits are the 受付可能数 a new reservation must fit in.
type capacityLimits struct {
	staff     map[int64]int
	equipment map[int64]int
}

// overCapacity checks a candidate against the loads of the slots it covers and returns
// the first refusal (key and the slot), or "" when it fits.
func overCapacity(loads []SlotLoad, slot time.Duration, cand data.Occupant, lim capacityLimits) (string, time.Time) {
	for _, l := range loads {
		if !occupies(cand.Start, cand.End, l.Start, slot) {
			continue
		}
		if l.Count+1 > l.Capacity {
			return "error.capacity_salon", l.Start
		}
		if cand.StaffID != 0 && l.ByStaff[cand.StaffID]+1 > lim.staff[cand.StaffID] {
			return "error.capacity_staff", l.Start
		}
		if cand.EquipmentID != 0 && l.ByEquipment[cand.EquipmentID]+1 > lim.equipment[cand.EquipmentID] {
			return "error.capacity_equipment", l.Start
		}
	}
	return "", time.Time{}
}

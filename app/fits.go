package app

import (
	"context"
	"time"

	"salondesk/data"
)

// Whether a reservation fits the salon: opening hours, staff days off, and the 受付可能数
// of the salon, its staff and its machines. One rule for the desk, the integrations and
// the demo's feed.

// day is what the rules need to know about one day of the salon.
type dayRules struct {
	salon     Salon
	hours     data.Hours
	slots     []time.Time
	staff     map[int64]data.Staff
	equipment map[int64]data.Equipment
}

// loadDay reads the day's settings, hours and masters inside the transaction.
func (t *Tx) loadDay(d time.Time) (dayRules, error) {
	var out dayRules
	var err error
	if out.salon, err = t.Salon(); err != nil {
		return out, err
	}
	hours, err := t.Hours()
	if err != nil {
		return out, err
	}
	out.hours = hours[int(d.Weekday())]
	out.slots = Slots(d, out.hours, out.salon.SlotMinutes)
	staff, err := t.Staff()
	if err != nil {
		return out, err
	}
	out.staff = map[int64]data.Staff{}
	for _, s := range staff {
		out.staff[s.ID] = s
	}
	eq, err := t.Equipment()
	if err != nil {
		return out, err
	}
	out.equipment = map[int64]data.Equipment{}
	for _, e := range eq {
		out.equipment[e.ID] = e
	}
	return out, nil
}

// CheckFits refuses, with a *UserError, a reservation outside opening hours, on a staff
// member's day off, or over a 受付可能数 of the salon, its staff or its equipment. Other
// errors are the database's.
func (t *Tx) CheckFits(r *data.Reservation) error {
	d, err := t.loadDay(r.Start)
	if err != nil {
		return err
	}
	if d.hours.Closed {
		return userErr("error.closed_day")
	}
	open, _ := clockOn(r.Start, d.hours.Open)
	closing, _ := clockOn(r.Start, d.hours.Close)
	if r.Start.Before(open) || r.End.After(closing) || !r.Start.Before(closing) {
		return userErr("error.outside_hours", "Open", d.hours.Open, "Close", d.hours.Close)
	}
	if r.StaffID != 0 {
		s, ok := d.staff[r.StaffID]
		if !ok || !s.Active {
			return userErr("error.staff_unknown")
		}
		if !worksOn(s, r.Start) {
			return userErr("error.staff_day_off", "Staff", s.Name)
		}
	}
	if r.EquipmentID != 0 {
		if e, ok := d.equipment[r.EquipmentID]; !ok || !e.Active {
			return userErr("error.equipment_unknown")
		}
	}
	slot := time.Duration(d.salon.SlotMinutes) * time.Minute
	occ, err := data.ActiveOverlapping(t.ctx, t.q, r.Start.Add(-slot), r.End.Add(slot), r.ID)
	if err != nil {
		return err
	}
	over, err := data.CapacityOverrides(t.ctx, t.q, data.FormatDay(r.Start))
	if err != nil {
		return err
	}
	loads := Loads(d.slots, slot, occ, d.salon.Capacity, over)
	lim := capacityLimits{staff: map[int64]int{}, equipment: map[int64]int{}}
	for id, s := range d.staff {
		lim.staff[id] = s.Capacity
	}
	for id, e := range d.equipment {
		lim.equipment[id] = e.Capacity
	}
	cand := data.Occupant{ID: r.ID, Start: r.Start, End: r.End, StaffID: r.StaffID, EquipmentID: r.EquipmentID}
	if key, at := overCapacity(loads, slot, cand, lim); key != "" {
		return userErr(key, "Time", at.Format("15:04"))
	}
	return nil
}

// CheckFits asks, writing nothing, whether r would fit now (the demo's SALON BOARD feed
// asks before it books).
func (a *App) CheckFits(ctx context.Context, r data.Reservation) error {
	return a.View(ctx, func(t *Tx) error { return t.CheckFits(&r) })
}

// OpeningOn is when the salon opens and closes on day; closed for a day off.
func (a *App) OpeningOn(ctx context.Context, day time.Time) (open, closing time.Time, closed bool, err error) {
	hours, err := a.store.Hours(ctx)
	if err != nil {
		return open, closing, false, err
	}
	h := hours[int(day.Weekday())]
	open, _ = clockOn(day, h.Open)
	closing, _ = clockOn(day, h.Close)
	return open, closing, h.Closed, nil
}

// worksOn reports whether a staff member works on t's weekday.
func worksOn(s data.Staff, t time.Time) bool {
	if s.WorkDays == "" {
		return true
	}
	wd := byte('0' + int(t.Weekday()))
	for i := 0; i < len(s.WorkDays); i++ {
		if s.WorkDays[i] == wd {
			return true
		}
	}
	return false
}

// WorksOn reports whether a staff member works on day's weekday.
func WorksOn(s data.Staff, day time.Time) bool { return worksOn(s, day) }

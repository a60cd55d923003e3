package app

import (
	"cmp"
	"slices"
	"time"

	"salondesk/data"
)

// DayLayout is where each reservation of a day goes on 日次スケジュール: the rows, the
// columns (指名なし, each staff member, each piece of equipment) and, inside a column, the
// lanes that overlapping reservations share side by side. The schedule widget and the
// printout both draw from it, so the screen and the paper always agree; each only turns
// times and lanes into its own pixels or millimetres.
type DayLayout struct {
	Slot    time.Duration // length of one row
	Rows    []SlotLoad    // the day's slots; on a day without slots, rows made up around its reservations
	Columns []DayColumn
	Badges  []DayBadge // one per reservation and column, in the order of DaySchedule.Reservations
}

// ColumnKind says what a column holds.
type ColumnKind int

// The kinds of column, in the order they appear.
const (
	ColumnUnassigned ColumnKind = iota // 指名なし
	ColumnStaff
	ColumnEquipment
)

// DayColumn is one column of reservations.
type DayColumn struct {
	Kind     ColumnKind
	ID       int64  // staff or equipment id; 0 for 指名なし
	Title    string // the staff member's or equipment's name; "" for 指名なし (each medium words it)
	Capacity int    // 受付可能数; -1 when it has none (指名なし, or someone not on the day's list)
	Lanes    int    // the most badges side by side anywhere in the column, at least 1
}

// DayBadge is one reservation drawn in one column; a reservation with equipment has two.
type DayBadge struct {
	Reservation int // index in DaySchedule.Reservations
	Column      int
	Start, End  time.Time // the span drawn: inside the rows and at least MinBadgeSpan long
	Lane, Lanes int       // its lane among the Lanes its group of overlapping badges needs
}

// MinBadgeSpan is the shortest span a badge takes: 9/14 of a row, which is 18 of the
// screen's 28 px and 4.8 of the paper's 7.5 mm — one line of text, and a 5-minute
// reservation can still be read and tapped. A reservation with no end (a start-only
// 仮登録) takes a whole row.
func MinBadgeSpan(slot time.Duration) time.Duration { return slot * 9 / 14 }

// Layout places the day's active reservations. A booked customer never disappears: a
// reservation of someone not on the day's list gets a column of its own, one outside the
// opening hours is pulled to the nearest edge, and a day without slots gets rows made up
// around its reservations.
func (d *DaySchedule) Layout() DayLayout {
	l := DayLayout{Slot: d.SlotDuration()}
	if l.Slot <= 0 {
		l.Slot = 30 * time.Minute
	}
	l.Rows = rowsOf(d, l.Slot)
	staffCol, equipCol := l.columns(d)
	if len(l.Rows) == 0 {
		return l
	}
	for i := range d.Reservations {
		r := &d.Reservations[i]
		if !r.Status.Active() {
			continue
		}
		start, end := l.span(r)
		col := 0
		if r.StaffID != 0 {
			col = staffCol[r.StaffID]
		}
		l.Badges = append(l.Badges, DayBadge{Reservation: i, Column: col, Start: start, End: end})
		if r.EquipmentID != 0 {
			l.Badges = append(l.Badges, DayBadge{Reservation: i, Column: equipCol[r.EquipmentID], Start: start, End: end})
		}
	}
	l.assignLanes()
	return l
}

// rowsOf is the day's slots, or rows made up around its reservations when it has none
// (closed, or hours changed after booking).
func rowsOf(d *DaySchedule, slot time.Duration) []SlotLoad {
	if len(d.Slots) > 0 {
		return d.Slots
	}
	var from, to time.Time
	var occ []data.Occupant
	for i := range d.Reservations {
		r := &d.Reservations[i]
		if !r.Status.Active() {
			continue
		}
		end := r.End
		if !end.After(r.Start) {
			end = r.Start.Add(slot)
		}
		if from.IsZero() || r.Start.Before(from) {
			from = r.Start
		}
		if end.After(to) {
			to = end
		}
		occ = append(occ, data.Occupant{ID: r.ID, Start: r.Start, End: r.End, StaffID: r.StaffID,
			EquipmentID: r.EquipmentID})
	}
	if len(occ) == 0 {
		return nil
	}
	day := data.DayStart(from)
	from = day.Add(from.Sub(day).Truncate(slot))
	var starts []time.Time
	for t := from; t.Before(to); t = t.Add(slot) {
		starts = append(starts, t)
	}
	return Loads(starts, slot, occ, 0, nil)
}

// columns lists 指名なし, the staff working that day, anyone else with a reservation,
// the equipment and any other equipment booked, and returns where each id went.
func (l *DayLayout) columns(d *DaySchedule) (staffCol, equipCol map[int64]int) {
	l.Columns = append(l.Columns, DayColumn{Kind: ColumnUnassigned, Capacity: -1})
	staffCol, equipCol = map[int64]int{}, map[int64]int{}
	add := func(idx map[int64]int, c DayColumn) {
		if _, ok := idx[c.ID]; !ok {
			idx[c.ID] = len(l.Columns)
			l.Columns = append(l.Columns, c)
		}
	}
	for _, s := range d.Staff {
		add(staffCol, DayColumn{Kind: ColumnStaff, ID: s.ID, Title: s.Name, Capacity: s.Capacity})
	}
	for i := range d.Reservations {
		if r := &d.Reservations[i]; r.Status.Active() && r.StaffID != 0 {
			add(staffCol, DayColumn{Kind: ColumnStaff, ID: r.StaffID, Title: r.StaffName, Capacity: -1})
		}
	}
	for _, e := range d.Equipment {
		add(equipCol, DayColumn{Kind: ColumnEquipment, ID: e.ID, Title: e.Name, Capacity: e.Capacity})
	}
	for i := range d.Reservations {
		if r := &d.Reservations[i]; r.Status.Active() && r.EquipmentID != 0 {
			add(equipCol, DayColumn{Kind: ColumnEquipment, ID: r.EquipmentID, Title: r.EquipmentName, Capacity: -1})
		}
	}
	for i := range l.Columns {
		l.Columns[i].Lanes = 1
	}
	return staffCol, equipCol
}

// span is the part of the day a reservation's badge covers (see MinBadgeSpan), kept
// inside the rows.
func (l *DayLayout) span(r *data.ReservationView) (start, end time.Time) {
	least := MinBadgeSpan(l.Slot)
	first, last := l.Rows[0].Start, l.Rows[len(l.Rows)-1].Start.Add(l.Slot)
	start, end = r.Start, r.End
	if !end.After(start) {
		end = start.Add(l.Slot)
	}
	end = maxTime(end, start.Add(least))
	if start.Before(first) {
		start, end = first, maxTime(end, first.Add(least))
	}
	if end.After(last) {
		end = last
		start = minTime(start, last.Add(-least))
	}
	return start, end
}

// assignLanes puts overlapping badges of a column side by side: each badge takes the
// first free lane, and every badge of a group of (transitively) overlapping ones gets the
// group's lane count as its share of the width.
func (l *DayLayout) assignLanes() {
	order := make([]int, len(l.Badges))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		a, b := &l.Badges[i], &l.Badges[j]
		if a.Column != b.Column {
			return cmp.Compare(a.Column, b.Column)
		}
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		return b.End.Compare(a.End) // the longer first
	})
	var laneEnds []time.Time
	groupStart := 0
	var groupEnd time.Time
	closeGroup := func(end int) {
		for _, k := range order[groupStart:end] {
			l.Badges[k].Lanes = len(laneEnds)
		}
		if end > groupStart {
			c := &l.Columns[l.Badges[order[groupStart]].Column]
			c.Lanes = max(c.Lanes, len(laneEnds))
		}
	}
	for n, k := range order {
		b := &l.Badges[k]
		if n > 0 && (b.Column != l.Badges[order[n-1]].Column || !b.Start.Before(groupEnd)) {
			closeGroup(n)
			groupStart, laneEnds = n, laneEnds[:0]
		}
		if n == groupStart {
			groupEnd = b.End
		}
		groupEnd = maxTime(groupEnd, b.End)
		lane := -1
		for i, end := range laneEnds {
			if !end.After(b.Start) {
				lane = i
				break
			}
		}
		if lane < 0 {
			lane = len(laneEnds)
			laneEnds = append(laneEnds, time.Time{})
		}
		laneEnds[lane] = b.End
		b.Lane = lane
	}
	closeGroup(len(order))
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

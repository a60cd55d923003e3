package schedule

import (
	"cmp"
	"slices"
	"time"

	"fyne.io/fyne/v2"

	"salondesk/app"
	"salondesk/data"
)

// Sizes of the grid. Rows have a fixed height whatever the slot length, so a day reads the
// same on every PC and a golden image stays stable.
const (
	headerH   float32 = 44 // column titles and their 受付可能数
	rowH      float32 = 28
	timeW     float32 = 52
	countW    float32 = 48
	capW      float32 = 64
	leftW             = timeW + countW + capW // the band that stays put when scrolling sideways
	minColW   float32 = 120
	minBadgeH float32 = 18 // a 5-minute reservation must still be readable and tappable
	badgePad  float32 = 2  // gap between a badge and its column's lines
)

type colKind int

const (
	colUnassigned colKind = iota // 指名なし
	colStaff
	colEquipment
)

// column is one reservation column of the grid.
type column struct {
	kind     colKind
	id       int64 // staff or equipment id; 0 for 指名なし
	title    string
	capacity int // 受付可能数; -1 when it has none (指名なし, or a staff member not on today's list)
	x, w     float32
}

// badge is one reservation drawn in one column; a reservation with equipment has two.
type badge struct {
	res         *data.ReservationView
	col         int
	top, bottom float32 // in grid coordinates
	lane, lanes int     // overlapping badges share the column side by side
	x, y, w, h  float32 // final rectangle
}

// model is the geometry of one day: pure numbers, no canvas objects, so that it can be
// computed (and tested) without a window.
type model struct {
	rows          []app.SlotLoad
	first         time.Time
	slot          time.Duration
	cols          []column
	badges        []badge
	width, height float32 // the area drawn: at least the minimum, stretched to the widget
	minWidth      float32
	minHeight     float32
	bottom        float32 // end of the last row
	staffCol      map[int64]int
	equipCol      map[int64]int
	order         []int // scratch for the lane sweep
}

// build lays out d for a grid of the given size (wider than the minimum stretches the
// columns). It reuses the model's slices between calls.
func (m *model) build(d *app.DaySchedule, size fyne.Size, unassigned string) {
	m.slot = d.SlotDuration()
	if m.slot <= 0 {
		m.slot = 30 * time.Minute
	}
	m.rows = rowsOf(d, m.slot)
	m.first = time.Time{}
	if len(m.rows) > 0 {
		m.first = m.rows[0].Start
	}
	m.buildColumns(d, unassigned)
	m.minWidth = leftW + float32(len(m.cols))*minColW
	m.width = max(size.Width, m.minWidth)
	colW := (m.width - leftW) / float32(len(m.cols))
	for i := range m.cols {
		m.cols[i].x, m.cols[i].w = leftW+float32(i)*colW, colW
	}
	m.bottom = headerH + float32(len(m.rows))*rowH
	m.minHeight = headerH + float32(max(len(m.rows), 1))*rowH
	m.height = max(size.Height, m.minHeight)
	m.buildBadges(d)
}

// rowsOf is the day's slots; on a day without slots (closed, or hours changed after
// booking) rows are made up around its reservations so that none is ever hidden.
func rowsOf(d *app.DaySchedule, slot time.Duration) []app.SlotLoad {
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
	return app.Loads(starts, slot, occ, 0, nil)
}

func (m *model) buildColumns(d *app.DaySchedule, unassigned string) {
	m.cols = append(m.cols[:0], column{kind: colUnassigned, title: unassigned, capacity: -1})
	if m.staffCol == nil {
		m.staffCol, m.equipCol = map[int64]int{}, map[int64]int{}
	}
	clear(m.staffCol)
	clear(m.equipCol)
	for _, s := range d.Staff {
		m.staffCol[s.ID] = len(m.cols)
		m.cols = append(m.cols, column{kind: colStaff, id: s.ID, title: s.Name, capacity: s.Capacity})
	}
	// A reservation with someone not working today (a day off set after booking, or a
	// deactivated member) still gets a column: a booked customer must never disappear.
	for i := range d.Reservations {
		r := &d.Reservations[i]
		if r.Status.Active() && r.StaffID != 0 {
			if _, ok := m.staffCol[r.StaffID]; !ok {
				m.staffCol[r.StaffID] = len(m.cols)
				m.cols = append(m.cols, column{kind: colStaff, id: r.StaffID, title: r.StaffName, capacity: -1})
			}
		}
	}
	for _, e := range d.Equipment {
		m.equipCol[e.ID] = len(m.cols)
		m.cols = append(m.cols, column{kind: colEquipment, id: e.ID, title: e.Name, capacity: e.Capacity})
	}
	for i := range d.Reservations {
		r := &d.Reservations[i]
		if r.Status.Active() && r.EquipmentID != 0 {
			if _, ok := m.equipCol[r.EquipmentID]; !ok {
				m.equipCol[r.EquipmentID] = len(m.cols)
				m.cols = append(m.cols, column{kind: colEquipment, id: r.EquipmentID, title: r.EquipmentName,
					capacity: -1})
			}
		}
	}
}

func (m *model) buildBadges(d *app.DaySchedule) {
	m.badges = m.badges[:0]
	if len(m.rows) == 0 {
		return
	}
	for i := range d.Reservations {
		r := &d.Reservations[i]
		if !r.Status.Active() {
			continue
		}
		top, bottom := m.span(r)
		col := 0
		if r.StaffID != 0 {
			col = m.staffCol[r.StaffID]
		}
		m.badges = append(m.badges, badge{res: r, col: col, top: top, bottom: bottom})
		if r.EquipmentID != 0 {
			m.badges = append(m.badges, badge{res: r, col: m.equipCol[r.EquipmentID], top: top, bottom: bottom})
		}
	}
	m.assignLanes()
	for i := range m.badges {
		b := &m.badges[i]
		c := m.cols[b.col]
		laneW := (c.w - 2*badgePad) / float32(b.lanes)
		b.x = c.x + badgePad + float32(b.lane)*laneW
		b.w = laneW - 1
		b.y, b.h = b.top+1, b.bottom-b.top-2
	}
}

// span is where a reservation sits vertically: proportional to its times, a zero-minute
// one gets a slot's height, and one outside the hours is pulled to the nearest edge.
func (m *model) span(r *data.ReservationView) (top, bottom float32) {
	bodyTop, bodyBottom := headerH, m.bottom
	top = m.yOf(r.Start)
	if r.End.After(r.Start) {
		bottom = m.yOf(r.End)
	} else {
		bottom = top + rowH
	}
	bottom = max(bottom, top+minBadgeH)
	if top < bodyTop {
		top, bottom = bodyTop, max(bottom, bodyTop+minBadgeH)
	}
	if bottom > bodyBottom {
		bottom = bodyBottom
		top = min(top, bodyBottom-minBadgeH)
	}
	return top, bottom
}

// yOf is where time t falls (in float64 so that whole slots land on whole pixels).
func (m *model) yOf(t time.Time) float32 {
	return headerH + float32(float64(t.Sub(m.first))/float64(m.slot)*float64(rowH))
}

// assignLanes puts overlapping badges of a column side by side: each badge takes the
// first free lane, and every badge of a group of (transitively) overlapping ones gets the
// group's lane count as its share of the width.
func (m *model) assignLanes() {
	m.order = m.order[:0]
	for i := range m.badges {
		m.order = append(m.order, i)
	}
	slices.SortFunc(m.order, func(i, j int) int {
		a, b := &m.badges[i], &m.badges[j]
		if a.col != b.col {
			return cmp.Compare(a.col, b.col)
		}
		if a.top != b.top {
			return cmp.Compare(a.top, b.top)
		}
		return cmp.Compare(b.bottom, a.bottom)
	})
	var laneEnds []float32
	groupStart := 0
	var groupEnd float32
	closeGroup := func(end int) {
		for _, k := range m.order[groupStart:end] {
			m.badges[k].lanes = len(laneEnds)
		}
	}
	for n, k := range m.order {
		b := &m.badges[k]
		if n > 0 && (b.col != m.badges[m.order[n-1]].col || b.top >= groupEnd) {
			closeGroup(n)
			groupStart, laneEnds = n, laneEnds[:0]
		}
		if n == groupStart {
			groupEnd = b.bottom
		}
		groupEnd = max(groupEnd, b.bottom)
		lane := -1
		for l, end := range laneEnds {
			if end <= b.top {
				lane = l
				break
			}
		}
		if lane < 0 {
			lane = len(laneEnds)
			laneEnds = append(laneEnds, 0)
		}
		laneEnds[lane] = b.bottom
		b.lane = lane
	}
	closeGroup(len(m.order))
}

// rowAt is the slot row under y, or -1.
func (m *model) rowAt(y float32) int {
	if y < headerH {
		return -1
	}
	i := int((y - headerH) / rowH)
	if i >= len(m.rows) {
		return -1
	}
	return i
}

// colAt is the column under x, or -1.
func (m *model) colAt(x float32) int {
	for i, c := range m.cols {
		if x >= c.x && x < c.x+c.w {
			return i
		}
	}
	return -1
}

// badgeAt is the topmost badge under (x, y), or -1.
func (m *model) badgeAt(x, y float32) int {
	for i := len(m.badges) - 1; i >= 0; i-- {
		b := &m.badges[i]
		if x >= b.x && x < b.x+b.w && y >= b.y && y < b.y+b.h {
			return i
		}
	}
	return -1
}

// full reports whether column c has no room left in row i.
func (m *model) full(c *column, i int) bool {
	if c.capacity < 0 {
		return false
	}
	l := &m.rows[i]
	switch c.kind {
	case colStaff:
		return l.ByStaff[c.id] >= c.capacity
	case colEquipment:
		return l.ByEquipment[c.id] >= c.capacity
	}
	return false
}

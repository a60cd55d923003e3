package schedule

import (
	"time"

	"fyne.io/fyne/v2"

	"salondesk/app"
	"salondesk/data"
)

// Sizes of the grid. Rows have a fixed height whatever the slot length, so a day reads the
// same on every PC and a golden image stays stable.
const (
	headerH  float32 = 44 // column titles and their 受付可能数
	rowH     float32 = 28
	timeW    float32 = 52
	countW   float32 = 48
	capW     float32 = 64
	leftW            = timeW + countW + capW // the band that stays put when scrolling sideways
	minColW  float32 = 120
	badgePad float32 = 2 // gap between a badge and its column's lines
)

// colKind is what a column holds, as app's day layout says.
type colKind = app.ColumnKind

const (
	colUnassigned = app.ColumnUnassigned // 指名なし
	colStaff      = app.ColumnStaff
	colEquipment  = app.ColumnEquipment
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
// computed (and tested) without a window. Which column and lane a reservation takes is
// app's day layout (the printout's too); the model only turns it into pixels.
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
	layout        app.DayLayout
	laidOut       *app.DaySchedule // the day layout is of; nil to lay out again
}

// build lays out d for a grid of the given size (wider than the minimum stretches the
// columns). The day layout is computed once per day shown, not at every resize, and the
// model's slices are reused between calls.
func (m *model) build(d *app.DaySchedule, size fyne.Size, unassigned string) {
	if m.laidOut != d {
		m.layout, m.laidOut = d.Layout(), d
	}
	l := &m.layout
	m.slot, m.rows = l.Slot, l.Rows
	m.first = time.Time{}
	if len(m.rows) > 0 {
		m.first = m.rows[0].Start
	}
	m.cols = m.cols[:0]
	for _, c := range l.Columns {
		title := c.Title
		if c.Kind == colUnassigned {
			title = unassigned
		}
		m.cols = append(m.cols, column{kind: c.Kind, id: c.ID, title: title, capacity: c.Capacity})
	}
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

// buildBadges turns the layout's spans and lanes into rectangles.
func (m *model) buildBadges(d *app.DaySchedule) {
	m.badges = m.badges[:0]
	for _, lb := range m.layout.Badges {
		c := m.cols[lb.Column]
		b := badge{res: &d.Reservations[lb.Reservation], col: lb.Column, top: m.yOf(lb.Start),
			bottom: m.yOf(lb.End), lane: lb.Lane, lanes: lb.Lanes}
		laneW := (c.w - 2*badgePad) / float32(b.lanes)
		b.x = c.x + badgePad + float32(b.lane)*laneW
		b.w = laneW - 1
		b.y, b.h = b.top+1, b.bottom-b.top-2
		m.badges = append(m.badges, b)
	}
}

// yOf is where time t falls (in float64 so that whole slots land on whole pixels).
func (m *model) yOf(t time.Time) float32 {
	return headerH + float32(float64(t.Sub(m.first))/float64(m.slot)*float64(rowH))
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

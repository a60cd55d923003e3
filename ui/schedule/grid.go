// Package schedule is the 日次スケジュール screen: one day of reservations as a grid of
// slots by staff and equipment, with the day navigation, 新着通知, the 予約アラート banner,
// the icon legend and printing.
package schedule

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
)

// Grid draws one app.DaySchedule. It is a single widget whose renderer draws rectangles,
// texts and lines (no widget per cell or badge), so that a day of 20 staff and 300
// reservations redraws in a few milliseconds; its canvas objects are pooled and reused
// between refreshes.
//
// Put it in a container.Scroll and pass the scroll's offset to SetScrollOffset: the
// column titles and the time band then stay in view.
type Grid struct {
	widget.BaseWidget

	// OnOpen is called with the reservation id when a badge is tapped.
	OnOpen func(id int64)
	// OnNew is called when an empty cell of 指名なし (staffID 0) or of a staff member is tapped.
	OnNew func(start time.Time, staffID int64)

	day    *app.DaySchedule
	offset fyne.Position
	m      model // what is drawn; Tapped reads it, so both always agree
	r      *gridRenderer
}

// NewGrid makes an empty grid; give it a day with SetSchedule.
func NewGrid() *Grid {
	g := &Grid{}
	g.ExtendBaseWidget(g)
	return g
}

// SetSchedule shows d (the grid keeps the pointer: do not change d afterwards).
func (g *Grid) SetSchedule(d *app.DaySchedule) {
	g.day = d
	g.m.laidOut = nil // the same pointer may hold a changed day
	g.Refresh()
}

// Schedule is the day shown, nil before SetSchedule.
func (g *Grid) Schedule() *app.DaySchedule { return g.day }

// SetScrollOffset keeps the titles and the time band in view when the grid is scrolled
// (use it as the container.Scroll's OnScrolled).
func (g *Grid) SetScrollOffset(p fyne.Position) {
	if p == g.offset {
		return
	}
	g.offset = p
	if g.r != nil {
		g.r.applyOffset()
	}
}

// CreateRenderer is part of fyne.Widget.
func (g *Grid) CreateRenderer() fyne.WidgetRenderer {
	r := &gridRenderer{g: g}
	g.r = r
	r.prepare()
	r.redraw()
	return r
}

// Tapped opens the badge under the pointer or starts a reservation in the empty cell.
func (g *Grid) Tapped(ev *fyne.PointEvent) {
	if g.day == nil {
		return
	}
	p := ev.Position
	if p.Y < g.offset.Y+headerH || p.X < g.offset.X+leftW {
		return // the titles or the time band, drawn over the cells
	}
	if i := g.m.badgeAt(p.X, p.Y); i >= 0 {
		if g.OnOpen != nil {
			g.OnOpen(g.m.badges[i].res.ID)
		}
		return
	}
	row, col := g.m.rowAt(p.Y), g.m.colAt(p.X)
	if row < 0 || col < 0 || g.OnNew == nil {
		return
	}
	// An equipment column has no staff to book for: the form picks equipment itself.
	if c := g.m.cols[col]; c.kind != colEquipment {
		g.OnNew(g.m.rows[row].Start, c.id)
	}
}

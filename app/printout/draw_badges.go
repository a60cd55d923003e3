package printout

import (
	"time"

	"salondesk/data"
)

// Badge text size and line height (mm).
const (
	badgeFont  = 6.5
	badgeLineH = 2.7
)

// drawBadges draws the part of column c's badges that falls in the slots from..to. A badge
// that runs on from the previous page repeats its text at the top of this one.
func (p *painter) drawBadges(c, from, to int) {
	col := &p.cols[c]
	first := p.rows[from].Start
	end := p.rows[to-1].Start.Add(p.slot)
	for i := range col.badges {
		b := &col.badges[i]
		if !b.start.Before(end) || !b.end.After(first) {
			continue
		}
		s, e := maxTime(b.start, first), minTime(b.end, end)
		y := tableTop() + p.height(s.Sub(first))
		h := p.height(e.Sub(s))
		laneW := p.colWs[c] / float64(b.lanes)
		x := p.colX(c) + float64(b.lane)*laneW
		p.drawBadge(b, x+0.4, y+0.3, laneW-0.8, h-0.6)
	}
}

// height converts a duration into millimetres of table.
func (p *painter) height(d time.Duration) float64 {
	return d.Minutes() / p.slot.Minutes() * rowH
}

func (p *painter) drawBadge(b *badge, x, y, w, h float64) {
	f := p.f
	r, g, bl := fill(b.v)
	f.SetFillColor(r, g, bl)
	f.SetDrawColor(90, 110, 140)
	f.SetLineWidth(0.25)
	if b.v.SyncState == data.SyncFailed {
		f.SetDrawColor(200, 30, 30)
		f.SetLineWidth(0.6)
	}
	f.Rect(x, y, w, h, "FD")
	f.ClipRect(x, y, w, h, false)
	defer f.ClipEnd()
	f.SetTextColor(20, 20, 20)
	f.SetFont(fontName, "", badgeFont)
	lines := b.lines(func(t string) bool { return f.GetStringWidth(t) <= w-1.2 })
	room := max(1, int((h-0.4)/badgeLineH))
	for i := 0; i < len(lines) && i < room; i++ {
		f.SetXY(x+0.6, y+0.3+float64(i)*badgeLineH)
		f.CellFormat(w-1.2, badgeLineH, fit(f, lines[i], w-1.2), "", 0, "L", false, 0, "")
	}
}

// fill is the badge colour by status, light enough to print in black and white.
func fill(v *data.ReservationView) (int, int, int) {
	switch v.Status {
	case data.StatusProvisional:
		return 255, 241, 196
	case data.StatusArrived:
		return 214, 240, 214
	case data.StatusPaid:
		return 232, 232, 232
	}
	return 220, 234, 252
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

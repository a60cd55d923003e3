package schedule

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"

	stheme "salondesk/ui/theme"
)

// The four parts of the grid, drawn in this order (later ones cover earlier ones when
// scrolled): cells and badges, the time band, the column titles, the top-left corner.

func (r *gridRenderer) drawBody() {
	m := &r.g.m
	r.rect(0, 0, m.width, m.height, r.bg)
	if len(m.rows) == 0 {
		r.text(r.lbl.closed, leftW+8, headerH, r.mz.width(r.lbl.closed, sizeName, false), rowH, sizeName, colorSubtle,
			fyne.TextAlignLeading, false)
		return
	}
	for i := range m.rows {
		y := headerH + float32(i)*rowH
		for c := range m.cols {
			if col := &m.cols[c]; m.full(col, i) {
				r.rect(col.x, y, col.w, rowH, colorCellFull)
			}
		}
	}
	for i := 0; i <= len(m.rows); i++ {
		y := headerH + float32(i)*rowH
		r.line(leftW, y, m.width, y, r.rowLineColor(i))
	}
	for c := range m.cols {
		x := m.cols[c].x
		r.line(x, headerH, x, m.bottom, stheme.ColorGridLine)
	}
	for i := range m.badges {
		r.drawBadge(&m.badges[i])
	}
}

// rowLineColor marks the hours a little darker so the eye finds 14:00 quickly.
func (r *gridRenderer) rowLineColor(i int) color.Color {
	m := &r.g.m
	if i < len(m.rows) && m.rows[i].Start.Minute() == 0 {
		return colorHourLine
	}
	return stheme.ColorGridLine
}

func (r *gridRenderer) drawBadge(b *badge) {
	res := b.res
	lk := lookOf(res)
	box := r.rect(b.x, b.y, b.w, b.h, lk.fill)
	box.StrokeColor, box.StrokeWidth, box.CornerRadius = lk.border, lk.borderW, 3
	left, right := b.x+4, b.x+b.w-3
	lines := max(1, int((b.h-4)/lineH)) // text lines the badge has room for
	y := b.y + 2
	if lines == 1 {
		y = b.y + (b.h-lineH)/2
	}
	x := left
	r.marks = r.lbl.marks(res, r.marks)
	for _, mk := range r.marks {
		w := r.mz.width(mk.text, sizeIcon, true)
		if x+w > right {
			break
		}
		r.text(mk.text, x, y, w, lineH, sizeIcon, mk.color, fyne.TextAlignLeading, true)
		x += w + 2
	}
	// In a narrow lane the icons can leave no room for the name: it goes one line down
	// when the badge is tall enough, since the name matters more than the menu.
	if x > left && lines > 1 && right-x < r.mz.width("山田", sizeName, false) {
		x, y, lines = left, y+lineH, lines-1
	}
	r.badgeText(res.DisplayName(), x, y, right, sizeName, r.fg)
	if lines > 1 {
		r.badgeText(menuOf(res), left, y+lineH, right, sizeSmall, colorSubtle)
	}
}

func (r *gridRenderer) badgeText(s string, x, y, right, size float32, c color.Color) {
	if s = r.mz.fit(s, size, false, right-x); s != "" {
		r.text(s, x, y, r.mz.width(s, size, false), lineH, size, c, fyne.TextAlignLeading, false)
	}
}

// drawLeft is the time band: time, 予約数 and 受付可能数 of every slot, tinted at capacity.
func (r *gridRenderer) drawLeft() {
	m := &r.g.m
	bodyH := m.height - headerH
	r.rect(0, headerH, leftW, bodyH, r.bg)
	for i := range m.rows {
		l := &m.rows[i]
		y := headerH + float32(i)*rowH
		if l.Count >= l.Capacity {
			r.rect(0, y, leftW, rowH, stheme.ColorFull)
		}
		r.text(l.Start.Format("15:04"), 0, y, timeW, rowH, sizeTitle, r.fg, fyne.TextAlignCenter, false)
		r.text(strconv.Itoa(l.Count), timeW, y, countW, rowH, sizeTitle, r.fg, fyne.TextAlignCenter, false)
		r.text(strconv.Itoa(l.Capacity), timeW+countW, y, capW, rowH, sizeTitle, r.fg, fyne.TextAlignCenter,
			false)
		r.line(0, y+rowH, leftW, y+rowH, r.rowLineColor(i+1))
	}
	for _, x := range [...]float32{timeW, timeW + countW} {
		r.line(x, headerH, x, m.bottom, stheme.ColorGridLine)
	}
	r.line(leftW, headerH, leftW, max(m.bottom, m.minHeight), colorHourLine)
}

// drawHeader is the row of column titles with their 受付可能数.
func (r *gridRenderer) drawHeader() {
	m := &r.g.m
	r.rect(leftW, 0, m.width-leftW, headerH, r.header)
	for i := range m.cols {
		c := &m.cols[i]
		title := r.mz.fit(c.title, sizeTitle, true, c.w-8)
		r.text(title, c.x, 5, c.w, 18, sizeTitle, r.fg, fyne.TextAlignCenter, true)
		r.text(r.lbl.capacityOf(c.capacity), c.x, 23, c.w, 16, sizeSmall, colorSubtle, fyne.TextAlignCenter,
			false)
		r.line(c.x, 0, c.x, headerH, stheme.ColorGridLine)
	}
	r.line(leftW, headerH, m.width, headerH, colorHourLine)
}

// drawCorner covers the top-left: the titles of the time band.
func (r *gridRenderer) drawCorner() {
	r.rect(0, 0, leftW, headerH, r.header)
	r.text(r.lbl.count, timeW, 0, countW, headerH, sizeSmall, r.fg, fyne.TextAlignCenter, true)
	r.text(r.lbl.capacity, timeW+countW, 0, capW, headerH, sizeSmall, r.fg, fyne.TextAlignCenter, true)
	for _, x := range [...]float32{timeW, timeW + countW} {
		r.line(x, 0, x, headerH, stheme.ColorGridLine)
	}
	r.line(leftW, 0, leftW, headerH, colorHourLine)
	r.line(0, headerH, leftW, headerH, colorHourLine)
}

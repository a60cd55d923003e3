package schedule

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	stheme "salondesk/ui/theme"
)

// Text sizes of the grid (smaller than body text: a badge is a sticker, not a paragraph).
const (
	sizeTitle float32 = 12
	sizeSmall float32 = 10
	sizeName  float32 = 12
	sizeIcon  float32 = 10
	lineH     float32 = 16
)

var (
	colorCellFull = stheme.ColorAlertSoft // a staff or equipment cell with no room left
	colorHourLine = color.NRGBA{R: 0xc4, G: 0xc4, B: 0xc4, A: 0xff}
	colorSubtle   = color.NRGBA{R: 0x55, G: 0x55, B: 0x55, A: 0xff}
)

// Groups of objects that move differently when the grid is scrolled.
const (
	groupBody   = iota // scrolls
	groupLeft          // time band: stays at the left edge
	groupHeader        // column titles: stay at the top
	groupCorner        // both
	groupCount
)

// gridRenderer draws the model with pooled canvas objects. Each redraw takes objects from
// the pools in drawing order, so the same objects are reused every refresh and nothing
// is allocated once the pools have grown to the busiest day seen.
type gridRenderer struct {
	g    *Grid
	size fyne.Size
	lbl  labels
	mz   measurer

	rects []*canvas.Rectangle
	texts []*canvas.Text
	lines []*canvas.Line
	nr    int
	nt    int
	nl    int

	objects []fyne.CanvasObject
	base    []fyne.Position     // position of objects[i] before the scroll offset
	groups  [groupCount + 1]int // objects[groups[k]:groups[k+1]] belong to group k
	shift   fyne.Position       // offset of the group being drawn
	marks   []mark

	fg, bg, header color.Color
}

func (r *gridRenderer) Destroy() {}

func (r *gridRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *gridRenderer) MinSize() fyne.Size {
	return fyne.NewSize(r.g.m.minWidth, r.g.m.minHeight)
}

func (r *gridRenderer) Layout(size fyne.Size) {
	r.size = size
	m := &r.g.m
	if r.g.day != nil && max(size.Width, m.minWidth) == m.width && max(size.Height, m.minHeight) == m.height {
		return // the same drawing: a refresh at this size already placed everything
	}
	r.redraw()
}

func (r *gridRenderer) Refresh() {
	r.prepare()
	r.redraw()
	canvas.Refresh(r.g)
}

// prepare reads what a refresh may have changed besides the day: language and theme.
func (r *gridRenderer) prepare() {
	r.lbl = loadLabels()
	r.mz.reset(fyne.CurrentApp().Settings().Theme())
	r.fg = theme.Color(theme.ColorNameForeground)
	r.bg = theme.Color(theme.ColorNameBackground)
	r.header = stheme.ColorGridHeader
}

// redraw rebuilds the model for the current size and places every object.
func (r *gridRenderer) redraw() {
	r.nr, r.nt, r.nl = 0, 0, 0
	r.objects, r.base = r.objects[:0], r.base[:0]
	g := r.g
	if g.day == nil {
		g.m = model{}
		r.groups = [groupCount + 1]int{}
		return
	}
	g.m.build(g.day, r.size, r.lbl.unassigned)
	r.begin(groupBody)
	r.drawBody()
	r.begin(groupLeft)
	r.drawLeft()
	r.begin(groupHeader)
	r.drawHeader()
	r.begin(groupCorner)
	r.drawCorner()
	r.groups[groupCount] = len(r.objects)
}

// begin starts a group: its objects are placed with the group's share of the offset.
func (r *gridRenderer) begin(group int) {
	r.groups[group] = len(r.objects)
	r.shift = r.offsetOf(group)
}

func (r *gridRenderer) offsetOf(group int) fyne.Position {
	o := r.g.offset
	switch group {
	case groupLeft:
		return fyne.NewPos(o.X, 0)
	case groupHeader:
		return fyne.NewPos(0, o.Y)
	case groupCorner:
		return o
	}
	return fyne.Position{}
}

// applyOffset moves the fixed bands after a scroll, without redrawing.
func (r *gridRenderer) applyOffset() {
	for group := groupLeft; group < groupCount; group++ {
		shift := r.offsetOf(group)
		for i := r.groups[group]; i < r.groups[group+1]; i++ {
			r.objects[i].Move(r.base[i].Add(shift))
		}
	}
	canvas.Refresh(r.g)
}

func (r *gridRenderer) place(o fyne.CanvasObject, pos fyne.Position) {
	r.objects = append(r.objects, o)
	r.base = append(r.base, pos)
	o.Move(pos.Add(r.shift))
}

func (r *gridRenderer) rect(x, y, w, h float32, fill color.Color) *canvas.Rectangle {
	if r.nr == len(r.rects) {
		r.rects = append(r.rects, &canvas.Rectangle{})
	}
	o := r.rects[r.nr]
	r.nr++
	o.FillColor, o.StrokeColor, o.StrokeWidth, o.CornerRadius = fill, nil, 0, 0
	o.Resize(fyne.NewSize(w, h))
	r.place(o, fyne.NewPos(x, y))
	return o
}

func (r *gridRenderer) text(s string, x, y, w, h, size float32, c color.Color, align fyne.TextAlign,
	bold bool) *canvas.Text {
	if r.nt == len(r.texts) {
		r.texts = append(r.texts, &canvas.Text{})
	}
	o := r.texts[r.nt]
	r.nt++
	o.Text, o.TextSize, o.Color, o.Alignment = s, size, c, align
	o.TextStyle = fyne.TextStyle{Bold: bold}
	o.Resize(fyne.NewSize(w, h))
	r.place(o, fyne.NewPos(x, y))
	return o
}

func (r *gridRenderer) line(x1, y1, x2, y2 float32, c color.Color) {
	if r.nl == len(r.lines) {
		r.lines = append(r.lines, &canvas.Line{})
	}
	o := r.lines[r.nl]
	r.nl++
	o.StrokeColor, o.StrokeWidth = c, 1
	o.Position1 = fyne.NewPos(x1, y1).Add(r.shift)
	o.Position2 = fyne.NewPos(x2, y2).Add(r.shift)
	r.objects = append(r.objects, o)
	r.base = append(r.base, fyne.NewPos(min(x1, x2), min(y1, y2)))
}

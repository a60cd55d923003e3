package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tapRow makes any content a row that highlights under the mouse and acts on a tap
// (a reservation in a list, a day of the two-week strip).
type tapRow struct {
	widget.BaseWidget
	content fyne.CanvasObject
	onTap   func()
	hovered bool
	// border draws a thin frame (day cells); fill is the resting background.
	border bool
	fill   fyne.ThemeColorName
}

func newTapRow(content fyne.CanvasObject, onTap func()) *tapRow {
	r := &tapRow{content: content, onTap: onTap}
	r.ExtendBaseWidget(r)
	return r
}

func (r *tapRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap()
	}
}

func (r *tapRow) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (r *tapRow) MouseIn(*desktop.MouseEvent) { r.hovered = true; r.Refresh() }

func (r *tapRow) MouseMoved(*desktop.MouseEvent) {}

func (r *tapRow) MouseOut() { r.hovered = false; r.Refresh() }

func (r *tapRow) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(color.Transparent)
	rr := &tapRowRenderer{row: r, bg: bg}
	rr.Refresh()
	return rr
}

type tapRowRenderer struct {
	row *tapRow
	bg  *canvas.Rectangle
}

func (rr *tapRowRenderer) Layout(s fyne.Size) {
	rr.bg.Resize(s)
	p := theme.Padding() / 2
	rr.row.content.Move(fyne.NewPos(p, p))
	rr.row.content.Resize(s.Subtract(fyne.NewSquareSize(2 * p)))
}

func (rr *tapRowRenderer) MinSize() fyne.Size {
	return rr.row.content.MinSize().Add(fyne.NewSquareSize(theme.Padding()))
}

func (rr *tapRowRenderer) Refresh() {
	r := rr.row
	switch {
	case r.hovered:
		rr.bg.FillColor = theme.Color(theme.ColorNameHover)
	case r.fill != "":
		rr.bg.FillColor = theme.Color(r.fill)
	default:
		rr.bg.FillColor = color.Transparent
	}
	if r.border {
		rr.bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
		rr.bg.StrokeWidth = 1
	} else {
		rr.bg.StrokeWidth = 0
	}
	rr.bg.Refresh()
	r.content.Refresh()
}

func (rr *tapRowRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{rr.bg, rr.row.content}
}

func (rr *tapRowRenderer) Destroy() {}

package ui

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"salondesk/app"
	"salondesk/data"
)

// dayStrip is Home's two weeks: a row of weekdays, then one cell per day with its
// number of reservations. A tap opens the schedule on that day.
type dayStrip struct {
	open    func(day time.Time)
	header  *fyne.Container
	cells   *fyne.Container
	content fyne.CanvasObject
}

var (
	colorSaturday = color.NRGBA{R: 0x1f, G: 0x6f, B: 0xb2, A: 0xff}
	colorSunday   = color.NRGBA{R: 0xd9, G: 0x30, B: 0x25, A: 0xff}
)

func newDayStrip(open func(day time.Time)) *dayStrip {
	d := &dayStrip{open: open, header: container.NewGridWithColumns(7), cells: container.NewGridWithColumns(7)}
	d.content = container.NewVBox(d.header, d.cells)
	return d
}

func (d *dayStrip) update(days []app.DayCount, now time.Time) {
	d.header.Objects, d.cells.Objects = nil, nil
	today := data.DayStart(now)
	for i, dc := range days {
		if i < 7 {
			wd := canvas.NewText(weekdayShort(dc.Day), weekdayColor(dc.Day))
			wd.Alignment = fyne.TextAlignCenter
			d.header.Add(wd)
		}
		d.cells.Add(d.cell(dc, dc.Day.Equal(today)))
	}
	d.header.Refresh()
	d.cells.Refresh()
}

func (d *dayStrip) cell(dc app.DayCount, today bool) *tapRow {
	date := canvas.NewText(dc.Day.Format("1/2"), weekdayColor(dc.Day))
	date.Alignment = fyne.TextAlignCenter
	count := canvas.NewText(lang.X("ui.home.day_count", "{{.Count}} 件", map[string]any{"Count": dc.Count}),
		theme.Color(theme.ColorNameForeground))
	count.Alignment = fyne.TextAlignCenter
	if dc.Count > 0 {
		count.TextStyle.Bold = true
		count.Color = theme.Color(theme.ColorNamePrimary)
	}
	day := dc.Day
	r := newTapRow(container.NewVBox(date, count), func() { d.open(day) })
	r.border = true
	if today {
		r.fill = theme.ColorNameSelection
	}
	return r
}

func weekdayColor(t time.Time) color.Color {
	switch t.Weekday() {
	case time.Saturday:
		return colorSaturday
	case time.Sunday:
		return colorSunday
	}
	return theme.Color(theme.ColorNameForeground)
}

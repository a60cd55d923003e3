package sales

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"salondesk/data"
	"salondesk/ui/uifmt"
)

// dayChart is the bar chart of a month's days, drawn with canvas primitives: one bar per
// day, its height the day's sales, the day's number under it.
type dayChart struct {
	peak   *widget.Label // the month's best day: the bars have no scale of their own
	box    *fyne.Container
	bars   []*canvas.Rectangle
	labels []*canvas.Text
	values []int
}

func newDayChart() *dayChart {
	c := &dayChart{peak: widget.NewLabel("")}
	c.box = &fyne.Container{Layout: (*chartLayout)(c)}
	return c
}

// show draws the days of month (any day in it) from the by-day totals.
func (c *dayChart) show(month time.Time, byDay []data.SalesBucket) {
	first := time.Date(month.Year(), month.Month(), 1, 0, 0, 0, 0, time.Local)
	days := first.AddDate(0, 1, -1).Day()
	amounts := map[string]int{}
	for _, b := range byDay {
		amounts[b.Key] = b.Amount
	}
	c.values = make([]int, days)
	c.bars, c.labels = make([]*canvas.Rectangle, days), make([]*canvas.Text, days)
	objs := make([]fyne.CanvasObject, 0, 2*days)
	for i := range days {
		c.values[i] = amounts[data.FormatDay(first.AddDate(0, 0, i))]
		c.bars[i] = canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
		c.labels[i] = canvas.NewText(strconv.Itoa(i+1), theme.Color(theme.ColorNameForeground))
		c.labels[i].TextSize = theme.CaptionTextSize()
		c.labels[i].Alignment = fyne.TextAlignCenter
		objs = append(objs, c.bars[i], c.labels[i])
	}
	c.box.Objects = objs
	c.box.Refresh()
	c.showPeak(first)
}

// showPeak names the month's best day and its sales, which the tallest bar stands for.
func (c *dayChart) showPeak(first time.Time) {
	best := -1
	for i, v := range c.values {
		if v > 0 && (best < 0 || v > c.values[best]) {
			best = i
		}
	}
	if best < 0 {
		c.peak.SetText(lang.X("sales.screen.chart_empty", "{{.Year}}年{{.Month}}月の会計はありません。",
			map[string]any{"Year": first.Year(), "Month": int(first.Month())}))
		return
	}
	c.peak.SetText(lang.X("sales.screen.chart_peak", "{{.Year}}年{{.Month}}月　最高 {{.Day}}日 {{.Amount}}",
		map[string]any{"Year": first.Year(), "Month": int(first.Month()), "Day": best + 1, "Amount": uifmt.Yen(c.values[best])}))
}

// chartLayout places the bars; it is the chart itself seen as a layout.
type chartLayout dayChart

func (l *chartLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	n := len(l.values)
	if n == 0 {
		return
	}
	top := 0
	for _, v := range l.values {
		top = max(top, v)
	}
	labelH := theme.CaptionTextSize() + 4
	slot := size.Width / float32(n)
	area := size.Height - labelH
	for i, v := range l.values {
		h := float32(0)
		if top > 0 {
			h = area * float32(v) / float32(top)
		}
		l.bars[i].Move(fyne.NewPos(float32(i)*slot+slot*0.15, area-h))
		l.bars[i].Resize(fyne.NewSize(slot*0.7, h))
		l.labels[i].Move(fyne.NewPos(float32(i)*slot, area+2))
		l.labels[i].Resize(fyne.NewSize(slot, labelH-2))
	}
}

func (l *chartLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(31*18, 160) }

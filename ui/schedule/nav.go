package schedule

import (
	"fmt"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// stripDays is how many days the strip shows on each side of the day (the seed shows 5).
const stripDays = 5

// dayNav is the date title and the row 今日 / 前の日 / a strip of dates / 次の日.
type dayNav struct {
	title             *widget.Label
	today, prev, next *widget.Button
	strip             []*widget.Button
	bar               *fyne.Container
	day               time.Time
	onDay             func(time.Time)
}

func newDayNav(onDay func(time.Time), onToday func()) *dayNav {
	n := &dayNav{onDay: onDay}
	n.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	n.title.SizeName = theme.SizeNameSubHeadingText
	n.today = widget.NewButton(lang.X("schedule.today", "今日"), onToday)
	n.prev = widget.NewButtonWithIcon(lang.X("schedule.prev_day", "前の日"), theme.NavigateBackIcon(),
		func() { n.onDay(n.day.AddDate(0, 0, -1)) })
	n.next = widget.NewButtonWithIcon(lang.X("schedule.next_day", "次の日"), theme.NavigateNextIcon(),
		func() { n.onDay(n.day.AddDate(0, 0, 1)) })
	n.next.IconPlacement = widget.ButtonIconTrailingText
	row := container.NewHBox(n.today, n.prev)
	for i := -stripDays; i <= stripDays; i++ {
		offset := i
		b := widget.NewButton("", func() { n.onDay(n.day.AddDate(0, 0, offset)) })
		n.strip = append(n.strip, b)
		row.Add(b)
	}
	row.Add(n.next)
	n.bar = row
	return n
}

// show puts day in the title and centres the strip on it; today is marked in the strip.
func (n *dayNav) show(day, now time.Time) {
	n.day = day
	n.title.SetText(dateTitle(day))
	today := now.Format(time.DateOnly)
	for i, b := range n.strip {
		d := day.AddDate(0, 0, i-stripDays)
		text := fmt.Sprintf("%02d", d.Day())
		imp := widget.LowImportance
		switch {
		case i == stripDays:
			imp = widget.HighImportance
		case d.Format(time.DateOnly) == today:
			imp = widget.MediumImportance
		}
		if b.Text != text || b.Importance != imp {
			b.Text, b.Importance = text, imp
			b.Refresh()
		}
	}
}

// dateTitle is 「11月23日(月)」.
func dateTitle(d time.Time) string {
	return lang.X("schedule.date_title", "{{.Month}}月{{.Day}}日({{.Weekday}})", map[string]any{
		"Month": int(d.Month()), "Day": d.Day(), "Weekday": weekday(d.Weekday()),
	})
}

var weekdayFallback = [...]string{"日", "月", "火", "水", "木", "金", "土"}

func weekday(w time.Weekday) string {
	return lang.X("schedule.weekday."+strconv.Itoa(int(w)), weekdayFallback[w])
}

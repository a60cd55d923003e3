package masters

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/unicode/norm"

	"salondesk/app"
	"salondesk/data"
)

// stopScreen is 予約 停止・再開: each slot of a day with the salon's 受付可能数, which
// 停止 sets to 0 (no bookings) and 再開 gives back.
type stopScreen struct {
	a         *app.App
	win       fyne.Window
	day       time.Time
	sched     app.DaySchedule
	dayEntry  *widget.Entry
	showBtn   *widget.Button
	title     *widget.Label
	note      *widget.Label // 定休日 / no slots
	list      *widget.List
	stopAll   *widget.Button
	resumeAll *widget.Button
	view      fyne.CanvasObject
}

// NewStopScreen is the menu item 予約 停止・再開.
func NewStopScreen(a *app.App, win fyne.Window) fyne.CanvasObject {
	return newStopScreen(a, win).view
}

func newStopScreen(a *app.App, win fyne.Window) *stopScreen {
	s := &stopScreen{a: a, win: win, day: data.DayStart(a.Now()), dayEntry: widget.NewEntry(),
		title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), note: widget.NewLabel("")}
	s.dayEntry.SetPlaceHolder("2006-01-02")
	s.showBtn = widget.NewButton(lang.X("masters.stop.show", "表示"), s.showTyped)
	today := widget.NewButton(lang.X("masters.stop.today", "今日"), func() { s.setDay(data.DayStart(s.a.Now())) })
	prev := widget.NewButton(lang.X("masters.stop.prev", "前の日"), func() { s.setDay(s.day.AddDate(0, 0, -1)) })
	next := widget.NewButton(lang.X("masters.stop.next", "次の日"), func() { s.setDay(s.day.AddDate(0, 0, 1)) })
	s.stopAll = widget.NewButton(lang.X("masters.stop.all", "終日停止"), func() { s.setDayCapacity(0) })
	s.stopAll.Importance = widget.DangerImportance
	s.resumeAll = widget.NewButton(lang.X("masters.resume.all", "終日再開"), func() { s.setDayCapacity(-1) })
	s.list = widget.NewList(func() int { return len(s.sched.Slots) }, s.createRow, s.updateRow)
	header := container.NewGridWithColumns(5, widget.NewLabel(lang.X("masters.stop.time", "時間")),
		widget.NewLabel(lang.X("masters.stop.count", "予約数")), widget.NewLabel(lang.X("masters.capacity", "受付可能数")),
		widget.NewLabel(""), widget.NewLabel(""))
	top := container.NewVBox(
		container.NewHBox(today, prev, next, container.NewGridWrap(fyne.NewSize(130, s.dayEntry.MinSize().Height), s.dayEntry), s.showBtn),
		container.NewHBox(s.title, s.stopAll, s.resumeAll),
		s.note, header)
	s.view = container.NewBorder(top, nil, nil, nil, s.list)
	s.setDay(s.day)
	// The event may come from a sync goroutine: s.day is read on the UI goroutine only.
	s.a.Events().Subscribe(func(e app.Event) {
		switch e := e.(type) {
		case app.MastersChanged:
			fyne.Do(s.reload)
		case app.ReservationsChanged:
			fyne.Do(func() {
				for _, d := range e.Days {
					if data.FormatDay(d) == data.FormatDay(s.day) {
						s.reload()
						return
					}
				}
			})
		}
	})
	return s
}

func (s *stopScreen) createRow() fyne.CanvasObject {
	return container.NewGridWithColumns(5, widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel(""),
		widget.NewButton(lang.X("masters.stop.one", "停止"), nil), widget.NewButton(lang.X("masters.resume.one", "再開"), nil))
}

func (s *stopScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(s.sched.Slots) {
		return
	}
	l := s.sched.Slots[i]
	cells := o.(*fyne.Container).Objects
	cells[0].(*widget.Label).SetText(l.Start.Format("15:04"))
	cells[1].(*widget.Label).SetText(itoa(l.Count))
	capLabel := cells[2].(*widget.Label)
	capLabel.Importance = widget.MediumImportance
	capText := itoa(l.Capacity)
	if l.Capacity == 0 {
		capText = lang.X("masters.stop.stopped", "{{.Capacity}}（停止中）", map[string]any{"Capacity": l.Capacity})
		capLabel.Importance = widget.DangerImportance
	}
	capLabel.SetText(capText)
	stop, resume := cells[3].(*widget.Button), cells[4].(*widget.Button)
	stop.OnTapped = func() { s.setSlotCapacity(l.Start, 0) }
	resume.OnTapped = func() { s.setSlotCapacity(l.Start, -1) }
	enable(stop, l.Capacity > 0)
	// A slot differs from the salon's 受付可能数 only through an override.
	enable(resume, l.Capacity != s.sched.Salon.Capacity)
}

func enable(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

// showTyped shows the day typed as YYYY-MM-DD (or YYYY/MM/DD, full-width from an IME).
func (s *stopScreen) showTyped() {
	t := strings.ReplaceAll(norm.NFKC.String(strings.TrimSpace(s.dayEntry.Text)), "/", "-")
	d, err := time.ParseInLocation(data.DayLayout, t, time.Local)
	if err != nil {
		showErr(s.win, &app.UserError{Key: "masters.error.day_invalid"})
		return
	}
	s.setDay(d)
}

func (s *stopScreen) setDay(d time.Time) {
	s.day = data.DayStart(d)
	s.dayEntry.SetText(data.FormatDay(s.day))
	s.reload()
}

func (s *stopScreen) reload() {
	sched, err := s.a.Schedule(bg(), s.day)
	if err != nil {
		showErr(s.win, err)
		return
	}
	s.sched = sched
	s.title.SetText(dayTitle(s.day))
	switch {
	case sched.Hours.Closed:
		s.note.SetText(lang.X("masters.stop.closed_day", "定休日です。"))
	case len(sched.Slots) == 0:
		s.note.SetText(lang.X("masters.stop.no_slots", "予約枠がありません。"))
	default:
		s.note.SetText(lang.X("masters.stop.salon_capacity", "サロン全体の受付可能数：{{.Capacity}}",
			map[string]any{"Capacity": sched.Salon.Capacity}))
	}
	enable(s.stopAll, len(sched.Slots) > 0)
	enable(s.resumeAll, len(sched.Slots) > 0)
	s.list.Refresh()
}

func (s *stopScreen) setSlotCapacity(slot time.Time, capacity int) {
	if err := s.a.SetSlotCapacity(bg(), slot, capacity); err != nil {
		showErr(s.win, err)
	}
	// The app's ReservationsChanged event reloads the day.
}

func (s *stopScreen) setDayCapacity(capacity int) {
	if err := s.a.SetDayCapacity(bg(), s.day, capacity); err != nil {
		showErr(s.win, err)
	}
	// The app's ReservationsChanged event reloads the day.
}

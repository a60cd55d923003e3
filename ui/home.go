package ui

import (
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/data"
	"salondesk/ui/uifmt"
)

// homeScreen is ホーム: the failures to look at, two weeks of days, today's schedule,
// reservations and sales.
type homeScreen struct {
	shell    *Shell
	alerts   *fyne.Container // one line per direction with open notifications
	days     *dayStrip
	today    *fyne.Container
	shown    []data.ReservationView // what today's rows were built from
	schedule *widget.Button         // 本日のスケジュール
	sales    *widget.Label
	body     *fyne.Container
	content  fyne.CanvasObject
}

func newHomeScreen(s *Shell) *homeScreen {
	h := &homeScreen{shell: s, alerts: container.NewVBox(), today: container.NewVBox()}
	h.days = newDayStrip(s.ShowSchedule)
	list := widget.NewHyperlink(lang.X("ui.home.show_notifications", "お知らせ一覧を表示"), nil)
	list.OnTapped = func() { s.Show(PageNotifications) }
	h.schedule = widget.NewButtonWithIcon(lang.X("ui.home.today_schedule", "本日のスケジュール"),
		theme.CalendarIcon(), func() { s.ShowSchedule(data.DayStart(s.app.Now())) })
	h.sales = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.sales.SizeName = theme.SizeNameSubHeadingText

	h.body = container.NewVBox(
		h.alerts,
		container.NewHBox(list),
		widget.NewSeparator(),
		container.NewHBox(h.schedule),
		h.days.content,
		widget.NewSeparator(),
		heading(lang.X("ui.home.today_reservations", "本日の予約一覧"), theme.ListIcon()),
		h.today,
		widget.NewSeparator(),
		heading(lang.X("ui.home.today_sales", "本日の売上"), theme.DocumentIcon()),
		h.sales,
	)
	h.content = container.NewVScroll(container.NewPadded(h.body))
	return h
}

// update shows h; the shell reads it once for the top bar and this screen.
func (h *homeScreen) update(home app.Home) error {
	h.alerts.Objects = nil
	for _, d := range directions {
		if n := home.Unresolved[d]; n > 0 {
			h.alerts.Add(alertLine(homeLine(d, n), func() { h.shell.Show(PageNotifications) }))
		}
	}
	if count := h.shell.screens.UnmatchedNames; count != nil {
		if n := count(); n > 0 {
			h.alerts.Add(alertLine(lang.X("sbimport.home_line", "未対応のクーポン名 {{.Count}}件", map[string]any{"Count": n}),
				func() { h.shell.Show(PageMenus) }))
		}
	}
	h.days.update(home.Days, h.shell.app.Now())
	// Every app event refreshes Home; a busy salon has ~100 reservations a day, and
	// building their rows anew each time (new widgets, new text textures) was most of
	// Home's idle CPU there. Rebuild only when the day's list changed.
	if h.today.Objects == nil || !reflect.DeepEqual(home.Today, h.shown) {
		h.today.Objects = reservationRows(home, h.shell.openReservation)
		h.shown = home.Today
	}
	h.sales.SetText(lang.X("ui.home.sales", "{{.Amount}}（{{.Count}}件）",
		map[string]any{"Amount": uifmt.Yen(home.SalesTotal), "Count": home.SalesCount}))
	h.body.Refresh()
	return nil
}

// alertLine is a red-marked sentence that leads to the notification list.
func alertLine(text string, onTap func()) *tapRow {
	icon := widget.NewIcon(iconAlert())
	label := widget.NewLabel(text)
	label.Importance = widget.DangerImportance
	return newTapRow(container.NewHBox(icon, label), onTap)
}

// heading is a section title with its icon.
func heading(text string, icon fyne.Resource) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewHBox(widget.NewIcon(icon), l)
}

// reservationRows lists today's reservations, or says there are none.
func reservationRows(home app.Home, open func(id int64)) []fyne.CanvasObject {
	if len(home.Today) == 0 {
		l := widget.NewLabel(lang.X("ui.home.no_reservations", "本日の予約はありません。"))
		l.Importance = widget.LowImportance
		return []fyne.CanvasObject{l}
	}
	rows := make([]fyne.CanvasObject, 0, len(home.Today))
	for _, v := range home.Today {
		id := v.ID
		rows = append(rows, newReservationRow(v, func() { open(id) }))
	}
	return rows
}

package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/ui/uifmt"
)

// salesScreen is 売上管理 for now: today's total and today's reservations with their
// status (会計済み or not), each opening its detail window where 会計 is done.
type salesScreen struct {
	shell   *Shell
	total   *widget.Label
	count   *widget.Label
	list    *fyne.Container
	body    *fyne.Container
	content fyne.CanvasObject
}

func newSalesScreen(s *Shell) *salesScreen {
	v := &salesScreen{shell: s, list: container.NewVBox()}
	title := widget.NewLabelWithStyle(lang.X("ui.sales.title", "売上管理"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	v.total = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.total.SizeName = theme.SizeNameHeadingText
	v.count = widget.NewLabel("")
	v.body = container.NewVBox(
		title,
		heading(lang.X("ui.home.today_sales", "本日の売上"), theme.DocumentIcon()),
		container.NewHBox(v.total, container.NewCenter(v.count)),
		widget.NewSeparator(),
		heading(lang.X("ui.sales.today_reservations", "本日の予約と会計状況"), theme.ListIcon()),
		v.list,
	)
	v.content = container.NewVScroll(container.NewPadded(v.body))
	return v
}

func (v *salesScreen) update(h app.Home) error {
	v.total.SetText(uifmt.Yen(h.SalesTotal))
	v.count.SetText(lang.X("ui.sales.count", "{{.Count}}件の会計", map[string]any{"Count": h.SalesCount}))
	v.list.Objects = reservationRows(h, v.shell.openReservation)
	v.body.Refresh()
	return nil
}

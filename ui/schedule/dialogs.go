package schedule

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"salondesk/data"
)

// refreshArrivals puts the number of reservations received since 新着通知 was last opened
// on its button (the seed's ① 新着通知).
func (s *Screen) refreshArrivals() {
	list, err := s.a.NewArrivals(context.Background(), s.arrivalsSince)
	if err != nil {
		fyne.LogError("schedule: new arrivals", err)
		return
	}
	text := lang.X("schedule.arrivals", "新着通知")
	if len(list) > 0 {
		text = lang.X("schedule.arrivals_count", "新着通知 ({{.Count}})", map[string]any{"Count": len(list)})
	}
	if s.arrivalsBtn.Text != text {
		s.arrivalsBtn.SetText(text)
	}
}

// showArrivals lists the reservations received since the last look; a row opens it.
func (s *Screen) showArrivals() {
	list, err := s.a.NewArrivals(context.Background(), s.arrivalsSince)
	if err != nil {
		s.showError(err)
		return
	}
	s.arrivalsSince = s.a.Now()
	s.refreshArrivals()
	title := lang.X("schedule.arrivals", "新着通知")
	closeText := lang.X("schedule.close", "閉じる")
	if len(list) == 0 {
		dialog.ShowCustom(title, closeText,
			widget.NewLabel(lang.X("schedule.arrivals_none", "新着の予約はありません。")), s.win)
		return
	}
	var d dialog.Dialog
	rows := widget.NewList(func() int { return len(list) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(arrivalRow(&list[i])) })
	rows.OnSelected = func(i widget.ListItemID) {
		if s.cb.OpenReservation != nil {
			d.Hide()
			s.cb.OpenReservation(list[i].ID)
		}
	}
	d = dialog.NewCustom(title, closeText, rows, s.win)
	d.Resize(fyne.NewSize(640, 420))
	d.Show()
}

// arrivalRow is one line of 新着通知: when it came, when the customer comes, who, what.
func arrivalRow(r *data.ReservationView) string {
	return lang.X("schedule.arrival_row", "{{.Received}} 受信　{{.Start}}〜　{{.Name}} 様　{{.Menu}}", map[string]any{
		"Received": r.ReceivedAt.Format("01/02 15:04"),
		"Start":    r.Start.Format("01/02") + "(" + weekday(r.Start.Weekday()) + ") " + r.Start.Format("15:04"),
		"Name":     r.DisplayName(),
		"Menu":     menuOf(r),
	})
}

// showLegend is アイコン説明: the five badge icons in their colours.
func (s *Screen) showLegend() {
	descs := [...]struct{ key, text string }{
		{"schedule.legend.failed", "連携失敗：SALON BOARDとの予約連携に失敗した予約"},
		{"schedule.legend.provisional", "仮登録：予約情報の転記が必要な予約"},
		{"schedule.legend.hpb", "HOT PEPPER Beautyからのネット予約"},
		{"schedule.legend.designated", "指名あり"},
		{"schedule.legend.first_visit", "新規のお客様（初回来店）"},
	}
	// The marks come from the function that draws the badges, so the legend cannot drift.
	all := data.ReservationView{Reservation: data.Reservation{SyncState: data.SyncFailed,
		Status: data.StatusProvisional, Route: data.RouteHPB, Designated: true, FirstVisit: true}}
	lbl := loadLabels()
	grid := container.New(layout.NewFormLayout())
	for i, mk := range lbl.marks(&all, nil) {
		t := canvas.NewText(mk.text, mk.color)
		t.TextStyle = fyne.TextStyle{Bold: true}
		t.Alignment = fyne.TextAlignCenter
		grid.Add(t)
		grid.Add(widget.NewLabel(lang.X(descs[i].key, descs[i].text)))
	}
	dialog.ShowCustom(lang.X("schedule.legend", "アイコン説明"), lang.X("schedule.close", "閉じる"), grid, s.win)
}

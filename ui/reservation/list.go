package reservation

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/app/labels"
	"salondesk/data"
)

// listLimit caps one search; the count line says when more matched.
const listLimit = 2000

// List is 予約一覧: reservations by 期間, ステータス, 予約経路, 連携状況 and 名前・番号.
// The 失敗 filter is where 「予約一覧へ」 of a notification lands.
type List struct {
	a    *app.App
	win  fyne.Window
	open func(id int64)

	from, to            *widget.Entry
	status, route, sync *widget.Select
	text                *widget.Entry
	search              *widget.Button
	count               *widget.Label
	table               *widget.Table
	rows                []data.ReservationView
	quiet               bool // while ShowFailed sets several filters at once
	content             fyne.CanvasObject
}

// listColumn is one column of the table: its title, width and cell text.
type listColumn struct {
	key, fallback string
	width         float32
	cell          func(v data.ReservationView) string
}

var listColumns = []listColumn{
	{"reservation.list.number", "予約番号", 130, func(v data.ReservationView) string { return numberText(v.Reservation) }},
	{"reservation.list.visit", "来店日時", 190, func(v data.ReservationView) string {
		return dateText(v.Start) + " " + v.Start.Format("15:04")
	}},
	{"reservation.list.customer", "お客様", 170, func(v data.ReservationView) string { return orDash(v.DisplayName()) }},
	{"reservation.list.staff", "スタッフ", 110, func(v data.ReservationView) string { return staffText(v) }},
	{"reservation.list.menu", "メニュー", 240, couponMenuText},
	{"reservation.list.route", "予約経路", 100, func(v data.ReservationView) string { return labels.Route(v.Route) }},
	{"reservation.list.status", "ステータス", 110, func(v data.ReservationView) string { return labels.Status(v.Status) }},
	{"reservation.list.sync", "連携状況", 260, func(v data.ReservationView) string {
		return labels.Sync(v.SyncState, v.SyncReason)
	}},
}

// NewList builds 予約一覧; open is called with a reservation's id when its row is chosen.
// It shows today and the month after it at first.
func NewList(a *app.App, win fyne.Window, open func(id int64)) *List {
	l := &List{a: a, win: win, open: open, count: widget.NewLabel("")}
	l.from, l.to = widget.NewEntry(), widget.NewEntry()
	l.from.SetPlaceHolder("2006/01/02")
	l.to.SetPlaceHolder("2006/01/02")
	today := data.DayStart(a.Now())
	l.from.SetText(today.Format("2006/01/02"))
	l.to.SetText(today.AddDate(0, 1, 0).Format("2006/01/02"))
	l.status = widget.NewSelect(append([]string{allText()}, statusOptions()...), func(string) { l.Reload() })
	l.route = widget.NewSelect(append([]string{allText()}, routeOptions()...), func(string) { l.Reload() })
	l.sync = widget.NewSelect(append([]string{allText()}, syncOptions()...), func(string) { l.Reload() })
	l.quiet = true
	l.status.SetSelected(allText())
	l.route.SetSelected(allText())
	l.sync.SetSelected(allText())
	l.quiet = false
	l.text = widget.NewEntry()
	l.text.SetPlaceHolder(lang.X("reservation.list.text_hint", "お名前・カナ・予約番号"))
	l.search = widget.NewButtonWithIcon(lang.X("reservation.list.search", "検索"), theme.SearchIcon(), l.Reload)
	l.search.Importance = widget.HighImportance
	l.table = l.buildTable()
	l.content = container.NewBorder(l.filters(), nil, nil, nil, l.table)
	l.Reload()
	a.Events().Subscribe(func(e app.Event) {
		if _, ok := e.(app.ReservationsChanged); ok {
			fyne.Do(l.Reload)
		}
	})
	return l
}

// Content is the screen to put in the shell.
func (l *List) Content() fyne.CanvasObject { return l.content }

// ShowFailed shows every reservation whose sync failed, whatever its date: the list
// 「予約一覧へ」 of a notification opens.
func (l *List) ShowFailed() {
	l.quiet = true
	l.from.SetText("")
	l.to.SetText("")
	l.text.SetText("")
	l.status.SetSelected(allText())
	l.route.SetSelected(allText())
	l.sync.SetSelected(labels.Sync(data.SyncFailed, ""))
	l.quiet = false
	l.Reload()
}

func (l *List) filters() fyne.CanvasObject {
	label := func(key, fallback string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(lang.X(key, fallback), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	row1 := container.NewHBox(label("reservation.list.period", "期間"), fixedWidth(l.from, 130), widget.NewLabel("〜"),
		fixedWidth(l.to, 130), label("reservation.list.status", "ステータス"), fixedWidth(l.status, 150),
		label("reservation.list.route", "予約経路"), fixedWidth(l.route, 150))
	row2 := container.NewHBox(label("reservation.list.sync", "連携状況"), fixedWidth(l.sync, 150),
		label("reservation.list.text", "名前・番号"), fixedWidth(l.text, 220), l.search, l.count)
	return container.NewVBox(row1, row2, widget.NewSeparator())
}

func (l *List) buildTable() *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(l.rows), len(listColumns) },
		func() fyne.CanvasObject {
			c := widget.NewLabel("")
			c.Truncation = fyne.TextTruncateEllipsis
			return c
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row >= len(l.rows) || id.Col >= len(listColumns) {
				return
			}
			v := l.rows[id.Row]
			c := o.(*widget.Label)
			c.Importance = widget.MediumImportance
			if id.Col == len(listColumns)-1 && v.SyncState == data.SyncFailed {
				c.Importance = widget.DangerImportance
			}
			c.SetText(listColumns[id.Col].cell(v))
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(listColumns) {
			o.(*widget.Label).SetText(lang.X(listColumns[id.Col].key, listColumns[id.Col].fallback))
		}
	}
	for i, c := range listColumns {
		t.SetColumnWidth(i, c.width)
	}
	t.OnSelected = func(id widget.TableCellID) {
		t.UnselectAll()
		if id.Row >= 0 && id.Row < len(l.rows) && l.open != nil {
			l.open(l.rows[id.Row].ID)
		}
	}
	return t
}

// filter is what the filter fields ask for, or a UserError for a date that is not one.
func (l *List) filter() (data.ReservationFilter, error) {
	f := data.ReservationFilter{Text: l.text.Text, Limit: listLimit + 1}
	if s := l.from.Text; s != "" {
		d, ok := parseDay(s)
		if !ok {
			return f, &app.UserError{Key: "reservation.error.period"}
		}
		f.From = d
	}
	if s := l.to.Text; s != "" {
		d, ok := parseDay(s)
		if !ok {
			return f, &app.UserError{Key: "reservation.error.period"}
		}
		f.To = d.AddDate(0, 0, 1) // the last day counts
	}
	for _, s := range allStatuses {
		if labels.Status(s) == l.status.Selected {
			f.Statuses = []data.Status{s}
		}
	}
	for _, r := range allRoutes {
		if labels.Route(r) == l.route.Selected {
			f.Route = r
		}
	}
	for _, s := range filterSyncStates {
		if labels.Sync(s, "") == l.sync.Selected {
			f.SyncState = s
		}
	}
	return f, nil
}

// Reload runs the search again with the current filters.
func (l *List) Reload() {
	if l.quiet || l.table == nil {
		return
	}
	f, err := l.filter()
	if err != nil {
		showError(err, l.win)
		return
	}
	rows, err := l.a.Reservations(context.Background(), f)
	if err != nil {
		showError(err, l.win)
		return
	}
	more := len(rows) > listLimit
	if more {
		rows = rows[:listLimit]
	}
	l.rows = rows
	if more {
		l.count.SetText(lang.X("reservation.list.count_more", "{{.Count}}件以上（条件を絞り込んでください）",
			map[string]any{"Count": listLimit}))
	} else {
		l.count.SetText(lang.X("reservation.list.count", "{{.Count}}件", map[string]any{"Count": len(rows)}))
	}
	l.table.Refresh()
}

var (
	allStatuses      = labels.Statuses
	allRoutes        = labels.Routes
	filterSyncStates = labels.SyncStates[1:] // every state but — (never synced)
)

func allText() string { return lang.X("reservation.list.all", "すべて") }

func statusOptions() []string {
	var out []string
	for _, s := range allStatuses {
		out = append(out, labels.Status(s))
	}
	return out
}

func routeOptions() []string {
	var out []string
	for _, r := range allRoutes {
		out = append(out, labels.Route(r))
	}
	return out
}

func syncOptions() []string {
	var out []string
	for _, s := range filterSyncStates {
		out = append(out, labels.Sync(s, ""))
	}
	return out
}

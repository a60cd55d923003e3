// Package sales holds 売上管理 (totals, the list of sales, CSV export, the chart of a
// month), 入金管理 and 日次照合. The 会計 form itself lives with the reservation detail.
package sales

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/data"
	"salondesk/ui/uifmt"
)

// Range modes of 売上管理.
const (
	rangeDay = iota
	rangeMonth
	rangeSpan
)

// Screen is 売上管理: a day, a month or any range; its totals by payment method, staff
// (指名 or not), menu category and route (HPB or not); the chart of the month's days;
// the sales with their lines, 取消 struck through; CSV export.
type Screen struct {
	a    *app.App
	win  fyne.Window
	mode *widget.RadioGroup
	from *widget.Entry
	to   *widget.Entry

	title     *widget.Label
	total     *widget.Label
	methods   *fyne.Container
	staff     *fyne.Container
	cats      *fyne.Container
	routes    *fyne.Container
	chart     *dayChart
	list      *fyne.Container
	body      *fyne.Container
	content   fyne.CanvasObject
	shown     []data.Sale
	shownFrom time.Time // the range shown: [shownFrom, shownTo)
	shownTo   time.Time
}

func modeNames() []string {
	return []string{lang.X("sales.screen.day", "日"), lang.X("sales.screen.month", "月"), lang.X("sales.screen.span", "期間")}
}

// NewScreen builds 売上管理 on today.
func NewScreen(a *app.App, win fyne.Window) *Screen {
	s := &Screen{a: a, win: win, from: widget.NewEntry(), to: widget.NewEntry(), title: widget.NewLabel(""),
		methods: container.NewVBox(), staff: container.NewVBox(), cats: container.NewVBox(), routes: container.NewVBox(),
		chart: newDayChart(), list: container.NewVBox()}
	s.total = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.total.SizeName = theme.SizeNameHeadingText
	s.mode = widget.NewRadioGroup(modeNames(), func(string) { s.Refresh() })
	s.mode.Horizontal, s.mode.Required = true, true
	s.from.SetText(data.FormatDay(a.Now()))
	s.to.SetText(data.FormatDay(a.Now()))
	s.mode.SetSelected(modeNames()[rangeDay])
	show := widget.NewButtonWithIcon(lang.X("sales.screen.show", "表示"), theme.SearchIcon(), s.Refresh)
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { s.step(-1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { s.step(1) })
	utf8 := widget.NewButtonWithIcon(lang.X("sales.screen.csv_utf8", "CSV (UTF-8)"), theme.DownloadIcon(),
		func() { s.exportCSV("utf-8") })
	sjis := widget.NewButtonWithIcon(lang.X("sales.screen.csv_sjis", "CSV (Shift_JIS)"), theme.DownloadIcon(),
		func() { s.exportCSV("shift_jis") })
	heading := widget.NewLabelWithStyle(lang.X("sales.screen.title", "売上管理"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.SizeName = theme.SizeNameSubHeadingText
	box := func(key, fallback string, c *fyne.Container) fyne.CanvasObject {
		return widget.NewCard("", lang.X(key, fallback), c)
	}
	s.body = container.NewVBox(heading,
		container.NewHBox(s.mode, prev, container.NewGridWrap(fyne.NewSize(130, s.from.MinSize().Height), s.from),
			widget.NewLabel("〜"), container.NewGridWrap(fyne.NewSize(130, s.to.MinSize().Height), s.to), next, show),
		container.NewHBox(utf8, sjis),
		s.title, s.total,
		// The chart comes first: a person who picks 月 sees the days without scrolling.
		widget.NewCard("", lang.X("sales.screen.chart", "日別売上（月）"), container.NewVBox(s.chart.peak, s.chart.box)),
		container.NewGridWithColumns(2,
			box("sales.screen.by_method", "支払方法別", s.methods), box("sales.screen.by_staff", "スタッフ別", s.staff),
			box("sales.screen.by_category", "メニューカテゴリ別", s.cats), box("sales.screen.by_route", "予約経路別", s.routes)),
		widget.NewCard("", lang.X("sales.screen.list", "会計一覧"), s.list))
	s.content = container.NewVScroll(container.NewPadded(s.body))
	s.Refresh()
	return s
}

// Content is what the shell shows.
func (s *Screen) Content() fyne.CanvasObject { return s.content }

// span is the range the inputs say: the day, the month of the day, or from–to.
func (s *Screen) span() (time.Time, time.Time, bool) {
	from, ok := parseDay(s.from.Text)
	if !ok {
		return from, from, false
	}
	switch s.mode.Selected {
	case modeNames()[rangeMonth]:
		from = time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.Local)
		return from, from.AddDate(0, 1, 0), true
	case modeNames()[rangeSpan]:
		to, ok := parseDay(s.to.Text)
		if !ok || to.Before(from) {
			return from, from, false
		}
		return from, to.AddDate(0, 0, 1), true
	}
	return from, from.AddDate(0, 0, 1), true
}

// step moves the day or the month back or forward.
func (s *Screen) step(dir int) {
	from, ok := parseDay(s.from.Text)
	if !ok {
		return
	}
	if s.mode.Selected == modeNames()[rangeMonth] {
		from = from.AddDate(0, dir, 0)
	} else {
		from = from.AddDate(0, 0, dir)
	}
	s.from.SetText(data.FormatDay(from))
	s.Refresh()
}

// Refresh reads the range again. UI goroutine.
func (s *Screen) Refresh() {
	if s.body == nil {
		return
	}
	if s.mode.Selected == modeNames()[rangeSpan] {
		s.to.Enable()
	} else {
		s.to.Disable() // a day or a month is set by its first day alone
	}
	from, to, ok := s.span()
	if !ok {
		dialog.ShowError(&app.UserError{Key: "sales.screen.error.range"}, s.win)
		return
	}
	ctx := context.Background()
	sum, err := s.a.SalesSummary(ctx, from, to)
	if err != nil {
		dialog.ShowError(err, s.win)
		return
	}
	list, err := s.a.Sales(ctx, from, to)
	if err != nil {
		dialog.ShowError(err, s.win)
		return
	}
	month, _ := s.a.SalesSummary(ctx, time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.Local),
		time.Date(from.Year(), from.Month()+1, 1, 0, 0, 0, 0, time.Local))
	s.shownFrom, s.shownTo, s.shown = from, to, list
	s.title.SetText(lang.X("sales.screen.range", "{{.From}} 〜 {{.To}}",
		map[string]any{"From": data.FormatDay(from), "To": data.FormatDay(to.AddDate(0, 0, -1))}))
	s.total.SetText(lang.X("sales.screen.total", "合計 {{.Amount}}（{{.Count}}件・内消費税 {{.Tax}}）",
		map[string]any{"Amount": uifmt.Yen(sum.Amount), "Count": sum.Count, "Tax": uifmt.Yen(sum.Tax)}))
	s.showBreakdowns(sum)
	s.chart.show(from, month.ByDay)
	s.list.Objects = saleRows(s, list)
	s.body.Refresh()
}

func (s *Screen) showBreakdowns(sum data.SalesTotals) {
	s.methods.Objects, s.staff.Objects, s.cats.Objects, s.routes.Objects = nil, nil, nil, nil
	for _, b := range sum.ByMethod {
		s.methods.Add(bucketRow(app.MethodLabel(b.Key), b))
	}
	for _, b := range sum.ByStaff {
		s.staff.Add(bucketRow(staffName(b), b))
	}
	for _, b := range sum.ByCategory {
		s.cats.Add(bucketRow(categoryName(b), b))
	}
	// An empty group says so, as 日次照合's do, instead of showing a blank card.
	for _, c := range []*fyne.Container{s.methods, s.staff, s.cats} {
		if len(c.Objects) == 0 {
			c.Add(nothing())
		}
	}
	hpb, other := routeBuckets(sum.ByRoute)
	s.routes.Add(bucketRow(lang.X("sales.screen.route_hpb", "HPB"), hpb))
	s.routes.Add(bucketRow(lang.X("sales.screen.route_other", "HPB以外"), other))
}

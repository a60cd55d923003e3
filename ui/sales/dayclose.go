package sales

import (
	"context"

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

// DayClose is 日次照合: for a day, the desk's 会計 beside the payments received outside,
// paired by customer and amount; the unpaired ones on each side; the difference in yen;
// 取消 sales struck through; and the visits (来店) without 会計.
type DayClose struct {
	a       *app.App
	win     fyne.Window
	day     *widget.Entry
	verdict *widget.Label
	pairs   *fyne.Container
	sales   *fyne.Container
	pays    *fyne.Container
	visits  *fyne.Container
	body    *fyne.Container
	content fyne.CanvasObject
}

// NewDayClose builds 日次照合 on today.
func NewDayClose(a *app.App, win fyne.Window) *DayClose {
	d := &DayClose{a: a, win: win, day: widget.NewEntry(), verdict: widget.NewLabel(""), pairs: container.NewVBox(),
		sales: container.NewVBox(), pays: container.NewVBox(), visits: container.NewVBox()}
	d.verdict.TextStyle.Bold = true
	d.verdict.SizeName = theme.SizeNameSubHeadingText
	d.day.SetText(data.FormatDay(a.Now()))
	title := widget.NewLabelWithStyle(lang.X("sales.close.title", "日次照合"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	card := func(key, fallback string, c *fyne.Container) fyne.CanvasObject {
		return widget.NewCard("", lang.X(key, fallback), c)
	}
	d.body = container.NewVBox(title,
		container.NewHBox(container.NewGridWrap(fyne.NewSize(130, d.day.MinSize().Height), d.day),
			widget.NewButtonWithIcon(lang.X("sales.screen.show", "表示"), theme.SearchIcon(), d.Refresh)),
		d.verdict,
		card("sales.close.pairs", "一致した会計と入金", d.pairs),
		container.NewGridWithColumns(2,
			card("sales.close.unpaired_sales", "入金のない会計", d.sales),
			card("sales.close.unpaired_payments", "会計のない入金", d.pays)),
		card("sales.close.visits", "会計されていない来店", d.visits))
	d.content = container.NewVScroll(container.NewPadded(d.body))
	d.Refresh()
	return d
}

// Content is what the shell shows.
func (d *DayClose) Content() fyne.CanvasObject { return d.content }

// Refresh reads the day again. UI goroutine.
func (d *DayClose) Refresh() {
	if d.body == nil {
		return
	}
	day, ok := parseDay(d.day.Text)
	if !ok {
		dialog.ShowError(&app.UserError{Key: "sales.screen.error.range"}, d.win)
		return
	}
	c, err := d.a.DayClose(context.Background(), day)
	if err != nil {
		dialog.ShowError(err, d.win)
		return
	}
	d.verdict.SetText(lang.X("sales.close.verdict", "会計 {{.Sales}} ／ 入金 {{.Payments}} ／ 差額 {{.Diff}}",
		map[string]any{"Sales": uifmt.Yen(c.SalesTotal), "Payments": uifmt.Yen(c.PaymentsTotal), "Diff": uifmt.Yen(c.Difference)}))
	d.verdict.Importance = widget.SuccessImportance
	if !c.Balanced() {
		d.verdict.Importance = widget.DangerImportance
	}
	d.pairs.Objects, d.sales.Objects, d.pays.Objects, d.visits.Objects = nil, nil, nil, nil
	for _, p := range c.Pairs {
		d.pairs.Add(widget.NewLabel(saleLine(p.Sale) + "　⇔　" + paymentLine(p.Payment)))
	}
	for _, s := range c.UnpairedSales {
		d.sales.Add(widget.NewLabel(saleLine(s)))
	}
	for _, s := range c.Reversed {
		d.sales.Add(struck(widget.NewLabel(saleLine(s))))
	}
	for _, p := range c.UnpairedPayments {
		d.pays.Add(widget.NewLabel(paymentLine(p)))
	}
	for _, v := range c.NotCheckedOut {
		d.visits.Add(widget.NewLabel(v.Start.Format("15:04") + "　" + orDash(v.DisplayName())))
	}
	for _, box := range []*fyne.Container{d.pairs, d.sales, d.pays, d.visits} {
		if len(box.Objects) == 0 {
			box.Add(nothing())
		}
	}
	d.body.Refresh()
}

// nothing is what an empty group of 日次照合 or 売上管理 shows.
func nothing() *widget.Label {
	l := widget.NewLabel(lang.X("sales.close.nothing", "なし"))
	l.Importance = widget.LowImportance
	return l
}

func saleLine(s data.Sale) string {
	return s.SoldAt.Format("15:04") + "　" + orDash(s.CustomerName) + "　" + uifmt.Yen(s.Amount)
}

func paymentLine(p data.Payment) string {
	return p.ReceivedAt.Format("15:04") + "　" + orDash(p.PayerName) + "　" + uifmt.Yen(p.Amount)
}

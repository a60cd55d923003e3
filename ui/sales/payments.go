package sales

import (
	"context"
	"strconv"
	"strings"
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

// Payments is 入金管理: payments received outside the desk (Smaregi transactions, plan
// payments) of a range, each with the customer and reservation it was matched to; the
// unmatched ones carry 照合 to match them by hand.
type Payments struct {
	a        *app.App
	win      fyne.Window
	from, to *widget.Entry
	open     *widget.Check
	list     *fyne.Container
	body     *fyne.Container
	content  fyne.CanvasObject
	matchDlg *matchDialog // the last 照合 dialog (tests drive it)
}

// NewPayments builds 入金管理 on the current month.
func NewPayments(a *app.App, win fyne.Window) *Payments {
	now := a.Now()
	first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.Local)
	p := &Payments{a: a, win: win, from: widget.NewEntry(), to: widget.NewEntry(), list: container.NewVBox()}
	p.from.SetText(data.FormatDay(first))
	p.to.SetText(data.FormatDay(first.AddDate(0, 1, -1)))
	p.open = widget.NewCheck(lang.X("sales.payments.unmatched_only", "未照合のみ"), func(bool) { p.Refresh() })
	title := widget.NewLabelWithStyle(lang.X("sales.payments.title", "入金管理"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	w := func(e *widget.Entry) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(130, e.MinSize().Height), e)
	}
	p.body = container.NewVBox(title,
		container.NewHBox(w(p.from), widget.NewLabel("〜"), w(p.to), p.open,
			widget.NewButtonWithIcon(lang.X("sales.screen.show", "表示"), theme.SearchIcon(), p.Refresh)),
		p.list)
	p.content = container.NewVScroll(container.NewPadded(p.body))
	p.Refresh()
	return p
}

// Content is what the shell shows.
func (p *Payments) Content() fyne.CanvasObject { return p.content }

// Refresh reads the payments again. UI goroutine.
func (p *Payments) Refresh() {
	if p.body == nil {
		return
	}
	from, ok1 := parseDay(p.from.Text)
	to, ok2 := parseDay(p.to.Text)
	if !ok1 || !ok2 || to.Before(from) {
		dialog.ShowError(&app.UserError{Key: "sales.screen.error.range"}, p.win)
		return
	}
	ctx := context.Background()
	list, err := p.a.Payments(ctx, from, to.AddDate(0, 0, 1), p.open.Checked)
	if err != nil {
		dialog.ShowError(err, p.win)
		return
	}
	p.list.Objects = nil
	if len(list) == 0 {
		l := widget.NewLabel(lang.X("sales.payments.none", "この期間の入金はありません。"))
		l.Importance = widget.LowImportance
		p.list.Add(l)
	}
	for _, pay := range list {
		p.list.Add(p.row(ctx, pay))
	}
	p.body.Refresh()
}

func (p *Payments) row(ctx context.Context, pay data.Payment) fyne.CanvasObject {
	who := pay.PayerName
	if pay.CustomerID != 0 {
		if c, err := p.a.Customer(ctx, pay.CustomerID); err == nil {
			who = c.Kana
		}
	}
	text := lang.X("sales.payments.row", "{{.Time}}　{{.Amount}}　{{.Method}}　{{.Who}}　{{.Kind}}",
		map[string]any{"Time": pay.ReceivedAt.Format("01/02 15:04"), "Amount": uifmt.Yen(pay.Amount),
			"Method": pay.Method, "Who": orDash(who), "Kind": paymentKindText(pay.Kind)})
	state := widget.NewLabel(matchText(pay))
	if pay.Matched == data.MatchNone {
		state.Importance = widget.DangerImportance
		match := widget.NewButton(lang.X("sales.payments.match", "照合"), func() { p.matchDlg = p.showMatch(pay) })
		return container.NewBorder(nil, nil, nil, container.NewHBox(state, match), widget.NewLabel(text))
	}
	return container.NewBorder(nil, nil, nil, state, widget.NewLabel(text))
}

func paymentKindText(kind string) string {
	if kind == data.PaymentPlanFee {
		return lang.X("sales.payments.kind_plan", "定額プラン")
	}
	return lang.X("sales.payments.kind_visit", "都度")
}

func matchText(p data.Payment) string {
	switch p.Matched {
	case data.MatchAuto:
		return lang.X("sales.payments.matched_auto", "照合済み（自動）")
	case data.MatchManual:
		return lang.X("sales.payments.matched_manual", "照合済み（手動）")
	}
	return lang.X("sales.payments.unmatched", "未照合")
}

// matchDialog is 照合 by hand: find the customer by kana, pick the reservation of the day
// for a pay-per-visit payment.
type matchDialog struct {
	kana      *widget.Entry
	customers *widget.Select
	visits    *widget.Select
	found     []data.Customer
	rs        []data.ReservationView
	dlg       dialog.Dialog
}

func (p *Payments) showMatch(pay data.Payment) *matchDialog {
	m := &matchDialog{kana: widget.NewEntry()}
	m.kana.SetText(pay.PayerName)
	m.visits = widget.NewSelect(nil, nil)
	m.customers = widget.NewSelect(nil, func(string) { m.loadVisits(p, pay) })
	search := widget.NewButtonWithIcon(lang.X("sales.payments.search", "検索"), theme.SearchIcon(), func() { m.search(p) })
	items := []*widget.FormItem{
		widget.NewFormItem(lang.X("sales.payments.kana", "お客様名（カナ）"), container.NewBorder(nil, nil, nil, search, m.kana)),
		widget.NewFormItem(lang.X("sales.payments.customer", "お客様"), m.customers),
		widget.NewFormItem(lang.X("sales.payments.reservation", "予約"), m.visits),
	}
	d := dialog.NewForm(lang.X("sales.payments.match", "照合"), lang.X("sales.payments.match", "照合"),
		lang.X("sales.screen.close", "閉じる"), items, func(ok bool) {
			if ok {
				p.match(pay, m)
			}
		}, p.win)
	d.Resize(fyne.NewSize(520, 300))
	m.dlg = d
	m.search(p)
	d.Show()
	return m
}

func (m *matchDialog) search(p *Payments) {
	kana := strings.TrimSpace(m.kana.Text)
	m.found = nil
	if kana != "" {
		m.found, _, _ = p.a.SearchCustomers(context.Background(), data.CustomerFilter{KanaPrefix: kana}, 20, 0)
	}
	var names []string
	for _, c := range m.found {
		names = append(names, c.Kana+"　No."+strconv.FormatInt(c.Number, 10))
	}
	m.customers.SetOptions(names)
	if len(names) > 0 {
		m.customers.SetSelectedIndex(0)
	}
}

func (m *matchDialog) loadVisits(p *Payments, pay data.Payment) {
	m.rs = nil
	var names []string
	if i := m.customers.SelectedIndex(); i >= 0 && pay.Kind == data.PaymentPerVisit {
		day := data.DayStart(pay.ReceivedAt)
		all, _ := p.a.Reservations(context.Background(), data.ReservationFilter{From: day, To: day.AddDate(0, 0, 1),
			CustomerID: m.found[i].ID, ActiveOnly: true})
		for _, r := range all {
			m.rs = append(m.rs, r)
			names = append(names, r.Start.Format("15:04")+"　"+strings.Join(r.MenuNames, "・"))
		}
	}
	m.visits.SetOptions(names)
	if len(names) > 0 {
		m.visits.SetSelectedIndex(0)
	}
}

func (p *Payments) match(pay data.Payment, m *matchDialog) {
	var customer, reservation int64
	if i := m.customers.SelectedIndex(); i >= 0 {
		customer = m.found[i].ID
	}
	if i := m.visits.SelectedIndex(); i >= 0 {
		reservation = m.rs[i].ID
	}
	if err := p.a.MatchPayment(context.Background(), pay.ID, customer, reservation); err != nil {
		dialog.ShowError(err, p.win)
		return
	}
	p.Refresh()
}

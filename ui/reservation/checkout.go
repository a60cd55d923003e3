package reservation

import (
	"context"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/data"
	"salondesk/ui/uifmt"
)

// checkoutDialog is 会計: the reservation's coupon and menus prefilled and editable,
// counter products, a discount per line and on the total, tax, one or two payment
// methods with 預り金 and おつり, and 確定. Menus are chosen here when the reservation
// came without them (SALON BOARD does not carry menu names over).
type checkoutDialog struct {
	a     *app.App
	win   fyne.Window
	v     data.ReservationView
	menus *menuPicker
	goods *productPicker
	rows  *lineRows
	pay   *paymentForm

	hint     *widget.Label // the seed's sentence while no menu is chosen
	problem  *widget.Label // why the quote cannot be computed (a bad discount…)
	totalOff *widget.Entry // discount on the total: 500 or 10%
	tax      *widget.Label
	total    *widget.Label
	confirm  *widget.Button
	dlg      *dialog.CustomDialog
	quote    app.Quote
}

func showCheckout(a *app.App, win fyne.Window, v data.ReservationView) *checkoutDialog {
	ctx := context.Background()
	m, err := a.Masters(ctx, false)
	if err != nil {
		showError(err, win)
		return nil
	}
	contracts, err := a.Contracts(ctx, v.CustomerID)
	if err != nil {
		showError(err, win)
		return nil
	}
	c := &checkoutDialog{a: a, win: win, v: v, hint: widget.NewLabel(""), problem: widget.NewLabel(""),
		tax:   widget.NewLabel(""),
		total: widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})}
	c.hint.Importance, c.hint.Wrapping = widget.DangerImportance, fyne.TextWrapWord
	c.problem.Importance, c.problem.Wrapping = widget.DangerImportance, fyne.TextWrapWord
	c.menus = newMenuPicker(m.Categories, m.Menus, v.MenuIDs, c.update)
	c.goods = newProductPicker(m.Products, c.update)
	c.rows = newLineRows(c.update)
	c.totalOff = widget.NewEntry()
	c.totalOff.SetPlaceHolder(lang.X("sales.form.discount_hint", "例: 500 / 10%"))
	c.totalOff.OnChanged = func(string) { c.update() }
	c.pay = newPaymentForm(contracts, c.updatePayments)
	c.confirm = widget.NewButton(lang.X("reservation.checkout.confirm", "確定"), c.submit)
	c.confirm.Importance = widget.HighImportance
	c.update()

	bold := func(key, fallback string) *widget.Label {
		return widget.NewLabelWithStyle(lang.X(key, fallback), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	who := widget.NewLabel(lang.X("reservation.checkout.who", "({{.Kana}})様　{{.Visit}}",
		map[string]any{"Kana": orDash(v.DisplayKana()), "Visit": visitText(v.Start, v.End)}))
	body := container.NewVBox(who, c.hint,
		bold("reservation.checkout.menus", "施術メニュー"), c.menus.content(),
		bold("sales.form.products", "店販商品"), c.goods.content,
		widget.NewSeparator(),
		bold("reservation.checkout.lines", "明細"), c.rows.box,
		container.NewBorder(nil, nil, widget.NewLabel(lang.X("sales.form.total_discount", "合計から値引き")), nil, c.totalOff),
		c.problem, c.tax, c.total, widget.NewSeparator(),
		bold("reservation.checkout.method", "お支払い方法"), c.pay.content)
	c.dlg = dialog.NewCustomWithoutButtons(lang.X("reservation.checkout.title", "会計"), container.NewVScroll(body), win)
	c.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.X("reservation.close", "閉じる"), c.dlg.Hide), c.confirm})
	size := win.Canvas().Size()
	c.dlg.Resize(fyne.NewSize(min(720, size.Width*0.95), min(760, size.Height*0.95)))
	c.dlg.Show()
	return c
}

// input is what the form says, or the reason it cannot be read.
func (c *checkoutDialog) input() (app.CheckoutInput, error) {
	in := app.CheckoutInput{ReservationID: c.v.ID, MenuIDs: c.menus.selected(), Products: c.goods.lines()}
	var err error
	if in.LineDiscounts, err = c.rows.discounts(); err != nil {
		return in, err
	}
	if in.TotalDiscount, err = parseDiscount(c.totalOff.Text); err != nil {
		return in, err
	}
	return in, nil
}

// update recomputes the lines, tax and total as app will charge them.
func (c *checkoutDialog) update() {
	if len(c.menus.selected()) == 0 {
		c.hint.SetText(lang.X("sales.form.choose_menus",
			"このご予約には施術メニューが登録されていません。メニュー名は反映されませんので、会計時に施術メニューの選択が必要です。"))
		c.hint.Show()
	} else {
		c.hint.Hide()
	}
	in, err := c.input()
	if err == nil {
		c.quote, err = c.a.CheckoutQuote(context.Background(), in)
	}
	if err != nil {
		c.problem.SetText(err.Error())
		c.problem.Show()
		return
	}
	c.problem.Hide()
	c.rows.show(c.quote.Items)
	key, fallback := "sales.form.tax_inclusive", "（内消費税 {{.Rate}}% {{.Tax}}）"
	if !c.quote.TaxInclusive {
		key, fallback = "sales.form.tax_exclusive", "消費税 {{.Rate}}% {{.Tax}}"
	}
	c.tax.SetText(lang.X(key, fallback, map[string]any{"Rate": c.quote.TaxRate, "Tax": uifmt.Yen(c.quote.Tax)}))
	c.total.SetText(lang.X("reservation.checkout.total", "合計 {{.Amount}}", map[string]any{"Amount": uifmt.Yen(c.quote.Amount)}))
	c.updatePayments()
}

func (c *checkoutDialog) updatePayments() {
	if c.pay != nil {
		c.pay.show(c.quote.Amount)
	}
}

// submit is 確定: app records the sale and marks the reservation 会計済み, or refuses
// (no menus, 預り金 short…) and the form stays open to correct it.
func (c *checkoutDialog) submit() {
	in, err := c.input()
	if err == nil {
		in.Payments, in.Tendered, err = c.pay.input(c.quote.Amount)
	}
	if err != nil {
		showError(err, c.win)
		return
	}
	sale, err := c.a.Checkout(context.Background(), in)
	if err != nil {
		showError(err, c.win)
		return
	}
	c.dlg.Hide()
	showCheckoutDone(c.a, c.win, sale)
}

// lineRows shows the quote's lines, each with its own discount entry; the entries are
// kept by line while lines come and go, so typing is never interrupted.
type lineRows struct {
	box      *fyne.Container
	keys     []string
	entries  map[string]*widget.Entry
	prices   map[string]*widget.Label
	onChange func()
}

func newLineRows(onChange func()) *lineRows {
	return &lineRows{box: container.NewVBox(), entries: map[string]*widget.Entry{}, prices: map[string]*widget.Label{},
		onChange: onChange}
}

func (l *lineRows) show(items []data.SaleItem) {
	var keys []string
	for _, it := range items {
		if it.Kind != data.LineDiscount {
			keys = append(keys, app.LineKey(it))
		}
	}
	if !slices.Equal(keys, l.keys) {
		l.rebuild(items, keys)
	}
	for _, it := range items {
		if p := l.prices[app.LineKey(it)]; p != nil {
			p.SetText(uifmt.Yen(it.Price))
		}
	}
}

func (l *lineRows) rebuild(items []data.SaleItem, keys []string) {
	l.keys = keys
	l.box.RemoveAll()
	l.prices = map[string]*widget.Label{}
	for _, it := range items {
		if it.Kind == data.LineDiscount {
			continue
		}
		key := app.LineKey(it)
		e := l.entries[key]
		if e == nil {
			e = widget.NewEntry()
			e.SetPlaceHolder(lang.X("sales.form.line_discount", "値引き"))
			e.OnChanged = func(string) { l.onChange() }
			l.entries[key] = e
		}
		name := widget.NewLabel(lineName(it))
		name.Truncation = fyne.TextTruncateEllipsis
		price := widget.NewLabel("")
		l.prices[key] = price
		discount := container.NewGridWrap(fyne.NewSize(110, e.MinSize().Height), e)
		l.box.Add(container.NewBorder(nil, nil, nil, container.NewHBox(discount, price), name))
	}
}

func lineName(it data.SaleItem) string {
	if it.Quantity > 1 {
		return lang.X("sales.form.line_quantity", "{{.Name}} × {{.Quantity}}",
			map[string]any{"Name": it.Name, "Quantity": it.Quantity})
	}
	return it.Name
}

func (l *lineRows) discounts() (map[string]app.Discount, error) {
	out := map[string]app.Discount{}
	for _, key := range l.keys {
		d, err := parseDiscount(l.entries[key].Text)
		if err != nil {
			return nil, err
		}
		if d != (app.Discount{}) {
			out[key] = d
		}
	}
	return out, nil
}

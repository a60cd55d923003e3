package reservation

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/data"
	"salondesk/ui/uifmt"
)

// checkoutDialog is 会計: the reservation's coupon and menus with their prices, the total,
// the payment method, and 確定. Menus can be chosen here, because a reservation whose
// menu names did not match SALON BOARD's arrives without them.
type checkoutDialog struct {
	a       *app.App
	win     fyne.Window
	v       data.ReservationView
	menus   *menuPicker
	lines   *fyne.Container
	total   *widget.Label
	hint    *widget.Label
	method  *widget.RadioGroup
	confirm *widget.Button
	dlg     *dialog.CustomDialog
}

func methodCash() string  { return lang.X("reservation.checkout.cash", "現金") }
func methodCard() string  { return lang.X("reservation.checkout.card", "カード") }
func methodOther() string { return lang.X("reservation.checkout.other", "その他") }

func showCheckout(a *app.App, win fyne.Window, v data.ReservationView) *checkoutDialog {
	m, err := a.Masters(context.Background(), false)
	if err != nil {
		showError(err, win)
		return nil
	}
	c := &checkoutDialog{a: a, win: win, v: v, lines: container.NewVBox(),
		total: widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}),
		hint:  widget.NewLabel("")}
	c.hint.Importance, c.hint.Wrapping = widget.DangerImportance, fyne.TextWrapWord
	c.menus = newMenuPicker(m.Categories, m.Menus, v.MenuIDs, c.update)
	c.method = widget.NewRadioGroup([]string{methodCash(), methodCard(), methodOther()}, nil)
	c.method.Horizontal, c.method.Required = true, true
	c.method.SetSelected(methodCash())
	c.confirm = widget.NewButton(lang.X("reservation.checkout.confirm", "確定"), c.submit)
	c.confirm.Importance = widget.HighImportance
	c.update()

	bold := func(key, fallback string) *widget.Label {
		return widget.NewLabelWithStyle(lang.X(key, fallback), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	who := widget.NewLabel(lang.X("reservation.checkout.who", "({{.Kana}})様　{{.Visit}}",
		map[string]any{"Kana": orDash(v.DisplayKana()), "Visit": visitText(v.Start, v.End)}))
	body := container.NewVBox(who, c.hint,
		bold("reservation.checkout.menus", "施術メニュー"), c.menus.content(), widget.NewSeparator(),
		bold("reservation.checkout.lines", "明細"), c.lines, c.total, widget.NewSeparator(),
		bold("reservation.checkout.method", "お支払い方法"), c.method)
	c.dlg = dialog.NewCustomWithoutButtons(lang.X("reservation.checkout.title", "会計"), container.NewVScroll(body), win)
	c.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.X("reservation.close", "閉じる"), c.dlg.Hide), c.confirm})
	size := win.Canvas().Size()
	c.dlg.Resize(fyne.NewSize(min(640, size.Width*0.95), min(620, size.Height*0.95)))
	c.dlg.Show()
	return c
}

// update lists the lines the chosen menus give, as app will charge them.
func (c *checkoutDialog) update() {
	chosen := c.menus.selected()
	if len(chosen) == 0 && c.v.CouponID == 0 {
		c.hint.SetText(lang.X("reservation.checkout.choose_menus",
			"このご予約にはメニューが登録されていません。施術メニューを選択してください。"))
		c.hint.Show()
	} else {
		c.hint.Hide()
	}
	c.lines.RemoveAll()
	items, err := c.a.CheckoutLines(context.Background(), c.v.ID, chosen)
	if err != nil {
		c.total.SetText(err.Error())
		return
	}
	sum := 0
	for _, it := range items {
		name := widget.NewLabel(it.Name)
		name.Truncation = fyne.TextTruncateEllipsis
		c.lines.Add(container.NewBorder(nil, nil, nil, widget.NewLabel(uifmt.Yen(it.Price)), name))
		sum += it.Price
	}
	c.total.SetText(lang.X("reservation.checkout.total", "合計 {{.Amount}}", map[string]any{"Amount": uifmt.Yen(sum)}))
}

func (c *checkoutDialog) methodKey() string {
	switch c.method.Selected {
	case methodCard():
		return app.MethodCard
	case methodOther():
		return app.MethodOther
	}
	return app.MethodCash
}

// submit is 確定: app records the sale and marks the reservation 会計済み, or refuses
// (no menus, already paid…) and the dialog stays open to correct it.
func (c *checkoutDialog) submit() {
	sale, err := c.a.Checkout(context.Background(), app.CheckoutInput{ReservationID: c.v.ID,
		MenuIDs: c.menus.selected(), Method: c.methodKey()})
	if err != nil {
		showError(err, c.win)
		return
	}
	c.dlg.Hide()
	dialog.ShowInformation(lang.X("reservation.checkout.title", "会計"), lang.X("reservation.checkout.done",
		"会計が完了しました。（合計 {{.Amount}}）", map[string]any{"Amount": uifmt.Yen(sale.Amount)}), c.win)
}

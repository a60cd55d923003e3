package reservation

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/app/printout"
	"salondesk/data"
	"salondesk/ui/uifmt"
)

// numberErr is a form value that is not a number.
func numberErr() error { return &app.UserError{Key: "sales.form.error.number"} }

// parseYen reads 1000, 1,000, ¥1,000 or １０００円; "" is 0. A minus sign is kept, for
// app to refuse with its own message.
func parseYen(s string) (int, error) {
	s = strings.NewReplacer(",", "", "，", "", "¥", "", "￥", "", "円", "", " ", "", "　", "", "－", "-").
		Replace(toHalfWidth(strings.TrimSpace(s)))
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, numberErr()
	}
	return n, nil
}

// parseDiscount reads 500 (yen) or 10% (percent).
func parseDiscount(s string) (app.Discount, error) {
	s = strings.TrimSpace(s)
	if t, ok := strings.CutSuffix(strings.ReplaceAll(s, "％", "%"), "%"); ok {
		n, err := parseYen(t)
		return app.Discount{Percent: n}, err
	}
	n, err := parseYen(s)
	return app.Discount{Yen: n}, err
}

// productPicker adds 店販 products with a quantity.
type productPicker struct {
	products []data.Product
	chosen   []app.ProductLine
	pick     *widget.Select
	qty      *widget.Entry
	list     *fyne.Container
	content  fyne.CanvasObject
	onChange func()
}

func newProductPicker(all []data.Product, onChange func()) *productPicker {
	p := &productPicker{onChange: onChange, list: container.NewVBox()}
	var names []string
	for _, pr := range all {
		if pr.Active && pr.PlanID == 0 && pr.PaymentMethod != data.PaymentRecurring {
			p.products = append(p.products, pr)
			names = append(names, pr.Name+"  "+uifmt.Yen(pr.Price))
		}
	}
	p.pick = widget.NewSelect(names, nil)
	p.qty = widget.NewEntry()
	p.qty.SetText("1")
	add := widget.NewButton(lang.X("sales.form.add_product", "追加"), p.add)
	p.content = container.NewVBox(container.NewBorder(nil, nil, nil,
		container.NewHBox(container.NewGridWrap(fyne.NewSize(60, p.qty.MinSize().Height), p.qty), add), p.pick), p.list)
	if len(p.products) == 0 {
		p.content.Hide()
	}
	return p
}

func (p *productPicker) add() {
	i := p.pick.SelectedIndex()
	if i < 0 {
		return
	}
	n, err := parseYen(p.qty.Text)
	if err != nil || n <= 0 {
		n = 1
	}
	id := p.products[i].ID
	for k := range p.chosen {
		if p.chosen[k].ProductID == id {
			p.chosen[k].Quantity += n
			p.onChange()
			return
		}
	}
	p.chosen = append(p.chosen, app.ProductLine{ProductID: id, Quantity: n})
	remove := widget.NewButton(lang.X("sales.form.remove_product", "取消"), nil)
	row := container.NewBorder(nil, nil, nil, remove, widget.NewLabel(p.products[i].Name))
	remove.OnTapped = func() {
		for k := range p.chosen {
			if p.chosen[k].ProductID == id {
				p.chosen = append(p.chosen[:k], p.chosen[k+1:]...)
				break
			}
		}
		p.list.Remove(row)
		p.onChange()
	}
	p.list.Add(row)
	p.onChange()
}

func (p *productPicker) lines() []app.ProductLine { return append([]app.ProductLine(nil), p.chosen...) }

// paymentForm is お支払い方法: a first method paying what the second does not, an
// optional second method with its amount, the contract a 回数券 / 定額プラン uses, and
// 預り金 with the おつり it gives.
type paymentForm struct {
	contracts []data.Contract
	first     *widget.Select
	second    *widget.Select
	secondAmt *widget.Entry
	firstAmt  *widget.Label
	contract  *widget.Select
	tendered  *widget.Entry
	change    *widget.Label
	content   fyne.CanvasObject
	total     int
}

func methodOptions() []string {
	out := make([]string, len(app.Methods))
	for i, m := range app.Methods {
		out[i] = app.MethodLabel(m)
	}
	return out
}

func newPaymentForm(contracts []data.Contract, onChange func()) *paymentForm {
	f := &paymentForm{contracts: contracts, firstAmt: widget.NewLabel(""), change: widget.NewLabel("")}
	changed := func(string) { onChange() }
	f.first = widget.NewSelect(methodOptions(), changed)
	f.first.SetSelectedIndex(0)
	none := lang.X("sales.form.no_second", "なし")
	f.second = widget.NewSelect(append([]string{none}, methodOptions()...), changed)
	f.second.SetSelectedIndex(0)
	f.secondAmt = widget.NewEntry()
	f.secondAmt.OnChanged = changed
	var names []string
	for _, c := range contracts {
		names = append(names, contractText(c))
	}
	f.contract = widget.NewSelect(names, nil)
	if len(names) > 0 {
		f.contract.SetSelectedIndex(0)
	}
	f.tendered = widget.NewEntry()
	f.tendered.SetPlaceHolder(lang.X("sales.form.tendered_hint", "空欄: 現金の額ちょうど"))
	f.tendered.OnChanged = changed
	label := func(key, fallback string) fyne.CanvasObject { return widget.NewLabel(lang.X(key, fallback)) }
	form := container.New(layout.NewFormLayout(),
		label("sales.form.first", "お支払い1"), container.NewBorder(nil, nil, nil, f.firstAmt, f.first),
		label("sales.form.second", "お支払い2"), container.NewGridWithColumns(2, f.second, f.secondAmt),
		label("sales.form.contract", "回数券・定額プラン"), f.contract,
		label("sales.form.tendered", "預り金"), f.tendered,
		label("sales.form.change", "おつり"), f.change)
	f.content = form
	return f
}

func contractText(c data.Contract) string {
	if c.Remaining == nil {
		return lang.X("sales.form.contract_unlimited", "{{.Name}}（回数無制限）", map[string]any{"Name": c.PlanName})
	}
	return lang.X("sales.form.contract_left", "{{.Name}}（残り{{.Left}}回）", map[string]any{"Name": c.PlanName, "Left": *c.Remaining})
}

// show updates the first payment's amount and the おつり for total.
func (f *paymentForm) show(total int) {
	f.total = total
	pays, tendered, err := f.input(total)
	if err != nil {
		f.firstAmt.SetText("")
		f.change.SetText("")
		return
	}
	f.firstAmt.SetText(uifmt.Yen(pays[0].Amount))
	cash := 0
	for _, p := range pays {
		if p.Method == app.MethodCash {
			cash += p.Amount
		}
	}
	if tendered == 0 {
		tendered = cash
	}
	f.change.SetText(uifmt.Yen(max(0, tendered-cash)))
}

// input is the payments the form describes for total, and the 預り金.
func (f *paymentForm) input(total int) ([]app.PaymentInput, int, error) {
	tendered, err := parseYen(f.tendered.Text)
	if err != nil {
		return nil, 0, err
	}
	var pays []app.PaymentInput
	second := f.second.SelectedIndex() - 1 // 0 is なし
	amount2 := 0
	if second >= 0 {
		if amount2, err = parseYen(f.secondAmt.Text); err != nil {
			return nil, 0, err
		}
	}
	if i := f.first.SelectedIndex(); i >= 0 {
		pays = append(pays, f.payment(app.Methods[i], total-amount2))
	}
	if second >= 0 {
		pays = append(pays, f.payment(app.Methods[second], amount2))
	}
	return pays, tendered, nil
}

func (f *paymentForm) payment(method string, amount int) app.PaymentInput {
	p := app.PaymentInput{Method: method, Amount: amount}
	if i := f.contract.SelectedIndex(); (method == app.MethodTicket || method == app.MethodPlan) && i >= 0 {
		p.ContractID = f.contracts[i].ID
	}
	return p
}

// showCheckoutDone says the sale is recorded, with its おつり, and offers the 領収書.
func showCheckoutDone(a *app.App, win fyne.Window, sale data.Sale) {
	text := lang.X("reservation.checkout.done", "会計が完了しました。（合計 {{.Amount}}）", map[string]any{"Amount": uifmt.Yen(sale.Amount)})
	if sale.Change > 0 {
		text += "\n" + lang.X("sales.form.change_given", "おつり {{.Change}}", map[string]any{"Change": uifmt.Yen(sale.Change)})
	}
	receipt := widget.NewButton(lang.X("sales.form.receipt", "領収書を印刷"), func() { printReceipt(a, win, sale.ID) })
	d := dialog.NewCustom(lang.X("reservation.checkout.title", "会計"), lang.X("reservation.close", "閉じる"),
		container.NewVBox(widget.NewLabel(text), receipt), win)
	d.Show()
}

// printReceipt writes the 領収書 PDF and opens it, off the UI goroutine.
func printReceipt(a *app.App, win fyne.Window, saleID int64) {
	go func() {
		path, err := printout.ReceiptFile(context.Background(), a, saleID)
		if err == nil {
			err = printout.Open(path)
		}
		if err != nil {
			fyne.Do(func() { showError(err, win) })
		}
	}()
}

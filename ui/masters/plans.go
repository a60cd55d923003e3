package masters

import (
	"context"
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/data"
)

// newPaymentChoice is 決済方法: 一括支払 or 継続課金.
func newPaymentChoice() *choice {
	return newChoice([]string{data.PaymentLump, data.PaymentRecurring},
		[]string{lang.X("masters.payment.lump", "一括支払"), lang.X("masters.payment.recurring", "継続課金")})
}

// planForm is the form of one 定額プラン.
type planForm struct {
	name, price, visits *widget.Entry
	payment             *choice
	active              *widget.Check
}

func newPlanTab(s *screen) (*masterTab[data.Plan], *planForm) {
	f := &planForm{name: widget.NewEntry(), price: widget.NewEntry(), visits: widget.NewEntry(),
		payment: newPaymentChoice(), active: widget.NewCheck(lang.X("masters.active", "有効"), nil)}
	form := widget.NewForm(
		widget.NewFormItem(lang.X("masters.name", "名前"), f.name),
		widget.NewFormItem(lang.X("masters.price", "料金"), f.price),
		paymentItem(f.payment),
		widget.NewFormItem(lang.X("masters.visits_per_month", "月の回数"), f.visits),
		widget.NewFormItem("", f.active),
	)
	return newMasterTab(s, tabSpec[data.Plan]{
		table: app.TablePlans,
		csv:   app.MasterPlans,
		pick:  func(m app.Masters) []data.Plan { return m.Plans },
		id:    func(x data.Plan) int64 { return x.ID },
		setID: func(x *data.Plan, id int64) { x.ID = id },
		label: func(x data.Plan) string { return rowLabel(x.Name, x.Active) },
		blank: func() data.Plan { return data.Plan{PaymentMethod: data.PaymentRecurring, Active: true} },
		show: func(x data.Plan) {
			f.name.SetText(x.Name)
			f.price.SetText(itoa(x.Price))
			f.payment.SetValue(x.PaymentMethod)
			f.visits.SetText(itoa(x.VisitsPerMonth))
			f.active.SetChecked(x.Active)
		},
		read: func() (data.Plan, error) {
			var n numbers
			x := data.Plan{Name: f.name.Text, PaymentMethod: f.payment.Value(), Active: f.active.Checked}
			x.Price = n.read(lang.X("masters.price", "料金"), f.price)
			x.VisitsPerMonth = n.read(lang.X("masters.visits_per_month", "月の回数"), f.visits)
			return x, n.err
		},
		save: func(ctx context.Context, x *data.Plan) error { return s.a.SavePlan(ctx, x) },
		form: form,
	}), f
}

// productForm is the form of one 商品 (the seed's ネット決済マスタ); 一括支払 products are
// the ones sent to Smaregi.
type productForm struct {
	name, code, price *widget.Entry
	payment           *choice
	plan              *picker
	active            *widget.Check
}

func newProductTab(s *screen) (*masterTab[data.Product], *productForm) {
	f := &productForm{name: widget.NewEntry(), code: widget.NewEntry(), price: widget.NewEntry(),
		payment: newPaymentChoice(), plan: newPicker(lang.X("masters.plan_none", "なし")),
		active: widget.NewCheck(lang.X("masters.active", "有効"), nil)}
	form := widget.NewForm(
		widget.NewFormItem(lang.X("masters.name", "名前"), f.name),
		widget.NewFormItem(lang.X("masters.product_code", "商品コード"), f.code),
		widget.NewFormItem(lang.X("masters.price", "料金"), f.price),
		paymentItem(f.payment),
		widget.NewFormItem(lang.X("masters.product_plan", "定額プラン"), f.plan),
		widget.NewFormItem("", f.active),
	)
	return newMasterTab(s, tabSpec[data.Product]{
		table: app.TableProducts,
		csv:   app.MasterProducts,
		pick:  func(m app.Masters) []data.Product { return m.Products },
		id:    func(x data.Product) int64 { return x.ID },
		setID: func(x *data.Product, id int64) { x.ID = id },
		label: func(x data.Product) string { return rowLabel(x.Name, x.Active) },
		blank: func() data.Product { return data.Product{PaymentMethod: data.PaymentLump, Active: true} },
		show: func(x data.Product) {
			f.name.SetText(x.Name)
			f.code.SetText(x.Code)
			f.price.SetText(itoa(x.Price))
			f.payment.SetValue(x.PaymentMethod)
			f.plan.SetID(x.PlanID)
			f.active.SetChecked(x.Active)
		},
		read: func() (data.Product, error) {
			var n numbers
			x := data.Product{Name: f.name.Text, Code: strings.TrimSpace(f.code.Text), PaymentMethod: f.payment.Value(),
				PlanID: f.plan.ID(), Active: f.active.Checked}
			x.Price = n.read(lang.X("masters.price", "料金"), f.price)
			return x, n.err
		},
		save: func(ctx context.Context, x *data.Product) error { return s.a.SaveProduct(ctx, x) },
		form: form,
		also: func(m app.Masters) {
			setPickerRows(f.plan, m.Plans, func(p data.Plan) int64 { return p.ID },
				func(p data.Plan) string { return p.Name })
		},
	}), f
}

// paymentItem is 決済方法 with the line that says what goes to Smaregi (the seed's rule:
// only 一括支払 is sent, 継続課金 never), on the plan and the product form alike.
func paymentItem(payment *choice) *widget.FormItem {
	return &widget.FormItem{Text: lang.X("masters.payment_method", "決済方法"), Widget: payment,
		HintText: lang.X("masters.payment_hint", "一括支払のみスマレジに反映されます（継続課金は反映されません）")}
}

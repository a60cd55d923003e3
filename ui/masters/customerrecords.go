package masters

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"salondesk/data"
	"salondesk/ui/uifmt"
)

// customerRecords is the lower part of the customer detail page: contracts, payments and
// the sales total, then 「お客様情報を削除する」.
type customerRecords struct {
	d         *customerDetail
	summary   *widget.Label
	contracts *widget.Label
	payments  *widget.Label
	addBtn    *widget.Button // 契約を追加: a 定額プラン or 回数券
	deleteBtn *widget.Button
	form      *contractForm // the last 契約を追加 form opened
	view      fyne.CanvasObject
}

func newCustomerRecords(d *customerDetail) *customerRecords {
	r := &customerRecords{d: d, summary: widget.NewLabel(""), contracts: widget.NewLabel(""),
		payments: widget.NewLabel("")}
	r.contracts.Wrapping = fyne.TextWrapWord
	r.payments.Wrapping = fyne.TextWrapWord
	r.addBtn = widget.NewButtonWithIcon(lang.X("customers.ui.contract_add_button", "契約を追加"), theme.ContentAddIcon(),
		r.addContractTapped)
	r.deleteBtn = widget.NewButton(lang.X("customers.ui.delete_one", "お客様情報を削除する"), r.deleteTapped)
	r.deleteBtn.Importance = widget.DangerImportance
	bold := func(text string) *widget.Label {
		return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	r.view = container.NewVBox(r.summary,
		container.NewBorder(nil, nil, nil, r.addBtn, bold(lang.X("customers.ui.contracts", "定額プラン・回数券"))), r.contracts,
		bold(lang.X("customers.ui.payments", "お支払い")), r.payments, container.NewHBox(r.deleteBtn))
	return r
}

// load reads the records of the customer shown (none for 新規登録).
func (r *customerRecords) load() {
	c := r.d.c
	if c.ID == 0 {
		r.view.Hide()
		return
	}
	r.view.Show()
	rec, err := r.d.s.a.CustomerRecords(bg(), c.ID)
	if err != nil {
		showErr(r.d.s.win, err)
		return
	}
	r.summary.SetText(lang.X("customers.ui.sales_summary", "会計 {{.Count}}件　合計 {{.Total}}",
		map[string]any{"Count": rec.SalesCount, "Total": uifmt.Yen(rec.SalesTotal)}))
	var ks []string
	for _, k := range rec.Contracts {
		state := lang.X("customers.ui.contract_active", "契約中")
		if k.Status != "active" {
			state = lang.X("customers.ui.contract_ended", "{{.Day}} 解約", map[string]any{"Day": dash(k.EndedOn)})
		}
		row := map[string]any{"Plan": k.PlanName, "Start": dash(k.StartedOn), "State": state}
		if k.Kind == data.ContractTicket && k.Remaining != nil {
			row["Left"] = *k.Remaining
			ks = append(ks, lang.X("customers.ui.contract_ticket_row", "{{.Plan}}（回数券 残り{{.Left}}回）　{{.Start}}〜　{{.State}}", row))
			continue
		}
		ks = append(ks, lang.X("customers.ui.contract_row", "{{.Plan}}　{{.Start}}〜　{{.State}}", row))
	}
	r.contracts.SetText(orNone(ks))
	var ps []string
	for _, p := range rec.Payments {
		ps = append(ps, lang.X("customers.ui.payment_row", "{{.Day}}　{{.Amount}}",
			map[string]any{"Day": p.ReceivedAt.Format("2006/01/02"), "Amount": uifmt.Yen(p.Amount)}))
	}
	r.payments.SetText(orNone(ps))
}

func orNone(lines []string) string {
	if len(lines) == 0 {
		return lang.X("customers.ui.none", "なし")
	}
	return strings.Join(lines, "\n")
}

// deleteTapped is 「お客様情報を削除する」: the same confirmation and rules as the list's.
func (r *customerRecords) deleteTapped() {
	confirmCustomerDeletion(r.d.s.a, r.d.s.win, []int64{r.d.c.ID}, func() {
		r.d.s.backToList()
		r.d.s.load()
	})
}

package masters

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"salondesk/data"
)

// contractForm is 「契約を追加」 on a customer's page: a 定額プラン or a 回数券 of a plan from
// the 定額プラン master, its start day and, for a 回数券, how many visits it holds. 会計 then
// offers it as a payment method and lowers a 回数券's balance per visit.
type contractForm struct {
	r      *customerRecords
	kind   *choice
	plan   *picker
	start  *widget.Entry
	visits *widget.Entry
	dlg    *dialog.CustomDialog
}

func (r *customerRecords) addContractTapped() {
	m, err := r.d.s.a.Masters(bg(), false)
	if err != nil {
		showErr(r.d.s.win, err)
		return
	}
	if len(m.Plans) == 0 {
		dialog.ShowInformation(lang.X("customers.ui.contract_add_title", "定額プラン・回数券の追加"),
			lang.X("customers.ui.contract_no_plans", "登録されたプランがありません。先にマスタ管理の「定額プラン」でプランを登録してください。"),
			r.d.s.win)
		return
	}
	f := &contractForm{r: r, plan: newPicker(""), start: widget.NewEntry(), visits: widget.NewEntry()}
	r.form = f
	f.kind = newChoice([]string{data.ContractPlan, data.ContractTicket},
		[]string{lang.X("customers.ui.kind_plan", "定額プラン"), lang.X("customers.ui.kind_ticket", "回数券")})
	setPickerRows(f.plan, m.Plans, func(p data.Plan) int64 { return p.ID }, func(p data.Plan) string { return p.Name })
	f.start.SetText(dash(data.FormatDay(r.d.s.a.Now())))
	f.visits.SetPlaceHolder("6")
	visitsItem := widget.NewFormItem(lang.X("customers.ui.contract_visits", "回数"), f.visits)
	form := widget.NewForm(
		widget.NewFormItem(lang.X("customers.ui.contract_kind", "種類"), f.kind),
		widget.NewFormItem(lang.X("customers.ui.contract_plan", "プラン"), f.plan),
		widget.NewFormItem(lang.X("customers.ui.contract_start", "開始日"), f.start),
		visitsItem,
	)
	// The visits only mean something for a 回数券: the field is off for a 定額プラン.
	f.kind.OnChanged = func(string) {
		if f.kind.Value() == data.ContractTicket {
			f.visits.Enable()
		} else {
			f.visits.Disable()
		}
	}
	f.kind.SetValue(data.ContractPlan)
	cancel := widget.NewButton(lang.X("customers.ui.cancel", "キャンセル"), func() { f.dlg.Hide() })
	add := widget.NewButton(lang.X("customers.ui.contract_add", "追加する"), f.add)
	add.Importance = widget.HighImportance
	f.dlg = dialog.NewCustomWithoutButtons(lang.X("customers.ui.contract_add_title", "定額プラン・回数券の追加"),
		container.NewBorder(nil, container.NewHBox(cancel, add), nil, nil, form), r.d.s.win)
	f.dlg.Resize(fyne.NewSize(520, 320))
	f.dlg.Show()
}

// add records the contract; on bad input it says why and keeps the form open.
func (f *contractForm) add() {
	win := f.r.d.s.win
	c := data.Contract{CustomerID: f.r.d.c.ID, PlanID: f.plan.ID(), Kind: f.kind.Value(), StartedOn: f.start.Text}
	if c.PlanID == 0 {
		showErr(win, errors.New(lang.X("customers.ui.contract_plan_required", "プランを選択してください。")))
		return
	}
	if c.Kind == data.ContractTicket {
		var n numbers
		visits := n.read(lang.X("customers.ui.contract_visits", "回数"), f.visits)
		if n.err != nil {
			showErr(win, n.err)
			return
		}
		c.Remaining = &visits
	}
	if err := f.r.d.s.a.AddContract(bg(), &c); err != nil {
		showErr(win, err)
		return
	}
	f.dlg.Hide()
	f.r.load()
}

package masters

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/unicode/norm"

	"salondesk/app"
	"salondesk/data"
	"salondesk/ui/kanafield"
)

// Stored values of a customer's sex ("" = not given). Smaregi's codes map onto these.
var customerSexes = []string{"", "female", "male"}

// customerDetail is one customer's form and, below it, the customer's reservations.
type customerDetail struct {
	s                         *customerScreen
	c                         data.Customer // as stored; ID 0 = 新規登録
	title, number, visits     *widget.Label
	name, phone, email, birth *widget.Entry
	kana                      *kanafield.Field
	memo                      *widget.Entry
	sex                       *choice
	caution                   *widget.Check
	saveBtn, backBtn          *widget.Button
	resv                      []data.ReservationView
	resvList                  *widget.List
	records                   *customerRecords // contracts, payments, 「お客様情報を削除する」
	view                      fyne.CanvasObject
}

func newCustomerDetail(s *customerScreen) *customerDetail {
	d := &customerDetail{s: s, title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		number: widget.NewLabel(""), visits: widget.NewLabel(""), name: widget.NewEntry(), kana: kanafield.New(),
		phone: widget.NewEntry(), email: widget.NewEntry(), birth: widget.NewEntry(), memo: widget.NewMultiLineEntry(),
		caution: widget.NewCheck(lang.X("masters.customer.caution", "要注意"), nil)}
	d.sex = newChoice(customerSexes, []string{lang.X("masters.customer.sex_none", "未設定"),
		lang.X("masters.customer.sex_female", "女性"), lang.X("masters.customer.sex_male", "男性")})
	d.birth.SetPlaceHolder("1990-04-01")
	d.memo.Wrapping = fyne.TextWrapWord
	d.memo.SetMinRowsVisible(3)
	form := widget.NewForm(
		widget.NewFormItem(lang.X("masters.customer.number", "お客様番号"), container.NewHBox(d.number, d.visits)),
		widget.NewFormItem(lang.X("masters.customer.name", "名前"), d.name),
		&widget.FormItem{Text: lang.X("masters.customer.kana", "カナ"), Widget: d.kana,
			HintText: lang.X("masters.customer.kana_hint", "必須です。ひらがなで入力してもカタカナで登録されます")},
		widget.NewFormItem(lang.X("masters.customer.phone", "電話"), d.phone),
		widget.NewFormItem(lang.X("masters.customer.email", "メール"), d.email),
		widget.NewFormItem(lang.X("masters.customer.birthday", "生年月日"), d.birth),
		widget.NewFormItem(lang.X("masters.customer.sex", "性別"), d.sex),
		widget.NewFormItem(lang.X("masters.customer.memo", "メモ"), d.memo),
		widget.NewFormItem("", d.caution),
	)
	d.saveBtn = widget.NewButton(lang.X("masters.save", "保存"), d.saveTapped)
	d.saveBtn.Importance = widget.HighImportance
	d.backBtn = widget.NewButton(lang.X("masters.customer.back", "一覧へ戻る"), s.backToList)
	d.resvList = widget.NewList(func() int { return len(d.resv) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(reservationRow(d.resv[i])) })
	d.resvList.OnSelected = func(i widget.ListItemID) {
		d.resvList.UnselectAll()
		if i < len(d.resv) && s.openReservation != nil {
			s.openReservation(d.resv[i].ID)
		}
	}
	d.records = newCustomerRecords(d)
	top := container.NewHBox(d.backBtn, d.title)
	upper := container.NewBorder(nil, container.NewHBox(d.saveBtn), nil, nil, container.NewVScroll(form))
	lower := container.NewBorder(widget.NewLabelWithStyle(lang.X("masters.customer.reservations", "予約履歴"),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), d.records.view, nil, nil, d.resvList)
	split := container.NewVSplit(upper, lower)
	split.Offset = 0.65
	d.view = container.NewBorder(top, nil, nil, nil, split)
	return d
}

// show fills the form with a stored customer (or empties it for 新規登録).
func (d *customerDetail) show(c data.Customer) {
	d.c = c
	if c.ID == 0 {
		d.title.SetText(lang.X("masters.customer.new_title", "お客様新規登録"))
		d.number.SetText("")
		d.visits.SetText("")
	} else {
		d.title.SetText(lang.X("masters.customer.title", "お客様情報"))
		d.number.SetText(itoa(int(c.Number)))
		d.visits.SetText(lang.X("masters.customer.visit_summary", "初回来店日 {{.First}}　最終来店日 {{.Last}}　来店回数 {{.Count}}回",
			map[string]any{"First": dash(c.FirstVisit), "Last": dash(c.LastVisit), "Count": c.VisitCount}))
	}
	d.name.SetText(c.Name)
	d.kana.SetText(c.Kana)
	d.phone.SetText(c.Phone)
	d.email.SetText(c.Email)
	d.birth.SetText(c.Birthday)
	d.sex.SetValue(c.Sex)
	d.memo.SetText(c.Memo)
	d.caution.SetChecked(c.Caution)
	d.loadReservations()
	d.records.load()
}

func dash(day string) string {
	if day == "" {
		return "—"
	}
	return strings.ReplaceAll(day, "-", "/")
}

func (d *customerDetail) saveTapped() {
	in := app.CustomerInput{ID: d.c.ID, Name: d.name.Text, Kana: d.kana.Text, Phone: d.phone.Text,
		Email: d.email.Text, Birthday: strings.ReplaceAll(norm.NFKC.String(strings.TrimSpace(d.birth.Text)), "/", "-"),
		Sex: d.sex.Value(), Memo: d.memo.Text, Caution: d.caution.Checked}
	c, err := d.s.a.SaveCustomer(bg(), in)
	if err != nil {
		showErr(d.s.win, err)
		return
	}
	d.show(c) // the number it got, the kana as stored
}

// loadReservations reads the customer's reservations, newest first.
func (d *customerDetail) loadReservations() {
	d.resv = nil
	if d.c.ID != 0 {
		list, err := d.s.a.Reservations(bg(), data.ReservationFilter{CustomerID: d.c.ID})
		if err != nil {
			showErr(d.s.win, err)
		}
		slices.Reverse(list)
		d.resv = list
	}
	d.resvList.Refresh()
}

// reservationRow is one line of 予約履歴: when, what, who, and the status.
func reservationRow(r data.ReservationView) string {
	what := r.CouponTitle
	if what == "" {
		what = strings.Join(r.MenuNames, "・")
	}
	return lang.X("masters.customer.reservation_row", "{{.Date}}({{.Weekday}}) {{.Start}}〜{{.End}}　{{.What}}　{{.Staff}}　{{.Status}}",
		map[string]any{"Date": r.Start.Format("2006/01/02"), "Weekday": weekdayName(int(r.Start.Weekday())),
			"Start": r.Start.Format("15:04"), "End": r.End.Format("15:04"), "What": what, "Staff": r.StaffName,
			"Status": statusName(r.Status)})
}

// statusName is a reservation status in the staff's words.
func statusName(st data.Status) string {
	names := map[data.Status]string{data.StatusProvisional: "仮登録", data.StatusWaiting: "受付待ち",
		data.StatusArrived: "来店", data.StatusPaid: "会計済み", data.StatusCancelled: "キャンセル",
		data.StatusNoShow: "無断キャンセル"}
	return lang.X("masters.status."+string(st), names[st])
}

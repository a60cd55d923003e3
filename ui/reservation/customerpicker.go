package reservation

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/data"
	"salondesk/ui/kanafield"
)

// searchLimit is how many matches the customer search lists; staff type more to narrow.
const searchLimit = 8

// customerPicker is the form's お客様: search an existing customer by カナ, name or phone
// (live, as the text changes: the Return key of a Japanese IME must not be what searches),
// or enter a new one with 名前, カナ (required) and 電話.
type customerPicker struct {
	a        *app.App
	mode     *widget.RadioGroup
	search   *widget.Entry
	results  *fyne.Container
	more     *widget.Label
	chosen   *widget.Label
	chosenID int64
	name     *widget.Entry
	kana     *kanafield.Field
	phone    *widget.Entry
	existing *fyne.Container
	fresh    *fyne.Container
}

func modeExisting() string {
	return lang.X("reservation.customer.existing", "登録済みのお客様")
}
func modeNew() string { return lang.X("reservation.customer.new", "新規のお客様") }

func newCustomerPicker(a *app.App, customerID int64) *customerPicker {
	p := &customerPicker{a: a, results: container.NewVBox(), more: widget.NewLabel(""),
		chosen: widget.NewLabel(lang.X("reservation.customer.none", "お客様が選択されていません"))}
	p.chosen.Wrapping = fyne.TextWrapWord
	p.more.Hide()
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder(lang.X("reservation.customer.search_hint", "カナ・名前・電話番号で検索"))
	p.search.OnChanged = p.runSearch
	p.name, p.kana, p.phone = widget.NewEntry(), kanafield.New(), widget.NewEntry()
	p.name.SetPlaceHolder(lang.X("reservation.customer.name_hint", "例）山田 花子"))
	p.kana.SetPlaceHolder(lang.X("reservation.customer.kana_hint", "例）ヤマダ ハナコ"))
	p.phone.SetPlaceHolder(lang.X("reservation.customer.phone_hint", "例）090-1234-5678"))
	p.existing = container.NewVBox(p.chosen, p.search, p.results, p.more)
	p.fresh = container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.X("reservation.customer.name", "名前")), p.name,
		widget.NewLabel(lang.X("reservation.customer.kana", "カナ ●")), p.kana,
		widget.NewLabel(lang.X("reservation.customer.phone", "電話")), p.phone)
	p.mode = widget.NewRadioGroup([]string{modeExisting(), modeNew()}, p.switchMode)
	p.mode.Horizontal = true
	p.mode.Required = true
	if customerID != 0 {
		if c, err := a.Customer(context.Background(), customerID); err == nil {
			p.choose(c)
		}
	}
	p.mode.SetSelected(modeExisting())
	return p
}

func (p *customerPicker) content() fyne.CanvasObject {
	return container.NewVBox(p.mode, p.existing, p.fresh)
}

func (p *customerPicker) switchMode(mode string) {
	if mode == modeNew() {
		p.existing.Hide()
		p.fresh.Show()
		return
	}
	p.fresh.Hide()
	p.existing.Show()
}

// runSearch lists the customers matching the text: the local database answers at once.
func (p *customerPicker) runSearch(text string) {
	p.results.RemoveAll()
	p.setMore("")
	f := app.CustomerSearch(text)
	if f == (data.CustomerFilter{}) {
		return
	}
	list, total, err := p.a.SearchCustomers(context.Background(), f, searchLimit, 0)
	if err != nil {
		p.setMore(err.Error())
		return
	}
	for _, c := range list {
		c := c
		b := widget.NewButton(customerLine(c), func() { p.choose(c) })
		b.Alignment = widget.ButtonAlignLeading
		p.results.Add(b)
	}
	switch {
	case total == 0:
		p.setMore(lang.X("reservation.customer.no_match", "該当するお客様はいません"))
	case total > len(list):
		p.setMore(lang.X("reservation.customer.more", "ほか{{.Count}}件（さらに入力して絞り込んでください）",
			map[string]any{"Count": total - len(list)}))
	}
}

// customerLine is a search result: カナ / 名前 / 電話 and the customer number.
func customerLine(c data.Customer) string {
	return fmt.Sprintf("%s / %s / %s  (No.%d)", c.Kana, orDash(c.Name), orDash(c.Phone), c.Number)
}

func (p *customerPicker) choose(c data.Customer) {
	p.chosenID = c.ID
	p.chosen.SetText(lang.X("reservation.customer.chosen", "{{.Kana}}（{{.Name}}）様　お客様番号: {{.Number}}",
		map[string]any{"Kana": c.Kana, "Name": orDash(c.Name), "Number": c.Number}))
	p.chosen.TextStyle.Bold = true
	p.chosen.Refresh()
	p.results.RemoveAll()
	p.setMore("")
}

// setMore shows a line under the results, or nothing (no empty row) when text is "".
func (p *customerPicker) setMore(text string) {
	p.more.SetText(text)
	if text == "" {
		p.more.Hide()
	} else {
		p.more.Show()
	}
}

// input is the customer part of the reservation: an id, or a new customer to create.
func (p *customerPicker) input() (int64, *app.CustomerInput) {
	if p.mode.Selected == modeNew() {
		return 0, &app.CustomerInput{Name: p.name.Text, Kana: p.kana.Text, Phone: p.phone.Text}
	}
	return p.chosenID, nil
}

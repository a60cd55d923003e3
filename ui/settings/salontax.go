package settings

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
)

// taxFields are サロン's 消費税: the rate, whether menu prices include it (内税) or it is
// added at 会計 (外税), and where the yen fraction is cut off. 会計 reads them when a
// form opens, so a change applies to the next 会計, never to recorded sales.
type taxFields struct {
	rate      *widget.Entry
	inclusive *widget.RadioGroup
	rounding  *widget.RadioGroup
}

var roundings = []string{app.RoundPerSale, app.RoundPerLine}

func newTaxFields() *taxFields {
	f := &taxFields{rate: widget.NewEntry()}
	f.inclusive = widget.NewRadioGroup([]string{
		lang.X("settings.salon.tax_inclusive", "内税（メニューの価格に消費税を含む）"),
		lang.X("settings.salon.tax_exclusive", "外税（会計時に消費税を加える）"),
	}, nil)
	f.inclusive.Required = true
	f.rounding = widget.NewRadioGroup([]string{
		lang.X("settings.salon.round_sale", "切り捨て（会計ごと）"),
		lang.X("settings.salon.round_line", "切り捨て（明細ごと）"),
	}, nil)
	f.rounding.Required = true
	return f
}

// items are the form rows, under a 消費税 heading.
func (f *taxFields) items() []*widget.FormItem {
	unit := widget.NewLabel(lang.X("settings.salon.tax_rate_unit", "%"))
	rate := container.NewBorder(nil, nil, nil, unit, f.rate)
	note := widget.NewLabel(lang.X("settings.salon.tax_note",
		"適格請求書（インボイス）では、消費税の端数処理は1回の会計につき1回です。通常は「会計ごと」を選んでください。変更は次の会計から使われます。"))
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	return []*widget.FormItem{
		widget.NewFormItem("", heading(lang.X("settings.salon.tax", "消費税"))),
		widget.NewFormItem(lang.X("settings.salon.tax_rate", "消費税率"), rate),
		widget.NewFormItem(lang.X("settings.salon.tax_price", "価格の表示"), f.inclusive),
		widget.NewFormItem(lang.X("settings.salon.tax_rounding", "端数処理"), container.NewVBox(f.rounding, note)),
	}
}

func (f *taxFields) fill(t app.TaxSettings) {
	f.rate.SetText(strconv.Itoa(t.Rate))
	f.inclusive.SetSelected(f.inclusive.Options[1])
	if t.Inclusive {
		f.inclusive.SetSelected(f.inclusive.Options[0])
	}
	f.rounding.SetSelected(f.rounding.Options[indexOf(roundings, t.Rounding)])
}

// read is what the form says; a rate that is not a number reads as -1, which
// app.CheckTaxSettings refuses with its own message.
func (f *taxFields) read() app.TaxSettings {
	t := app.TaxSettings{Rate: number(f.rate), Inclusive: f.inclusive.Selected == f.inclusive.Options[0]}
	for i, o := range f.rounding.Options {
		if f.rounding.Selected == o {
			t.Rounding = roundings[i]
		}
	}
	return t
}

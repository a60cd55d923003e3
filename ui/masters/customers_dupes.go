package masters

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"salondesk/data"
)

// duplicatesTapped is 重複候補: pairs with the same kana and phone or birthday, each with
// a button to keep one or the other; merging gives the kept one everything of the other.
func (s *customerScreen) duplicatesTapped() {
	pairs, err := s.a.LikelyDuplicates(bg())
	if err != nil {
		showErr(s.win, err)
		return
	}
	if len(pairs) == 0 {
		dialog.ShowInformation(lang.X("customers.ui.duplicates", "重複候補"),
			lang.X("customers.ui.no_duplicates", "重複していそうなお客様はいません。"), s.win)
		return
	}
	var d dialog.Dialog
	rows := container.NewVBox()
	for _, p := range pairs {
		rows.Add(s.duplicateRow(p, func() { d.Hide(); s.duplicatesTapped() }))
	}
	d = dialog.NewCustom(lang.X("customers.ui.duplicates", "重複候補"), lang.X("customers.ui.close", "閉じる"),
		container.NewVScroll(rows), s.win)
	d.Resize(fyne.NewSize(820, 520))
	d.Show()
}

func (s *customerScreen) duplicateRow(p data.DuplicatePair, merged func()) fyne.CanvasObject {
	why := lang.X("customers.ui.dup_phone", "カナと電話番号が同じ")
	if p.Reason == "birthday" {
		why = lang.X("customers.ui.dup_birthday", "カナと生年月日が同じ")
	}
	keep := func(k, o data.Customer) *widget.Button {
		return widget.NewButton(lang.X("customers.ui.keep", "{{.Number}}を残して統合", map[string]any{"Number": k.Number}), func() {
			msg := lang.X("customers.ui.merge_confirm", "お客様番号 {{.Other}} の予約・会計・定額プラン・お支払い・連携情報をお客様番号 {{.Keep}} に移し、{{.Other}} を削除します。元に戻せません。よろしいですか？",
				map[string]any{"Keep": k.Number, "Other": o.Number})
			dialog.ShowConfirm(lang.X("customers.ui.merge_title", "お客様の統合"), msg, func(ok bool) {
				if !ok {
					return
				}
				if _, err := s.a.MergeCustomers(bg(), k.ID, o.ID); err != nil {
					showErr(s.win, err)
					return
				}
				merged()
			}, s.win)
		})
	}
	line := func(c data.Customer) string {
		return itoa(int(c.Number)) + "　" + c.Name + "　" + c.Kana + "　" + c.Phone + "　" + c.Birthday
	}
	return container.NewVBox(widget.NewLabelWithStyle(why, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel(line(p.A)), widget.NewLabel(line(p.B)), container.NewHBox(keep(p.A, p.B), keep(p.B, p.A)),
		widget.NewSeparator())
}

package masters

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"salondesk/app"
)

// confirmCustomerDeletion asks before deleting customers, in the seed's words: the count,
// and — when some have a 予約中 reservation on a future day or an active 定額プラン — their
// names with the warning that deleting them cancels those reservations and ends those
// plans. OK deletes; キャンセル changes nothing. done runs after a deletion.
func confirmCustomerDeletion(a *app.App, win fyne.Window, ids []int64, done func()) {
	chk, err := a.CheckDeletion(bg(), ids)
	if err != nil {
		showErr(win, err)
		return
	}
	dlg := dialog.NewConfirm(lang.X("customers.ui.delete_title", "お客様情報の削除"), deletionMessage(chk), func(ok bool) {
		if !ok {
			return
		}
		if _, err := a.DeleteCustomers(bg(), ids); err != nil {
			showErr(win, err)
			return
		}
		done()
	}, win)
	dlg.SetConfirmText(lang.X("customers.ui.ok", "OK"))
	dlg.SetDismissText(lang.X("customers.ui.cancel", "キャンセル"))
	dlg.Show()
}

// deletionMessage is the confirmation's text.
func deletionMessage(chk app.DeletionCheck) string {
	lines := []string{lang.X("customers.ui.delete_confirm", "{{.Count}}件のお客様を削除します。よろしいですか？",
		map[string]any{"Count": chk.Count})}
	if len(chk.Affected) > 0 {
		lines = append(lines, "", lang.X("customers.ui.delete_affected", "以下のお客様は、未来日に「予約中」データがあるか、定額プラン契約中です。"))
		for _, im := range chk.Affected {
			name := im.Customer.Name
			if name == "" {
				name = im.Customer.Kana
			}
			lines = append(lines, lang.X("customers.ui.delete_affected_row", "・{{.Name}}（お客様番号 {{.Number}}）予約中 {{.Bookings}}件・定額プラン {{.Plans}}件",
				map[string]any{"Name": name, "Number": im.Customer.Number, "Bookings": im.Bookings, "Plans": im.ActivePlans}))
		}
		lines = append(lines, lang.X("customers.ui.delete_warning", "お客様削除と同時に、予約キャンセルおよび定額プラン解約となりますのでご注意ください。"))
	}
	lines = append(lines, "", lang.X("customers.ui.delete_irreversible", "削除されたお客様データは元に戻せませんので、ご注意ください。"))
	return strings.Join(lines, "\n")
}

// deleteTapped is 「選択したお客様を削除」 of the list.
func (s *customerScreen) deleteTapped() {
	ids := s.sel.selected(s.rows)
	if len(ids) == 0 {
		showErr(s.win, &app.UserError{Key: "customers.error.none_selected"})
		return
	}
	confirmCustomerDeletion(s.a, s.win, ids, func() {
		s.sel.clear()
		s.load()
	})
}

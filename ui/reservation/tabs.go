package reservation

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"salondesk/app/labels"
)

// buildCancel is the キャンセル tab: キャンセル or 無断キャンセル, after a confirmation.
func (d *detail) buildCancel() fyne.CanvasObject {
	d.cancelKind, d.cancelBtn = nil, nil
	if !d.changeable() {
		return container.NewPadded(widget.NewLabel(lang.X("reservation.cancel.closed",
			"この予約はキャンセルできません。（ステータス: {{.Status}}）", map[string]any{"Status": labels.Status(d.view.Status)})))
	}
	cancel, noShow := lang.X("reservation.cancel.cancel", "キャンセル"), lang.X("reservation.cancel.noshow", "無断キャンセル")
	d.cancelKind = widget.NewRadioGroup([]string{cancel, noShow}, nil)
	d.cancelKind.Required = true
	d.cancelKind.SetSelected(cancel)
	d.cancelBtn = widget.NewButtonWithIcon(lang.X("reservation.cancel.button", "予約をキャンセルする"),
		theme.DeleteIcon(), func() { d.confirmCancel(d.cancelKind.Selected == noShow) })
	d.cancelBtn.Importance = widget.DangerImportance
	intro := widget.NewLabel(lang.X("reservation.cancel.intro", "この予約をキャンセルします。キャンセルの種類を選んでください。"))
	intro.Wrapping = fyne.TextWrapWord
	return container.NewPadded(container.NewVBox(intro, d.cancelKind, container.NewHBox(d.cancelBtn)))
}

func (d *detail) confirmCancel(noShow bool) {
	msg := lang.X("reservation.cancel.confirm", "予約番号 {{.Number}} の予約をキャンセルします。よろしいですか？",
		map[string]any{"Number": numberText(d.view.Reservation)})
	if noShow {
		msg = lang.X("reservation.cancel.confirm_noshow", "予約番号 {{.Number}} の予約を無断キャンセルとして記録します。よろしいですか？",
			map[string]any{"Number": numberText(d.view.Reservation)})
	}
	dialog.ShowConfirm(lang.X("reservation.cancel.title", "予約のキャンセル"), msg, func(ok bool) {
		if !ok {
			return
		}
		if err := d.a.CancelReservation(context.Background(), d.id, noShow); err != nil {
			showError(err, d.win)
			return
		}
		d.tabs.Select(d.infoTab)
	}, d.win)
}

// refreshMemo builds メモ編集 once and afterwards follows the stored memo unless staff
// have started typing in it.
func (d *detail) refreshMemo() {
	if d.memoEntry == nil {
		d.memoEntry = widget.NewMultiLineEntry()
		d.memoEntry.Wrapping = fyne.TextWrapWord
		d.memoEntry.SetMinRowsVisible(8)
		d.memoSave = widget.NewButtonWithIcon(lang.X("reservation.memo.save", "保存"), theme.DocumentSaveIcon(), d.saveMemo)
		d.memoSave.Importance = widget.HighImportance
		d.memoTab.Content = container.NewPadded(container.NewBorder(
			widget.NewLabel(lang.X("reservation.memo.label", "予約時メモ")),
			container.NewHBox(layout.NewSpacer(), d.memoSave), nil, nil, d.memoEntry))
	}
	if d.memoEntry.Text == d.memoShown {
		d.memoEntry.SetText(d.view.Memo)
		d.memoShown = d.view.Memo
	}
}

func (d *detail) saveMemo() {
	text := d.memoEntry.Text
	if err := d.a.UpdateMemo(context.Background(), d.id, text); err != nil {
		showError(err, d.win)
		return
	}
	// The entry now holds what is stored: later reloads may follow the stored memo again.
	d.memoShown = text
}

// buildCustomer is お客様情報: the customer's profile as stored.
func (d *detail) buildCustomer() fyne.CanvasObject {
	v := d.view
	if v.CustomerID == 0 {
		return container.NewPadded(widget.NewLabel(lang.X("reservation.customer_tab.none",
			"お客様情報が登録されていません。（予約時のお名前: {{.Kana}}）", map[string]any{"Kana": orDash(v.DisplayKana())})))
	}
	c, err := d.a.Customer(context.Background(), v.CustomerID)
	if err != nil {
		return container.NewPadded(widget.NewLabel(err.Error()))
	}
	var rows []fyne.CanvasObject
	add := func(key, fallback, value string) {
		rows = append(rows, widget.NewLabelWithStyle(lang.X(key, fallback), fyne.TextAlignTrailing,
			fyne.TextStyle{Bold: true}), widget.NewLabel(value))
	}
	add("reservation.customer_tab.number", "お客様番号", strconv.FormatInt(c.Number, 10))
	add("reservation.customer_tab.name", "お名前", orDash(c.Name))
	add("reservation.customer_tab.kana", "カナ", c.Kana)
	add("reservation.customer_tab.phone", "電話番号", orDash(c.Phone))
	add("reservation.customer_tab.email", "メールアドレス", orDash(c.Email))
	add("reservation.customer_tab.visits", "来店回数", lang.X("reservation.detail.visit_count", "{{.Count}}回",
		map[string]any{"Count": c.VisitCount}))
	add("reservation.customer_tab.first_visit", "初回来店日", dayText(c.FirstVisit))
	add("reservation.customer_tab.last_visit", "前回来店日", dayText(c.LastVisit))
	if c.Caution {
		add("reservation.customer_tab.caution", "要注意", lang.X("reservation.customer_tab.yes", "あり"))
	}
	if c.Memo != "" {
		add("reservation.customer_tab.memo", "メモ", c.Memo)
	}
	return container.NewVScroll(container.NewPadded(container.New(layout.NewFormLayout(), rows...)))
}

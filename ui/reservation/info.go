package reservation

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/app/labels"
	"salondesk/data"
	salontheme "salondesk/ui/theme"
)

// appName is how the banner names this application, as the seed names Promo-UP.
const appName = "SalonDesk"

// buildInfo is the 詳細 tab, laid out as the seed's reservation detail.
func (d *detail) buildInfo() fyne.CanvasObject {
	v := d.view
	top := container.NewVBox()
	if app.FailedOutbound(&v.Reservation) {
		top.Add(failedBanner())
	}
	top.Add(widget.NewLabel(lang.X("reservation.detail.received", "予約受信日時: {{.At}}",
		map[string]any{"At": stampText(v.ReceivedAt)})))
	name := widget.NewLabelWithStyle(lang.X("reservation.detail.kana", "({{.Kana}})様",
		map[string]any{"Kana": orDash(v.DisplayKana())}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	number := widget.NewLabel(lang.X("reservation.detail.customer_number", "お客様番号: {{.Number}}",
		map[string]any{"Number": customerNumberText(v.CustomerNumber)}))
	top.Add(container.NewHBox(name, number))
	top.Add(container.NewHBox(d.buildArrived(), d.buildCheckoutButton()))
	top.Add(widget.NewSeparator())
	top.Add(container.New(layout.NewFormLayout(), d.infoRows()...))
	return container.NewVScroll(container.NewPadded(top))
}

func customerNumberText(n int64) string {
	if n == 0 {
		return "—"
	}
	return strconv.FormatInt(n, 10)
}

// failedBanner is the seed's message over a reservation SALON BOARD does not have.
func failedBanner() fyne.CanvasObject {
	l1 := widget.NewLabelWithStyle(lang.X("reservation.banner.failed", "{{.App}}からSALON BOARDへの予約連携に失敗しました。",
		map[string]any{"App": appName}), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l2 := widget.NewLabel(lang.X("reservation.banner.manual", "下記予約は SALON BOARDへ手動で登録をお願いいたします。"))
	l1.Importance, l2.Importance = widget.DangerImportance, widget.DangerImportance
	l1.Wrapping, l2.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	bg := canvas.NewRectangle(salontheme.ColorAlertSoft)
	bg.StrokeColor, bg.StrokeWidth, bg.CornerRadius = salontheme.ColorAlert, 1, 4
	icon := widget.NewIcon(theme.NewErrorThemedResource(theme.WarningIcon()))
	body := container.NewBorder(nil, nil, container.NewCenter(icon), nil, container.NewVBox(l1, l2))
	return container.NewStack(bg, container.NewPadded(body))
}

// buildArrived is 受付チェック: ticking it records the visit, unticking takes it back.
func (d *detail) buildArrived() fyne.CanvasObject {
	s := d.view.Status
	c := widget.NewCheck(lang.X("reservation.detail.arrived", "受付チェック"), nil)
	c.Checked = s == data.StatusArrived || s == data.StatusPaid
	c.OnChanged = func(on bool) {
		var err error
		if on {
			err = d.a.MarkArrived(context.Background(), d.id)
		} else {
			err = d.a.UndoArrival(context.Background(), d.id)
		}
		if err != nil {
			showError(err, d.win)
			d.reload() // puts the box back as stored
		}
	}
	if s != data.StatusWaiting && s != data.StatusArrived {
		c.Disable()
	}
	d.arrived = c
	return c
}

func (d *detail) buildCheckoutButton() fyne.CanvasObject {
	b := widget.NewButton(lang.X("reservation.detail.checkout", "会計"), func() { d.checkoutDlg = showCheckout(d.a, d.win, d.view) })
	b.Importance = widget.HighImportance
	if s := d.view.Status; s != data.StatusWaiting && s != data.StatusArrived {
		b.Disable()
	}
	d.checkout = b
	return b
}

func (d *detail) infoRows() []fyne.CanvasObject {
	v := d.view
	row := func(key, fallback string, value fyne.CanvasObject) []fyne.CanvasObject {
		return []fyne.CanvasObject{widget.NewLabelWithStyle(lang.X(key, fallback), fyne.TextAlignTrailing,
			fyne.TextStyle{Bold: true}), value}
	}
	text := func(s string) fyne.CanvasObject {
		l := widget.NewLabel(s)
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	var rows []fyne.CanvasObject
	rows = append(rows, row("reservation.detail.number", "予約番号", text(numberText(v.Reservation)))...)
	rows = append(rows, row("reservation.detail.visit", "来店日時", text(visitText(v.Start, v.End)))...)
	rows = append(rows, row("reservation.detail.staff", "スタッフ", text(staffText(v)))...)
	rows = append(rows, row("reservation.detail.equipment", "マシン・設備", text(orDash(v.EquipmentName)))...)
	rows = append(rows, row("reservation.detail.coupon_menu", "クーポン・メニュー", text(couponMenuText(v)))...)
	if v.CouponContent != "" {
		rows = append(rows, row("reservation.detail.coupon_content", "クーポン内容", text(v.CouponContent))...)
	}
	rows = append(rows, row("reservation.detail.sync", "連携状況", d.syncCell())...)
	rows = append(rows, row("reservation.detail.route", "予約経路", text(labels.Route(v.Route)))...)
	rows = append(rows, row("reservation.detail.last_visit", "前回来店日", text(dayText(v.LastVisit)))...)
	rows = append(rows, row("reservation.detail.visits", "来店回数", text(lang.X("reservation.detail.visit_count",
		"{{.Count}}回", map[string]any{"Count": v.VisitCount})))...)
	rows = append(rows, row("reservation.detail.status", "ステータス", text(labels.Status(v.Status)))...)
	edit := widget.NewButtonWithIcon(lang.X("reservation.detail.edit_memo", "編集"), theme.DocumentCreateIcon(),
		func() { d.tabs.Select(d.memoTab) })
	memo := container.NewBorder(nil, nil, nil, edit, text(orDash(v.Memo)))
	rows = append(rows, row("reservation.detail.memo", "予約時メモ", memo)...)
	return rows
}

// staffText is スタッフ with 指名: "佐藤（指名）", or 指名なし.
func staffText(v data.ReservationView) string {
	switch {
	case v.StaffID == 0:
		return noStaff()
	case v.Designated:
		return lang.X("reservation.detail.staff_designated", "{{.Staff}}（指名）", map[string]any{"Staff": v.StaffName})
	}
	return v.StaffName
}

// syncCell is 連携状況; a failed reservation adds 予約転記済みチェック and 「変更する」, which
// resolves its notification once staff registered it in SALON BOARD by hand.
func (d *detail) syncCell() fyne.CanvasObject {
	v := d.view
	state := widget.NewLabel(labels.Sync(v.SyncState, v.SyncReason))
	state.Wrapping = fyne.TextWrapWord
	if v.SyncState == data.SyncFailed {
		state.Importance = widget.DangerImportance
	}
	d.transcribed, d.transcribeBtn = nil, nil
	if !app.FailedOutbound(&v.Reservation) {
		return state
	}
	d.transcribed = widget.NewCheck(lang.X("reservation.detail.transcribed", "予約転記済みチェック"), nil)
	d.transcribed.Checked = v.TranscribedCheck
	d.transcribeBtn = widget.NewButton(lang.X("reservation.detail.transcribed_save", "変更する"), func() {
		if err := d.a.SetTranscribedCheck(context.Background(), d.id, d.transcribed.Checked); err != nil {
			showError(err, d.win)
		}
	})
	return container.NewVBox(state, container.NewHBox(d.transcribed, d.transcribeBtn))
}

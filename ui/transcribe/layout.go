package transcribe

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"salondesk/app/labels"
	"salondesk/data"
	salontheme "salondesk/ui/theme"
)

// content lays the form out as the seed's page: the banner, then 予約情報(転記) with one
// labelled row per field, what SALON BOARD sent kept in view for reference.
func (f *form) content() fyne.CanvasObject {
	bold := func(key, fallback string) *widget.Label {
		return widget.NewLabelWithStyle(lang.X(key, fallback), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	rows := []fyne.CanvasObject{
		bold("transcribe.number", "予約番号"), widget.NewLabel(f.view.SBNumber),
		bold("transcribe.received", "SALON BOARDの予約内容"), f.received(),
		bold("transcribe.visit", "来店日時 ●"),
		container.NewHBox(fixedWidth(f.day, 140), f.weekday, fixedWidth(f.clock, 120)),
		bold("transcribe.route", "予約経路 ●"), widget.NewLabel(labels.Route(data.RouteSalonBoard)),
		bold("transcribe.coupon", "クーポン名"), container.NewVBox(fixedWidth(f.coupon, 480), f.couponContent),
		bold("transcribe.menus", "メニュー"), f.menus.Content(),
		bold("transcribe.length", "所要時間"), f.length,
		bold("transcribe.staff", "スタッフ"), container.NewHBox(fixedWidth(f.staff, 200), f.designated),
		bold("transcribe.equipment", "マシン・設備"), container.NewHBox(fixedWidth(f.equipment, 200)),
		bold("transcribe.customer", "お客様 ●"), f.customer.Content(),
		bold("transcribe.memo", "予約時メモ"), f.memo,
	}
	section := widget.NewLabelWithStyle(lang.X("transcribe.section", "予約情報(転記)"), fyne.TextAlignLeading,
		fyne.TextStyle{Bold: true})
	f.body = container.NewVBox(f.banner(), section, widget.NewSeparator(),
		container.New(layout.NewFormLayout(), rows...))
	f.scroll = container.NewVScroll(f.body)
	return f.scroll
}

// banner is the seed's sentence on the provisional reservations' colour.
func (f *form) banner() fyne.CanvasObject {
	text := widget.NewLabel(lang.X("transcribe.banner", "こちらの予約は、予約連携に失敗したため、ご来店日時の開始時間のみで情報を仮登録しています。不足情報を入力、選択いただき、予約情報の確定、登録をお願いいたします。(本登録された予約は、サロンボードに二重登録されません)"))
	text.Wrapping = fyne.TextWrapWord
	bg := canvas.NewRectangle(salontheme.ColorProvisional)
	return container.NewStack(bg, text)
}

// received is SALON BOARD's name, kana and coupon name as they came, and why it failed.
func (f *form) received() fyne.CanvasObject {
	v := f.view
	line := func(key, fallback, value string) fyne.CanvasObject {
		l := widget.NewLabel(lang.X(key, fallback, map[string]any{"Value": orDash(value)}))
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	box := container.New(layout.NewCustomPaddedVBoxLayout(0),
		line("transcribe.received_name", "お名前：{{.Value}}", v.CustomerName),
		line("transcribe.received_kana", "カナ：{{.Value}}", v.CustomerKana),
		line("transcribe.received_coupon", "クーポン名：{{.Value}}", v.CouponName),
		line("transcribe.received_reason", "連携失敗の理由：{{.Value}}", reasonOf(v.Reservation)))
	border := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	return container.NewStack(border, box)
}

func reasonOf(r data.Reservation) string {
	if r.SyncReason == "" {
		return ""
	}
	return labels.Reason(r.SyncReason)
}

func orDash(s string) string {
	if trimmed(s) == "" {
		return "—"
	}
	return s
}

// fixedWidth gives an input a sensible width instead of the width of its placeholder.
func fixedWidth(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	return container.New(layout.NewGridWrapLayout(fyne.NewSize(w, o.MinSize().Height)), o)
}

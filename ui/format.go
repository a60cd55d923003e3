package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"salondesk/data"
)

// weekdayShort is 日, 月, … through Fyne's own weekday keys (translated in fyne.ja.json).
func weekdayShort(t time.Time) string {
	name := strings.ToLower(t.Weekday().String())
	return lang.X(name+".short", t.Weekday().String()[:3])
}

// statusText is a reservation's ステータス in the staff's words.
func statusText(s data.Status) string {
	switch s {
	case data.StatusProvisional:
		return lang.X("ui.status.provisional", "仮登録")
	case data.StatusWaiting:
		return lang.X("ui.status.waiting", "受付待ち")
	case data.StatusArrived:
		return lang.X("ui.status.arrived", "来店")
	case data.StatusPaid:
		return lang.X("ui.status.paid", "会計済み")
	case data.StatusCancelled:
		return lang.X("ui.status.cancelled", "キャンセル")
	case data.StatusNoShow:
		return lang.X("ui.status.noshow", "無断キャンセル")
	}
	return string(s)
}

// timeRange is 10:00〜11:00.
func timeRange(from, to time.Time) string {
	return lang.X("ui.time.range", "{{.From}}〜{{.To}}",
		map[string]any{"From": from.Format("15:04"), "To": to.Format("15:04")})
}

// menuSummary is the coupon, or else the menus, of a reservation.
func menuSummary(v data.ReservationView) string {
	if v.CouponTitle != "" {
		return v.CouponTitle
	}
	return strings.Join(v.MenuNames, " / ")
}

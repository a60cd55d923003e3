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

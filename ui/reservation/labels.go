// Package reservation holds the reservation screens: the detail window (詳細 / 変更 /
// キャンセル / メモ編集 / お客様情報), the reservation form (new and change), the 会計
// dialog and the reservation list (予約一覧). They call package app only.
package reservation

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"salondesk/data"
)

func weekdayText(d time.Weekday) string {
	return lang.X("reservation.weekday."+strconv.Itoa(int(d)), []string{"日", "月", "火", "水", "木", "金", "土"}[d])
}

// dateText is 2025/05/30 (金).
func dateText(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return fmt.Sprintf("%s (%s)", t.Format("2006/01/02"), weekdayText(t.Weekday()))
}

// dayText renders a stored 'YYYY-MM-DD' day as dateText does, "—" when empty.
func dayText(day string) string {
	if day == "" {
		return "—"
	}
	return dateText(data.ParseTime(day))
}

func stampText(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.Format("2006/01/02 15:04")
}

// visitText is 来店日時: 2025/06/18 (水) 14:30〜16:30 【所要時間:120分】.
func visitText(start, end time.Time) string {
	return lang.X("reservation.visit_at", "{{.Day}} {{.From}}〜{{.To}} 【所要時間:{{.Minutes}}分】",
		map[string]any{"Day": dateText(start), "From": start.Format("15:04"), "To": end.Format("15:04"),
			"Minutes": int(end.Sub(start).Minutes())})
}

func minutesText(d time.Duration) string {
	return lang.X("reservation.minutes", "{{.Minutes}}分", map[string]any{"Minutes": int(d.Minutes())})
}

// numberText is 予約番号: the app's number and SALON BOARD's when it has one.
func numberText(r data.Reservation) string {
	if r.SBNumber == "" {
		return strconv.FormatInt(r.Number, 10)
	}
	return fmt.Sprintf("%d / %s", r.Number, r.SBNumber)
}

// couponMenuText is クーポン・メニュー: [coupon] menu, menu.
func couponMenuText(v data.ReservationView) string {
	var parts []string
	if v.CouponTitle != "" {
		parts = append(parts, "["+v.CouponTitle+"]")
	}
	if len(v.MenuNames) > 0 {
		parts = append(parts, strings.Join(v.MenuNames, "、"))
	}
	if len(parts) == 0 {
		return "—"
	}
	return strings.Join(parts, " ")
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

// parseDay reads a date typed at the desk: 2026-11-10, 2026/11/10, 2026/1/5 or 20261110.
func parseDay(s string) (time.Time, bool) {
	s = strings.TrimSpace(strings.NewReplacer("／", "/", "－", "-", "ー", "-").Replace(toHalfWidth(s)))
	for _, layout := range []string{"2006-1-2", "2006/1/2", "20060102"} {
		if t, err := time.ParseInLocation(layout, s, time.Local); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// parseClock reads 10:05 (also １０：０５ from a Japanese IME) as minutes after midnight.
func parseClock(s string) (int, bool) {
	s = strings.TrimSpace(strings.ReplaceAll(toHalfWidth(s), "：", ":"))
	h, m, ok := strings.Cut(s, ":")
	if !ok {
		return 0, false
	}
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if err1 != nil || err2 != nil || hh < 0 || hh > 29 || mm < 0 || mm > 59 || len(m) != 2 {
		return 0, false
	}
	return hh*60 + mm, true
}

func toHalfWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}

func minutes(n int) time.Duration { return time.Duration(n) * time.Minute }

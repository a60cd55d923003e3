// Package mailtest writes synthetic SALON BOARD reservation mails for tests, the
// test double and the demo: the body in SALON BOARD's grammar, and the message
// in either charset and transfer encoding. Never put real customers in them.
package mailtest

import (
	"fmt"
	"strings"
	"time"
)

// Wording selects the template variant: キレイ salons say ■指名スタッフ, hair
// salons ■スタイリスト.
type Wording int

const (
	Kirei Wording = iota
	Hair
)

// Reservation is what a synthetic mail says.
type Reservation struct {
	Number     string // e.g. BE12345678
	Start      time.Time
	NameKanji  string
	NameKana   string
	Staff      string // "" writes 指名なし
	Menus      []string
	Duration   time.Duration // 0 writes no duration note
	Coupon     string        // the whole line, e.g. "[全員]カット ¥4,400"; "" writes -
	Price      int
	Points     int
	Request    string // "" writes -
	ReceivedAt time.Time
	Wording    Wording
	Cancel     bool // a cancellation: no 合計金額 and no ご要望 sections
}

const indent = "\u3000"

var weekdays = []string{"日", "月", "火", "水", "木", "金", "土"}

// DateTime writes a time the way SALON BOARD does: 2026年12月05日（土）14:30.
func DateTime(t time.Time) string {
	return fmt.Sprintf("%d年%02d月%02d日（%s）%02d:%02d",
		t.Year(), t.Month(), t.Day(), weekdays[t.Weekday()], t.Hour(), t.Minute())
}

// DurationNote writes （所要時間目安：1時間30分） (hair: 施術時間目安).
func DurationNote(d time.Duration, w Wording) string {
	label := "所要時間目安"
	if w == Hair {
		label = "施術時間目安"
	}
	h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
	switch {
	case h == 0:
		return fmt.Sprintf("（%s：%d分）", label, m)
	case m == 0:
		return fmt.Sprintf("（%s：%d時間）", label, h)
	}
	return fmt.Sprintf("（%s：%d時間%d分）", label, h, m)
}

// Body writes the reservation's text body with LF line ends.
func Body(r Reservation) string {
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	field := func(label string, values ...string) {
		line("■" + label)
		for _, v := range values {
			line(indent + v)
		}
	}
	line("ご予約内容をお知らせします。")
	line("")
	line("◇ご予約内容")
	field("予約番号", r.Number)
	field("氏名", fmt.Sprintf("%s（%s）", r.NameKanji, r.NameKana))
	field("来店日時", DateTime(r.Start))
	staff := r.Staff
	if staff == "" {
		staff = "指名なし"
	}
	field(map[Wording]string{Kirei: "指名スタッフ", Hair: "スタイリスト"}[r.Wording], staff)
	menus := append([]string{}, r.Menus...)
	if len(menus) == 0 {
		menus = []string{"-"}
	}
	if r.Duration > 0 {
		menus = append(menus, DurationNote(r.Duration, r.Wording))
	}
	field("メニュー", menus...)
	field("ご利用クーポン", orDash(r.Coupon))
	if !r.Cancel {
		field("合計金額",
			fmt.Sprintf("予約時合計金額%s%s円", indent, yen(r.Price)),
			fmt.Sprintf("利用ポイント%s%dpt", indent, r.Points),
			fmt.Sprintf("お支払い予定金額%s%s円", indent, yen(r.Price-r.Points)))
		line("◇ご予約付加情報")
		field("ご要望・ご相談", strings.Split(orDash(r.Request), "\n")...)
	}
	if !r.ReceivedAt.IsZero() {
		line("予約受付日時：" + DateTime(r.ReceivedAt))
	}
	line("")
	line("※このメールは送信専用アドレスから配信されています。")
	return b.String()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// yen writes 9900 as 9,900.
func yen(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return s
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

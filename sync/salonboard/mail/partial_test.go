package mail_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"salondesk/sync/salonboard/mail"
	"salondesk/sync/salonboard/mail/mailtest"
)

// A mail whose 来店日時 cannot be read still gives its 予約番号 beside the error, so the
// app can hold the reservation instead of losing it.
func TestUnreadableStartKeepsTheNumber(t *testing.T) {
	body := mailtest.Body(mailtest.Reservation{Number: "BE12345678", NameKanji: "山田 花子", NameKana: "ヤマダ ハナコ",
		Start: time.Date(2026, 12, 5, 14, 30, 0, 0, mail.JST), Coupon: "[全員]カット ¥4,400"})
	body = strings.Replace(body, "2026年12月05日（土）14:30", "未定", 1)
	m, err := mail.Parse(mailtest.MustEncode("予約連絡", body, mailtest.Options{}))
	var inv mail.ErrInvalidField
	if !errors.As(err, &inv) || inv.Field != "来店日時" {
		t.Fatalf("error %v", err)
	}
	if m.Reservation == nil || m.Reservation.Number != "BE12345678" || m.Reservation.NameKana != "ヤマダ ハナコ" {
		t.Fatalf("partial reservation %+v", m.Reservation)
	}
}

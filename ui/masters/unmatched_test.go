package masters

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"salondesk/app/salonboard"
	"salondesk/data"
	"salondesk/ui/internal/uitest"
)

// 未対応のクーポン名 lists a coupon name two HPB mails used and nothing here matches, with
// its count and next date in the tab's title and row; one click maps it, and with the box
// ticked the two provisional reservations are completed.
func TestUnmatchedNameMapsWithOneClick(t *testing.T) {
	f := newFixture(t) // today is 2026-11-01
	room := salonboard.New(f.a)
	const spa = "【期間限定】ヘッドスパ＋眉カット ¥6600"
	var ids []int64
	for i, day := range []int{5, 3} {
		in := salonboard.Incoming{Number: []string{"BE00000001", "BE00000002"}[i], Kind: salonboard.IncomingNew,
			Start: time.Date(2026, 11, day, 11, 0, 0, 0, time.Local), Duration: time.Hour, NameKana: "ヤマダ ハナコ", Coupon: spa}
		r, err := room.ApplyIncoming(bg(), in)
		if err != nil || r.Outcome != salonboard.OutcomeProvisional {
			t.Fatalf("%+v %v", r, err)
		}
		ids = append(ids, r.ReservationID)
	}
	s := newMenuScreen(f.a, room, f.win)
	f.show(s.view)
	s.view.Select(s.unmatched.item)
	if s.unmatched.item.Text != "未対応のクーポン名（1）" || len(s.unmatched.shown) != 1 {
		t.Fatalf("tab %q rows %d", s.unmatched.item.Text, len(s.unmatched.shown))
	}
	row := s.unmatched.shown[0]
	if row.name.Name != spa || row.name.Count != 2 || row.name.Waiting != 2 || row.name.Next.Day() != 3 {
		t.Fatalf("row %+v", row.name)
	}
	test.Tap(row.btn) // nothing picked: a message, nothing mapped
	if got := uitest.TakeDialog(f.win); got == "" {
		t.Fatal("no message without a pick")
	}
	row.pick.SetSelected("カット＋ケアカラー ¥9,900")
	test.Tap(row.confirm)
	test.Tap(row.btn)
	if got := uitest.TakeDialog(f.win); !strings.Contains(got, "2件を確定しました") {
		t.Fatalf("dialog %q", got)
	}
	for _, id := range ids {
		v, err := f.a.Reservation(bg(), id)
		if err != nil || v.Status != data.StatusWaiting || v.CouponID != f.salon.Coupons["カット＋ケアカラー ¥9,900"] {
			t.Fatalf("%+v %v", v.Reservation, err)
		}
	}
	if s.unmatched.item.Text != "未対応のクーポン名" || len(s.unmatched.shown) != 0 {
		t.Fatalf("after mapping: tab %q rows %d", s.unmatched.item.Text, len(s.unmatched.shown))
	}
}

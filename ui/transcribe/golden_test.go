package transcribe

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// The form as staff first see it for the seed's mismatch, with the coupon chosen and the
// staff picked (so that クーポン内容, the ticked menus and 所要時間 show too).
func TestFormImage(t *testing.T) {
	fx := newFixture(t)
	f := show(fx.a, fx.win, fx.mismatch(t), nil)
	f.coupon.SetSelected("カット＋ケアカラー ¥9,900")
	f.staff.SetSelected("佐藤")
	f.designated.SetChecked(true)
	test.AssertImageMatches(t, "transcribe_form.png", fx.win.Canvas().Capture())
}

package reservation

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"salondesk/app"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/ui/internal/uitest"
)

func (f *fixture) sales(t *testing.T) (total, count int) {
	t.Helper()
	total, count, err := data.SalesTotal(f.ctx, f.store.Reader(), datatest.At("2026-11-01", "00:00"),
		datatest.At("2026-12-01", "00:00"))
	if err != nil {
		t.Fatal(err)
	}
	return total, count
}

func TestCheckoutMakesSale(t *testing.T) {
	fx := newFixture(t)
	cust := fx.salon.Customers["ヤマダ　ハナコ"]
	r := fx.reserve(t, app.ReservationInput{CustomerID: cust, Start: datatest.At(testDay, "10:00"),
		CouponID: fx.salon.Coupons["カット＋ケアカラー ¥9,900"], MenuIDs: []int64{fx.salon.Menus["炭酸泉"]}})
	d := newDetail(fx.a, fx.win, r.ID)
	defer d.win.Close()
	test.Tap(d.checkout)
	c := d.checkoutDlg
	if c == nil {
		t.Fatal("no 会計 dialog")
	}
	shown := uitest.DrawnTexts(uitest.TopOverlay(d.win))
	for _, want := range []string{"カット＋ケアカラー ¥9,900", "¥9,900", "炭酸泉", "¥1,500", "合計 ¥11,400"} {
		uitest.MustContain(t, "会計", shown, want)
	}
	c.method.SetSelected("カード")
	test.Tap(c.confirm)

	if total, count := fx.sales(t); total != 11400 || count != 1 {
		t.Fatalf("sales total %d count %d, want 11400 and 1", total, count)
	}
	v := fx.get(t, r.ID)
	cu, _ := fx.a.Customer(fx.ctx, cust)
	if v.Status != data.StatusPaid || cu.VisitCount != 4 {
		t.Fatalf("status %q visits %d: paid, and the visit counted", v.Status, cu.VisitCount)
	}
	uitest.MustContain(t, "done", uitest.DrawnTexts(uitest.TopOverlay(d.win)), "会計が完了しました。（合計 ¥11,400）")
	if !d.checkout.Disabled() || !d.arrived.Disabled() || !d.arrived.Checked {
		t.Fatal("a paid reservation still offers 会計 or 受付チェック")
	}
}

// A reservation that came without menus is refused until menus are chosen in the dialog.
func TestCheckoutNeedsMenus(t *testing.T) {
	fx := newFixture(t)
	r := fx.reserve(t, app.ReservationInput{CustomerID: fx.salon.Customers["タナカ　イチロウ"],
		Start: datatest.At(testDay, "10:00")})
	if err := fx.a.MarkArrived(fx.ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	d := newDetail(fx.a, fx.win, r.ID)
	defer d.win.Close()
	test.Tap(d.checkout)
	c := d.checkoutDlg
	uitest.MustContain(t, "hint", uitest.DrawnTexts(uitest.TopOverlay(d.win)), "施術メニューを選択してください。")
	test.Tap(c.confirm)
	uitest.MustContain(t, "error", uitest.DrawnTexts(uitest.TopOverlay(d.win)), "メニューが登録されていない予約です。会計の前に施術メニューを選択してください。")
	if _, count := fx.sales(t); count != 0 || fx.get(t, r.ID).Status != data.StatusArrived {
		t.Fatal("a sale was written without menus")
	}
	uitest.TopOverlay(d.win).Hide()
	d.win.Canvas().Overlays().Remove(uitest.TopOverlay(d.win))

	test.Tap(c.menus.checks[fx.salon.Menus["カット"]])
	uitest.MustContain(t, "lines", uitest.DrawnTexts(c.lines), "¥5,000")
	test.Tap(c.confirm)
	if total, count := fx.sales(t); total != 5000 || count != 1 {
		t.Fatalf("sales total %d count %d", total, count)
	}
	v := fx.get(t, r.ID)
	if v.Status != data.StatusPaid || len(v.MenuIDs) != 1 || v.MenuIDs[0] != fx.salon.Menus["カット"] {
		t.Fatalf("status %q menus %v", v.Status, v.MenuIDs)
	}
}

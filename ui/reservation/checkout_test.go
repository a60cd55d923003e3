package reservation

import (
	"fmt"
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
	for _, want := range []string{"カット＋ケアカラー ¥9,900", "¥9,900", "炭酸泉", "¥1,500", "合計 ¥11,400",
		"（内消費税 10% ¥1,036）"} {
		uitest.MustContain(t, "会計", shown, want)
	}
	c.pay.first.SetSelected("クレジットカード")
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
	uitest.MustContain(t, "hint", uitest.DrawnTexts(uitest.TopOverlay(d.win)), "会計時に施術メニューの選択が必要です。")
	test.Tap(c.confirm)
	uitest.MustContain(t, "error", uitest.DrawnTexts(uitest.TopOverlay(d.win)), "このご予約には施術メニューが登録されていません。メニュー名は反映されませんので、会計時に施術メニューの選択が必要です。")
	if _, count := fx.sales(t); count != 0 || fx.get(t, r.ID).Status != data.StatusArrived {
		t.Fatal("a sale was written without menus")
	}
	uitest.TopOverlay(d.win).Hide()
	d.win.Canvas().Overlays().Remove(uitest.TopOverlay(d.win))

	test.Tap(c.menus.checks[fx.salon.Menus["カット"]])
	uitest.MustContain(t, "lines", uitest.DrawnTexts(c.rows.box), "¥5,000")
	test.Tap(c.confirm)
	if total, count := fx.sales(t); total != 5000 || count != 1 {
		t.Fatalf("sales total %d count %d", total, count)
	}
	v := fx.get(t, r.ID)
	if v.Status != data.StatusPaid || len(v.MenuIDs) != 1 || v.MenuIDs[0] != fx.salon.Menus["カット"] {
		t.Fatalf("status %q menus %v", v.Status, v.MenuIDs)
	}
}

// A discount on the total, a split between cash and card, and 預り金 giving おつり: the
// form sends what it shows and the sale says the same.
func TestCheckoutFormSplitDiscountChange(t *testing.T) {
	fx := newFixture(t)
	r := fx.reserve(t, app.ReservationInput{CustomerID: fx.salon.Customers["タナカ　イチロウ"],
		Start: datatest.At(testDay, "10:00"), MenuIDs: []int64{fx.salon.Menus["カット"], fx.salon.Menus["炭酸泉"]}})
	d := newDetail(fx.a, fx.win, r.ID)
	defer d.win.Close()
	test.Tap(d.checkout)
	c := d.checkoutDlg
	test.Type(c.rows.entries[fmt.Sprintf("menu:%d", fx.salon.Menus["炭酸泉"])], "500") // 1500 → 1000
	test.Type(c.totalOff, "10%")                                                    // 6000 → 5400
	uitest.MustContain(t, "total", uitest.DrawnTexts(uitest.TopOverlay(d.win)), "合計 ¥5,400")
	c.pay.second.SetSelected("クレジットカード")
	test.Type(c.pay.secondAmt, "3000")
	test.Type(c.pay.tendered, "3000")
	shown := uitest.DrawnTexts(uitest.TopOverlay(d.win))
	uitest.MustContain(t, "first", shown, "¥2,400")
	uitest.MustContain(t, "change", shown, "¥600")
	test.Tap(c.confirm)
	sale, err := fx.a.SaleOfReservation(fx.ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if sale.Amount != 5400 || len(sale.Payments) != 2 || sale.Payments[0].Amount != 2400 || sale.Change != 600 {
		t.Fatalf("sale %+v", sale)
	}
	uitest.MustContain(t, "done", uitest.DrawnTexts(uitest.TopOverlay(d.win)), "おつり ¥600")
}

// A discount above the price is refused with its message and nothing is recorded.
func TestCheckoutFormRefusesBigDiscount(t *testing.T) {
	fx := newFixture(t)
	r := fx.reserve(t, app.ReservationInput{CustomerID: fx.salon.Customers["タナカ　イチロウ"],
		Start: datatest.At(testDay, "10:00"), MenuIDs: []int64{fx.salon.Menus["前髪カット"]}})
	d := newDetail(fx.a, fx.win, r.ID)
	defer d.win.Close()
	test.Tap(d.checkout)
	c := d.checkoutDlg
	test.Type(c.totalOff, "2000")
	uitest.MustContain(t, "problem", uitest.DrawnTexts(uitest.TopOverlay(d.win)), "値引きが金額を超えています。")
	test.Tap(c.confirm)
	if _, count := fx.sales(t); count != 0 {
		t.Fatal("a sale was written with a discount above the price")
	}
}

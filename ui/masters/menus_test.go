package masters

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"salondesk/app"
	"salondesk/app/salonboard"
	"salondesk/data"
	"salondesk/ui/internal/uitest"
)

// A negative price, a duplicate menu name and a non-number each show a message and
// write nothing; a zero-minute menu is fine.
func TestMenuBadInputWritesNothing(t *testing.T) {
	f := newFixture(t)
	s := newMenuScreen(f.a, salonboard.New(f.a), f.win)
	f.show(s.view)
	mf, tab := s.menuForm, s.menus
	before := f.count(t, "menus")

	test.Tap(tab.add)
	mf.category.SetSelected("カラー")
	test.Type(mf.name, "ヘッドスパ")
	uitest.Retype(mf.duration, "30")
	uitest.Retype(mf.price, "-100")
	test.Tap(tab.saveBtn)
	f.wantDialog(t, "error.price_negative")

	uitest.Retype(mf.price, "3,000円")
	test.Tap(tab.saveBtn)
	if got := uitest.TakeDialog(f.win); !strings.Contains(got, "料金") ||
		!strings.Contains(got, (&app.UserError{Key: "error.number_invalid"}).Error()) {
		t.Fatalf("dialog = %q, want 料金 and the number message", got)
	}

	uitest.Retype(mf.name, "カット") // the seed has カット already
	uitest.Retype(mf.price, "3,000")
	test.Tap(tab.saveBtn)
	f.wantDialog(t, "error.duplicate_name")

	if n := f.count(t, "menus"); n != before {
		t.Fatalf("menus = %d, want %d: bad input wrote something", n, before)
	}

	uitest.Retype(mf.name, "ヘッドスパ")
	uitest.Retype(mf.duration, "0")
	test.Tap(tab.saveBtn)
	f.noDialog(t)
	m, _ := f.a.Masters(context.Background(), true)
	i := slices.IndexFunc(m.Menus, func(x data.Menu) bool { return x.Name == "ヘッドスパ" })
	if i < 0 || m.Menus[i].Price != 3000 || m.Menus[i].DurationMin != 0 || m.Menus[i].CategoryID != f.salon.Categories["カラー"] {
		t.Fatalf("menus = %+v, want ヘッドスパ 0分 ¥3000 in カラー", m.Menus)
	}
}

func couponNamed(t *testing.T, f *fixture, name string) data.Coupon {
	t.Helper()
	m, err := f.a.Masters(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range m.Coupons {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("coupon %q not stored", name)
	return data.Coupon{}
}

// A coupon saved with menus ticked keeps them, and keeps them through a later edit.
func TestCouponKeepsMenus(t *testing.T) {
	f := newFixture(t)
	s := newMenuScreen(f.a, salonboard.New(f.a), f.win)
	f.show(s.view)
	cf, tab := s.couponForm, s.coupons
	name := "平日限定 カット＋炭酸泉 ¥6,000"

	test.Tap(tab.add)
	test.Type(cf.name, name)
	cf.target.SetValue("再来")
	test.Type(cf.content, "◇シャンプー・ブロー込\n◇炭酸泉で頭皮すっきり")
	uitest.Retype(cf.price, "6000")
	uitest.Retype(cf.duration, "75")
	test.Tap(cf.menus.checks[f.salon.Menus["カット"]])
	test.Tap(cf.menus.checks[f.salon.Menus["炭酸泉"]])
	test.Tap(tab.saveBtn)
	f.noDialog(t)

	want := []int64{f.salon.Menus["カット"], f.salon.Menus["炭酸泉"]}
	c := couponNamed(t, f, name)
	if !slices.Equal(c.MenuIDs, want) || c.Target != "再来" || c.Price != 6000 || c.DurationMin != 75 ||
		!strings.Contains(c.Content, "炭酸泉で") {
		t.Fatalf("stored %+v, want menus %v, 再来, ¥6000, 75分", c, want)
	}

	// Open another coupon, then this one again: its menus are ticked; change the price.
	tab.list.Select(0)
	tab.list.Select(slices.IndexFunc(tab.items, func(x data.Coupon) bool { return x.ID == c.ID }))
	if got := cf.menus.selected(); !slices.Equal(got, want) {
		t.Fatalf("form shows menus %v, want %v", got, want)
	}
	uitest.Retype(cf.price, "5500")
	test.Tap(tab.saveBtn)
	f.noDialog(t)
	if c := couponNamed(t, f, name); !slices.Equal(c.MenuIDs, want) || c.Price != 5500 {
		t.Fatalf("after the edit %+v, want menus %v and ¥5500", c, want)
	}
}

// Deleting asks first; a menu still used by a coupon gets the app's message and stays.
func TestDeleteAsksAndRefusesInUse(t *testing.T) {
	f := newFixture(t)
	s := newMenuScreen(f.a, salonboard.New(f.a), f.win)
	f.show(s.view)
	tab := s.menus
	before := f.count(t, "menus")

	tab.list.Select(slices.IndexFunc(tab.items, func(x data.Menu) bool { return x.Name == "カット" }))
	test.Tap(tab.delBtn)
	uitest.TapInDialog(t, f.win, "いいえ")
	if n := f.count(t, "menus"); n != before {
		t.Fatal("いいえ deleted the menu")
	}
	test.Tap(tab.delBtn)
	uitest.TapInDialog(t, f.win, "はい")
	f.wantDialog(t, "error.in_use")
	if n := f.count(t, "menus"); n != before {
		t.Fatal("a menu in use was deleted")
	}

	// 前髪カット is used by nothing: it goes, and the form is emptied for a new menu.
	tab.list.Select(slices.IndexFunc(tab.items, func(x data.Menu) bool { return x.Name == "前髪カット" }))
	test.Tap(tab.delBtn)
	uitest.TapInDialog(t, f.win, "はい")
	f.noDialog(t)
	if n := f.count(t, "menus"); n != before-1 {
		t.Fatalf("menus = %d, want %d after deleting 前髪カット", n, before-1)
	}
	if tab.current != 0 || s.menuForm.name.Text != "" || len(tab.items) != before-1 {
		t.Fatalf("after delete: current %d, name %q, %d rows", tab.current, s.menuForm.name.Text, len(tab.items))
	}
}

// The menu screen as staff see it: the メニュー tab with カット open.
func TestMenuScreenImage(t *testing.T) {
	f := newFixture(t)
	s := newMenuScreen(f.a, salonboard.New(f.a), f.win)
	f.show(s.view)
	f.win.Resize(fyne.NewSize(900, 560))
	s.view.SelectIndex(1)
	s.menus.list.Select(0)
	test.AssertImageMatches(t, "menu_screen.png", f.win.Canvas().Capture())
}

// A 定額プラン and a 商品 linked to it are stored with their payment methods.
func TestPlanAndProductSaved(t *testing.T) {
	f := newFixture(t)
	s := newMenuScreen(f.a, salonboard.New(f.a), f.win)
	f.show(s.view)
	pf, rf := s.planForm, s.productForm

	test.Tap(s.plans.add)
	test.Type(pf.name, "月2回カットプラン")
	uitest.Retype(pf.price, "８８００")
	uitest.Retype(pf.visits, "2")
	test.Tap(s.plans.saveBtn)
	f.noDialog(t)

	test.Tap(s.products.add)
	test.Type(rf.name, "カットプラン入会")
	test.Type(rf.code, "plan-cut2")
	uitest.Retype(rf.price, "8800")
	rf.plan.SetSelected("月2回カットプラン") // the plan list followed MastersChanged
	test.Tap(s.products.saveBtn)
	f.noDialog(t)

	m, _ := f.a.Masters(context.Background(), true)
	if len(m.Plans) != 1 || m.Plans[0].Price != 8800 || m.Plans[0].PaymentMethod != data.PaymentRecurring ||
		m.Plans[0].VisitsPerMonth != 2 {
		t.Fatalf("plans = %+v", m.Plans)
	}
	if len(m.Products) != 1 || m.Products[0].PlanID != m.Plans[0].ID || m.Products[0].PaymentMethod != data.PaymentLump ||
		m.Products[0].Code != "plan-cut2" {
		t.Fatalf("products = %+v, want one 一括支払 product linked to the plan", m.Products)
	}
}

// Both the plan and the product form say, under 決済方法, that only 一括支払 goes to
// Smaregi.
func TestPaymentMethodSaysWhatGoesToSmaregi(t *testing.T) {
	f := newFixture(t)
	s := newMenuScreen(f.a, salonboard.New(f.a), f.win)
	f.show(s.view)
	hint := lang.X("masters.payment_hint", "")
	if !strings.Contains(hint, "継続課金") {
		t.Fatalf("hint %q does not name 継続課金", hint)
	}
	s.view.SelectIndex(3) // 定額プラン
	test.Tap(s.plans.add)
	uitest.MustContain(t, "plan form", uitest.DrawnTexts(f.win.Content()), hint)
	s.view.SelectIndex(4) // 商品
	test.Tap(s.products.add)
	uitest.MustContain(t, "product form", uitest.DrawnTexts(f.win.Content()), hint)
}

package masters

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"salondesk/app/salonboard"
	"salondesk/ui/internal/uitest"
)

// 「SALON BOARDでの名前」 as staff use it: set on a menu, shown again when the menu is
// opened again (also from a fresh screen), removed with 解除; a bad name shows the
// Japanese message and writes nothing.
func TestMenuSalonBoardNameSetShownAndRemoved(t *testing.T) {
	f := newFixture(t)
	room := salonboard.New(f.a)
	s := newMenuScreen(f.a, room, f.win)
	f.show(s.view)
	s.view.SelectIndex(1)
	field := s.menuForm.sbName

	test.Tap(s.menus.add)
	if !field.entry.Disabled() || !field.setBtn.Disabled() {
		t.Fatal("a menu not saved yet offers a SALON BOARD name")
	}
	s.menus.list.Select(0) // カット
	if field.entry.Disabled() {
		t.Fatal("a stored menu's SALON BOARD name cannot be typed")
	}
	test.Type(field.entry, "まつげエクステ 120本")
	test.Tap(field.setBtn)
	f.noDialog(t)
	if field.entry.Text != "" {
		t.Fatalf("entry keeps %q after 設定", field.entry.Text)
	}
	uitest.MustContain(t, "the field", uitest.DrawnTexts(field.box), "まつげエクステ120本")

	// Another menu shows none; back on カット, and on a new screen, the name is there.
	s.menus.list.Select(1)
	uitest.MustNotContain(t, "前髪カット's field", uitest.DrawnTexts(field.box), "まつげ")
	s.menus.list.Select(0)
	uitest.MustContain(t, "the field on reopening", uitest.DrawnTexts(field.box), "まつげエクステ120本")
	again := newMenuScreen(f.a, room, f.win)
	f.show(again.view)
	again.view.SelectIndex(1)
	again.menus.list.Select(0)
	uitest.MustContain(t, "a new screen's field", uitest.DrawnTexts(again.menuForm.sbName.box), "まつげエクステ120本")
	if names, _ := room.SalonBoardNames(bg(), "menu", again.menus.current); len(names) != 1 {
		t.Fatalf("stored names %q", names)
	}

	test.Tap(uitest.Button(t, again.menuForm.sbName.box, "解除"))
	f.noDialog(t)
	uitest.MustNotContain(t, "the field after 解除", uitest.DrawnTexts(again.menuForm.sbName.box), "まつげ")
	if n := f.count(t, "name_aliases"); n != 0 {
		t.Fatalf("%d aliases after 解除", n)
	}
}

func TestBadSalonBoardNameWritesNothing(t *testing.T) {
	f := newFixture(t)
	s := newMenuScreen(f.a, salonboard.New(f.a), f.win)
	f.show(s.view)
	s.view.SelectIndex(1)
	s.menus.list.Select(0)
	field := s.menuForm.sbName

	test.Type(field.entry, " 　")
	test.Tap(field.setBtn)
	f.wantDialog(t, "sync.alias.name_required")

	uitest.Retype(field.entry, strings.Repeat("カ", salonboard.MaxSalonBoardName+1))
	test.Tap(field.setBtn)
	if got := uitest.TakeDialog(f.win); !strings.Contains(got, "100文字以内") {
		t.Fatalf("dialog = %q, want the length message", got)
	}
	if n := f.count(t, "name_aliases"); n != 0 {
		t.Fatalf("%d aliases: a refused name was written", n)
	}
	if field.entry.Text == "" {
		t.Fatal("a refused name was cleared: staff cannot correct it")
	}
}

// The coupon form has the same field: a name set there maps the coupon, not a menu.
func TestCouponSalonBoardName(t *testing.T) {
	f := newFixture(t)
	room := salonboard.New(f.a)
	s := newMenuScreen(f.a, room, f.win)
	f.show(s.view)
	s.view.SelectIndex(2)
	s.coupons.list.Select(0)
	field := s.couponForm.sbName
	test.Type(field.entry, "[全員]ワンカラージェル")
	test.Tap(field.setBtn)
	f.noDialog(t)
	id := s.coupons.current
	if names, _ := room.SalonBoardNames(bg(), "coupon", id); len(names) != 1 || names[0] != "[全員]ワンカラージェル" {
		t.Fatalf("coupon %d names %q", id, names)
	}
	uitest.MustContain(t, "the coupon's field", uitest.DrawnTexts(field.box), "[全員]ワンカラージェル")
}

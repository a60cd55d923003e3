package masters

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"salondesk/app/csvio"
	"salondesk/app/salonboard"
	"salondesk/ui/internal/uitest"
)

// The menus tab's CSV取込: a file with bad rows shows each row error (line, column, why)
// and 取り込む stays disabled, so nothing can be written; a good file is imported by
// 取り込む and the list shows the new menu.
func TestMenuCSVImportPreviewShowsRowErrors(t *testing.T) {
	f := newFixture(t)
	s := newMenuScreen(f.a, salonboard.New(f.a), f.win)
	f.show(s.view)
	s.view.SelectIndex(1)
	uitest.Button(t, s.menus.content, "CSV取込")
	uitest.Button(t, s.menus.content, "CSV出力")
	menus := f.count(t, "menus")

	s.menus.csv.previewImport(strings.NewReader("メニュー名,カテゴリ,所要時間(分),料金\n" +
		"ヘッドスパ,スパ,30,3000\nブロー,カット,7,1000\n"))
	top := uitest.TopOverlay(f.win)
	if top == nil {
		t.Fatal("no preview")
	}
	texts := uitest.AllTexts(top)
	for _, want := range []string{"メニューのCSV取込", "エラー 2件", "2行目　カテゴリ　カテゴリ「スパ」がありません",
		"3行目　所要時間(分)　所要時間は5分単位で入力してください。"} {
		if !strings.Contains(texts, want) {
			t.Fatalf("preview lacks %q:\n%s", want, texts)
		}
	}
	ok := uitest.Button(t, top, "取り込む")
	if !ok.Disabled() {
		t.Fatal("取り込む is enabled with row errors")
	}
	test.Tap(ok)
	uitest.TapInDialog(t, f.win, "キャンセル")
	if f.count(t, "menus") != menus {
		t.Fatal("a file with errors wrote menus")
	}

	s.menus.csv.previewImport(strings.NewReader("メニュー名,カテゴリ,所要時間(分),料金\nヘッドスパ,カラー,30,3000\n"))
	uitest.MustContain(t, "preview", uitest.AllTexts(uitest.TopOverlay(f.win)), "ヘッドスパ　カラー　30　3000")
	uitest.TapInDialog(t, f.win, "取り込む")
	if got := uitest.TakeDialog(f.win); !strings.Contains(got, "新規 1件・更新 0件") {
		t.Fatalf("after import: %q", got)
	}
	if f.count(t, "menus") != menus+1 {
		t.Fatal("the good file was not imported")
	}
	if !strings.Contains(uitest.AllTexts(s.menus.list), "ヘッドスパ") {
		t.Fatal("the list does not show the imported menu")
	}
}

// Every master tab but 営業時間 has the two CSV buttons.
func TestMasterTabsHaveCSVButtons(t *testing.T) {
	f := newFixture(t)
	staff := newStaffScreen(f.a, f.win)
	menus := newMenuScreen(f.a, salonboard.New(f.a), f.win)
	for name, tab := range map[string]*masterCSV{"staff": staff.staff.csv, "equipment": staff.equipment.csv,
		"categories": menus.categories.csv, "menus": menus.menus.csv, "coupons": menus.coupons.csv,
		"plans": menus.plans.csv, "products": menus.products.csv} {
		if tab == nil || tab.kind != name {
			t.Errorf("%s: %+v", name, tab)
		}
	}
}

// CSV出力 in Shift_JIS of a coupon whose name Shift_JIS cannot write back (the seed's
// "¥9,900") is refused with the row, before any file is chosen.
func TestCouponCSVExportShiftJISRefusesLossyName(t *testing.T) {
	f := newFixture(t)
	s := newMenuScreen(f.a, salonboard.New(f.a), f.win)
	f.show(s.view)
	s.coupons.csv.saveExport(csvio.ShiftJIS)
	got := uitest.TakeDialog(f.win)
	if !strings.Contains(got, "2行目の「カット＋ケアカラー ¥9,900」にある「¥」はShift_JISで書けません") {
		t.Fatalf("dialog %q", got)
	}
}

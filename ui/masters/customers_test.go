package masters

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/ui/internal/uitest"
)

// The search finds a customer by kana typed in hiragana (the IME's first form).
func TestCustomerSearchByHiraganaKana(t *testing.T) {
	f := newFixture(t)
	s := newCustomerScreen(f.a, f.win, nil)
	f.show(s.view)
	if len(s.rows) != 3 {
		t.Fatalf("list shows %d customers before a search, want the seed's 3", len(s.rows))
	}

	test.Type(s.name, "やまだ")
	test.Tap(s.searchBtn)
	f.noDialog(t)
	if len(s.rows) != 1 || s.rows[0].Name != "山田 花子" || s.totalLabel.Text != "全1件" {
		t.Fatalf("found %+v (%s), want only 山田 花子", s.rows, s.totalLabel.Text)
	}
	if shown := uitest.AllTexts(s.table); !strings.Contains(shown, "ヤマダ　ハナコ") || !strings.Contains(shown, "2026/10/01") {
		t.Fatalf("table shows %q", shown)
	}

	// Phone and number conditions; a number that is not one writes and searches nothing.
	s.name.SetText("")
	test.Type(s.phone, "０３-")
	test.Tap(s.searchBtn)
	if len(s.rows) != 1 || s.rows[0].Kana != "タナカ　イチロウ" {
		t.Fatalf("phone search found %+v, want 田中", s.rows)
	}
	test.Type(s.number, "abc")
	test.Tap(s.searchBtn)
	if got := uitest.TakeDialog(f.win); !strings.Contains(got, "お客様番号") {
		t.Fatalf("dialog = %q, want the お客様番号 number message", got)
	}
}

// 50 customers a page, 前へ / 次へ, and 全N件.
func TestCustomerPaging(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	err := f.st.Tx(ctx, func(tx *sql.Tx) error {
		for i := range 120 {
			c := data.Customer{Name: fmt.Sprintf("客%03d", i), Kana: fmt.Sprintf("キャク%03d", i)}
			if err := data.InsertCustomer(ctx, tx, &c, testNow); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	s := newCustomerScreen(f.a, f.win, nil)
	f.show(s.view)

	check := func(rows int, page string, prev, next bool) {
		t.Helper()
		if len(s.rows) != rows || s.pageLabel.Text != page || s.prev.Disabled() == prev || s.next.Disabled() == next {
			t.Fatalf("%d rows, %q, prev enabled %v, next enabled %v; want %d, %q, %v, %v",
				len(s.rows), s.pageLabel.Text, !s.prev.Disabled(), !s.next.Disabled(), rows, page, prev, next)
		}
		if s.totalLabel.Text != "全123件" {
			t.Fatalf("total %q, want 全123件", s.totalLabel.Text)
		}
	}
	check(50, "1 / 3ページ", false, true)
	first := s.rows[0].ID
	test.Tap(s.next)
	check(50, "2 / 3ページ", true, true)
	if s.rows[0].ID == first {
		t.Fatal("page 2 starts with page 1's first customer")
	}
	test.Tap(s.next)
	check(23, "3 / 3ページ", true, false)
	test.Tap(s.prev)
	test.Tap(s.prev)
	check(50, "1 / 3ページ", false, true)
}

// An empty kana shows the message and writes nothing; with kana in hiragana the customer
// is stored in katakana and stays open, and a second 保存 changes the same row.
func TestCustomerFormSaves(t *testing.T) {
	f := newFixture(t)
	s := newCustomerScreen(f.a, f.win, nil)
	f.show(s.view)
	d := s.detail
	before := f.count(t, "customers")

	test.Tap(s.addBtn)
	test.Type(d.name, "佐々木 美咲")
	test.Type(d.phone, "０８０-１２３４-５６７８")
	test.Tap(d.saveBtn)
	f.wantDialog(t, "error.kana_required")
	if n := f.count(t, "customers"); n != before {
		t.Fatalf("customers = %d, want %d: an empty kana wrote a row", n, before)
	}

	test.Type(d.kana, "ささき みさき")
	// An IME confirms a conversion with Return: it must not save.
	d.kana.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	d.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if n := f.count(t, "customers"); n != before {
		t.Fatal("Return in an entry saved the customer")
	}
	test.Type(d.birth, "1992/04/01")
	d.sex.SetValue("female")
	test.Tap(d.caution)
	test.Tap(d.saveBtn)
	f.noDialog(t)
	if n := f.count(t, "customers"); n != before+1 {
		t.Fatalf("customers = %d, want %d", n, before+1)
	}
	c, err := f.a.Customer(context.Background(), d.c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c.Kana != "ササキ　ミサキ" || c.Phone != "080-1234-5678" || c.Birthday != "1992-04-01" || c.Sex != "female" ||
		!c.Caution || c.Number != 4 {
		t.Fatalf("stored %+v", c)
	}
	if d.number.Text != "4" || d.kana.Text != "ササキ　ミサキ" {
		t.Fatalf("form shows number %q kana %q, want the stored ones", d.number.Text, d.kana.Text)
	}
	if s.total != before+1 {
		t.Fatalf("list total %d, want %d (CustomersChanged)", s.total, before+1)
	}

	uitest.Retype(d.memo, "カラーはアレルギーあり")
	test.Tap(d.saveBtn)
	if n := f.count(t, "customers"); n != before+1 {
		t.Fatalf("a second 保存 added a row: %d", n)
	}
	if c, _ := f.a.Customer(context.Background(), d.c.ID); c.Memo != "カラーはアレルギーあり" {
		t.Fatalf("memo %q not saved", c.Memo)
	}
}

// A row opens the customer's form with the customer's reservations, which open the
// reservation.
func TestCustomerReservationsOpen(t *testing.T) {
	f := newFixture(t)
	yamada := f.salon.Customers["ヤマダ　ハナコ"]
	r, err := f.a.SaveReservation(context.Background(), app.ReservationInput{CustomerID: yamada,
		Start: datatest.At("2026-11-02", "10:00"), StaffID: f.salon.Staff["佐藤"],
		MenuIDs: []int64{f.salon.Menus["カット"]}, Route: data.RoutePhone})
	if err != nil {
		t.Fatal(err)
	}
	var opened int64
	s := newCustomerScreen(f.a, f.win, func(id int64) { opened = id })
	f.show(s.view)

	for i, c := range s.rows {
		if c.ID == yamada {
			s.table.Select(widget.TableCellID{Row: i, Col: 1})
		}
	}
	d := s.detail
	if d.c.ID != yamada || s.view.Objects[0] != d.view {
		t.Fatal("the row did not open 山田's form")
	}
	if len(d.resv) != 1 || !strings.Contains(uitest.AllTexts(d.resvList), "カット") ||
		!strings.Contains(uitest.AllTexts(d.resvList), "2026/11/02(月) 10:00〜11:00") {
		t.Fatalf("reservations shown: %q", uitest.AllTexts(d.resvList))
	}
	d.resvList.Select(0)
	if opened != r.ID {
		t.Fatalf("opened reservation %d, want %d", opened, r.ID)
	}

	// A reservation made meanwhile shows up without reopening the form.
	if _, err := f.a.SaveReservation(context.Background(), app.ReservationInput{CustomerID: yamada,
		Start: datatest.At("2026-11-09", "15:00"), MenuIDs: []int64{f.salon.Menus["前髪カット"]},
		Route: data.RoutePhone}); err != nil {
		t.Fatal(err)
	}
	if len(d.resv) != 2 || !d.resv[0].Start.Equal(datatest.At("2026-11-09", "15:00")) {
		t.Fatalf("reservations after a new one: %d, newest first expected", len(d.resv))
	}
	test.Tap(d.backBtn)
	if s.view.Objects[0] != s.listPage {
		t.Fatal("一覧へ戻る did not show the list")
	}
}

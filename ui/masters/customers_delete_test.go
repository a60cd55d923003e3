package masters

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/ui/internal/uitest"
)

// bookFuture gives 田中 a 予約中 reservation on a future day.
func bookFuture(t *testing.T, f *fixture) {
	t.Helper()
	if _, err := f.a.SaveReservation(context.Background(), app.ReservationInput{CustomerID: f.salon.Customers["タナカ　イチロウ"],
		Start: datatest.At("2026-11-05", "10:00"), StaffID: f.salon.Staff["佐藤"], Route: data.RoutePhone,
		MenuIDs: []int64{f.salon.Menus["カット"]}}); err != nil {
		t.Fatal(err)
	}
}

// Search by the new conditions, tick the page, and the dialog names the customer whose
// reservation would be cancelled; キャンセル changes nothing, OK deletes.
func TestCustomerDeleteSelectedPage(t *testing.T) {
	f := newFixture(t)
	bookFuture(t, f)
	s := newCustomerScreen(f.a, f.win, nil)
	f.show(s.view)

	test.Type(s.conds.lastFrom, "2026/09/01")
	test.Tap(s.searchBtn)
	if len(s.rows) != 1 || s.rows[0].Name != "山田 花子" {
		t.Fatalf("最終来店日 search found %+v", s.rows)
	}
	s.conds.lastFrom.SetText("")
	uitest.TapCheck(s.conds.future)
	test.Tap(s.searchBtn)
	if len(s.rows) != 1 || s.rows[0].Name != "田中 一郎" {
		t.Fatalf("未来の予約あり found %+v", s.rows)
	}
	uitest.TapCheck(s.conds.future)
	test.Tap(s.searchBtn)

	test.Tap(s.deleteBtn)
	if got := uitest.TakeDialog(f.win); !strings.Contains(got, "チェックを入れてください") {
		t.Fatalf("nothing ticked: %q", got)
	}
	uitest.TapCheck(s.pageCheck.check)
	if got := s.sel.selected(s.rows); len(got) != 3 {
		t.Fatalf("the page's box ticked %d customers, want 3", len(got))
	}
	test.Tap(s.deleteBtn)
	shown := uitest.AllTexts(uitest.TopOverlay(f.win))
	for _, want := range []string{"3件のお客様を削除します。よろしいですか？", "田中 一郎",
		"お客様削除と同時に、予約キャンセルおよび定額プラン解約となりますのでご注意ください。", "元に戻せません"} {
		uitest.MustContain(t, "dialog", shown, want)
	}
	uitest.MustNotContain(t, "dialog", shown, "山田 花子")
	uitest.TapInDialog(t, f.win, "キャンセル")
	if s.total != 3 {
		t.Fatalf("キャンセル deleted: %d left", s.total)
	}
	test.Tap(s.deleteBtn)
	uitest.TapInDialog(t, f.win, "OK")
	if s.total != 0 || len(s.sel.ids) != 0 {
		t.Fatalf("after OK: %d customers, %d ticked", s.total, len(s.sel.ids))
	}
	rs, _ := f.a.Reservations(context.Background(), data.ReservationFilter{})
	for _, r := range rs {
		if r.Status != data.StatusCancelled {
			t.Fatalf("田中's future reservation is %s, want cancelled", r.Status)
		}
	}
}

// Leaving the page resets the selection (the seed: delete page by page).
func TestCustomerSelectionResetsOnPageChange(t *testing.T) {
	f := newFixture(t)
	err := f.st.Tx(context.Background(), func(tx *sql.Tx) error {
		for i := range 60 {
			c := data.Customer{Name: fmt.Sprintf("客%03d", i), Kana: fmt.Sprintf("キャク%03d", i)}
			if err := data.InsertCustomer(context.Background(), tx, &c, testNow); err != nil {
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
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	s.table.Select(widget.TableCellID{Row: 1, Col: 0})
	if n := len(s.sel.selected(s.rows)); n != 2 {
		t.Fatalf("ticked %d rows, want 2", n)
	}
	test.Tap(s.next)
	if len(s.sel.ids) != 0 {
		t.Fatal("the selection survived the page change")
	}
	test.Tap(s.prev)
	if len(s.sel.ids) != 0 || s.pageCheck.check.Checked {
		t.Fatal("coming back brought the selection back")
	}
}

// 「お客様情報を削除する」 on the detail page: same confirmation, then back to the list.
func TestCustomerDeleteFromDetail(t *testing.T) {
	f := newFixture(t)
	bookFuture(t, f)
	s := newCustomerScreen(f.a, f.win, nil)
	f.show(s.view)
	var tanaka data.Customer
	for _, c := range s.rows {
		if c.Name == "田中 一郎" {
			tanaka = c
		}
	}
	s.openCustomer(tanaka)
	test.Tap(s.detail.records.deleteBtn)
	shown := uitest.AllTexts(uitest.TopOverlay(f.win))
	uitest.MustContain(t, "dialog", shown, "1件のお客様を削除します。よろしいですか？")
	uitest.MustContain(t, "dialog", shown, "予約中 1件")
	uitest.TapInDialog(t, f.win, "OK")
	if s.view.Objects[0] != s.listPage || s.total != 2 {
		t.Fatalf("after deleting: list shown %v, %d customers", s.view.Objects[0] == s.listPage, s.total)
	}
	if _, err := f.a.SaveCustomer(context.Background(), app.CustomerInput{ID: tanaka.ID, Kana: "タナカ"}); app.ErrorKey(err) != "customers.error.gone" {
		t.Fatalf("the deleted customer can still be saved: %v", err)
	}
}

// CSV取込: the preview lists row errors by line and column; 取り込む is refused while
// there are errors, 正しい行だけ取り込む writes the good rows.
func TestCustomerImportPreview(t *testing.T) {
	f := newFixture(t)
	s := newCustomerScreen(f.a, f.win, nil)
	f.show(s.view)
	s.previewImport(strings.NewReader("お客様名,お客様名（カナ）,電話番号\r\n新井 一,ｱﾗｲ ﾊｼﾞﾒ,090-1\r\n壊れ,,\r\n"))
	shown := uitest.AllTexts(uitest.TopOverlay(f.win))
	uitest.MustContain(t, "preview", shown, "エラー 1件")
	uitest.MustContain(t, "preview", shown, "3行目　お客様名（カナ）")
	uitest.MustContain(t, "preview", shown, "アライ　ハジメ")
	if uitest.Button(t, uitest.TopOverlay(f.win), "取り込む").Disabled() == false {
		t.Fatal("取り込む is enabled with an error in the file")
	}
	uitest.TapInDialog(t, f.win, "正しい行だけ取り込む")
	uitest.MustContain(t, "result", uitest.TakeDialog(f.win), "新規 1件")
	if s.total != 4 {
		t.Fatalf("%d customers after import, want 4", s.total)
	}
}

// 重複候補 lists 山田 twice (same kana and phone); keeping the older one merges them.
func TestCustomerDuplicatesMerge(t *testing.T) {
	f := newFixture(t)
	if _, err := f.a.SaveCustomer(context.Background(), app.CustomerInput{Name: "山田花子", Kana: "やまだ　はなこ",
		Phone: "09011112222"}); err != nil {
		t.Fatal(err)
	}
	s := newCustomerScreen(f.a, f.win, nil)
	f.show(s.view)
	test.Tap(s.dupesBtn)
	shown := uitest.AllTexts(uitest.TopOverlay(f.win))
	uitest.MustContain(t, "duplicates", shown, "カナと電話番号が同じ")
	uitest.TapInDialog(t, f.win, "1を残して統合")
	uitest.MustContain(t, "confirm", uitest.AllTexts(uitest.TopOverlay(f.win)), "お客様番号 4 の予約")
	uitest.TapInDialog(t, f.win, "はい")
	if s.total != 3 {
		t.Fatalf("%d customers after merging, want 3", s.total)
	}
	uitest.MustContain(t, "after merge", uitest.AllTexts(uitest.TopOverlay(f.win)), "重複していそうなお客様はいません")
}

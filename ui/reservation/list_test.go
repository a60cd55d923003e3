package reservation

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/ui/internal/uitest"
)

// listFixture has three reservations: one sent, one failed (last week), one cancelled.
func listFixture(t *testing.T) (*fixture, []data.Reservation) {
	fx := newFixture(t)
	var out []data.Reservation
	for _, in := range []app.ReservationInput{
		{CustomerID: fx.salon.Customers["ヤマダ　ハナコ"], Start: datatest.At(testDay, "10:00"),
			MenuIDs: []int64{fx.salon.Menus["カット"]}},
		{CustomerID: fx.salon.Customers["タナカ　イチロウ"], Start: datatest.At("2026-11-02", "11:00"),
			CouponID: fx.salon.Coupons["【新規】カット"]},
		{CustomerID: fx.salon.Customers["コギト　テスト"], Start: datatest.At(testDay, "12:00")},
	} {
		out = append(out, fx.reserve(t, in))
	}
	fx.setSync(t, out[0].ID, data.SyncOK, "", "")
	fx.setSync(t, out[1].ID, data.SyncFailed, "capacity", "")
	if err := fx.a.CancelReservation(fx.ctx, out[2].ID, false); err != nil {
		t.Fatal(err)
	}
	return fx, out
}

func TestListFailedFilter(t *testing.T) {
	fx, rs := listFixture(t)
	var opened int64
	l := NewList(fx.a, fx.win, func(id int64) { opened = id })
	fx.win.SetContent(l.Content())
	fx.win.Resize(fyne.NewSize(1400, 600))
	if len(l.rows) != 2 {
		t.Fatalf("%d rows from today on, want 2 (the failed one is last week)", len(l.rows))
	}
	l.ShowFailed()
	if len(l.rows) != 1 || l.rows[0].ID != rs[1].ID {
		t.Fatalf("failed filter shows %d rows", len(l.rows))
	}
	if l.sync.Selected != "失敗" || l.from.Text != "" {
		t.Fatalf("filters: sync %q from %q", l.sync.Selected, l.from.Text)
	}
	shown := uitest.DrawnTexts(l.Content())
	uitest.MustContain(t, "table", shown, "失敗(予約受付可能数を超えています)")
	uitest.MustContain(t, "table", shown, "田中 一郎")
	uitest.MustContain(t, "count", shown, "1件")
	uitest.MustNotContain(t, "table", shown, "山田 花子")

	l.table.Select(widget.TableCellID{Row: 0, Col: 2})
	if opened != rs[1].ID {
		t.Fatalf("row opened %d, want %d", opened, rs[1].ID)
	}
}

func TestListFilters(t *testing.T) {
	fx, rs := listFixture(t)
	l := NewList(fx.a, fx.win, nil)
	fx.win.SetContent(l.Content())
	l.status.SetSelected("キャンセル")
	if len(l.rows) != 1 || l.rows[0].ID != rs[2].ID {
		t.Fatalf("キャンセル filter: %d rows", len(l.rows))
	}
	l.status.SetSelected("すべて")
	l.from.SetText("")
	test.Type(l.text, "ヤマダ")
	test.Tap(l.search)
	if len(l.rows) != 1 || l.rows[0].ID != rs[0].ID {
		t.Fatalf("name filter: %d rows", len(l.rows))
	}
	l.from.SetText("2026/13/01")
	test.Tap(l.search)
	uitest.MustContain(t, "error", uitest.DrawnTexts(uitest.TopOverlay(fx.win)), "期間の日付はYYYY/MM/DDの形式で入力してください。")
}

// A reservation saved elsewhere appears without pressing 検索.
func TestListFollowsEvents(t *testing.T) {
	fx, _ := listFixture(t)
	l := NewList(fx.a, fx.win, nil)
	n := len(l.rows)
	fx.reserve(t, app.ReservationInput{CustomerID: fx.salon.Customers["ヤマダ　ハナコ"],
		Start: datatest.At(testDay, "16:00")})
	if len(l.rows) != n+1 {
		t.Fatalf("%d rows after a new reservation, want %d", len(l.rows), n+1)
	}
}

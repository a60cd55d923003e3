package reservation

import (
	"database/sql"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"salondesk/app"
	"salondesk/app/labels"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/ui/internal/uitest"
)

// failedReservation is a desk reservation SALON BOARD refused, with its お知らせ.
func failedReservation(t *testing.T, fx *fixture) (data.Reservation, data.Notification) {
	t.Helper()
	r := fx.reserve(t, app.ReservationInput{CustomerID: fx.salon.Customers["コギト　テスト"],
		StaffID: fx.salon.Staff["佐藤"], Designated: true, Start: datatest.At(testDay, "14:30"),
		CouponID: fx.salon.Coupons["カット＋ケアカラー ¥9,900"], Memo: "カラーは明るめ希望"})
	fx.setSync(t, r.ID, data.SyncFailed, data.ReasonTimeout, "")
	n := data.Notification{CreatedAt: datatest.At("2026-11-09", "08:30"), Direction: data.DirAppToSB,
		Reason: data.ReasonTimeout, ReservationID: r.ID, ReservationNo: "1", ReservationAt: "2026-11-10 14:30"}
	err := fx.store.Tx(fx.ctx, func(tx *sql.Tx) error { return data.InsertNotification(fx.ctx, tx, &n) })
	if err != nil {
		t.Fatal(err)
	}
	return r, n
}

func TestDetailFailedBannerAndTranscribedCheck(t *testing.T) {
	fx := newFixture(t)
	r, _ := failedReservation(t, fx)
	d := newDetail(fx.a, fx.win, r.ID)
	defer d.win.Close()
	shown := uitest.DrawnTexts(d.win.Content())
	uitest.MustContain(t, "banner", shown, "SalonDeskからSALON BOARDへの予約連携に失敗しました。")
	uitest.MustContain(t, "banner", shown, "下記予約は SALON BOARDへ手動で登録をお願いいたします。")
	uitest.MustContain(t, "連携状況", shown, "失敗(例外またはタイムアウトが発生しました)")
	uitest.MustContain(t, "kana", shown, "(コギト　テスト)様")
	uitest.MustContain(t, "visit", shown, "2026/11/10 (火) 14:30〜17:00 【所要時間:150分】")
	uitest.MustContain(t, "status", shown, "受付待ち")
	uitest.MustContain(t, "route", shown, "電話")
	if d.transcribed == nil || d.transcribeBtn == nil {
		t.Fatal("no 予約転記済みチェック")
	}
	d.win.Resize(fyne.NewSize(760, 700))
	test.AssertImageMatches(t, "detail_failed.png", d.win.Canvas().Capture())

	uitest.TapCheck(d.transcribed)
	test.Tap(d.transcribeBtn)
	list, err := fx.a.Notifications(fx.ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || !list[0].Resolved() {
		t.Fatalf("notification not resolved: %+v", list)
	}
	v := fx.get(t, r.ID)
	if !v.TranscribedCheck || v.SyncState != data.SyncFailed {
		t.Fatalf("check %v sync %q: the check is stored and the state stays 失敗", v.TranscribedCheck, v.SyncState)
	}
	if !d.transcribed.Checked {
		t.Fatal("the reloaded detail does not show the check")
	}
}

// A reservation from SALON BOARD (HPB, or entered there by hand) that failed coming in
// went the other way: no banner asking to register it there, no 予約転記済みチェック.
// (A desk reservation's failure shows both: TestDetailFailedBannerAndTranscribedCheck.)
func TestDetailNoBannerForInboundFailure(t *testing.T) {
	for _, route := range []data.Route{data.RouteHPB, data.RouteSalonBoard} {
		t.Run(string(route), func(t *testing.T) {
			fx := newFixture(t)
			r := fx.reserve(t, app.ReservationInput{CustomerID: fx.salon.Customers["タナカ　イチロウ"],
				Start: datatest.At(testDay, "10:00"), MenuIDs: []int64{fx.salon.Menus["カット"]}})
			fx.setSync(t, r.ID, data.SyncFailed, data.ReasonMismatch, route)
			d := newDetail(fx.a, fx.win, r.ID)
			defer d.win.Close()
			shown := uitest.DrawnTexts(d.win.Content())
			uitest.MustNotContain(t, "banner", shown, "SALON BOARDへの予約連携に失敗しました")
			uitest.MustNotContain(t, "banner", shown, "手動で登録をお願いいたします")
			uitest.MustNotContain(t, "check", shown, "予約転記済みチェック")
			uitest.MustContain(t, "連携状況", shown, "失敗(予約されたクーポン・メニュー名が一致しませんでした)")
			if d.transcribed != nil {
				t.Fatalf("予約転記済みチェック shown for a %s reservation", route)
			}
		})
	}
}

func TestDetailCancel(t *testing.T) {
	for _, noShow := range []bool{false, true} {
		fx := newFixture(t)
		r := fx.reserve(t, app.ReservationInput{CustomerID: fx.salon.Customers["タナカ　イチロウ"],
			Start: datatest.At(testDay, "10:00"), MenuIDs: []int64{fx.salon.Menus["カット"]}})
		d := newDetail(fx.a, fx.win, r.ID)
		d.tabs.Select(d.cancelTab)
		if noShow {
			d.cancelKind.SetSelected("無断キャンセル")
		}
		test.Tap(d.cancelBtn)
		confirm := uitest.TopOverlay(d.win)
		uitest.MustContain(t, "confirmation", uitest.DrawnTexts(confirm), "よろしいですか？")
		if s := fx.get(t, r.ID).Status; s != data.StatusWaiting {
			t.Fatalf("status %q before the confirmation", s)
		}
		test.Tap(uitest.Button(t, confirm, "はい"))
		want := data.StatusCancelled
		if noShow {
			want = data.StatusNoShow
		}
		if s := fx.get(t, r.ID).Status; s != want {
			t.Fatalf("status %q, want %q", s, want)
		}
		uitest.MustContain(t, "detail", uitest.DrawnTexts(d.infoTab.Content), labels.Status(want))
		if d.cancelBtn != nil || d.form != nil {
			t.Fatal("a cancelled reservation still offers cancel or change")
		}
		d.win.Close()
	}
}

func TestDetailArrivedCountsVisit(t *testing.T) {
	fx := newFixture(t)
	cust := fx.salon.Customers["ヤマダ　ハナコ"]
	r := fx.reserve(t, app.ReservationInput{CustomerID: cust, Start: datatest.At(testDay, "10:00"),
		MenuIDs: []int64{fx.salon.Menus["カット"]}})
	d := newDetail(fx.a, fx.win, r.ID)
	defer d.win.Close()
	uitest.MustContain(t, "visits", uitest.DrawnTexts(d.infoTab.Content), "3回")
	uitest.TapCheck(d.arrived)
	c, _ := fx.a.Customer(fx.ctx, cust)
	if s := fx.get(t, r.ID).Status; s != data.StatusArrived || c.VisitCount != 4 || c.LastVisit != testDay {
		t.Fatalf("status %q visits %d last %q", s, c.VisitCount, c.LastVisit)
	}
	shown := uitest.DrawnTexts(d.win.Content()) // what the window draws, not only the tab's objects
	uitest.MustContain(t, "visits", shown, "4回")
	uitest.MustContain(t, "status", shown, "来店")
	uitest.TapCheck(d.arrived) // untick: taken back
	c, _ = fx.a.Customer(fx.ctx, cust)
	if s := fx.get(t, r.ID).Status; s != data.StatusWaiting || c.VisitCount != 3 {
		t.Fatalf("after undo: status %q visits %d", s, c.VisitCount)
	}
}

// The window follows changes made elsewhere (another screen, a sync worker).
func TestDetailFollowsEvents(t *testing.T) {
	fx := newFixture(t)
	r := fx.reserve(t, app.ReservationInput{CustomerID: fx.salon.Customers["タナカ　イチロウ"],
		Start: datatest.At(testDay, "10:00"), MenuIDs: []int64{fx.salon.Menus["カット"]}})
	d := newDetail(fx.a, fx.win, r.ID)
	done := make(chan error)
	go func() { done <- fx.a.UpdateMemo(fx.ctx, r.ID, "別の画面から") }() // a background goroutine
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	uitest.MustContain(t, "memo", uitest.DrawnTexts(d.infoTab.Content), "別の画面から")
	if d.memoEntry.Text != "別の画面から" {
		t.Fatalf("memo entry %q", d.memoEntry.Text)
	}
	d.win.Close()
	if err := fx.a.UpdateMemo(fx.ctx, r.ID, "閉じた後"); err != nil {
		t.Fatal(err)
	}
	uitest.MustNotContain(t, "closed window", uitest.DrawnTexts(d.infoTab.Content), "閉じた後")
}

func TestDetailMemoEdit(t *testing.T) {
	fx := newFixture(t)
	r := fx.reserve(t, app.ReservationInput{CustomerID: fx.salon.Customers["タナカ　イチロウ"],
		Start: datatest.At(testDay, "10:00"), Memo: "最初のメモ"})
	d := newDetail(fx.a, fx.win, r.ID)
	defer d.win.Close()
	d.tabs.Select(d.memoTab)
	d.memoEntry.SetText("")
	test.Type(d.memoEntry, "シャンプーは弱め")
	test.Tap(d.memoSave)
	if m := fx.get(t, r.ID).Memo; m != "シャンプーは弱め" {
		t.Fatalf("memo %q", m)
	}
	d.tabs.Select(d.infoTab)
	uitest.MustContain(t, "detail", uitest.DrawnTexts(d.infoTab.Content), "シャンプーは弱め")
}

// 変更 saves through the same form and the window shows the new time.
func TestDetailChange(t *testing.T) {
	fx := newFixture(t)
	r := fx.reserve(t, app.ReservationInput{CustomerID: fx.salon.Customers["タナカ　イチロウ"],
		Start: datatest.At(testDay, "10:00"), MenuIDs: []int64{fx.salon.Menus["カット"]}})
	d := newDetail(fx.a, fx.win, r.ID)
	defer d.win.Close()
	d.tabs.Select(d.changeTab)
	f := d.form
	if f.clock.Text != "10:00" || f.day.Text != "2026/11/10" || !f.menus.checks[fx.salon.Menus["カット"]].Checked {
		t.Fatalf("not prefilled: %q %q", f.day.Text, f.clock.Text)
	}
	uitest.MustContain(t, "chosen", f.customer.chosen.Text, "タナカ　イチロウ")
	fillWhen(f, "2026/11/10", "15:00")
	test.Tap(f.menus.checks[fx.salon.Menus["前髪カット"]])
	test.Tap(f.save)
	v := fx.get(t, r.ID)
	if !v.Start.Equal(datatest.At(testDay, "15:00")) || v.Duration() != 75*time.Minute {
		t.Fatalf("start %v duration %v; dialog: %s", v.Start, v.Duration(), uitest.DrawnTexts(uitest.TopOverlay(d.win)))
	}
	if d.tabs.Selected() != d.infoTab {
		t.Fatal("did not go back to 詳細")
	}
	uitest.MustContain(t, "detail", uitest.DrawnTexts(d.infoTab.Content), "15:00〜16:15")
}

func TestDetailCustomerTab(t *testing.T) {
	fx := newFixture(t)
	r := fx.reserve(t, app.ReservationInput{CustomerID: fx.salon.Customers["ヤマダ　ハナコ"],
		Start: datatest.At(testDay, "10:00")})
	d := newDetail(fx.a, fx.win, r.ID)
	defer d.win.Close()
	d.tabs.Select(d.custTab)
	shown := uitest.DrawnTexts(d.custTab.Content)
	for _, want := range []string{"山田 花子", "ヤマダ　ハナコ", "090-1111-2222", "3回", "2026/10/01 (木)"} {
		uitest.MustContain(t, "お客様情報", shown, want)
	}
}

// Opening a reservation that is already open brings its window forward instead of a second one.
func TestShowDetailOnce(t *testing.T) {
	fx := newFixture(t)
	r := fx.reserve(t, app.ReservationInput{CustomerID: fx.salon.Customers["タナカ　イチロウ"],
		Start: datatest.At(testDay, "10:00")})
	before := len(fyne.CurrentApp().Driver().AllWindows())
	ShowDetail(fx.a, fx.win, r.ID)
	ShowDetail(fx.a, fx.win, r.ID)
	wins := fyne.CurrentApp().Driver().AllWindows()
	if len(wins) != before+1 {
		t.Fatalf("%d windows opened, want 1", len(wins)-before)
	}
	if title := wins[len(wins)-1].Title(); title != "予約詳細（予約番号: 1）" {
		t.Fatalf("title %q", title)
	}
	wins[len(wins)-1].Close()
}

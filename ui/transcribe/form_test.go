package transcribe

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"salondesk/app"
	"salondesk/app/salonboard"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/ui/internal/uitest"
)

const banner = "こちらの予約は、予約連携に失敗したため、ご来店日時の開始時間のみで情報を仮登録しています。" +
	"不足情報を入力、選択いただき、予約情報の確定、登録をお願いいたします。(本登録された予約は、サロンボードに二重登録されません)"

func TestFormShowsBannerAndWhatSalonBoardSent(t *testing.T) {
	fx := newFixture(t)
	id := fx.mismatch(t)
	f := show(fx.a, fx.win, id, nil)
	if f == nil {
		t.Fatalf("form not shown: %s", uitest.DrawnTexts(uitest.TopOverlay(fx.win)))
	}
	shown := uitest.DrawnTexts(uitest.TopOverlay(fx.win))
	for _, want := range []string{"予約情報登録(転記)", banner, "予約情報(転記)", "BC97459537",
		"クーポン名：[全員]髪質改善TOKIOトリートメント ¥9,900", "カナ：ヤマダ　ハナコ", "お名前：山田 花子",
		"連携失敗の理由：予約されたクーポン・メニュー名が一致しませんでした", "来店日時 ●", "SALON BOARD",
		"クーポン名を選択", "カット", "カラー", "施術時間ゼロ分のメニュー", "ヤマダ　ハナコ（山田 花子）様",
		"登録", "キャンセル"} {
		uitest.MustContain(t, "form", shown, want)
	}
	if f.day.Text != "2026/11/21" || f.clock.Text != "11:00" || f.weekday.Text != "(土)" {
		t.Fatalf("来店日時 prefilled %q %q %q, want the provisional start", f.day.Text, f.clock.Text, f.weekday.Text)
	}
	if f.coupon.Selected != "" || len(f.menus.Selected()) != 0 {
		t.Fatalf("a coupon %q or menus %v chosen for a name that matches nothing", f.coupon.Selected, f.menus.Selected())
	}
}

// 登録 without 来店日時: the message, and nothing written.
func TestRegisterWithoutVisitTimeWritesNothing(t *testing.T) {
	fx := newFixture(t)
	id := fx.mismatch(t)
	f := show(fx.a, fx.win, id, func() { t.Error("onDone after a refusal") })
	f.coupon.SetSelected("カット＋ケアカラー ¥9,900")
	f.day.SetText("")
	f.clock.SetText("")
	test.Tap(f.register)
	uitest.MustContain(t, "error dialog", uitest.DrawnTexts(uitest.TopOverlay(fx.win)), "来店日時を入力してください。")
	v := fx.get(t, id)
	if v.Status != data.StatusProvisional || v.SyncState != data.SyncFailed || v.CouponID != 0 {
		t.Fatalf("written: %+v", v.Reservation)
	}
	if n := fx.unresolved(t); n != 1 {
		t.Fatalf("%d unresolved, want the notification still open", n)
	}
	if aliases, _ := data.ListAliases(fx.ctx, fx.store.Reader()); len(aliases) != 0 {
		t.Fatalf("alias written: %+v", aliases)
	}
}

// The seed's flow: choose the coupon (its menus tick, its content shows), the staff, 登録.
// The reservation becomes 受付待ち / 転記済み, the お知らせ is resolved, nothing is queued for
// SALON BOARD, and the next reservation with that coupon name applies by itself.
func TestRegisterMakesItANormalReservationAndMapsTheCoupon(t *testing.T) {
	fx := newFixture(t)
	id := fx.mismatch(t)
	jobsBefore := fx.jobKinds(t, id)
	done := 0
	f := show(fx.a, fx.win, id, func() { done++ })
	f.coupon.SetSelected("カット＋ケアカラー ¥9,900")
	cut, color := fx.salon.Menus["カット"], fx.salon.Menus["ケアカラー"]
	if !f.menus.CheckBox(cut).Checked || !f.menus.CheckBox(color).Checked {
		t.Fatal("choosing the coupon did not tick its menus")
	}
	uitest.MustContain(t, "coupon content", f.couponContent.Text, "◇シャンプー・ブロー込")
	if f.length.Text != "150分（11:00〜13:30）" {
		t.Fatalf("所要時間 %q", f.length.Text)
	}
	f.staff.SetSelected("佐藤")
	uitest.TapCheck(f.designated)
	f.equipment.SetSelected("ベッド1")
	test.Type(f.memo, "ご要望：前髪短め")
	test.Tap(f.register)

	if done != 1 {
		t.Fatalf("onDone ran %d times; dialog: %s", done, uitest.DrawnTexts(uitest.TopOverlay(fx.win)))
	}
	v := fx.get(t, id)
	switch {
	case v.Status != data.StatusWaiting || v.SyncState != data.SyncTranscribed:
		t.Errorf("status %q sync %q", v.Status, v.SyncState)
	case v.CouponID != fx.salon.Coupons["カット＋ケアカラー ¥9,900"] || !slices.Equal(v.MenuIDs, []int64{cut, color}):
		t.Errorf("coupon %d menus %v", v.CouponID, v.MenuIDs)
	case !v.Start.Equal(datatest.At(testDay, "11:00")) || v.Duration() != 150*time.Minute:
		t.Errorf("start %v length %v", v.Start, v.Duration())
	case v.StaffID != fx.salon.Staff["佐藤"] || !v.Designated || v.EquipmentID != fx.salon.Equipment["ベッド1"]:
		t.Errorf("staff %d designated %v equipment %d", v.StaffID, v.Designated, v.EquipmentID)
	case v.Route != data.RouteHPB || v.Memo != "ご要望：前髪短め" || v.CustomerID != fx.salon.Customers["ヤマダ　ハナコ"]:
		t.Errorf("route %q memo %q customer %d", v.Route, v.Memo, v.CustomerID)
	}
	if n := fx.unresolved(t); n != 0 {
		t.Errorf("%d notifications still open", n)
	}
	if after := fx.jobKinds(t, id); !slices.Equal(after, jobsBefore) || slices.ContainsFunc(after, isSBWrite) {
		t.Errorf("jobs %v after 登録 (before %v): nothing may be queued for SALON BOARD", after, jobsBefore)
	}
	alias, err := data.FindAlias(fx.ctx, fx.store.Reader(), "coupon", salonboard.NormalizeName("髪質改善TOKIOトリートメント"))
	if err != nil || alias.CouponID != fx.salon.Coupons["カット＋ケアカラー ¥9,900"] {
		t.Fatalf("alias %+v %v", alias, err)
	}
	next := incoming("BC97459999", "15:00", "[全員]髪質改善TOKIOトリートメント ¥9,900")
	next.NameKana = "タナカ イチロウ"
	nextID := fx.apply(t, next, salonboard.OutcomeApplied)
	if nv := fx.get(t, nextID); nv.CouponID != alias.CouponID || nv.Duration() != 150*time.Minute {
		t.Fatalf("next reservation coupon %d length %v", nv.CouponID, nv.Duration())
	}
}

func isSBWrite(kind string) bool {
	return kind == salonboard.JobRegister || kind == salonboard.JobChange || kind == salonboard.JobCancel
}

// Two customers share the received kana: none is linked, both are offered, staff pick one.
func TestCustomerCandidatesByKana(t *testing.T) {
	fx := newFixture(t)
	twin, err := fx.a.SaveCustomer(fx.ctx, app.CustomerInput{Name: "山田 華子", Kana: "ヤマダ ハナコ", Phone: "080-9999-0000"})
	if err != nil {
		t.Fatal(err)
	}
	id := fx.mismatch(t)
	if v := fx.get(t, id); v.CustomerID != 0 {
		t.Fatalf("linked to %d although two customers have the kana", v.CustomerID)
	}
	f := show(fx.a, fx.win, id, nil)
	if f.candidates != 2 {
		t.Fatalf("%d candidates, want 2:\n%s", f.candidates, uitest.DrawnTexts(f.customer.Results()))
	}
	test.Tap(uitest.Button(t, f.customer.Results(), "ヤマダ　ハナコ / 山田 華子 / 080-9999-0000  (No.4)"))
	f.coupon.SetSelected("【新規】カット")
	test.Tap(f.register)
	if v := fx.get(t, id); v.CustomerID != twin.ID || v.SyncState != data.SyncTranscribed {
		t.Fatalf("customer %d sync %q; dialog: %s", v.CustomerID, v.SyncState, uitest.DrawnTexts(uitest.TopOverlay(fx.win)))
	}
}

// Nobody has the kana (an unreadable mail left no customer): 新規 opens prefilled.
func TestNewCustomerPrefilledFromWhatWasReceived(t *testing.T) {
	fx := newFixture(t)
	held, err := salonboard.New(fx.a).HoldUnreadable(fx.ctx, "BE55555555", datatest.At(testDay, "13:00"), "ニシ ミドリ")
	if err != nil {
		t.Fatal(err)
	}
	f := show(fx.a, fx.win, held.ReservationID, nil)
	if f.customer.Mode().Selected != "新規のお客様" {
		t.Fatalf("mode %q, want 新規のお客様", f.customer.Mode().Selected)
	}
	uitest.MustContain(t, "new customer", uitest.DrawnTexts(f.customer.Content()), "ニシ　ミドリ")
	test.Tap(f.menus.CheckBox(fx.salon.Menus["前髪カット"]))
	test.Tap(f.register)
	v := fx.get(t, held.ReservationID)
	if v.CustomerRowKana != "ニシ　ミドリ" || v.SyncState != data.SyncTranscribed || v.Duration() != 15*time.Minute {
		t.Fatalf("kana %q sync %q length %v; dialog: %s", v.CustomerRowKana, v.SyncState, v.Duration(),
			uitest.DrawnTexts(uitest.TopOverlay(fx.win)))
	}
}

// Over a 受付可能数 staff are asked; 戻る writes nothing, このまま登録する registers.
func TestOverCapacityAsksBeforeRegistering(t *testing.T) {
	fx := newFixture(t)
	_, err := fx.a.SaveReservation(fx.ctx, app.ReservationInput{CustomerID: fx.salon.Customers["タナカ　イチロウ"],
		Start: datatest.At(testDay, "11:00"), StaffID: fx.salon.Staff["佐藤"], MenuIDs: []int64{fx.salon.Menus["カット"]}})
	if err != nil {
		t.Fatal(err)
	}
	in := incoming("BE12345678", "11:00", "カット＋ケアカラー ¥9,900")
	in.Staff, in.Designated = "佐藤", true
	id := fx.apply(t, in, salonboard.OutcomeProvisional)
	f := show(fx.a, fx.win, id, nil)
	if f.coupon.Selected != "カット＋ケアカラー ¥9,900" {
		t.Fatalf("the coupon SALON BOARD's name finds is not preselected: %q", f.coupon.Selected)
	}
	f.staff.SetSelected("佐藤")
	test.Tap(f.register)
	ask := uitest.TopOverlay(fx.win)
	uitest.MustContain(t, "confirmation", uitest.DrawnTexts(ask), "11:00の枠は担当スタッフの予約受付可能数を超えています。")
	uitest.MustContain(t, "confirmation", uitest.DrawnTexts(ask), "SALON BOARDで受付済みの予約です。このまま登録しますか？")
	test.Tap(uitest.Button(t, ask, "戻る"))
	if v := fx.get(t, id); v.Status != data.StatusProvisional {
		t.Fatalf("written after 戻る: %q", v.Status)
	}
	test.Tap(f.register)
	test.Tap(uitest.Button(t, uitest.TopOverlay(fx.win), "このまま登録する"))
	v := fx.get(t, id)
	if v.Status != data.StatusWaiting || v.SyncState != data.SyncTranscribed || v.StaffID != fx.salon.Staff["佐藤"] {
		t.Fatalf("not registered: %+v", v.Reservation)
	}
	if kinds := fx.jobKinds(t, id); len(kinds) != 0 {
		t.Fatalf("jobs %v", kinds)
	}
}

// A reservation already registered opens no form: the reason is shown instead.
func TestAlreadyTranscribedIsExplained(t *testing.T) {
	fx := newFixture(t)
	id := fx.mismatch(t)
	if _, err := salonboard.New(fx.a).Transcribe(fx.ctx, salonboard.TranscribeInput{ReservationID: id, Start: datatest.At(testDay, "11:00")}); err != nil {
		t.Fatal(err)
	}
	if f := show(fx.a, fx.win, id, nil); f != nil {
		t.Fatal("form opened for a transcribed reservation")
	}
	uitest.MustContain(t, "error dialog", uitest.DrawnTexts(uitest.TopOverlay(fx.win)), "この予約は転記の対象ではありません。")
}

// Another coupon replaces the previous coupon's menus; menus ticked by hand stay, and
// クーポンなし leaves the muted (クーポン内容).
func TestCouponChoiceTicksItsMenus(t *testing.T) {
	fx := newFixture(t)
	f := show(fx.a, fx.win, fx.mismatch(t), nil)
	uitest.MustContain(t, "no coupon yet", f.couponContent.Text, "(クーポン内容)")
	bangs, cut := fx.salon.Menus["前髪カット"], fx.salon.Menus["カット"]
	test.Tap(f.menus.CheckBox(bangs))
	f.coupon.SetSelected("カット＋ケアカラー ¥9,900")
	f.coupon.SetSelected("【新規】カット")
	if got := f.menus.Selected(); !slices.Equal(got, []int64{cut, bangs}) {
		t.Fatalf("menus %v, want カット (the coupon's) and 前髪カット (by hand)", got)
	}
	f.coupon.SetSelected("クーポンなし")
	if got := f.menus.Selected(); !slices.Equal(got, []int64{bangs}) || f.couponContent.Text != "(クーポン内容)" {
		t.Fatalf("menus %v content %q", got, f.couponContent.Text)
	}
}

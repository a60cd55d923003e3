package salonboard_test

import (
	"net/http/httptest"
	"testing"
	"time"

	"salondesk/app/salonboard"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/sync/salonboard/sbdouble"
	"salondesk/sync/salonboard/web"
)

// mailWith is an HPB reservation by mail with a coupon (or, coupon "", menus), 指名なし.
func mailWith(number, day, hhmm, coupon string, menus ...string) salonboard.Incoming {
	return salonboard.Incoming{Number: number, Kind: salonboard.IncomingNew, Start: datatest.At(day, hhmm),
		Duration: time.Hour, NameKana: "ヤマダ ハナコ", Coupon: coupon, Menus: menus}
}

func unmatched(t *testing.T, f *fixture) map[string]salonboard.UnmatchedName {
	t.Helper()
	list, err := f.sb.UnmatchedNames(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]salonboard.UnmatchedName{}
	for _, u := range list {
		out[u.Name] = u
	}
	return out
}

// The list counts reservations per name over mails and list rows: a row a mail already
// told about is not counted again, cancelled ones not at all, names that match a coupon
// here or an alias staff recorded are not listed, and a name older than 60 days is gone.
func TestUnmatchedNamesCountOverMailsListRowsAndAliases(t *testing.T) {
	f := newFixture(t) // today is 2026-11-20
	apply := func(in salonboard.Incoming) salonboard.ApplyResult {
		t.Helper()
		r, err := f.sb.ApplyIncoming(f.ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	const spa, nail = "【期間限定】ヘッドスパ＋眉カット ¥6600", "[全員]ハンドジェル ¥5,500"
	apply(mailWith("BE00000001", "2026-11-25", "10:00", spa))
	apply(mailWith("BE00000002", "2026-11-23", "11:00", spa))
	apply(mailWith("BE00000003", "2026-11-24", "12:00", "", "謎のメニュー"))
	apply(mailWith("BE00000004", "2026-11-24", "13:00", "カット＋ケアカラー ¥9,900")) // matches a coupon here
	apply(mailWith("BE00000005", "2026-11-26", "14:00", nail))
	cancel := mailWith("BE00000005", "2026-11-26", "14:00", "")
	cancel.Kind = salonboard.IncomingCancel
	apply(cancel)                                                              // its name no longer counts
	apply(mailWith("BE00000006", "2026-09-01", "10:00", "【夏限定】古いクーポン ¥3,000")) // over 60 days ago
	// An alias recorded once (as 転記 does) maps a name.
	apply(mailWith("BE00000007", "2026-11-27", "15:00", "【新規】まつげパーマ ¥4,400"))
	if err := f.sb.MapToSalonBoard(f.ctx, "coupon", f.ids.Coupons["【新規】カット"], "【新規】まつげパーマ ¥4,400"); err != nil {
		t.Fatal(err)
	}
	rows := []web.ListRow{
		{ID: "BE00000001", Start: datatest.At("2026-11-25", "10:00"), Menu: []string{"ヘッドスパ", spa}}, // mailed
		{ID: "BE00000008", Start: datatest.At("2026-11-22", "16:00"), Menu: []string{"ヘッドスパ", spa}},
		{ID: "BE00000009", Start: datatest.At("2026-11-28", "16:00"), Menu: []string{"ネイルオフ", nail},
			StatusCode: web.StatusCustomerCancel},
		{ID: "YG00000010", Start: datatest.At("2026-11-21", "16:00"), Menu: []string{"まつげ 上下"}},
		{ID: "YG00000011", Start: datatest.At("2026-11-21", "17:00"), Menu: []string{"-"}},
	}
	if err := f.sb.RecordListNames(f.ctx, rows); err != nil {
		t.Fatal(err)
	}
	if err := f.sb.RecordListNames(f.ctx, rows); err != nil { // read again: counts the same
		t.Fatal(err)
	}
	// A row cancelled since its names were recorded no longer counts.
	late := web.ListRow{ID: "BE00000012", Start: datatest.At("2026-11-29", "10:00"), Menu: []string{"【限定】消えるクーポン ¥1,000"}}
	if err := f.sb.RecordListNames(f.ctx, []web.ListRow{late}); err != nil {
		t.Fatal(err)
	}
	if _, ok := unmatched(t, f)["【限定】消えるクーポン ¥1,000"]; !ok {
		t.Fatal("the late row's name is not listed")
	}
	late.StatusCode = web.StatusSalonCancel
	if err := f.sb.RecordListNames(f.ctx, []web.ListRow{late}); err != nil {
		t.Fatal(err)
	}
	got := unmatched(t, f)
	if len(got) != 3 {
		t.Fatalf("unmatched %+v", got)
	}
	if u := got[spa]; u.Count != 3 || !u.Next.Equal(datatest.At("2026-11-22", "16:00")) || u.Kind != "coupon" || u.Waiting != 2 {
		t.Fatalf("spa %+v", u)
	}
	if u := got["謎のメニュー"]; u.Count != 1 || u.Kind != "menu" || u.Waiting != 1 {
		t.Fatalf("menu %+v", u)
	}
	if u := got["まつげ 上下"]; u.Count != 1 || u.Kind != "menu" || u.Waiting != 0 {
		t.Fatalf("list menu %+v", u)
	}
	if n, _ := f.sb.UnmatchedCount(f.ctx); n != 3 {
		t.Fatalf("count %d", n)
	}
}

// Mapping a name leaves the provisional reservations waiting on it alone unless staff
// ask; asked, those still provisional are completed and one already transcribed is not
// touched.
func TestMappingANameConfirmsWaitingReservationsOnlyWhenAsked(t *testing.T) {
	f := newFixture(t)
	const spa = "【期間限定】ヘッドスパ＋眉カット ¥6600"
	var ids []int64
	for i, hhmm := range []string{"10:00", "12:00", "14:00"} {
		r, err := f.sb.ApplyIncoming(f.ctx, mailWith([]string{"BE00000001", "BE00000002", "BE00000003"}[i], "2026-11-23", hhmm, spa))
		if err != nil || r.Outcome != salonboard.OutcomeProvisional || r.Reason != data.ReasonMismatch {
			t.Fatalf("%+v %v", r, err)
		}
		ids = append(ids, r.ReservationID)
	}
	// Staff transcribed the first one already, with another coupon.
	if _, err := f.sb.Transcribe(f.ctx, salonboard.TranscribeInput{ReservationID: ids[0],
		Start: datatest.At("2026-11-23", "10:00"), MenuIDs: []int64{f.ids.Menus["カット"]}}); err != nil {
		t.Fatal(err)
	}
	coupon := f.ids.Coupons["カット＋ケアカラー ¥9,900"]
	if _, err := f.sb.MapUnmatchedName(f.ctx, salonboard.MapNameInput{Kind: "coupon", Name: spa, CouponID: 99999}); err == nil {
		t.Fatal("unknown coupon accepted")
	}
	res, err := f.sb.MapUnmatchedName(f.ctx, salonboard.MapNameInput{Kind: "coupon", Name: spa, CouponID: coupon})
	if err != nil || res.Confirmed != 0 {
		t.Fatalf("%+v %v", res, err)
	}
	if v, _ := f.app.Reservation(f.ctx, ids[1]); v.Status != data.StatusProvisional {
		t.Fatalf("mapping alone completed %+v", v.Reservation)
	}
	if n, _ := f.sb.UnmatchedCount(f.ctx); n != 0 {
		t.Fatalf("still %d unmatched", n)
	}
	// Asked: the two still provisional complete with the coupon's menus and length.
	res, err = f.sb.MapUnmatchedName(f.ctx, salonboard.MapNameInput{Kind: "coupon", Name: spa, CouponID: coupon,
		ConfirmWaiting: true})
	if err != nil || res.Confirmed != 2 || res.Left != 0 {
		t.Fatalf("%+v %v", res, err)
	}
	for _, id := range ids[1:] {
		v, _ := f.app.Reservation(f.ctx, id)
		if v.Status != data.StatusWaiting || v.CouponID != coupon || v.Duration() != 150*time.Minute || v.SyncReason != "" {
			t.Fatalf("not completed: %+v", v.Reservation)
		}
	}
	if v, _ := f.app.Reservation(f.ctx, ids[0]); v.CouponID != 0 || len(v.MenuIDs) != 1 || v.SyncState != data.SyncTranscribed {
		t.Fatalf("transcribed one touched: %+v", v.Reservation)
	}
	// The next mail with that name applies by itself.
	if r, _ := f.sb.ApplyIncoming(f.ctx, mailWith("BE00000004", "2026-11-24", "10:00", spa)); r.Outcome != salonboard.OutcomeApplied {
		t.Fatalf("next mail %+v", r)
	}
}

// The reconciliation records the names its list rows show, even for a reservation whose
// detail page cannot be read (so no mail or detail ever named its coupon).
func TestReconciliationRecordsTheListsNames(t *testing.T) {
	f := newFixture(t)
	d := sbdouble.New(sbdouble.Config{Location: time.Local, Now: f.app.Now})
	const spa = "【期間限定】ヘッドスパ＋眉カット ¥6600"
	d.AddReservation(sbdouble.Reservation{Start: datatest.At("2026-11-23", "11:00"), KanaSei: "ヤマダ", KanaMei: "ハナコ",
		KanjiSei: "山田", KanjiMei: "花子", Menu: []string{"ヘッドスパ＋眉カット"}, Coupon: spa, DetailBroken: true})
	srv := httptest.NewServer(d)
	t.Cleanup(srv.Close)
	c, err := web.New(web.Config{BaseURL: srv.URL, UserID: "SD0000001", Password: "synthetic-pass",
		Pacing: &web.Pacing{}, Location: time.Local, Timeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.sb.Reconcile(f.ctx, c, datatest.At("2026-11-20", "00:00"), datatest.At("2026-11-30", "00:00")); err != nil {
		t.Logf("reconcile: %v", err) // the broken detail page; the names are recorded before
	}
	got := unmatched(t, f)
	if u, ok := got[spa]; !ok || u.Count != 1 || u.Kind != "coupon" || len(got) != 1 {
		t.Fatalf("unmatched %+v", got)
	}
}

package salonboard_test

import (
	"database/sql"
	"testing"
	"time"

	"salondesk/app/salonboard"
	"salondesk/data"
	"salondesk/data/datatest"
)

func hpb(number, start string) salonboard.Incoming {
	return salonboard.Incoming{Number: number, Kind: salonboard.IncomingNew, Start: datatest.At("2026-11-21", start),
		Duration: 150 * time.Minute, NameKanji: "山田 花子", NameKana: "ヤマダ ハナコ", Staff: "佐藤", Designated: true,
		Coupon: "カット〜ケアカラー　￥９，９００", ReceivedAt: datatest.At("2026-11-20", "08:00")}
}

func TestApplyIncomingIsIdempotent(t *testing.T) {
	f := newFixture(t)
	// The local coupon is 「カット＋ケアカラー ¥9,900」: the same name in other widths matches.
	in := hpb("BE12345678", "10:00")
	in.Coupon = "カット+ケアカラー ¥9,900"
	res, err := f.sb.ApplyIncoming(f.ctx, in)
	if err != nil || res.Outcome != salonboard.OutcomeApplied {
		t.Fatalf("%+v %v", res, err)
	}
	v, _ := f.app.Reservation(f.ctx, res.ReservationID)
	if v.Route != data.RouteHPB || v.SBNumber != "BE12345678" || v.StaffName != "佐藤" || !v.Designated ||
		len(v.MenuIDs) != 2 || v.Duration() != 150*time.Minute || v.CustomerID != f.ids.Customers["ヤマダ　ハナコ"] {
		t.Fatalf("applied %+v", v)
	}
	again, err := f.sb.ApplyIncoming(f.ctx, in)
	if err != nil || again.Outcome != salonboard.OutcomeUnchanged || again.ReservationID != res.ReservationID {
		t.Fatalf("second apply %+v %v", again, err)
	}
	if n := f.count(t, "reservations"); n != 1 {
		t.Fatalf("%d reservations after applying twice", n)
	}
	// A change moves it; a cancel cancels it; a second cancel changes nothing.
	in.Kind, in.Start = salonboard.IncomingChange, datatest.At("2026-11-21", "14:00")
	if res, _ := f.sb.ApplyIncoming(f.ctx, in); res.Outcome != salonboard.OutcomeApplied {
		t.Fatalf("change %+v", res)
	}
	v, _ = f.app.Reservation(f.ctx, res.ReservationID)
	if v.Start.Hour() != 14 {
		t.Fatalf("not moved: %v", v.Start)
	}
	in.Kind = salonboard.IncomingCancel
	if res, _ := f.sb.ApplyIncoming(f.ctx, in); res.Outcome != salonboard.OutcomeCancelled {
		t.Fatalf("cancel %+v", res)
	}
	if res, _ := f.sb.ApplyIncoming(f.ctx, in); res.Outcome != salonboard.OutcomeUnchanged {
		t.Fatalf("second cancel %+v", res)
	}
}

func TestApplyIncomingMismatchHoldsProvisionalAndAliasMapsNextTime(t *testing.T) {
	f := newFixture(t)
	in := hpb("BC97459537", "11:00")
	in.Coupon = "[全員]知らないクーポン ¥5,000"
	res, err := f.sb.ApplyIncoming(f.ctx, in)
	if err != nil || res.Outcome != salonboard.OutcomeProvisional || res.Reason != data.ReasonMismatch {
		t.Fatalf("%+v %v", res, err)
	}
	v, _ := f.app.Reservation(f.ctx, res.ReservationID)
	if v.Status != data.StatusProvisional || v.SyncState != data.SyncFailed || !v.End.Equal(v.Start) {
		t.Fatalf("provisional %+v", v)
	}
	notes, _ := f.app.Notifications(f.ctx, 10)
	if len(notes) != 1 || notes[0].Direction != data.DirSBToApp || notes[0].ReservationNo != "BC97459537" ||
		notes[0].ReservationAt != "2026-11-21 11:00" || notes[0].Reason != data.ReasonMismatch {
		t.Fatalf("notifications %+v", notes)
	}
	jobs, _ := data.ListJobs(f.ctx, f.store.Reader(), "reservation:1")
	if len(jobs) != 1 || jobs[0].Kind != salonboard.JobReread {
		t.Fatalf("re-read job %+v", jobs)
	}
	// Reading the same mail again raises nothing new.
	if again, _ := f.sb.ApplyIncoming(f.ctx, in); again.Outcome != salonboard.OutcomeUnchanged {
		t.Fatalf("again %+v", again)
	}
	if n := f.count(t, "notifications"); n != 1 {
		t.Fatalf("%d notifications", n)
	}
	// Staff maps the name once; the next reservation with it applies by itself.
	err = f.store.Tx(f.ctx, func(tx *sql.Tx) error {
		return data.SaveAlias(f.ctx, tx, &data.Alias{Kind: "coupon", NameNorm: salonboard.NormalizeName("知らないクーポン"),
			CouponID: f.ids.Coupons["【新規】カット"]}, f.app.Now())
	})
	if err != nil {
		t.Fatal(err)
	}
	next := hpb("BC97459538", "15:00")
	next.Coupon, next.NameKana, next.Duration = "[新規]知らないクーポン ¥5,000", "スズキ イチコ", 0
	if res, err := f.sb.ApplyIncoming(f.ctx, next); err != nil || res.Outcome != salonboard.OutcomeApplied {
		t.Fatalf("after alias %+v %v", res, err)
	}
}

func TestApplyIncomingOverCapacityAndUnknownStaff(t *testing.T) {
	f := newFixture(t)
	if _, err := f.book("佐藤", datatest.At("2026-11-21", "10:00"), "カット"); err != nil {
		t.Fatal(err)
	}
	in := hpb("BE00000001", "10:00")
	in.Coupon = "カット＋ケアカラー ¥9,900"
	res, err := f.sb.ApplyIncoming(f.ctx, in)
	if err != nil || res.Outcome != salonboard.OutcomeProvisional || res.Reason != data.ReasonCapacity {
		t.Fatalf("over capacity: %+v %v", res, err)
	}
	in2 := hpb("BE00000002", "16:00")
	in2.Coupon, in2.Staff = "カット＋ケアカラー ¥9,900", "いない人"
	if res, _ := f.sb.ApplyIncoming(f.ctx, in2); res.Reason != data.ReasonMismatch {
		t.Fatalf("unknown staff: %+v", res)
	}
	h, _ := f.app.Home(f.ctx)
	if h.Unresolved[data.DirSBToApp] != 2 {
		t.Fatalf("unresolved %v", h.Unresolved)
	}
}

func TestApplyIncomingCreatesCustomerByKana(t *testing.T) {
	f := newFixture(t)
	in := hpb("BE00000003", "12:00")
	in.Coupon, in.NameKanji, in.NameKana, in.Staff = "【新規】カット", "新井 由香", "アライ ユカ", "指名なし"
	res, err := f.sb.ApplyIncoming(f.ctx, in)
	if err != nil || res.Outcome != salonboard.OutcomeApplied {
		t.Fatalf("%+v %v", res, err)
	}
	v, _ := f.app.Reservation(f.ctx, res.ReservationID)
	c, err := f.app.Customer(f.ctx, v.CustomerID)
	if err != nil || c.Kana != "アライ　ユカ" || c.Name != "新井 由香" || c.Origin != "salonboard" || !v.FirstVisit {
		t.Fatalf("customer %+v %v (first %v)", c, err, v.FirstVisit)
	}
	if v.StaffID != 0 || v.Designated {
		t.Fatalf("指名なし became staff %d", v.StaffID)
	}
}

func TestNormalizeName(t *testing.T) {
	same := [][2]string{
		{"カット〜カラー", "カット～カラー"},
		{"カット＋カラー ￥９，９００", "カット+カラー ¥9,900"},
		{"ＴＯＫＩＯ　トリートメント", "tokio トリートメント"},
		{"【新規】カット", "[新規]カット"},
	}
	// The mail parser takes the last price off a "¥14300⇒¥8800" coupon name.
	local := "【新規】カット＋イルミナカラー ¥14300⇒¥8800"
	for _, received := range []string{"カット＋イルミナカラー ¥14300⇒", "[新規]カット＋イルミナカラー ¥14300⇒¥8800"} {
		found := false
		for _, k := range salonboard.CouponKeys(received) {
			for _, l := range salonboard.CouponKeys(local) {
				found = found || k == l
			}
		}
		if !found {
			t.Errorf("%q does not find %q", received, local)
		}
	}
	for _, p := range same {
		if salonboard.NormalizeName(p[0]) != salonboard.NormalizeName(p[1]) {
			t.Errorf("%q and %q normalise differently: %q vs %q", p[0], p[1], salonboard.NormalizeName(p[0]), salonboard.NormalizeName(p[1]))
		}
	}
	if salonboard.NormalizeName("カット") == salonboard.NormalizeName("カラー") {
		t.Error("different names collapsed")
	}
	if salonboard.NormalizeName("ロングー") == salonboard.NormalizeName("ロング-") {
		t.Error("the long vowel mark ー must stay")
	}
}

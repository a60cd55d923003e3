package salonboard_test

import (
	"errors"
	"slices"
	"strconv"
	"testing"
	"time"

	"salondesk/app"
	"salondesk/app/salonboard"
	"salondesk/data"
	"salondesk/data/datatest"
)

// mismatch holds an HPB reservation whose coupon name matches nothing here, with SALON
// BOARD sync switched on (so that a wrongly queued job would show).
func (f *fixture) mismatch(t *testing.T, number, start, coupon string) int64 {
	t.Helper()
	if err := f.sb.SetEnabled(f.ctx, true); err != nil {
		t.Fatal(err)
	}
	in := hpb(number, start)
	in.Coupon = coupon
	res, err := f.sb.ApplyIncoming(f.ctx, in)
	if err != nil || res.Outcome != salonboard.OutcomeProvisional {
		t.Fatalf("incoming %+v %v", res, err)
	}
	return res.ReservationID
}

func (f *fixture) jobKinds(t *testing.T, id int64) []string {
	t.Helper()
	jobs, err := data.ListJobs(f.ctx, f.store.Reader(), "reservation:"+strconv.FormatInt(id, 10))
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, j := range jobs {
		kinds = append(kinds, j.Kind)
	}
	return kinds
}

func TestTranscribeRegistersAndMapsTheCouponNextTime(t *testing.T) {
	f := newFixture(t)
	id := f.mismatch(t, "BC97459537", "11:00", "[全員]知らないクーポン ¥5,000")
	var events []app.Event
	f.app.Events().Subscribe(func(e app.Event) { events = append(events, e) })
	coupon := f.ids.Coupons["カット＋ケアカラー ¥9,900"]
	menus := []int64{f.ids.Menus["カット"], f.ids.Menus["ケアカラー"]}
	r, err := f.sb.Transcribe(f.ctx, salonboard.TranscribeInput{ReservationID: id, Start: datatest.At("2026-11-21", "11:00"),
		CouponID: coupon, MenuIDs: menus, StaffID: f.ids.Staff["佐藤"], Designated: true, Memo: "  前回と同じ色  "})
	if err != nil {
		t.Fatal(err)
	}
	v, _ := f.app.Reservation(f.ctx, id)
	switch {
	case v.Status != data.StatusWaiting || v.SyncState != data.SyncTranscribed || v.SyncReason != "":
		t.Errorf("status %q sync %q(%q)", v.Status, v.SyncState, v.SyncReason)
	case v.CouponID != coupon || !slices.Equal(v.MenuIDs, menus) || v.Duration() != 150*time.Minute:
		t.Errorf("coupon %d menus %v length %v", v.CouponID, v.MenuIDs, v.Duration())
	case v.StaffID != f.ids.Staff["佐藤"] || !v.Designated || v.Memo != "前回と同じ色":
		t.Errorf("staff %d designated %v memo %q", v.StaffID, v.Designated, v.Memo)
	case v.Route != data.RouteHPB || v.SBNumber != "BC97459537" || v.CouponName != "[全員]知らないクーポン ¥5,000":
		t.Errorf("route %q number %q received coupon %q", v.Route, v.SBNumber, v.CouponName)
	case v.CustomerID != f.ids.Customers["ヤマダ　ハナコ"] || r.ID != id:
		t.Errorf("customer %d (kept from the kana match), returned id %d", v.CustomerID, r.ID)
	}
	// Resolved, and nothing queued for SALON BOARD: only the re-read ApplyIncoming queued.
	if h, _ := f.app.Home(f.ctx); h.Unresolved[data.DirSBToApp] != 0 {
		t.Errorf("unresolved %v", h.Unresolved)
	}
	if kinds := f.jobKinds(t, id); !slices.Equal(kinds, []string{salonboard.JobReread}) {
		t.Errorf("jobs of the reservation %v, want only the re-read", kinds)
	}
	var res, notes bool
	for _, e := range events {
		_, isRes := e.(app.ReservationsChanged)
		_, isNote := e.(app.NotificationsChanged)
		res, notes = res || isRes, notes || isNote
	}
	if !res || !notes {
		t.Errorf("events %v", events)
	}
	// The name maps by itself now, with another price and another target mark.
	for i, name := range []string{"[全員]知らないクーポン ¥5,000", "【全員】知らないクーポン ¥4,500", "[新規]知らないクーポン"} {
		in := hpb("BE1000000"+string(rune('1'+i)), []string{"13:00", "14:00", "15:00"}[i])
		in.Coupon, in.Staff, in.NameKana, in.Duration = name, "指名なし", "スズキ ハナ", 0
		got, err := f.sb.ApplyIncoming(f.ctx, in)
		if err != nil || got.Outcome != salonboard.OutcomeApplied {
			t.Fatalf("%q after transcription: %+v %v", name, got, err)
		}
		if nv, _ := f.app.Reservation(f.ctx, got.ReservationID); nv.CouponID != coupon {
			t.Fatalf("%q mapped to coupon %d", name, nv.CouponID)
		}
	}
}

// 来店日時 is required: nothing is written without it.
func TestTranscribeWithoutStartWritesNothing(t *testing.T) {
	f := newFixture(t)
	id := f.mismatch(t, "BC97459537", "11:00", "知らないクーポン")
	_, err := f.sb.Transcribe(f.ctx, salonboard.TranscribeInput{ReservationID: id,
		CouponID: f.ids.Coupons["【新規】カット"]})
	if app.ErrorKey(err) != "error.start_required" {
		t.Fatalf("err %v", err)
	}
	v, _ := f.app.Reservation(f.ctx, id)
	if v.Status != data.StatusProvisional || v.SyncState != data.SyncFailed || v.CouponID != 0 {
		t.Fatalf("written: %+v", v.Reservation)
	}
	if h, _ := f.app.Home(f.ctx); h.Unresolved[data.DirSBToApp] != 1 {
		t.Fatalf("notification resolved: %v", h.Unresolved)
	}
	if all, _ := data.ListAliases(f.ctx, f.store.Reader()); len(all) != 0 {
		t.Fatalf("alias recorded: %+v", all)
	}
}

// Over a 受付可能数 the app warns instead of refusing: SALON BOARD accepted the customer.
// Without Force nothing is written; with it the reservation is registered, and since the
// coupon name matched (it was held for capacity) no alias is recorded.
func TestTranscribeOverCapacityWarnsThenForces(t *testing.T) {
	f := newFixture(t)
	if _, err := f.book("佐藤", datatest.At("2026-11-21", "10:00"), "カット"); err != nil {
		t.Fatal(err)
	}
	if err := f.sb.SetEnabled(f.ctx, true); err != nil {
		t.Fatal(err)
	}
	in := hpb("BE00000001", "10:00")
	in.Coupon = "カット＋ケアカラー ¥9,900"
	held, err := f.sb.ApplyIncoming(f.ctx, in)
	if err != nil || held.Reason != data.ReasonCapacity {
		t.Fatalf("%+v %v", held, err)
	}
	ti := salonboard.TranscribeInput{ReservationID: held.ReservationID, Start: in.Start, StaffID: f.ids.Staff["佐藤"],
		CouponID: f.ids.Coupons["【新規】カット"], NewCustomer: &app.CustomerInput{Name: "別人", Kana: "ベツジン"}}
	_, err = f.sb.Transcribe(f.ctx, ti)
	var warn *salonboard.FitWarning
	if !errors.As(err, &warn) || app.ErrorKey(err) != "error.capacity_staff" {
		t.Fatalf("want a capacity warning, got %v", err)
	}
	if v, _ := f.app.Reservation(f.ctx, held.ReservationID); v.Status != data.StatusProvisional {
		t.Fatalf("written after the warning: %q", v.Status)
	}
	if n := f.count(t, "customers"); n != 3 {
		t.Fatalf("%d customers: the new one was written despite the warning", n)
	}
	ti.Force = true
	if _, err := f.sb.Transcribe(f.ctx, ti); err != nil {
		t.Fatal(err)
	}
	v, _ := f.app.Reservation(f.ctx, held.ReservationID)
	if v.Status != data.StatusWaiting || v.SyncState != data.SyncTranscribed || v.CustomerRowKana != "ベツジン" {
		t.Fatalf("%+v", v)
	}
	if kinds := f.jobKinds(t, v.ID); len(kinds) != 0 {
		t.Fatalf("jobs queued for a reservation SALON BOARD has: %v", kinds)
	}
	if all, _ := data.ListAliases(f.ctx, f.store.Reader()); len(all) != 0 {
		t.Fatalf("alias recorded for a name that matched: %+v", all)
	}
}

// Only reservations SALON BOARD could not hand over are transcribed; a wrong pick of
// staff is refused, not overridable.
func TestTranscribeRefusals(t *testing.T) {
	f := newFixture(t)
	desk, err := f.book("佐藤", datatest.At("2026-11-21", "10:00"), "カット")
	if err != nil {
		t.Fatal(err)
	}
	start := datatest.At("2026-11-21", "12:00")
	if _, err := f.sb.Transcribe(f.ctx, salonboard.TranscribeInput{ReservationID: desk.ID, Start: start}); app.ErrorKey(err) != "transcribe.error.not_provisional" {
		t.Fatalf("desk reservation: %v", err)
	}
	id := f.mismatch(t, "BC97459537", "11:00", "知らないクーポン")
	for key, in := range map[string]salonboard.TranscribeInput{
		"error.start_grid":     {ReservationID: id, Start: start.Add(3 * time.Minute)},
		"error.staff_unknown":  {ReservationID: id, Start: start, StaffID: 999, Force: true},
		"error.coupon_unknown": {ReservationID: id, Start: start, CouponID: 999},
		"error.kana_required":  {ReservationID: id, Start: start, NewCustomer: &app.CustomerInput{Name: "名無し"}},
	} {
		if _, err := f.sb.Transcribe(f.ctx, in); app.ErrorKey(err) != key {
			t.Errorf("want %s, got %v", key, err)
		}
	}
	if _, err := f.sb.Transcribe(f.ctx, salonboard.TranscribeInput{ReservationID: id, Start: start}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.sb.Transcribe(f.ctx, salonboard.TranscribeInput{ReservationID: id, Start: start}); app.ErrorKey(err) != "transcribe.error.not_provisional" {
		t.Fatalf("transcribed twice: %v", err)
	}
}

// A reservation held without a customer (unreadable mail) needs one: chosen or created.
func TestTranscribeNeedsACustomer(t *testing.T) {
	f := newFixture(t)
	held, err := f.sb.HoldUnreadable(f.ctx, "BE55555555", datatest.At("2026-11-21", "13:00"), "ニシ ミドリ")
	if err != nil {
		t.Fatal(err)
	}
	in := salonboard.TranscribeInput{ReservationID: held.ReservationID, Start: datatest.At("2026-11-21", "13:00"),
		MenuIDs: []int64{f.ids.Menus["前髪カット"]}}
	if _, err := f.sb.Transcribe(f.ctx, in); app.ErrorKey(err) != "error.customer_required" {
		t.Fatalf("want customer_required, got %v", err)
	}
	in.NewCustomer = &app.CustomerInput{Name: "西 みどり", Kana: "にし みどり", Phone: "０９０-１２３４-５６７８"}
	if _, err := f.sb.Transcribe(f.ctx, in); err != nil {
		t.Fatal(err)
	}
	v, _ := f.app.Reservation(f.ctx, held.ReservationID)
	c, _ := f.app.Customer(f.ctx, v.CustomerID)
	if c.Kana != "ニシ　ミドリ" || c.Phone != "090-1234-5678" || !v.FirstVisit || v.Duration() != 15*time.Minute {
		t.Fatalf("customer %+v first %v length %v", c, v.FirstVisit, v.Duration())
	}
}

// The same mail read again (a duplicate, or the periodic reconciliation) must not undo
// what staff transcribed, even when its coupon name still matches nothing.
func TestTranscribedStaysWhenTheSameMailComesAgain(t *testing.T) {
	f := newFixture(t)
	id := f.mismatch(t, "BC97459537", "11:00", "")
	start := datatest.At("2026-11-21", "11:00")
	if _, err := f.sb.Transcribe(f.ctx, salonboard.TranscribeInput{ReservationID: id, Start: start,
		MenuIDs: []int64{f.ids.Menus["カット"]}}); err != nil {
		t.Fatal(err)
	}
	in := hpb("BC97459537", "11:00")
	in.Coupon = ""
	got, err := f.sb.ApplyIncoming(f.ctx, in)
	if err != nil || got.Outcome != salonboard.OutcomeUnchanged {
		t.Fatalf("re-applied: %+v %v", got, err)
	}
	v, _ := f.app.Reservation(f.ctx, id)
	if v.Status != data.StatusWaiting || v.SyncState != data.SyncTranscribed || len(v.MenuIDs) != 1 {
		t.Fatalf("undone: %+v", v.Reservation)
	}
	if h, _ := f.app.Home(f.ctx); h.Unresolved[data.DirSBToApp] != 0 {
		t.Fatalf("a new notification: %v", h.Unresolved)
	}
}

package salonboard_test

import (
	"testing"
	"time"

	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/sync/salonboard/sbdouble"
)

// Rows and blocks pair by staff row, start and name: a reservation comes in with the
// schedule's end and 指名 and the salon's own coupon, menus, staff and route; a staff-less
// one pairs on its equipment row; two that share all three open their detail pages, and
// only they do.
func TestBringInPairsRowsWithBlocks(t *testing.T) {
	b := newBusySalon(t, 0, horizon)
	b.d.SetStaff([]sbdouble.Staff{{ID: "W001", Name: "佐藤", Capacity: 1}, {ID: "W002", Name: "鈴木", Capacity: 2}})
	at := func(hhmm string) time.Time { return datatest.At("2026-11-21", hhmm) }
	add := func(r sbdouble.Reservation) string { return b.d.AddReservation(r) }
	coupon := add(sbdouble.Reservation{Start: at("10:00"), End: at("11:15"), RouteID: sbdouble.RouteHPB,
		KanjiSei: "小木戸", KanjiMei: "試験", KanaSei: "コギト", KanaMei: "シケン", StaffID: "W001", Designated: true,
		Coupon: "【新規】カット"})
	twin1 := add(sbdouble.Reservation{Start: at("14:00"), End: at("15:00"), RouteID: sbdouble.RouteHPB,
		KanjiSei: "山田", KanjiMei: "花子", KanaSei: "ヤマダ", KanaMei: "ハナコ", StaffID: "W002", Coupon: "【新規】カット"})
	twin2 := add(sbdouble.Reservation{Start: at("14:00"), End: at("15:30"), RouteID: sbdouble.RouteHPB,
		KanjiSei: "山田", KanjiMei: "花子", KanaSei: "ヤマダ", KanaMei: "ハナコ", StaffID: "W002", Coupon: "【新規】カット"})
	bed := add(sbdouble.Reservation{Start: at("16:00"), End: at("17:00"), RouteID: sbdouble.RoutePhoneOwn,
		KanjiSei: "田中", KanjiMei: "一郎", KanaSei: "タナカ", KanaMei: "イチロウ", EquipmentID: "EQ00000001",
		Menu: []string{"カット"}})
	gone := add(sbdouble.Reservation{Start: at("18:00"), End: at("19:00"), RouteID: sbdouble.RouteHPB,
		KanjiSei: "伊藤", KanaSei: "イトウ", StaffID: "W001", Coupon: "【新規】カット"})
	if err := b.d.CancelReservation(gone, sbdouble.StatusCustomerCancel); err != nil {
		t.Fatal(err)
	}
	if _, err := b.sb.BringIn(b.ctx, b.web, horizon, nil); err != nil {
		t.Fatal(err)
	}
	got := b.local(t)
	if len(got) != 4 {
		t.Fatalf("%d here, want 4 (the cancelled one stays out): %v", len(got), got)
	}
	c := got[coupon]
	if c.StaffName != "佐藤" || !c.Designated || c.CouponID != b.ids.Coupons["【新規】カット"] ||
		!c.End.Equal(at("11:15")) || c.Route != data.RouteHPB || c.SyncState != data.SyncOK || c.CustomerName != "小木戸 試験" {
		t.Fatalf("coupon reservation %+v", c)
	}
	if t1, t2 := got[twin1], got[twin2]; !t1.End.Equal(at("15:00")) || !t2.End.Equal(at("15:30")) ||
		t1.CustomerKana == "" {
		t.Fatalf("twins from their details: %+v / %+v", t1.Reservation, t2.Reservation)
	}
	bd := got[bed]
	if bd.Route != data.RouteSalonBoard || !bd.End.Equal(at("17:00")) || bd.Designated || len(bd.MenuIDs) != 1 ||
		bd.MenuIDs[0] != b.ids.Menus["カット"] {
		t.Fatalf("equipment-only reservation %+v", bd.Reservation)
	}
	log, _ := b.requests()
	if d, s := log.Count(sbdouble.KindDetail), log.Count(sbdouble.KindSchedule); d != 2 || s != 1 {
		t.Fatalf("%d details, %d schedules (%v): only the twins need a detail", d, s, log.ByKind())
	}
}

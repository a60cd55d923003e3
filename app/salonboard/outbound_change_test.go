package salonboard_test

import (
	"database/sql"
	"slices"
	"strings"
	"testing"
	"time"

	"salondesk/app"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/sync/salonboard/sbdouble"
)

// A desk reservation's menus and coupon reach SALON BOARD with its registration, change
// and cancel: chosen from the write form's own options by name or by a mapping staff set,
// the rest written at the head of 予約時メモ.

// bookableMenus adds local menus for the double's options: one whose name matches an
// option once normalised (a full-width space), one staff mapped to an option by hand.
func (o *outbound) bookableMenus(t *testing.T) (nail, lash int64) {
	t.Helper()
	for _, m := range []*data.Menu{
		{CategoryID: o.ids.Categories["カット"], Name: "ジェルネイル　ワンカラー", DurationMin: 60, Price: 5500, Active: true},
		{CategoryID: o.ids.Categories["カット"], Name: "まつエク120本", DurationMin: 30, Price: 4980, Active: true},
	} {
		if err := o.app.SaveMenu(o.ctx, m); err != nil {
			t.Fatal(err)
		}
		if m.Name == "まつエク120本" {
			lash = m.ID
		} else {
			nail = m.ID
		}
	}
	if err := o.sb.MapToSalonBoard(o.ctx, "menu", lash, "まつげエクステ 120本"); err != nil {
		t.Fatal(err)
	}
	return nail, lash
}

// held is what SALON BOARD holds under number, failing the test if nothing.
func (o *outbound) held(t *testing.T, number string) sbdouble.Reservation {
	t.Helper()
	r, ok := o.double.Reservation(number)
	if !ok {
		t.Fatalf("SALON BOARD holds no %s", number)
	}
	return r
}

// bookSynced books a desk reservation and waits until SALON BOARD holds it.
func (o *outbound) bookSynced(t *testing.T, in app.ReservationInput) data.ReservationView {
	t.Helper()
	if in.CustomerID == 0 {
		in.CustomerID = o.ids.Customers["タナカ　イチロウ"]
	}
	in.Route = data.RoutePhone
	r, err := o.app.SaveReservation(o.ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the registration", func() bool { return o.reservation(t, r.ID).SyncState == data.SyncOK })
	return o.reservation(t, r.ID)
}

// change saves r at a new start (and menus and coupon) from the desk.
func (o *outbound) change(t *testing.T, r data.ReservationView, start time.Time, couponID int64, menus ...int64) {
	t.Helper()
	if _, err := o.app.SaveReservation(o.ctx, app.ReservationInput{ID: r.ID, CustomerID: r.CustomerID,
		Start: start, StaffID: r.StaffID, Designated: r.Designated, CouponID: couponID, MenuIDs: menus,
		Memo: r.Memo}); err != nil {
		t.Fatal(err)
	}
}

// waitSynced waits until the desk's latest change of id is verified in SALON BOARD.
func (o *outbound) waitSynced(t *testing.T, what string, id int64, held func(sbdouble.Reservation) bool) {
	t.Helper()
	number := o.reservation(t, id).SBNumber
	waitFor(t, what, func() bool {
		r, _ := o.double.Reservation(number)
		return o.reservation(t, id).SyncState == data.SyncOK && held(r)
	})
}

func TestDeskMenusReachSalonBoardOnRegisterAndChange(t *testing.T) {
	o := newOutbound(t, 5*time.Second)
	nail, lash := o.bookableMenus(t)
	r := o.bookSynced(t, app.ReservationInput{Start: datatest.At("2026-11-21", "10:00"), StaffID: o.ids.Staff["佐藤"],
		MenuIDs: []int64{nail, lash, o.ids.Menus["前髪カット"]}, Memo: "右目が敏感"})
	got := o.held(t, r.SBNumber)
	if !slices.Equal(got.Menu, []string{"ジェルネイル ワンカラー", "まつげエクステ 120本"}) {
		t.Fatalf("SALON BOARD menus %q", got.Menu)
	}
	if !strings.HasPrefix(got.Memo, "メニュー：前髪カット") || !strings.Contains(got.Memo, "右目が敏感") {
		t.Fatalf("予約時メモ %q: the unmatched menu at its head, the desk memo after", got.Memo)
	}

	// A change: another time, one menu and a coupon staff mapped to an HPB coupon there.
	coupon := o.ids.Coupons["カット＋ケアカラー ¥9,900"]
	if err := o.sb.MapToSalonBoard(o.ctx, "coupon", coupon, "[全員]ワンカラージェル"); err != nil {
		t.Fatal(err)
	}
	o.double.ResetRequests()
	o.change(t, r, datatest.At("2026-11-21", "13:00"), coupon, nail)
	o.waitSynced(t, "the change", r.ID, func(h sbdouble.Reservation) bool { return h.Start.Hour() == 13 })
	t.Logf("a change: %d HTTP requests (warm session)", len(o.double.Requests()))
	got = o.held(t, r.SBNumber)
	if !slices.Equal(got.Menu, []string{"ジェルネイル ワンカラー"}) || got.Coupon != "[全員]ワンカラージェル ¥5,500" ||
		strings.Contains(got.Memo, "メニュー：") || !strings.Contains(got.Memo, "右目が敏感") ||
		got.End.Sub(got.Start) != time.Hour {
		t.Fatalf("after the change SALON BOARD holds menus %q, coupon %q, memo %q, %v long",
			got.Menu, got.Coupon, got.Memo, got.End.Sub(got.Start))
	}
	if n := o.double.Count(sbdouble.PathChangeComplete); n != 1 {
		t.Fatalf("%d change posts", n)
	}
}

func TestUnmappedCouponAndMenusGoToTheMemoHead(t *testing.T) {
	o := newOutbound(t, 5*time.Second)
	r := o.bookSynced(t, app.ReservationInput{Start: datatest.At("2026-11-21", "10:00"), StaffID: o.ids.Staff["鈴木"],
		CouponID: o.ids.Coupons["【新規】カット"], MenuIDs: []int64{o.ids.Menus["カット"], o.ids.Menus["炭酸泉"]}})
	got := o.held(t, r.SBNumber)
	if len(got.Menu) != 0 || got.Coupon != "" ||
		!strings.HasPrefix(got.Memo, "メニュー：カット、炭酸泉 クーポン：") || !strings.Contains(got.Memo, "新規") {
		t.Fatalf("SALON BOARD holds menus %q, coupon %q, memo %q", got.Menu, got.Coupon, got.Memo)
	}
}

func TestDeskCancelIsVerifiedInSalonBoard(t *testing.T) {
	o := newOutbound(t, 5*time.Second)
	r := o.bookSynced(t, app.ReservationInput{Start: datatest.At("2026-11-21", "10:00"), StaffID: o.ids.Staff["佐藤"],
		MenuIDs: []int64{o.ids.Menus["カット"]}})
	o.double.ResetRequests()
	if err := o.app.CancelReservation(o.ctx, r.ID, false); err != nil {
		t.Fatal(err)
	}
	o.waitSynced(t, "the cancel", r.ID, func(h sbdouble.Reservation) bool { return h.Status == sbdouble.StatusSalonCancel })
	t.Logf("a cancel: %d HTTP requests (warm session)", len(o.double.Requests()))
	if n := o.double.Count(sbdouble.PathCancel); n != 1 || len(o.registered()) != 1 {
		t.Fatalf("%d cancel posts, %d registrations", n, len(o.registered()))
	}
	if v := o.reservation(t, r.ID); v.Status != data.StatusCancelled {
		t.Fatalf("status %q", v.Status)
	}
}

// A reservation entered in SALON BOARD itself (route SALON BOARD, a YG number) is changed
// and cancelled there through the outbox, like a desk one.
func TestSalonBoardRouteReservationChangedAndCancelled(t *testing.T) {
	o := newOutbound(t, 5*time.Second)
	start := datatest.At("2026-11-21", "15:00")
	number := o.double.AddReservation(sbdouble.Reservation{RouteID: sbdouble.RoutePhoneOwn, Start: start,
		End: start.Add(time.Hour), KanaSei: "タナカ", KanaMei: "イチロウ", KanjiSei: "田中", KanjiMei: "一郎", StaffID: "W002"})
	r := data.Reservation{SBNumber: number, Route: data.RouteSalonBoard, Status: data.StatusWaiting,
		CustomerID: o.ids.Customers["タナカ　イチロウ"], CustomerKana: "タナカ　イチロウ", StaffID: o.ids.Staff["鈴木"],
		Start: start, End: start.Add(time.Hour), MenuIDs: []int64{o.ids.Menus["カット"]},
		PaymentType: data.PayPerVisit, SyncState: data.SyncOK}
	if err := o.store.Tx(o.ctx, func(tx *sql.Tx) error { return data.InsertReservation(o.ctx, tx, &r) }); err != nil {
		t.Fatal(err)
	}
	v := o.reservation(t, r.ID)
	o.change(t, v, datatest.At("2026-11-21", "16:00"), 0, o.ids.Menus["カット"])
	o.waitSynced(t, "the change", r.ID, func(h sbdouble.Reservation) bool { return h.Start.Hour() == 16 })
	if err := o.app.CancelReservation(o.ctx, r.ID, false); err != nil {
		t.Fatal(err)
	}
	o.waitSynced(t, "the cancel", r.ID, func(h sbdouble.Reservation) bool { return h.Status == sbdouble.StatusSalonCancel })
	if n := o.double.Count(sbdouble.PathRegistComplete); n != 0 || len(o.registered()) != 1 {
		t.Fatalf("registered %d times, SALON BOARD holds %d", n, len(o.registered()))
	}
}

package app_test

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"salondesk/app"
	"salondesk/data"
	"salondesk/data/datatest"
)

// fixture is a seeded salon on a real database with a fixed clock (2026-11-20, a Friday).
type fixture struct {
	store *data.Store
	app   *app.App
	ids   datatest.Salon
	ctx   context.Context
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	now := datatest.At("2026-11-20", "09:00")
	return newFixtureClock(t, func() time.Time { return now })
}

// newRunningFixture's clock starts at 2026-11-20 09:00 and runs: retries fall due.
func newRunningFixture(t *testing.T) *fixture {
	t.Helper()
	base, started := datatest.At("2026-11-20", "09:00"), time.Now()
	return newFixtureClock(t, func() time.Time { return base.Add(time.Since(started)) })
}

func newFixtureClock(t *testing.T, clock func() time.Time) *fixture {
	t.Helper()
	s := datatest.NewStore(t)
	ids := datatest.Seed(t, s)
	return &fixture{store: s, app: app.New(s, app.WithClock(clock)), ids: ids, ctx: context.Background()}
}

func (f *fixture) count(t *testing.T, table string) int {
	t.Helper()
	var n int
	if err := f.store.Reader().QueryRowContext(f.ctx, "SELECT COUNT(*) FROM "+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func (f *fixture) book(staff string, start time.Time, menus ...string) (data.Reservation, error) {
	in := app.ReservationInput{CustomerID: f.ids.Customers["タナカ　イチロウ"], Start: start,
		StaffID: f.ids.Staff[staff], Route: data.RoutePhone}
	for _, m := range menus {
		in.MenuIDs = append(in.MenuIDs, f.ids.Menus[m])
	}
	return f.app.SaveReservation(f.ctx, in)
}

func TestSaveReservationDurationFromMenus(t *testing.T) {
	f := newFixture(t)
	r, err := f.book("佐藤", datatest.At("2026-11-21", "10:00"), "カット", "ケアカラー", "炭酸泉")
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Duration(); got != 150*time.Minute {
		t.Fatalf("duration = %v, want 2h30m", got)
	}
	v, err := f.app.Reservation(f.ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if v.Number != 1 || v.Status != data.StatusWaiting || len(v.MenuNames) != 3 || v.StaffName != "佐藤" {
		t.Fatalf("stored %+v", v)
	}
	if v.SyncState != data.SyncNone {
		t.Fatalf("SALON BOARD off, sync state %q", v.SyncState)
	}
	r2, err := f.book("鈴木", datatest.At("2026-11-21", "10:00"), "炭酸泉")
	if err != nil {
		t.Fatalf("zero-minute reservation refused: %v", err)
	}
	if r2.Number != 2 || r2.Duration() != 0 {
		t.Fatalf("second reservation %+v", r2)
	}
}

func TestCapacityRefusals(t *testing.T) {
	f := newFixture(t)
	day := "2026-11-21"
	if _, err := f.book("佐藤", datatest.At(day, "10:00"), "カット"); err != nil {
		t.Fatal(err)
	}
	// 佐藤 takes one at a time: 10:30 overlaps the 60-minute cut.
	_, err := f.book("佐藤", datatest.At(day, "10:30"), "前髪カット")
	if app.ErrorKey(err) != "error.capacity_staff" {
		t.Fatalf("staff capacity: got %v", err)
	}
	// 鈴木 takes two; the salon takes three: the fourth in the slot is refused salon-wide.
	for i := 0; i < 2; i++ {
		if _, err := f.book("鈴木", datatest.At(day, "10:00"), "前髪カット"); err != nil {
			t.Fatalf("鈴木 #%d: %v", i, err)
		}
	}
	before := f.count(t, "reservations")
	_, err = f.book("", datatest.At(day, "10:00"), "前髪カット")
	if app.ErrorKey(err) != "error.capacity_salon" {
		t.Fatalf("salon capacity: got %v", err)
	}
	if f.count(t, "reservations") != before {
		t.Fatal("a refused reservation was written")
	}
	// Stopping a slot (予約 停止) refuses bookings there.
	if err := f.app.SetSlotCapacity(f.ctx, datatest.At(day, "15:00"), 0); err != nil {
		t.Fatal(err)
	}
	if _, err := f.book("", datatest.At(day, "15:00"), "前髪カット"); app.ErrorKey(err) != "error.capacity_salon" {
		t.Fatalf("stopped slot: got %v", err)
	}
	// Equipment.
	in := app.ReservationInput{CustomerID: f.ids.Customers["ヤマダ　ハナコ"], Start: datatest.At(day, "12:00"),
		EquipmentID: f.ids.Equipment["ベッド1"], MenuIDs: []int64{f.ids.Menus["カット"]}}
	if _, err := f.app.SaveReservation(f.ctx, in); err != nil {
		t.Fatal(err)
	}
	in.Start = datatest.At(day, "12:30")
	if _, err := f.app.SaveReservation(f.ctx, in); app.ErrorKey(err) != "error.capacity_equipment" {
		t.Fatalf("equipment capacity: got %v", err)
	}
	// A cancelled reservation frees its place.
	list, _ := f.app.Reservations(f.ctx, data.ReservationFilter{From: datatest.At(day, "12:00"), To: datatest.At(day, "12:01")})
	if err := f.app.CancelReservation(f.ctx, list[0].ID, false); err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.SaveReservation(f.ctx, in); err != nil {
		t.Fatalf("after cancel: %v", err)
	}
}

func TestBadInputWritesNothing(t *testing.T) {
	f := newFixture(t)
	before := f.count(t, "reservations") + f.count(t, "customers")
	cases := map[string]app.ReservationInput{
		"error.customer_required": {Start: datatest.At("2026-11-21", "10:00")},
		"error.kana_required": {NewCustomer: &app.CustomerInput{Name: "新規 太郎"},
			Start: datatest.At("2026-11-21", "10:00")},
		"error.outside_hours": {CustomerID: f.ids.Customers["タナカ　イチロウ"], Start: datatest.At("2026-11-21", "09:00")},
		"error.staff_day_off": {CustomerID: f.ids.Customers["タナカ　イチロウ"], Start: datatest.At("2026-11-24", "10:00"),
			StaffID: f.ids.Staff["鈴木"]},
		"error.start_grid": {CustomerID: f.ids.Customers["タナカ　イチロウ"], Start: datatest.At("2026-11-21", "10:03")},
	}
	for key, in := range cases {
		_, err := f.app.SaveReservation(f.ctx, in)
		if app.ErrorKey(err) != key {
			t.Errorf("%s: got %v", key, err)
		}
	}
	// Ending after closing time is outside hours too.
	_, err := f.book("佐藤", datatest.At("2026-11-21", "18:30"), "カット")
	if app.ErrorKey(err) != "error.outside_hours" {
		t.Errorf("end after close: got %v", err)
	}
	if after := f.count(t, "reservations") + f.count(t, "customers"); after != before {
		t.Fatalf("bad input wrote rows: %d → %d", before, after)
	}
	if err := f.app.SaveMenu(f.ctx, &data.Menu{CategoryID: f.ids.Categories["カット"], Name: "X", Price: -1}); app.ErrorKey(err) != "error.price_negative" {
		t.Errorf("negative price: %v", err)
	}
	if err := f.app.SaveMenu(f.ctx, &data.Menu{CategoryID: f.ids.Categories["カット"], Name: "カット"}); app.ErrorKey(err) != "error.duplicate_name" {
		t.Errorf("duplicate menu: %v", err)
	}
	if err := f.app.DeleteMaster(f.ctx, app.TableCategories, f.ids.Categories["カット"]); app.ErrorKey(err) != "error.in_use" {
		t.Errorf("delete in use: %v", err)
	}
}

func TestNewCustomerWithReservationInOneTransaction(t *testing.T) {
	f := newFixture(t)
	r, err := f.app.SaveReservation(f.ctx, app.ReservationInput{
		NewCustomer: &app.CustomerInput{Name: "新規 花子", Kana: "しんき ﾊﾅｺ", Phone: "０９０－１２３４－５６７８"},
		Start:       datatest.At("2026-11-21", "11:00"), MenuIDs: []int64{f.ids.Menus["カット"]}, Route: data.RouteWalkIn})
	if err != nil {
		t.Fatal(err)
	}
	c, err := f.app.Customer(f.ctx, r.CustomerID)
	if err != nil {
		t.Fatal(err)
	}
	if c.Kana != "シンキ　ハナコ" || c.Phone != "090-1234-5678" || c.Number != 4 {
		t.Fatalf("customer %+v", c)
	}
	if !r.FirstVisit || r.Route != data.RouteWalkIn {
		t.Fatalf("reservation %+v", r)
	}
}

func TestStatusFlowAndVisits(t *testing.T) {
	f := newFixture(t)
	r, err := f.book("佐藤", datatest.At("2026-11-20", "10:00"), "カット")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.app.MarkArrived(f.ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	c, _ := f.app.Customer(f.ctx, r.CustomerID)
	if c.VisitCount != 1 || c.LastVisit != "2026-11-20" || c.FirstVisit != "2026-11-20" {
		t.Fatalf("visit not counted: %+v", c)
	}
	if err := f.app.CancelReservation(f.ctx, r.ID, false); app.ErrorKey(err) != "error.status_transition" {
		t.Fatalf("cancel after arrival: %v", err)
	}
	if err := f.app.UndoArrival(f.ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	if err := f.app.CancelReservation(f.ctx, r.ID, true); err != nil {
		t.Fatal(err)
	}
	v, _ := f.app.Reservation(f.ctx, r.ID)
	if v.Status != data.StatusNoShow {
		t.Fatalf("status %q", v.Status)
	}
	if _, err := f.app.SaveReservation(f.ctx, app.ReservationInput{ID: r.ID, CustomerID: r.CustomerID,
		Start: r.Start}); app.ErrorKey(err) != "error.reservation_closed" {
		t.Fatalf("change after no-show: %v", err)
	}
}

func TestTranscribedCheckResolvesNotifications(t *testing.T) {
	f := newFixture(t)
	r, err := f.book("佐藤", datatest.At("2026-11-21", "10:00"), "カット")
	if err != nil {
		t.Fatal(err)
	}
	err = f.store.Tx(f.ctx, func(tx *sql.Tx) error {
		return data.InsertNotification(f.ctx, tx, &data.Notification{CreatedAt: f.app.Now(),
			Direction: data.DirAppToSB, Reason: "timeout", ReservationID: r.ID, ReservationNo: "1"})
	})
	if err != nil {
		t.Fatal(err)
	}
	h, _ := f.app.Home(f.ctx)
	if h.Unresolved[data.DirAppToSB] != 1 {
		t.Fatalf("unresolved %v", h.Unresolved)
	}
	got := 0
	cancel := f.app.Events().Subscribe(func(e app.Event) {
		if _, ok := e.(app.NotificationsChanged); ok {
			got++
		}
	})
	defer cancel()
	if err := f.app.SetTranscribedCheck(f.ctx, r.ID, true); err != nil {
		t.Fatal(err)
	}
	h, _ = f.app.Home(f.ctx)
	if h.Unresolved[data.DirAppToSB] != 0 || got != 1 {
		t.Fatalf("after check: unresolved %v, events %d", h.Unresolved, got)
	}
}

func TestScheduleLoads(t *testing.T) {
	f := newFixture(t)
	day := "2026-11-21"
	if _, err := f.book("佐藤", datatest.At(day, "10:00"), "カット"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.book("", datatest.At(day, "10:30"), "炭酸泉"); err != nil {
		t.Fatal(err)
	}
	d, err := f.app.Schedule(f.ctx, datatest.At(day, "00:00"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Slots) != 18 || len(d.Staff) != 2 || len(d.Reservations) != 2 {
		t.Fatalf("slots %d staff %d reservations %d", len(d.Slots), len(d.Staff), len(d.Reservations))
	}
	if d.Slots[0].Count != 1 || d.Slots[1].Count != 2 || d.Slots[1].ByStaff[0] != 1 || d.Slots[2].Count != 0 {
		t.Fatalf("loads %+v %+v %+v", d.Slots[0], d.Slots[1], d.Slots[2])
	}
	// 鈴木 is off on Tuesdays: not a column that day.
	tue, _ := f.app.Schedule(f.ctx, datatest.At("2026-11-24", "00:00"))
	if len(tue.Staff) != 1 {
		t.Fatalf("Tuesday staff %d", len(tue.Staff))
	}
}

func TestNormalizeKana(t *testing.T) {
	for in, want := range map[string]string{
		"やまだ はなこ":    "ヤマダ　ハナコ",
		"ﾔﾏﾀﾞ":       "ヤマダ",
		"  コギト　テスト ": "コギト　テスト",
	} {
		if got := app.NormalizeKana(in); got != want {
			t.Errorf("NormalizeKana(%q) = %q, want %q", in, got, want)
		}
	}
	if app.IsKana("山田") || !app.IsKana("やまだ") || app.IsKana("") {
		t.Error("IsKana")
	}
	if f := app.CustomerSearch("やま"); f.KanaPrefix != "ヤマ" {
		t.Errorf("search %+v", f)
	}
}

func TestUnresolvedFailuresCountsEveryDirection(t *testing.T) {
	f := newFixture(t)
	err := f.store.Tx(f.ctx, func(tx *sql.Tx) error {
		for _, d := range []data.Direction{data.DirAppToSB, data.DirSBToApp, data.DirSystem} {
			if err := data.InsertNotification(f.ctx, tx, &data.Notification{CreatedAt: f.app.Now(), Direction: d}); err != nil {
				return err
			}
		}
		return data.InsertNotification(f.ctx, tx, &data.Notification{CreatedAt: f.app.Now(), Direction: data.DirSBToApp,
			ResolvedAt: "2026-11-20 09:00:00"})
	})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := f.app.UnresolvedFailures(f.ctx); n != 3 || err != nil {
		t.Fatalf("%d %v", n, err)
	}
}

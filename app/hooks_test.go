package app_test

import (
	"testing"

	"salondesk/app"
	"salondesk/data"
	"salondesk/data/datatest"
)

func (f *fixture) jobs(t *testing.T) int { return f.count(t, "outbox_jobs") }

// With no hook registered the core queues nothing, whatever the settings say.
func TestNoHookQueuesNothing(t *testing.T) {
	f := newFixture(t)
	if err := f.app.SetSetting(f.ctx, "salonboard.enabled", "1"); err != nil {
		t.Fatal(err)
	}
	r, err := f.book("佐藤", datatest.At("2026-11-21", "10:00"), "カット")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.app.CancelReservation(f.ctx, r.ID, false); err != nil {
		t.Fatal(err)
	}
	if n := f.jobs(t); n != 0 || r.SyncState == data.SyncPending {
		t.Fatalf("%d jobs, sync state %q without a hook", n, r.SyncState)
	}
}

// A hook sees created, edited and cancelled in the change's transaction, with the id, and
// what it sets and queues is written with the change.
func TestHookTakesPartInTheDesksChanges(t *testing.T) {
	f := newFixture(t)
	var kinds []app.ChangeKind
	f.app.AddReservationHook(app.ReservationHookFunc(func(tx *app.Tx, c app.ReservationChange) error {
		kinds = append(kinds, c.Kind)
		if c.Reservation.ID == 0 || (c.Kind != app.ReservationCreated && c.Before == nil) {
			t.Errorf("change %v without id or before: %+v", c.Kind, c)
		}
		c.Reservation.SyncState = data.SyncPending
		return tx.Enqueue("other.send", app.RefReservation(c.Reservation.ID), map[string]int64{"id": c.Reservation.ID})
	}))
	r, err := f.book("佐藤", datatest.At("2026-11-21", "10:00"), "カット")
	if err != nil {
		t.Fatal(err)
	}
	stored, _ := f.app.Reservation(f.ctx, r.ID)
	if stored.SyncState != data.SyncPending {
		t.Fatalf("the hook's sync state was not written: %q", stored.SyncState)
	}
	if _, err := f.app.SaveReservation(f.ctx, app.ReservationInput{ID: r.ID, CustomerID: r.CustomerID,
		Start: datatest.At("2026-11-21", "11:00"), StaffID: r.StaffID, MenuIDs: r.MenuIDs}); err != nil {
		t.Fatal(err)
	}
	if err := f.app.CancelReservation(f.ctx, r.ID, false); err != nil {
		t.Fatal(err)
	}
	want := []app.ChangeKind{app.ReservationCreated, app.ReservationEdited, app.ReservationCancelled}
	if len(kinds) != 3 || kinds[0] != want[0] || kinds[1] != want[1] || kinds[2] != want[2] || f.jobs(t) != 3 {
		t.Fatalf("kinds %v, %d jobs", kinds, f.jobs(t))
	}
}

// A hook that refuses leaves nothing written: no reservation, no customer, no job.
func TestRefusingHookWritesNothing(t *testing.T) {
	f := newFixture(t)
	f.app.AddReservationHook(app.ReservationHookFunc(func(tx *app.Tx, c app.ReservationChange) error {
		if err := tx.Enqueue("other.send", "x", nil); err != nil {
			return err
		}
		return &app.UserError{Key: "error.reservation_closed"}
	}))
	resBefore, custBefore := f.count(t, "reservations"), f.count(t, "customers")
	_, err := f.app.SaveReservation(f.ctx, app.ReservationInput{NewCustomer: &app.CustomerInput{Name: "新規 太郎",
		Kana: "シンキ　タロウ"}, Start: datatest.At("2026-11-21", "10:00"), MenuIDs: []int64{f.ids.Menus["カット"]}})
	if app.ErrorKey(err) != "error.reservation_closed" {
		t.Fatalf("err %v, want the hook's refusal", err)
	}
	if f.count(t, "reservations") != resBefore || f.count(t, "customers") != custBefore || f.jobs(t) != 0 {
		t.Fatal("a refused change wrote something")
	}
}

// A customer hook sees a customer created and edited (with its id and what it was), also
// one made by the reservation form, and its refusal leaves the customer unsaved.
func TestCustomerHookTakesPartInCustomerChanges(t *testing.T) {
	f := newFixture(t)
	var kinds []app.CustomerChangeKind
	refuse := false
	f.app.AddCustomerHook(app.CustomerHookFunc(func(tx *app.Tx, c app.CustomerChange) error {
		if c.Customer.ID == 0 || (c.Kind == app.CustomerEdited) != (c.Before != nil) {
			t.Errorf("change %v without id or before: %+v", c.Kind, c)
		}
		if refuse {
			return &app.UserError{Key: "error.kana_only"}
		}
		kinds = append(kinds, c.Kind)
		return tx.Enqueue("other.customer", "x", nil)
	}))
	c, err := f.app.SaveCustomer(f.ctx, app.CustomerInput{Name: "山田 花子", Kana: "ヤマダ ハナコ"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.SaveCustomer(f.ctx, app.CustomerInput{ID: c.ID, Name: "山田 花", Kana: "ヤマダ ハナ"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.app.SaveReservation(f.ctx, app.ReservationInput{NewCustomer: &app.CustomerInput{Name: "新規 太郎",
		Kana: "シンキ　タロウ"}, Start: datatest.At("2026-11-21", "10:00"), MenuIDs: []int64{f.ids.Menus["カット"]}}); err != nil {
		t.Fatal(err)
	}
	refuse = true
	before := f.count(t, "customers")
	if _, err := f.app.SaveCustomer(f.ctx, app.CustomerInput{Name: "拒否", Kana: "キョヒ"}); app.ErrorKey(err) != "error.kana_only" {
		t.Fatalf("err %v, want the hook's refusal", err)
	}
	want := []app.CustomerChangeKind{app.CustomerCreated, app.CustomerEdited, app.CustomerCreated}
	if len(kinds) != 3 || kinds[0] != want[0] || kinds[1] != want[1] || kinds[2] != want[2] || f.count(t, "customers") != before {
		t.Fatalf("kinds %v, customers %d (before %d)", kinds, f.count(t, "customers"), before)
	}
}

package salonboard_test

import (
	"database/sql"
	"testing"

	"salondesk/app"
	"salondesk/app/salonboard"
	"salondesk/data"
	"salondesk/data/datatest"
)

// The SALON BOARD hook queues register, change and cancel with the desk's own changes.
func TestHookQueuesRegisterChangeCancel(t *testing.T) {
	f := newFixture(t)
	if err := f.sb.SetEnabled(f.ctx, true); err != nil {
		t.Fatal(err)
	}
	r, err := f.book("佐藤", datatest.At("2026-11-21", "10:00"), "カット")
	if err != nil {
		t.Fatal(err)
	}
	if r.SyncState != data.SyncPending {
		t.Fatalf("sync state %q", r.SyncState)
	}
	if _, err := f.app.SaveReservation(f.ctx, app.ReservationInput{ID: r.ID, CustomerID: r.CustomerID,
		Start: datatest.At("2026-11-21", "11:00"), StaffID: r.StaffID, MenuIDs: r.MenuIDs}); err != nil {
		t.Fatal(err)
	}
	if err := f.app.CancelReservation(f.ctx, r.ID, false); err != nil {
		t.Fatal(err)
	}
	jobs, err := data.ListJobs(f.ctx, f.store.Reader(), "reservation:1")
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, j := range jobs {
		kinds = append(kinds, j.Kind)
	}
	want := []string{salonboard.JobRegister, salonboard.JobChange, salonboard.JobCancel}
	if len(kinds) != 3 || kinds[0] != want[0] || kinds[1] != want[1] || kinds[2] != want[2] {
		t.Fatalf("jobs %v, want %v", kinds, want)
	}
	// A reservation that came from SALON BOARD is never registered there again.
	err = f.store.Tx(f.ctx, func(tx *sql.Tx) error {
		hpb := data.Reservation{SBNumber: "BE12345678", Start: datatest.At("2026-11-22", "10:00"),
			End: datatest.At("2026-11-22", "11:00"), Route: data.RouteHPB, Status: data.StatusWaiting,
			CustomerKana: "ヤマダ　ハナコ", PaymentType: data.PayPerVisit}
		return data.InsertReservation(f.ctx, tx, &hpb)
	})
	if err != nil {
		t.Fatal(err)
	}
	hpb, _ := data.ReservationBySBNumber(f.ctx, f.store.Reader(), "BE12345678")
	if _, err := f.app.SaveReservation(f.ctx, app.ReservationInput{ID: hpb.ID,
		CustomerID: f.ids.Customers["ヤマダ　ハナコ"], Start: hpb.Start}); err != nil {
		t.Fatal(err)
	}
	if jobs, _ := data.ListJobs(f.ctx, f.store.Reader(), "reservation:2"); len(jobs) != 0 {
		t.Fatalf("HPB reservation queued for SALON BOARD: %+v", jobs)
	}
}

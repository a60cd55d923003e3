package salonboard_test

import (
	"database/sql"
	"errors"
	"testing"
	"time"

	"salondesk/app"
	"salondesk/data"
	"salondesk/data/datatest"
)

// An HPB reservation's start, staff or a cancellation is never saved at the desk alone:
// the desk refuses, writing nothing and sending nothing; its menus and memo, and
// 無断キャンセル, stay the desk's to record.
func TestHPBMoveOrCancelAtTheDeskIsRefused(t *testing.T) {
	o := newOutbound(t, 5*time.Second)
	start := datatest.At("2026-11-21", "10:00")
	r := data.Reservation{SBNumber: "BE12345678", Route: data.RouteHPB, Status: data.StatusWaiting,
		CustomerID: o.ids.Customers["タナカ　イチロウ"], CustomerKana: "タナカ　イチロウ", StaffID: o.ids.Staff["佐藤"],
		Start: start, End: start.Add(time.Hour), MenuIDs: []int64{o.ids.Menus["カット"]},
		PaymentType: data.PayPerVisit, SyncState: data.SyncOK}
	if err := o.store.Tx(o.ctx, func(tx *sql.Tx) error { return data.InsertReservation(o.ctx, tx, &r) }); err != nil {
		t.Fatal(err)
	}
	before := o.reservation(t, r.ID)
	edit := func(start time.Time, staff int64, menus ...int64) app.ReservationInput {
		return app.ReservationInput{ID: r.ID, CustomerID: r.CustomerID, Start: start, StaffID: staff, MenuIDs: menus}
	}
	refusals := map[string]func() error{
		"another time": func() error {
			_, err := o.app.SaveReservation(o.ctx, edit(start.Add(time.Hour), r.StaffID, r.MenuIDs...))
			return err
		},
		"another staff": func() error {
			_, err := o.app.SaveReservation(o.ctx, edit(start, o.ids.Staff["鈴木"], r.MenuIDs...))
			return err
		},
		"no staff": func() error {
			_, err := o.app.SaveReservation(o.ctx, edit(start, 0, r.MenuIDs...))
			return err
		},
		"取消": func() error { return o.app.CancelReservation(o.ctx, r.ID, false) },
	}
	for what, do := range refusals {
		err := do()
		var ue *app.UserError
		if !errors.As(err, &ue) || ue.Key != "sync.hpb.desk_change_refused" || ue.Args["Number"] != "BE12345678" {
			t.Fatalf("%s: err = %v, want the refusal naming BE12345678", what, err)
		}
		v := o.reservation(t, r.ID)
		if !v.Start.Equal(before.Start) || v.StaffID != before.StaffID || v.Status != before.Status ||
			v.UpdatedAt != before.UpdatedAt || v.SyncState != data.SyncOK {
			t.Fatalf("%s: the reservation changed: %+v", what, v.Reservation)
		}
	}
	if jobs, _ := data.ListJobs(o.ctx, o.store.Reader(), app.RefReservation(r.ID)); len(jobs) != 0 {
		t.Fatalf("jobs queued for a refused change: %+v", jobs)
	}

	// What leaves the slot as HPB holds it stays the desk's: menus, memo, 無断キャンセル.
	if _, err := o.app.SaveReservation(o.ctx, edit(start, r.StaffID, o.ids.Menus["カット"], o.ids.Menus["前髪カット"])); err != nil {
		t.Fatalf("menu edit: %v", err)
	}
	if err := o.app.UpdateMemo(o.ctx, r.ID, "カラーも相談"); err != nil {
		t.Fatalf("memo edit: %v", err)
	}
	if err := o.app.CancelReservation(o.ctx, r.ID, true); err != nil {
		t.Fatalf("無断キャンセル: %v", err)
	}
	v := o.reservation(t, r.ID)
	if len(v.MenuIDs) != 2 || v.Memo != "カラーも相談" || v.Status != data.StatusNoShow || v.SyncState != data.SyncOK {
		t.Fatalf("after the allowed edits: %+v", v.Reservation)
	}
	if jobs, _ := data.ListJobs(o.ctx, o.store.Reader(), app.RefReservation(r.ID)); len(jobs) != 0 {
		t.Fatalf("jobs queued for an HPB reservation: %+v", jobs)
	}
	if n := len(o.double.Requests()); n != 0 {
		t.Fatalf("%d requests to SALON BOARD", n)
	}
}

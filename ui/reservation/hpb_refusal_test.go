package reservation

import (
	"database/sql"
	"testing"

	"fyne.io/fyne/v2/test"

	"salondesk/app"
	"salondesk/app/salonboard"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/ui/internal/uitest"
)

// hpbReservation is a reservation that came from HOT PEPPER Beauty, on an app with the
// SALON BOARD room installed (whose hook refuses moving or cancelling it at the desk).
func hpbReservation(t *testing.T, fx *fixture) data.Reservation {
	t.Helper()
	salonboard.Install(fx.a)
	r := fx.reserve(t, app.ReservationInput{CustomerID: fx.salon.Customers["タナカ　イチロウ"], StaffID: fx.salon.Staff["佐藤"],
		Start: datatest.At(testDay, "10:00"), MenuIDs: []int64{fx.salon.Menus["カット"]}})
	err := fx.store.Tx(fx.ctx, func(tx *sql.Tx) error {
		r.Route, r.SBNumber, r.SyncState = data.RouteHPB, "BE12345678", data.SyncOK
		return data.UpdateReservation(fx.ctx, tx, &r)
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// (wrapping drops the space in "SALON BOARD", so the words after it are looked for)
const hpbRefusal = "BOARDで変更・キャンセルしてください。"

// 変更 of an HPB reservation's time shows the refusal and saves nothing.
func TestDetailChangeOfHPBIsRefused(t *testing.T) {
	fx := newFixture(t)
	r := hpbReservation(t, fx)
	d := newDetail(fx.a, fx.win, r.ID)
	defer d.win.Close()
	d.tabs.Select(d.changeTab)
	fillWhen(d.form, "2026/11/10", "15:00")
	test.Tap(d.form.save)
	shown := uitest.DrawnTexts(uitest.TopOverlay(d.win))
	uitest.MustContain(t, "error dialog", shown, hpbRefusal)
	uitest.MustContain(t, "error dialog", shown, "BE12345678")
	if v := fx.get(t, r.ID); !v.Start.Equal(r.Start) || v.UpdatedAt != r.UpdatedAt {
		t.Fatalf("saved anyway: start %v", v.Start)
	}
}

// キャンセル of an HPB reservation shows the refusal after the confirmation; it stays 受付待ち.
func TestDetailCancelOfHPBIsRefused(t *testing.T) {
	fx := newFixture(t)
	r := hpbReservation(t, fx)
	d := newDetail(fx.a, fx.win, r.ID)
	defer d.win.Close()
	d.tabs.Select(d.cancelTab)
	test.Tap(d.cancelBtn)
	test.Tap(uitest.Button(t, uitest.TopOverlay(d.win), "はい"))
	uitest.MustContain(t, "error dialog", uitest.DrawnTexts(uitest.TopOverlay(d.win)), hpbRefusal)
	if v := fx.get(t, r.ID); v.Status != data.StatusWaiting {
		t.Fatalf("status %q after a refused cancel", v.Status)
	}
}

// Package transcribe is the 予約情報登録(転記) form: a reservation SALON BOARD could not
// hand over was held with its start time only (仮登録); staff complete it here from what
// the customer booked, and 登録 makes it a normal reservation that is never sent to
// SALON BOARD again (it is there already). It calls package app only.
package transcribe

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/app/salonboard"
	"salondesk/data"
	"salondesk/ui/reservation"
)

// Show opens 予約情報登録(転記) for a provisional reservation from SALON BOARD in a large
// dialog over parent. onDone runs after 登録 succeeded (not after キャンセル). A
// reservation that cannot be transcribed (already registered, cancelled) is explained in
// an error dialog instead.
func Show(a *app.App, parent fyne.Window, reservationID int64, onDone func()) {
	show(a, parent, reservationID, onDone)
}

func show(a *app.App, parent fyne.Window, reservationID int64, onDone func()) *form {
	f, err := newForm(a, parent, reservationID)
	if err != nil {
		reservation.ShowError(err, parent)
		return nil
	}
	content := f.content()
	f.dialog = dialog.NewCustomWithoutButtons(lang.X("transcribe.title", "予約情報登録(転記)"), content, parent)
	f.dialog.SetButtons([]fyne.CanvasObject{f.cancel, f.register})
	f.onDone = func() {
		f.dialog.Hide()
		if onDone != nil {
			onDone()
		}
	}
	// As tall as the form when the window allows (no scrolling), else the window's height.
	size := parent.Canvas().Size()
	inner := f.body.MinSize()
	f.dialog.Resize(fyne.NewSize(min(880, size.Width*0.95), min(inner.Height+140, size.Height*0.95)))
	f.dialog.Show()
	return f
}

// form is the transcription form; its widgets are fields for the tests.
type form struct {
	a       *app.App
	win     fyne.Window
	view    data.ReservationView
	masters app.Masters
	salon   app.Salon
	dialog  *dialog.CustomDialog
	onDone  func()

	day           *widget.Entry
	weekday       *widget.Label
	clock         *widget.SelectEntry
	coupon        *widget.Select
	couponContent *widget.Label
	lastCoupon    *data.Coupon // whose menus the coupon choice ticked
	menus         *reservation.MenuPicker
	length        *widget.Label
	staff         *widget.Select
	designated    *widget.Check
	equipment     *widget.Select
	customer      *reservation.CustomerPicker
	candidates    int // customers found by the received kana when none was linked
	memo          *widget.Entry
	body          fyne.CanvasObject
	scroll        *container.Scroll
	register      *widget.Button
	cancel        *widget.Button
}

func newForm(a *app.App, win fyne.Window, id int64) (*form, error) {
	ctx := context.Background()
	v, err := a.Reservation(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := salonboard.CheckTranscribable(v.Reservation); err != nil {
		return nil, err
	}
	f := &form{a: a, win: win, view: v}
	if f.masters, err = a.Masters(ctx, false); err != nil {
		return nil, err
	}
	if f.salon, err = a.Salon(ctx); err != nil {
		return nil, err
	}
	f.buildWhen()
	f.buildWhat()
	f.buildWho()
	f.buildCustomer()
	f.prefill()
	f.memo = widget.NewMultiLineEntry()
	f.memo.SetMinRowsVisible(3)
	f.memo.SetText(v.Memo)
	f.register = widget.NewButton(lang.X("transcribe.register", "登録"), f.submit)
	f.register.Importance = widget.HighImportance
	f.cancel = widget.NewButton(lang.X("transcribe.cancel", "キャンセル"), func() {
		if f.dialog != nil {
			f.dialog.Hide()
		}
	})
	f.updateLength()
	return f, nil
}

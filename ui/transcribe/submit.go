package transcribe

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"salondesk/app/salonboard"
	"salondesk/ui/reservation"
)

func trimmed(s string) string { return strings.TrimSpace(s) }

// input is the TranscribeInput the fields describe.
func (f *form) input() (salonboard.TranscribeInput, error) {
	in := salonboard.TranscribeInput{ReservationID: f.view.ID}
	start, err := f.start()
	if err != nil {
		return in, err
	}
	in.Start = start
	if c := f.selectedCoupon(); c != nil {
		in.CouponID = c.ID
	}
	in.MenuIDs = f.menus.Selected()
	for _, s := range f.masters.Staff {
		if s.Name == f.staff.Selected {
			in.StaffID = s.ID
		}
	}
	in.Designated = in.StaffID != 0 && f.designated.Checked
	for _, e := range f.masters.Equipment {
		if e.Name == f.equipment.Selected {
			in.EquipmentID = e.ID
		}
	}
	in.CustomerID, in.NewCustomer = f.customer.Input()
	in.Memo = f.memo.Text
	return in, nil
}

// submit is 登録. A refusal is shown and nothing is written; the fields stay to be
// corrected. Over the salon's limits, staff are asked whether to register anyway, since
// SALON BOARD has already accepted the customer.
func (f *form) submit() {
	in, err := f.input()
	if err != nil {
		reservation.ShowError(err, f.win)
		return
	}
	f.save(in)
}

func (f *form) save(in salonboard.TranscribeInput) {
	_, err := salonboard.New(f.a).Transcribe(context.Background(), in)
	var warn *salonboard.FitWarning
	switch {
	case errors.As(err, &warn) && !in.Force:
		f.confirmOverride(in, warn)
	case err != nil:
		reservation.ShowError(err, f.win)
	default:
		if f.onDone != nil {
			f.onDone()
		}
	}
}

func (f *form) confirmOverride(in salonboard.TranscribeInput, warn *salonboard.FitWarning) {
	msg := lang.X("transcribe.override", "{{.Problem}}\nSALON BOARDで受付済みの予約です。このまま登録しますか？",
		map[string]any{"Problem": warn.Error()})
	d := dialog.NewConfirm(lang.X("transcribe.override_title", "登録の確認"), msg, func(ok bool) {
		if ok {
			in.Force = true
			f.save(in)
		}
	}, f.win)
	d.SetConfirmText(lang.X("transcribe.override_yes", "このまま登録する"))
	d.SetDismissText(lang.X("transcribe.override_no", "戻る"))
	d.Show()
}

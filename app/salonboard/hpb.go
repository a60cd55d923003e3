package salonboard

import (
	"salondesk/app"
	"salondesk/data"
)

// An HPB reservation (route HPB, a B… number) is held by HOT PEPPER Beauty: its slot is
// what the customer sees there. Its change and cancel forms in SALON BOARD were never
// captured (spec §2, "Changing and cancelling"), so the desk cannot carry a move or a
// cancellation there; saving one here alone would leave the slot taken in SALON BOARD, or
// the customer keeping an appointment the desk moved. So the desk refuses it and tells
// staff to do it in SALON BOARD, whose mail then updates the reservation here.
//
// What stays allowed: edits that leave the slot as HPB holds it — menus (the desk's record
// of what is done; it may change the end time here, not the booking there), coupon,
// equipment, 指名, the memo (メモ編集 runs no hook) — and 無断キャンセル, which records that
// the customer did not come once the slot has passed and frees nothing another customer
// could book.

// refuseHPBMove is a *app.UserError for a desk change of an HPB reservation's start or
// staff, or its cancellation; nil for anything else.
func refuseHPBMove(c app.ReservationChange) error {
	r, before := c.Reservation, c.Before
	if before == nil || before.Route != data.RouteHPB {
		return nil
	}
	moved := c.Kind == app.ReservationEdited && (!r.Start.Equal(before.Start) || r.StaffID != before.StaffID)
	cancelled := c.Kind == app.ReservationCancelled && r.Status == data.StatusCancelled
	if !moved && (!cancelled || c.CustomerDeleted) {
		return nil
	}
	return &app.UserError{Key: "sync.hpb.desk_change_refused", Args: map[string]any{"Number": before.SBNumber}}
}

// tellHPBCancelByDeletion: deleting a customer (お客様情報の削除) cancels their future
// reservations and must not stop at an HPB one; that one cannot be carried to SALON BOARD,
// so one お知らせ asks staff to cancel it there by hand.
func tellHPBCancelByDeletion(t *app.Tx, c app.ReservationChange) error {
	before := c.Before
	if !c.CustomerDeleted || before == nil || before.Route != data.RouteHPB || c.Kind != app.ReservationCancelled {
		return nil
	}
	return t.RaiseNotification(&data.Notification{Direction: data.DirAppToSB, Reason: data.ReasonCancelInSB,
		ReservationID: before.ID, ReservationNo: before.SBNumber, ReservationAt: data.FormatTime(before.Start)})
}

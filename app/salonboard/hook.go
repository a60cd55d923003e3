package salonboard

import (
	"salondesk/app"
	"salondesk/data"
)

// Outbox job kinds for SALON BOARD.
const (
	JobRegister = "salonboard.register"
	JobChange   = "salonboard.change"
	JobCancel   = "salonboard.cancel"
	// JobReread re-reads a mismatched reservation from the SALON BOARD web UI.
	JobReread = "salonboard.reread"
	// JobFetch reads a reservation SALON BOARD announced from its web UI (the mail could
	// not be read) and applies it.
	JobFetch = "salonboard.fetch"
)

// reservationChanging is the room's part in a desk change: while the sync is on, the job
// that carries the change to SALON BOARD, queued in the change's own transaction.
func (sb *Room) reservationChanging(t *app.Tx, c app.ReservationChange) error {
	on, err := t.Setting(KeyEnabled, "0")
	if err != nil || on != "1" {
		return err
	}
	r := c.Reservation
	kind := jobFor(c)
	if kind == "" {
		return nil
	}
	r.SyncState, r.SyncReason = data.SyncPending, ""
	return t.Enqueue(kind, app.RefReservation(r.ID), map[string]int64{"reservation_id": r.ID})
}

// jobFor decides which SALON BOARD job a desk change needs. Reservations that came from
// SALON BOARD, or were transcribed, are never registered there again.
func jobFor(c app.ReservationChange) string {
	r, before := c.Reservation, c.Before
	if c.Kind == app.ReservationCancelled {
		if r.SBNumber == "" && r.SyncState != data.SyncPending {
			return ""
		}
		return JobCancel
	}
	if c.Kind == app.ReservationCreated {
		before = nil
	}
	if r.Route == data.RouteHPB || r.Route == data.RouteSalonBoard || r.SyncState == data.SyncTranscribed {
		if before != nil && r.SBNumber != "" && r.Route != data.RouteHPB {
			return JobChange
		}
		return ""
	}
	if before == nil || (r.SBNumber == "" && r.SyncState != data.SyncPending) {
		return JobRegister
	}
	return JobChange
}

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

// reservationChanging is the room's part in a desk change: it refuses what would make the
// desk drift from an HPB reservation, and while the sync is on it queues the job that
// carries the change to SALON BOARD, in the change's own transaction.
func (sb *Room) reservationChanging(t *app.Tx, c app.ReservationChange) error {
	if err := refuseHPBMove(c); err != nil {
		return err
	}
	if err := tellHPBCancelByDeletion(t, c); err != nil {
		return err
	}
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
// SALON BOARD, or were transcribed, are never registered there again. An HPB reservation
// gets none: what the desk may still change on it (refuseHPBMove) stays here, and SALON
// BOARD's net pages that would take the rest were never captured.
func jobFor(c app.ReservationChange) string {
	r, before := c.Reservation, c.Before
	if r.Route == data.RouteHPB {
		return ""
	}
	if c.Kind == app.ReservationCancelled {
		if r.SBNumber == "" && r.SyncState != data.SyncPending {
			return ""
		}
		return JobCancel
	}
	if c.Kind == app.ReservationCreated {
		before = nil
	}
	if r.Route == data.RouteSalonBoard || r.SyncState == data.SyncTranscribed {
		if before != nil && r.SBNumber != "" {
			return JobChange
		}
		return ""
	}
	if before == nil || (r.SBNumber == "" && r.SyncState != data.SyncPending) {
		return JobRegister
	}
	return JobChange
}

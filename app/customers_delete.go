package app

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"salondesk/data"
)

// DeletionCheck is what the confirmation of 「選択したお客様を削除」 shows: how many
// customers go, and those whose deletion also cancels 予約中 reservations on a future
// day or ends a 定額プラン (the seed's warning names them).
type DeletionCheck struct {
	Count    int
	Affected []data.CustomerImpact
}

// bookingCutoff is the start of tomorrow: the seed's rule is about 予約中 on a future day,
// so today's reservations (the customer may be in the chair) are neither counted nor cancelled.
func (a *App) bookingCutoff() time.Time { return data.DayStart(a.now()).AddDate(0, 0, 1) }

// CheckDeletion reads the customers about to be deleted; customers deleted meanwhile are
// not counted.
func (a *App) CheckDeletion(ctx context.Context, ids []int64) (DeletionCheck, error) {
	if len(ids) == 0 {
		return DeletionCheck{}, userErr("customers.error.none_selected")
	}
	impacts, err := data.CustomerImpacts(ctx, a.store.Reader(), ids, a.bookingCutoff())
	if err != nil {
		return DeletionCheck{}, err
	}
	out := DeletionCheck{Count: len(impacts)}
	for _, im := range impacts {
		if im.Affected() {
			out.Affected = append(out.Affected, im)
		}
	}
	return out, nil
}

// DeleteCustomers deletes customers for good, in one transaction: their 予約中
// reservations on future days are cancelled (SALON BOARD's too, through the outbox), their
// active contracts end today, their personal data is erased from the database file (secure
// delete, WAL checkpointed), and their sales and payments keep an anonymous reference.
// It returns how many were deleted (ids already deleted are skipped).
func (a *App) DeleteCustomers(ctx context.Context, ids []int64) (int, error) {
	if len(ids) == 0 {
		return 0, userErr("customers.error.none_selected")
	}
	now := a.now()
	cutoff, today := a.bookingCutoff(), data.FormatDay(now)
	var deleted int
	var days []time.Time
	err := a.store.EraseTx(ctx, func(tx *sql.Tx) error {
		deleted, days = 0, nil
		for _, id := range ids {
			c, err := data.GetCustomer(ctx, tx, id)
			if errors.Is(err, data.ErrNotFound) || (err == nil && c.ErasedOn != "") {
				continue
			} else if err != nil {
				return err
			}
			bookings, err := data.BookedReservationIDs(ctx, tx, id, cutoff)
			if err != nil {
				return err
			}
			for _, rid := range bookings {
				start, err := a.cancelBookingOfDeletedCustomer(ctx, tx, rid)
				if err != nil {
					return err
				}
				days = append(days, start)
			}
			// After the cancellations: they write the reservation back, and erasing
			// must be the last word on its copies of the name.
			if err := data.EraseCustomer(ctx, tx, id, today, now); err != nil {
				return fmt.Errorf("erase customer %d: %w", id, err)
			}
			deleted++
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	a.events.Publish(CustomersChanged{})
	if len(days) > 0 {
		a.events.Publish(ReservationsChanged{Days: days})
	}
	return deleted, nil
}

// cancelBookingOfDeletedCustomer does, inside the deletion's transaction, what
// CancelReservation does: the reservation becomes キャンセル and, when SALON BOARD has it
// (a SALON BOARD number, or a registration still pending), one cancel job is queued for it
// — never a second while one is waiting. It returns the reservation's start.
// (When SALON BOARD rules move behind the core's cancel hook, this calls the hook.)
func (a *App) cancelBookingOfDeletedCustomer(ctx context.Context, tx *sql.Tx, id int64) (time.Time, error) {
	v, err := data.GetReservation(ctx, tx, id)
	if err != nil {
		return time.Time{}, err
	}
	r := v.Reservation
	if err := transition(r.Status, data.StatusCancelled); err != nil {
		return r.Start, err
	}
	r.Status, r.UpdatedAt = data.StatusCancelled, a.now()
	if a.SalonBoardEnabled(ctx) && (r.SBNumber != "" || r.SyncState == data.SyncPending) {
		queued, err := cancelQueued(ctx, tx, r.ID)
		if err != nil {
			return r.Start, err
		}
		r.SyncState, r.SyncReason = data.SyncPending, ""
		if !queued {
			if err := a.enqueueSB(ctx, tx, JobSBCancel, r.ID); err != nil {
				return r.Start, err
			}
		}
	}
	return r.Start, data.UpdateReservation(ctx, tx, &r)
}

// cancelQueued reports whether a SALON BOARD cancel of the reservation is already waiting.
func cancelQueued(ctx context.Context, tx *sql.Tx, reservationID int64) (bool, error) {
	jobs, err := data.ListJobs(ctx, tx, fmt.Sprintf("reservation:%d", reservationID))
	if err != nil {
		return false, err
	}
	for _, j := range jobs {
		if j.Kind == JobSBCancel && (j.State == "pending" || j.State == "running") {
			return true, nil
		}
	}
	return false, nil
}

package app

import (
	"context"
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
	err := a.updateErasing(ctx, func(t *Tx) error {
		deleted = 0
		for _, id := range ids {
			c, err := data.GetCustomer(ctx, t.q, id)
			if errors.Is(err, data.ErrNotFound) || (err == nil && c.ErasedOn != "") {
				continue
			} else if err != nil {
				return err
			}
			bookings, err := data.BookedReservationIDs(ctx, t.q, id, cutoff)
			if err != nil {
				return err
			}
			for _, rid := range bookings {
				if err := a.cancelBookingOfDeletedCustomer(t, rid); err != nil {
					return err
				}
			}
			// The integrations hear of the deletion while the customer's ids are still
			// readable (Smaregi deletes its member by the mapped id).
			if err := t.CustomerChanging(CustomerChange{Kind: CustomerDeleted, Customer: c}); err != nil {
				return err
			}
			// After the cancellations: they write the reservation back, and erasing
			// must be the last word on its copies of the name.
			if err := data.EraseCustomer(ctx, t.q, id, today, now); err != nil {
				return fmt.Errorf("erase customer %d: %w", id, err)
			}
			deleted++
		}
		t.Publish(CustomersChanged{})
		return nil
	})
	if err != nil {
		return 0, err
	}
	return deleted, nil
}

// cancelBookingOfDeletedCustomer cancels one 予約中 reservation inside the deletion's
// transaction, as the desk's 取消 does: the reservation hooks take part (SALON BOARD
// queues its verified cancel there), and a hook's refusal stops the whole deletion.
func (a *App) cancelBookingOfDeletedCustomer(t *Tx, id int64) error {
	v, err := data.GetReservation(t.ctx, t.q, id)
	if err != nil {
		return err
	}
	before := v.Reservation
	r := v.Reservation
	if err := transition(r.Status, data.StatusCancelled); err != nil {
		return err
	}
	r.Status, r.UpdatedAt = data.StatusCancelled, a.now()
	c := ReservationChange{Kind: ReservationCancelled, Reservation: &r, Before: &before, CustomerDeleted: true}
	if err := a.reservationChanging(t, c); err != nil {
		return err
	}
	return t.SaveReservation(&r, &before)
}

package demo

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"sort"
	"time"

	"salondesk/app"
	"salondesk/data"
)

// seeder writes the demo's reservations through the app, moving the app's clock to the
// moment each thing happened so that received, arrival and sale times read true.
type seeder struct {
	a     *app.App
	s     *data.Store
	clock *time.Time // what the app's clock reads
	r     *rand.Rand
	m     *masters
	now   time.Time
	sb    int // the last SALON BOARD number given

	anyCustomer int64 // a customer to book with before the received names replace it
}

func (sd *seeder) at(t time.Time) { *sd.clock = t.Truncate(time.Minute) }

// nextSBNumber is a SALON BOARD 予約番号 of a net (HPB) reservation: BE and eight digits,
// rising like the real ones.
func (sd *seeder) nextSBNumber() string {
	sd.sb += 1 + sd.r.IntN(37)
	return fmt.Sprintf("BE%08d", sd.sb)
}

// sbNumberFor is the number SALON BOARD gives: BE… for net reservations, YG… for those
// registered through its form (desk reservations the app sent there).
func (sd *seeder) sbNumberFor(r data.Route) string {
	n := sd.nextSBNumber()
	if r == data.RouteHPB {
		return n
	}
	return "YG" + n[2:]
}

// saveProposals saves the proposals in the order they were received; the app refuses
// those that do not fit (full slot, staff already busy) and they are dropped.
func (sd *seeder) saveProposals(ctx context.Context, props []proposal) ([]data.Reservation, error) {
	sort.SliceStable(props, func(i, j int) bool {
		if !props[i].received.Equal(props[j].received) {
			return props[i].received.Before(props[j].received)
		}
		return props[i].seq < props[j].seq
	})
	var saved []data.Reservation
	for _, pr := range props {
		sd.at(pr.received)
		res, err := sd.a.SaveReservation(ctx, pr.in)
		if app.ErrorKey(err) != "" {
			continue
		} else if err != nil {
			return nil, err
		}
		// SALON BOARD knows every one of them: net reservations came from it, desk ones
		// were registered there by the app.
		res.SBNumber, res.SyncState = sd.sbNumberFor(res.Route), data.SyncOK
		if err := sd.update(ctx, &res); err != nil {
			return nil, err
		}
		saved = append(saved, res)
	}
	return saved, nil
}

func (sd *seeder) update(ctx context.Context, r *data.Reservation) error {
	return sd.s.Tx(ctx, func(tx *sql.Tx) error { return data.UpdateReservation(ctx, tx, r) })
}

// playDays moves every reservation through its life up to now: past ones arrived and paid
// (a few cancelled or no-shows), the ones in progress arrived, future ones 受付待ち with
// a few cancelled.
func (sd *seeder) playDays(ctx context.Context, saved []data.Reservation) error {
	list := append([]data.Reservation(nil), saved...)
	sort.SliceStable(list, func(i, j int) bool { return list[i].Start.Before(list[j].Start) })
	for _, r := range list {
		if err := sd.play(ctx, r); err != nil {
			return fmt.Errorf("reservation %d: %w", r.Number, err)
		}
	}
	return nil
}

func (sd *seeder) play(ctx context.Context, r data.Reservation) error {
	roll := sd.r.IntN(100)
	if !r.Start.Before(sd.now) {
		if roll < 5 {
			sd.at(r.ReceivedAt.Add(sd.now.Sub(r.ReceivedAt) / 2))
			return sd.a.CancelReservation(ctx, r.ID, false)
		}
		return nil
	}
	switch {
	case roll < 7:
		sd.at(r.ReceivedAt.Add(r.Start.Sub(r.ReceivedAt) / 2))
		return sd.a.CancelReservation(ctx, r.ID, false)
	case roll < 10 && r.Start.Add(30*time.Minute).Before(sd.now):
		sd.at(r.Start.Add(30 * time.Minute))
		if err := sd.a.CancelReservation(ctx, r.ID, true); err != nil {
			return err
		}
		return sd.flagNoShow(ctx, r.CustomerID)
	}
	sd.at(r.Start.Add(-time.Duration(sd.r.IntN(10)) * time.Minute))
	if err := sd.a.MarkArrived(ctx, r.ID); err != nil {
		return err
	}
	paidAt := r.End.Add(time.Duration(sd.r.IntN(15)) * time.Minute)
	if paidAt.After(sd.now) {
		return nil // still in the chair
	}
	sd.at(paidAt)
	method := app.MethodCash
	switch n := sd.r.IntN(100); {
	case n < 40:
		method = app.MethodCard
	case n < 50:
		method = app.MethodOther
	}
	_, err := sd.a.Checkout(ctx, app.CheckoutInput{ReservationID: r.ID, Method: method})
	return err
}

// flagNoShow marks the customer 無断キャンセル, as the desk does after a no-show.
func (sd *seeder) flagNoShow(ctx context.Context, customerID int64) error {
	return sd.s.Tx(ctx, func(tx *sql.Tx) error {
		c, err := data.GetCustomer(ctx, tx, customerID)
		if err != nil {
			return err
		}
		c.NoShow = true
		return data.UpdateCustomer(ctx, tx, &c, *sd.clock)
	})
}

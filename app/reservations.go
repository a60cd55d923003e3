package app

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"salondesk/data"
)

// ReservationInput is what the reservation form submits.
type ReservationInput struct {
	ID          int64 // 0 = new
	CustomerID  int64
	NewCustomer *CustomerInput // set to create the customer in the same transaction
	Start       time.Time
	StaffID     int64
	Designated  bool
	EquipmentID int64
	CouponID    int64
	MenuIDs     []int64
	Route       data.Route // phone or walkin for desk reservations
	Memo        string
}

// MaxMemo is the longest 予約時メモ accepted.
const MaxMemo = 500

// durationOf is the reservation length: the menus' durations, else the coupon's.
func durationOf(menus map[int64]data.Menu, ids []int64, coupon *data.Coupon) (time.Duration, error) {
	total := 0
	for _, id := range ids {
		m, ok := menus[id]
		if !ok {
			return 0, userErr("error.menu_unknown")
		}
		total += m.DurationMin
	}
	if len(ids) == 0 && coupon != nil {
		total = coupon.DurationMin
		if total == 0 {
			for _, id := range coupon.MenuIDs {
				total += menus[id].DurationMin
			}
		}
	}
	return time.Duration(total) * time.Minute, nil
}

// SaveReservation creates or changes a desk reservation after checking the salon's rules.
// It refuses, writing nothing, when the slot is over its 受付可能数.
func (a *App) SaveReservation(ctx context.Context, in ReservationInput) (data.Reservation, error) {
	var saved data.Reservation
	if in.CustomerID == 0 && in.NewCustomer == nil {
		return saved, userErr("error.customer_required")
	}
	if in.Start.IsZero() {
		return saved, userErr("error.start_required")
	}
	if in.Start.Minute()%5 != 0 {
		return saved, userErr("error.start_grid")
	}
	if len([]rune(in.Memo)) > MaxMemo {
		return saved, userErr("error.memo_too_long", "Max", MaxMemo)
	}
	if in.NewCustomer != nil {
		if err := in.NewCustomer.validate(); err != nil {
			return saved, err
		}
	}
	err := a.Update(ctx, func(t *Tx) error {
		r, before, err := t.reservationFromInput(in)
		if err != nil {
			return err
		}
		if err := t.CheckFits(&r); err != nil {
			return err
		}
		if err := t.writeDesk(&r, before); err != nil {
			return err
		}
		saved = r
		return nil
	})
	return saved, err
}

// reservationFromInput builds the reservation to write and returns the stored one for a change.
func (t *Tx) reservationFromInput(in ReservationInput) (data.Reservation, *data.Reservation, error) {
	now := t.Now()
	var r data.Reservation
	var before *data.Reservation
	if in.ID != 0 {
		v, err := t.Reservation(in.ID)
		if errors.Is(err, data.ErrNotFound) {
			return r, nil, userErr("error.reservation_missing")
		} else if err != nil {
			return r, nil, err
		}
		if !v.Status.Active() || v.Status == data.StatusPaid {
			return r, nil, userErr("error.reservation_closed")
		}
		r = v.Reservation
		b := v.Reservation
		before = &b
	} else {
		r = data.Reservation{ReceivedAt: now, CreatedAt: now, Status: data.StatusWaiting,
			PaymentType: data.PayPerVisit, Route: in.Route}
		if r.Route == "" {
			r.Route = data.RoutePhone
		}
	}
	cust, err := t.CustomerForInput(in.CustomerID, in.NewCustomer)
	if err != nil {
		return r, nil, err
	}
	coupon, err := t.CouponByID(in.CouponID)
	if err != nil {
		return r, nil, err
	}
	dur, err := t.Duration(in.MenuIDs, in.CouponID)
	if err != nil {
		return r, nil, err
	}
	r.CustomerID, r.CustomerName, r.CustomerKana = cust.ID, cust.Name, cust.Kana
	r.FirstVisit = cust.VisitCount == 0
	r.Start, r.End = in.Start, in.Start.Add(dur)
	r.StaffID, r.Designated, r.EquipmentID = in.StaffID, in.Designated && in.StaffID != 0, in.EquipmentID
	r.CouponID, r.MenuIDs, r.Memo = in.CouponID, in.MenuIDs, trim(in.Memo)
	if coupon != nil {
		r.CouponName = coupon.Name
	}
	r.UpdatedAt = now
	return r, before, nil
}

// writeDesk writes a desk reservation and lets the integrations' hooks take their part
// (queue a job, set the sync state, refuse) in the same transaction. A new reservation
// is inserted first so that the hooks' jobs can name its id.
func (t *Tx) writeDesk(r *data.Reservation, before *data.Reservation) error {
	if before == nil {
		if err := data.InsertReservation(t.ctx, t.q, r); err != nil {
			return err
		}
		state, reason := r.SyncState, r.SyncReason
		if err := t.a.reservationChanging(t, ReservationChange{Kind: ReservationCreated, Reservation: r}); err != nil {
			return err
		}
		if r.SyncState == state && r.SyncReason == reason {
			t.Publish(ReservationsChanged{Days: []time.Time{r.Start}})
			return nil
		}
		return t.SaveReservation(r, nil)
	}
	if err := t.a.reservationChanging(t, ReservationChange{Kind: ReservationEdited, Reservation: r, Before: before}); err != nil {
		return err
	}
	return t.SaveReservation(r, before)
}

// transition checks a status change against the allowed ones.
func transition(from, to data.Status) error {
	allowed := map[data.Status][]data.Status{
		data.StatusProvisional: {data.StatusWaiting, data.StatusCancelled},
		data.StatusWaiting:     {data.StatusArrived, data.StatusCancelled, data.StatusNoShow, data.StatusPaid},
		data.StatusArrived:     {data.StatusPaid, data.StatusWaiting},
	}
	for _, s := range allowed[from] {
		if s == to {
			return nil
		}
	}
	return userErr("error.status_transition")
}

// setStatus changes a reservation's status in one transaction, with fn adding its own writes.
func (a *App) setStatus(ctx context.Context, id int64, to data.Status, fn func(t *Tx, r *data.Reservation, before *data.Reservation) error) error {
	return a.Update(ctx, func(t *Tx) error {
		v, err := t.Reservation(id)
		if errors.Is(err, data.ErrNotFound) {
			return userErr("error.reservation_missing")
		} else if err != nil {
			return err
		}
		if err := transition(v.Status, to); err != nil {
			return err
		}
		before := v.Reservation
		r := v.Reservation
		r.Status, r.UpdatedAt = to, t.Now()
		if fn != nil {
			if err := fn(t, &r, &before); err != nil {
				return err
			}
		}
		return t.SaveReservation(&r, nil)
	})
}

// CancelReservation cancels (or marks 無断キャンセル); the integrations' hooks queue the
// cancellation where the reservation is held.
func (a *App) CancelReservation(ctx context.Context, id int64, noShow bool) error {
	to := data.StatusCancelled
	if noShow {
		to = data.StatusNoShow
	}
	return a.setStatus(ctx, id, to, func(t *Tx, r, before *data.Reservation) error {
		return a.reservationChanging(t, ReservationChange{Kind: ReservationCancelled, Reservation: r, Before: before})
	})
}

// MarkArrived is 受付チェック: the customer came; their visit is counted.
func (a *App) MarkArrived(ctx context.Context, id int64) error {
	return a.setStatus(ctx, id, data.StatusArrived, func(t *Tx, r, _ *data.Reservation) error {
		return a.countVisit(t.ctx, t.q, r)
	})
}

// UndoArrival takes 受付チェック back.
func (a *App) UndoArrival(ctx context.Context, id int64) error {
	return a.setStatus(ctx, id, data.StatusWaiting, func(t *Tx, r, _ *data.Reservation) error {
		ctx, tx := t.ctx, t.q
		r.ArrivedAt = ""
		if r.CustomerID == 0 {
			return nil
		}
		c, err := data.GetCustomer(ctx, tx, r.CustomerID)
		if err != nil {
			return err
		}
		if c.VisitCount > 0 {
			c.VisitCount--
		}
		return data.UpdateCustomer(ctx, tx, &c, a.now())
	})
}

// UpdateMemo is メモ編集.
func (a *App) UpdateMemo(ctx context.Context, id int64, memo string) error {
	if len([]rune(memo)) > MaxMemo {
		return userErr("error.memo_too_long", "Max", MaxMemo)
	}
	var start time.Time
	err := a.store.Tx(ctx, func(tx *sql.Tx) error {
		v, err := data.GetReservation(ctx, tx, id)
		if err != nil {
			return err
		}
		r := v.Reservation
		r.Memo, r.UpdatedAt, start = trim(memo), a.now(), r.Start
		return data.UpdateReservation(ctx, tx, &r)
	})
	if err == nil {
		a.events.Publish(ReservationsChanged{Days: []time.Time{start}})
	}
	return err
}

// SetTranscribedCheck is 予約転記済みチェック + 「変更する」: staff registered the reservation in
// SALON BOARD by hand, so its open notifications are resolved (the × icon stays).
func (a *App) SetTranscribedCheck(ctx context.Context, id int64, checked bool) error {
	var start time.Time
	err := a.store.Tx(ctx, func(tx *sql.Tx) error {
		v, err := data.GetReservation(ctx, tx, id)
		if err != nil {
			return err
		}
		r := v.Reservation
		r.TranscribedCheck, r.UpdatedAt, start = checked, a.now(), r.Start
		if err := data.UpdateReservation(ctx, tx, &r); err != nil {
			return err
		}
		if !checked {
			return nil
		}
		_, err = data.ResolveNotifications(ctx, tx, 0, id, a.now())
		return err
	})
	if err == nil {
		a.events.Publish(ReservationsChanged{Days: []time.Time{start}})
		a.events.Publish(NotificationsChanged{})
	}
	return err
}

// Reservation reads one reservation for the detail window.
func (a *App) Reservation(ctx context.Context, id int64) (data.ReservationView, error) {
	return data.GetReservation(ctx, a.store.Reader(), id)
}

// Reservations lists reservations for the list screen and exports.
func (a *App) Reservations(ctx context.Context, f data.ReservationFilter) ([]data.ReservationView, error) {
	return data.ListReservations(ctx, a.store.Reader(), f)
}

package app

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
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

// Outbox job kinds for SALON BOARD.
const (
	JobSBRegister = "salonboard.register"
	JobSBChange   = "salonboard.change"
	JobSBCancel   = "salonboard.cancel"
)

// day is what the rules need to know about one day of the salon.
type day struct {
	salon     Salon
	hours     data.Hours
	slots     []time.Time
	staff     map[int64]data.Staff
	equipment map[int64]data.Equipment
}

func (a *App) loadDay(ctx context.Context, q data.Querier, d time.Time) (day, error) {
	var out day
	var err error
	if out.salon, err = a.Salon(ctx); err != nil {
		return out, err
	}
	hours, err := a.store.Hours(ctx)
	if err != nil {
		return out, err
	}
	out.hours = hours[int(d.Weekday())]
	out.slots = Slots(d, out.hours, out.salon.SlotMinutes)
	staff, err := data.ListStaff(ctx, q, true)
	if err != nil {
		return out, err
	}
	out.staff = map[int64]data.Staff{}
	for _, s := range staff {
		out.staff[s.ID] = s
	}
	eq, err := data.ListEquipment(ctx, q, true)
	if err != nil {
		return out, err
	}
	out.equipment = map[int64]data.Equipment{}
	for _, e := range eq {
		out.equipment[e.ID] = e
	}
	return out, nil
}

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
	var days []time.Time
	err := a.store.Tx(ctx, func(tx *sql.Tx) error {
		r, before, err := a.reservationFromInput(ctx, tx, in)
		if err != nil {
			return err
		}
		if err := a.checkFits(ctx, tx, &r); err != nil {
			return err
		}
		if err := a.writeReservation(ctx, tx, &r, before); err != nil {
			return err
		}
		saved = r
		days = []time.Time{r.Start}
		if before != nil {
			days = append(days, before.Start)
		}
		return nil
	})
	if err != nil {
		return saved, err
	}
	a.events.Publish(ReservationsChanged{Days: days})
	if in.NewCustomer != nil {
		a.events.Publish(CustomersChanged{})
	}
	return saved, nil
}

// reservationFromInput builds the reservation to write and returns the stored one for a change.
func (a *App) reservationFromInput(ctx context.Context, tx *sql.Tx, in ReservationInput) (data.Reservation, *data.Reservation, error) {
	now := a.now()
	var r data.Reservation
	var before *data.Reservation
	if in.ID != 0 {
		v, err := data.GetReservation(ctx, tx, in.ID)
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
	if in.NewCustomer != nil {
		c, err := in.NewCustomer.toCustomer()
		if err != nil {
			return r, nil, err
		}
		if err := data.InsertCustomer(ctx, tx, &c, now); err != nil {
			return r, nil, err
		}
		in.CustomerID = c.ID
	}
	cust, err := data.GetCustomer(ctx, tx, in.CustomerID)
	if errors.Is(err, data.ErrNotFound) {
		return r, nil, userErr("error.customer_missing")
	} else if err != nil {
		return r, nil, err
	}
	menus, coupon, err := a.menusAndCoupon(ctx, tx, in.CouponID)
	if err != nil {
		return r, nil, err
	}
	dur, err := durationOf(menus, in.MenuIDs, coupon)
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

func (a *App) menusAndCoupon(ctx context.Context, q data.Querier, couponID int64) (map[int64]data.Menu, *data.Coupon, error) {
	list, err := data.ListMenus(ctx, q, true)
	if err != nil {
		return nil, nil, err
	}
	menus := make(map[int64]data.Menu, len(list))
	for _, m := range list {
		menus[m.ID] = m
	}
	if couponID == 0 {
		return menus, nil, nil
	}
	coupons, err := data.ListCoupons(ctx, q, true)
	if err != nil {
		return nil, nil, err
	}
	for i := range coupons {
		if coupons[i].ID == couponID {
			return menus, &coupons[i], nil
		}
	}
	return nil, nil, userErr("error.coupon_unknown")
}

// checkFits refuses a reservation outside opening hours, on a staff member's day off,
// or over a 受付可能数 of the salon, its staff or its equipment.
func (a *App) checkFits(ctx context.Context, tx *sql.Tx, r *data.Reservation) error {
	d, err := a.loadDay(ctx, tx, r.Start)
	if err != nil {
		return err
	}
	if d.hours.Closed {
		return userErr("error.closed_day")
	}
	open, _ := clockOn(r.Start, d.hours.Open)
	closing, _ := clockOn(r.Start, d.hours.Close)
	if r.Start.Before(open) || r.End.After(closing) || !r.Start.Before(closing) {
		return userErr("error.outside_hours", "Open", d.hours.Open, "Close", d.hours.Close)
	}
	if r.StaffID != 0 {
		s, ok := d.staff[r.StaffID]
		if !ok || !s.Active {
			return userErr("error.staff_unknown")
		}
		if !worksOn(s, r.Start) {
			return userErr("error.staff_day_off", "Staff", s.Name)
		}
	}
	if r.EquipmentID != 0 {
		if e, ok := d.equipment[r.EquipmentID]; !ok || !e.Active {
			return userErr("error.equipment_unknown")
		}
	}
	slot := time.Duration(d.salon.SlotMinutes) * time.Minute
	occ, err := data.ActiveOverlapping(ctx, tx, r.Start.Add(-slot), r.End.Add(slot), r.ID)
	if err != nil {
		return err
	}
	over, err := data.CapacityOverrides(ctx, tx, data.FormatDay(r.Start))
	if err != nil {
		return err
	}
	loads := Loads(d.slots, slot, occ, d.salon.Capacity, over)
	lim := capacityLimits{staff: map[int64]int{}, equipment: map[int64]int{}}
	for id, s := range d.staff {
		lim.staff[id] = s.Capacity
	}
	for id, e := range d.equipment {
		lim.equipment[id] = e.Capacity
	}
	cand := data.Occupant{ID: r.ID, Start: r.Start, End: r.End, StaffID: r.StaffID, EquipmentID: r.EquipmentID}
	if key, at := overCapacity(loads, slot, cand, lim); key != "" {
		return userErr(key, "Time", at.Format("15:04"))
	}
	return nil
}

// worksOn reports whether a staff member works on t's weekday.
func worksOn(s data.Staff, t time.Time) bool {
	if s.WorkDays == "" {
		return true
	}
	wd := byte('0' + int(t.Weekday()))
	for i := 0; i < len(s.WorkDays); i++ {
		if s.WorkDays[i] == wd {
			return true
		}
	}
	return false
}

// writeReservation inserts or updates r and, when SALON BOARD sync is on, queues the
// job that carries the change there, in the same transaction.
func (a *App) writeReservation(ctx context.Context, tx *sql.Tx, r *data.Reservation, before *data.Reservation) error {
	kind := a.sbJobFor(ctx, r, before)
	if kind != "" {
		r.SyncState, r.SyncReason = data.SyncPending, ""
	}
	if before == nil {
		if err := data.InsertReservation(ctx, tx, r); err != nil {
			return err
		}
	} else if err := data.UpdateReservation(ctx, tx, r); err != nil {
		return err
	}
	if kind == "" {
		return nil
	}
	return a.enqueueSB(ctx, tx, kind, r.ID)
}

func (a *App) enqueueSB(ctx context.Context, tx *sql.Tx, kind string, id int64) error {
	payload, _ := json.Marshal(map[string]int64{"reservation_id": id})
	return data.EnqueueJob(ctx, tx, &data.Job{Kind: kind, Ref: fmt.Sprintf("reservation:%d", id),
		Payload: string(payload)}, a.now())
}

// sbJobFor decides which SALON BOARD job a desk change needs. Reservations that came
// from SALON BOARD, or were transcribed, are never registered there again.
func (a *App) sbJobFor(ctx context.Context, r *data.Reservation, before *data.Reservation) string {
	if !a.SalonBoardEnabled(ctx) {
		return ""
	}
	if r.Route == data.RouteHPB || r.Route == data.RouteSalonBoard || r.SyncState == data.SyncTranscribed {
		if before != nil && r.SBNumber != "" && r.Route != data.RouteHPB {
			return JobSBChange
		}
		return ""
	}
	if before == nil || (r.SBNumber == "" && r.SyncState != data.SyncPending) {
		return JobSBRegister
	}
	return JobSBChange
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
func (a *App) setStatus(ctx context.Context, id int64, to data.Status, fn func(tx *sql.Tx, r *data.Reservation) error) error {
	var start time.Time
	err := a.store.Tx(ctx, func(tx *sql.Tx) error {
		v, err := data.GetReservation(ctx, tx, id)
		if errors.Is(err, data.ErrNotFound) {
			return userErr("error.reservation_missing")
		} else if err != nil {
			return err
		}
		if err := transition(v.Status, to); err != nil {
			return err
		}
		r := v.Reservation
		r.Status, r.UpdatedAt = to, a.now()
		if fn != nil {
			if err := fn(tx, &r); err != nil {
				return err
			}
		}
		start = r.Start
		return data.UpdateReservation(ctx, tx, &r)
	})
	if err == nil {
		a.events.Publish(ReservationsChanged{Days: []time.Time{start}})
	}
	return err
}

// CancelReservation cancels (or marks 無断キャンセル) and, if SALON BOARD has it, queues the cancel there.
func (a *App) CancelReservation(ctx context.Context, id int64, noShow bool) error {
	to := data.StatusCancelled
	if noShow {
		to = data.StatusNoShow
	}
	return a.setStatus(ctx, id, to, func(tx *sql.Tx, r *data.Reservation) error {
		if !a.SalonBoardEnabled(ctx) || (r.SBNumber == "" && r.SyncState != data.SyncPending) {
			return nil
		}
		r.SyncState, r.SyncReason = data.SyncPending, ""
		return a.enqueueSB(ctx, tx, JobSBCancel, r.ID)
	})
}

// MarkArrived is 受付チェック: the customer came; their visit is counted.
func (a *App) MarkArrived(ctx context.Context, id int64) error {
	return a.setStatus(ctx, id, data.StatusArrived, func(tx *sql.Tx, r *data.Reservation) error {
		return a.countVisit(ctx, tx, r)
	})
}

// UndoArrival takes 受付チェック back.
func (a *App) UndoArrival(ctx context.Context, id int64) error {
	return a.setStatus(ctx, id, data.StatusWaiting, func(tx *sql.Tx, r *data.Reservation) error {
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

package app

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"fyne.io/fyne/v2/lang"

	"salondesk/data"
)

// Payment methods of a checkout (会計).
const (
	MethodCash  = "cash"  // 現金
	MethodCard  = "card"  // カード
	MethodOther = "other" // その他
)

// CheckoutInput is what the 会計 dialog submits.
type CheckoutInput struct {
	ReservationID int64
	// MenuIDs are the menus done. nil keeps the reservation's own; the dialog sets them when
	// the reservation came without menus (a name mismatch from SALON BOARD, say).
	MenuIDs []int64
	Method  string
	Memo    string
}

// CheckoutLines lists what a checkout would charge: the coupon at its price, the menus it
// does not stand for at theirs, and the designation fee when the staff was 指名.
// menuIDs nil means the reservation's own menus.
func (a *App) CheckoutLines(ctx context.Context, id int64, menuIDs []int64) ([]data.SaleItem, error) {
	q := a.store.Reader()
	v, err := data.GetReservation(ctx, q, id)
	if errors.Is(err, data.ErrNotFound) {
		return nil, userErr("error.reservation_missing")
	} else if err != nil {
		return nil, err
	}
	if menuIDs == nil {
		menuIDs = v.MenuIDs
	}
	return checkoutLines(ctx, q, &v.Reservation, menuIDs)
}

func checkoutLines(ctx context.Context, q data.Querier, r *data.Reservation, menuIDs []int64) ([]data.SaleItem, error) {
	var lines []data.SaleItem
	covered := map[int64]bool{}
	if r.CouponID != 0 {
		coupons, err := data.ListCoupons(ctx, q, true)
		if err != nil {
			return nil, err
		}
		for _, c := range coupons {
			if c.ID != r.CouponID {
				continue
			}
			lines = append(lines, data.SaleItem{Name: c.Name, Price: c.Price})
			for _, m := range c.MenuIDs {
				covered[m] = true
			}
		}
	}
	menus, err := data.ListMenus(ctx, q, true)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]data.Menu, len(menus))
	for _, m := range menus {
		byID[m.ID] = m
	}
	for _, id := range menuIDs {
		m, ok := byID[id]
		if !ok {
			return nil, userErr("error.menu_unknown")
		}
		if !covered[id] {
			lines = append(lines, data.SaleItem{MenuID: id, Name: m.Name, Price: m.Price})
		}
	}
	if fee, err := designationFee(ctx, q, r); err != nil {
		return nil, err
	} else if fee > 0 {
		lines = append(lines, data.SaleItem{Name: lang.X("checkout.designation_fee", "指名料"), Price: fee})
	}
	return lines, nil
}

func designationFee(ctx context.Context, q data.Querier, r *data.Reservation) (int, error) {
	if !r.Designated || r.StaffID == 0 {
		return 0, nil
	}
	staff, err := data.ListStaff(ctx, q, true)
	if err != nil {
		return 0, err
	}
	for _, s := range staff {
		if s.ID == r.StaffID {
			return s.DesignationFee, nil
		}
	}
	return 0, nil
}

// Checkout is 会計: in one transaction it records the sale with its lines, keeps the menus
// done on the reservation and marks it 会計済み. A reservation without menus and without a
// coupon is refused: the staff must choose the menus first (the seed's rule for
// reservations whose menu names did not match). A customer who is checked out without a
// 受付チェック has still visited, so the visit is counted here then.
func (a *App) Checkout(ctx context.Context, in CheckoutInput) (data.Sale, error) {
	var sale data.Sale
	switch in.Method {
	case MethodCash, MethodCard, MethodOther:
	default:
		return sale, userErr("checkout.error.method")
	}
	if len([]rune(in.Memo)) > MaxMemo {
		return sale, userErr("error.memo_too_long", "Max", MaxMemo)
	}
	var start time.Time
	err := a.store.Tx(ctx, func(tx *sql.Tx) error {
		v, err := data.GetReservation(ctx, tx, in.ReservationID)
		if errors.Is(err, data.ErrNotFound) {
			return userErr("error.reservation_missing")
		} else if err != nil {
			return err
		}
		r := v.Reservation
		if err := transition(r.Status, data.StatusPaid); err != nil {
			return err
		}
		if in.MenuIDs != nil {
			r.MenuIDs = in.MenuIDs
		}
		if len(r.MenuIDs) == 0 && r.CouponID == 0 {
			return userErr("checkout.error.no_menus")
		}
		lines, err := checkoutLines(ctx, tx, &r, r.MenuIDs)
		if err != nil {
			return err
		}
		sale = data.Sale{ReservationID: r.ID, CustomerID: r.CustomerID, SoldAt: a.now(), Method: in.Method,
			Memo: trim(in.Memo), Items: lines}
		for _, l := range lines {
			sale.Amount += l.Price
		}
		if err := data.InsertSale(ctx, tx, &sale); err != nil {
			return err
		}
		if r.ArrivedAt == "" {
			if err := a.countVisit(ctx, tx, &r); err != nil {
				return err
			}
		}
		r.Status, r.UpdatedAt, start = data.StatusPaid, a.now(), r.Start
		return data.UpdateReservation(ctx, tx, &r)
	})
	if err != nil {
		return data.Sale{}, err
	}
	a.events.Publish(ReservationsChanged{Days: []time.Time{start}})
	return sale, nil
}

// countVisit records the arrival and the customer's visit, as MarkArrived does.
func (a *App) countVisit(ctx context.Context, tx *sql.Tx, r *data.Reservation) error {
	r.ArrivedAt = data.FormatTime(a.now())
	if r.CustomerID == 0 {
		return nil
	}
	c, err := data.GetCustomer(ctx, tx, r.CustomerID)
	if err != nil {
		return err
	}
	visit := data.FormatDay(r.Start)
	c.VisitCount++
	if c.FirstVisit == "" || visit < c.FirstVisit {
		c.FirstVisit = visit
	}
	if visit > c.LastVisit {
		c.LastVisit = visit
	}
	return data.UpdateCustomer(ctx, tx, &c, a.now())
}

package app

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"fyne.io/fyne/v2/lang"

	"salondesk/data"
)

// CheckoutInput is what the 会計 form submits.
type CheckoutInput struct {
	ReservationID int64
	// MenuIDs are the menus done. nil keeps the reservation's own; the form sets them when
	// the reservation came without menus (a name mismatch from SALON BOARD, say).
	MenuIDs       []int64
	Products      []ProductLine       // 店販
	LineDiscounts map[string]Discount // by LineKey
	TotalDiscount Discount
	Payments      []PaymentInput // one, or a split across methods
	Tendered      int            // 預り金 for the cash part; 0 = exactly the cash part
	// Method pays the whole total in one method when Payments is empty.
	Method string
	Memo   string
}

// CheckoutLines lists what a checkout would charge before discounts and tax: the coupon
// at its price, the menus it does not stand for at theirs, and the designation fee when
// the staff was 指名. menuIDs nil means the reservation's own menus.
func (a *App) CheckoutLines(ctx context.Context, id int64, menuIDs []int64) ([]data.SaleItem, error) {
	q := a.store.Reader()
	r, err := a.checkoutReservation(ctx, q, CheckoutInput{ReservationID: id, MenuIDs: menuIDs})
	if err != nil {
		return nil, err
	}
	return checkoutLines(ctx, q, &r, r.MenuIDs)
}

// checkoutReservation reads the reservation, with in's menus when it chose them.
func (a *App) checkoutReservation(ctx context.Context, q data.Querier, in CheckoutInput) (data.Reservation, error) {
	v, err := data.GetReservation(ctx, q, in.ReservationID)
	if errors.Is(err, data.ErrNotFound) {
		return data.Reservation{}, userErr("error.reservation_missing")
	} else if err != nil {
		return data.Reservation{}, err
	}
	r := v.Reservation
	if in.MenuIDs != nil {
		r.MenuIDs = in.MenuIDs
	}
	return r, nil
}

func checkoutLines(ctx context.Context, q data.Querier, r *data.Reservation, menuIDs []int64) ([]data.SaleItem, error) {
	menus, err := data.ListMenus(ctx, q, true)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]data.Menu, len(menus))
	for _, m := range menus {
		byID[m.ID] = m
	}
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
			line := data.SaleItem{Kind: data.LineCoupon, Name: c.Name, Price: c.Price}
			if len(c.MenuIDs) > 0 {
				line.CategoryID = byID[c.MenuIDs[0]].CategoryID // reported under its first menu's category
			}
			lines = append(lines, line)
			for _, m := range c.MenuIDs {
				covered[m] = true
			}
		}
	}
	for _, id := range menuIDs {
		m, ok := byID[id]
		if !ok {
			return nil, userErr("error.menu_unknown")
		}
		if !covered[id] {
			lines = append(lines, data.SaleItem{Kind: data.LineMenu, MenuID: id, CategoryID: m.CategoryID,
				Name: m.Name, Price: m.Price})
		}
	}
	if fee, err := designationFee(ctx, q, r); err != nil {
		return nil, err
	} else if fee > 0 {
		lines = append(lines, data.SaleItem{Kind: data.LineDesignation,
			Name: lang.X("checkout.designation_fee", "指名料"), Price: fee})
	}
	for i := range lines {
		lines[i].Quantity, lines[i].UnitPrice = 1, lines[i].Price
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

// Checkout is 会計: in one transaction it records the sale with its lines, tax and
// payments, lowers the balance of a 回数券 / 定額プラン it used, keeps the menus done on the
// reservation, marks it 会計済み and counts the visit (unless 受付チェック already did). A
// reservation without menus is refused, coupon or not: SALON BOARD did not send them
// (the seed: 会計時に施術メニューの選択が必要です), so the staff chooses them first.
func (a *App) Checkout(ctx context.Context, in CheckoutInput) (data.Sale, error) {
	var sale data.Sale
	if len([]rune(in.Memo)) > MaxMemo {
		return sale, userErr("error.memo_too_long", "Max", MaxMemo)
	}
	var start time.Time
	err := a.store.Tx(ctx, func(tx *sql.Tx) error {
		r, err := a.checkoutReservation(ctx, tx, in)
		if err != nil {
			return err
		}
		if err := transition(r.Status, data.StatusPaid); err != nil {
			return err
		}
		if len(r.MenuIDs) == 0 {
			return userErr("checkout.error.no_menus")
		}
		q, err := a.quote(ctx, tx, &r, in)
		if err != nil {
			return err
		}
		sale = data.Sale{ReservationID: r.ID, CustomerID: r.CustomerID, SoldAt: a.now(), Memo: trim(in.Memo),
			Items: q.Items, Amount: q.Amount, Tax: q.Tax, TaxRate: q.TaxRate, TaxInclusive: q.TaxInclusive,
			StaffID: r.StaffID, Designated: r.Designated, Route: r.Route}
		if err := a.takePayments(ctx, tx, &r, in, &sale); err != nil {
			return err
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

// ReverseSale is 取消 of a 会計: the sale stays, struck through, with its reason; the
// balance its 回数券 / 定額プラン gave is given back and the reservation is 来店 again, to be
// checked out anew. The visit stays counted: the customer did come.
func (a *App) ReverseSale(ctx context.Context, saleID int64, reason string) error {
	reason = trim(reason)
	if reason == "" {
		return userErr("checkout.error.reason_required")
	}
	if len([]rune(reason)) > MaxMemo {
		return userErr("error.memo_too_long", "Max", MaxMemo)
	}
	var day time.Time
	err := a.store.Tx(ctx, func(tx *sql.Tx) error {
		s, err := data.GetSale(ctx, tx, saleID)
		if errors.Is(err, data.ErrNotFound) {
			return userErr("checkout.error.sale_missing")
		} else if err != nil {
			return err
		}
		if s.Reversed() {
			return userErr("checkout.error.already_reversed")
		}
		if err := data.ReverseSale(ctx, tx, s.ID, a.now(), reason); err != nil {
			return err
		}
		for _, p := range s.Payments {
			if p.ContractID != 0 {
				if err := data.AddRemaining(ctx, tx, p.ContractID, 1); err != nil {
					return err
				}
			}
		}
		day = s.SoldAt
		if s.ReservationID == 0 {
			return nil
		}
		v, err := data.GetReservation(ctx, tx, s.ReservationID)
		if errors.Is(err, data.ErrNotFound) {
			return nil
		} else if err != nil {
			return err
		}
		if v.Status != data.StatusPaid {
			return nil
		}
		r := v.Reservation
		r.Status, r.UpdatedAt, day = data.StatusArrived, a.now(), r.Start
		return data.UpdateReservation(ctx, tx, &r)
	})
	if err == nil {
		a.events.Publish(ReservationsChanged{Days: []time.Time{day}})
	}
	return err
}

package app

import (
	"context"
	"time"

	"salondesk/data"
)

// DayClose is 日次照合: the desk's 会計 of a day beside the payments received outside
// (Smaregi) that day, paired by customer and amount, what stays unpaired on each side,
// and the difference in yen; and the visits without 会計 (来店 not yet checked out),
// which is all there is to compare when Smaregi is not used.
type DayClose struct {
	Day              time.Time
	Pairs            []SalePaymentPair
	UnpairedSales    []data.Sale
	UnpairedPayments []data.Payment
	Reversed         []data.Sale // 取消 sales of the day: shown struck through, never paired
	SalesTotal       int         // the standing sales
	PaymentsTotal    int
	Difference       int // SalesTotal − PaymentsTotal
	NotCheckedOut    []data.ReservationView
}

// SalePaymentPair is a sale and the outside payment that pays it.
type SalePaymentPair struct {
	Sale    data.Sale
	Payment data.Payment
}

// Balanced reports whether the day closes: everything paired, every visit checked out.
func (d *DayClose) Balanced() bool {
	return d.Difference == 0 && len(d.UnpairedSales) == 0 && len(d.UnpairedPayments) == 0 && len(d.NotCheckedOut) == 0
}

// DayClose builds 日次照合 for day.
func (a *App) DayClose(ctx context.Context, day time.Time) (DayClose, error) {
	q := a.store.Reader()
	from := data.DayStart(day)
	to := from.AddDate(0, 0, 1)
	out := DayClose{Day: from}
	sales, err := data.ListSales(ctx, q, from, to)
	if err != nil {
		return out, err
	}
	payments, err := data.ListPayments(ctx, q, from, to, false)
	if err != nil {
		return out, err
	}
	var standing []data.Sale
	for _, s := range sales {
		if s.Reversed() {
			out.Reversed = append(out.Reversed, s)
			continue
		}
		standing = append(standing, s)
		out.SalesTotal += s.Amount
	}
	for _, p := range payments {
		out.PaymentsTotal += p.Amount
	}
	out.Difference = out.SalesTotal - out.PaymentsTotal
	out.Pairs, out.UnpairedSales, out.UnpairedPayments = pairSales(standing, payments)
	rs, err := data.DayReservations(ctx, q, from)
	if err != nil {
		return out, err
	}
	for _, r := range rs {
		if r.Status == data.StatusArrived {
			out.NotCheckedOut = append(out.NotCheckedOut, r)
		}
	}
	return out, nil
}

// pairSales pairs first by reservation (a payment matched to it), then by customer and
// amount, each payment used once.
func pairSales(sales []data.Sale, payments []data.Payment) ([]SalePaymentPair, []data.Sale, []data.Payment) {
	used := make([]bool, len(payments))
	var pairs []SalePaymentPair
	var unpaired []data.Sale
	find := func(ok func(p data.Payment) bool) int {
		for i, p := range payments {
			if !used[i] && ok(p) {
				return i
			}
		}
		return -1
	}
	for _, s := range sales {
		i := find(func(p data.Payment) bool {
			return s.ReservationID != 0 && p.ReservationID == s.ReservationID && p.Amount == s.Amount
		})
		if i < 0 {
			i = find(func(p data.Payment) bool {
				return s.CustomerID != 0 && p.CustomerID == s.CustomerID && p.Amount == s.Amount
			})
		}
		if i < 0 {
			unpaired = append(unpaired, s)
			continue
		}
		used[i] = true
		pairs = append(pairs, SalePaymentPair{Sale: s, Payment: payments[i]})
	}
	var left []data.Payment
	for i, p := range payments {
		if !used[i] {
			left = append(left, p)
		}
	}
	return pairs, unpaired, left
}

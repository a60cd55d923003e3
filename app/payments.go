package app

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"salondesk/data"
)

// ExternalPayment is a payment received outside the desk: a Smaregi transaction
// (the Smaregi issue calls RecordPayment) or a 定額プラン's payment.
type ExternalPayment struct {
	ExternalID string // the other system's id: receiving it twice records it once
	ReceivedAt time.Time
	Amount     int
	Method     string
	Source     string // smaregi, desk
	Kind       string // data.PaymentPerVisit or data.PaymentPlanFee
	PayerName  string // the customer's name as the other system had it
	CustomerID int64  // when the other system knew our customer
	Memo       string
}

// RecordPayment records an outside payment and matches it when it can: to the customer
// it names (or the one customer whose kana or name it carries) and, for pay-per-visit,
// to that customer's one reservation of the day. Otherwise it waits in 入金管理's
// unmatched list.
func (a *App) RecordPayment(ctx context.Context, in ExternalPayment) (data.Payment, error) {
	if in.Amount < 0 {
		return data.Payment{}, userErr("checkout.error.negative")
	}
	if in.Kind == "" {
		in.Kind = data.PaymentPerVisit
	}
	if in.Kind != data.PaymentPerVisit && in.Kind != data.PaymentPlanFee {
		return data.Payment{}, userErr("payments.error.kind")
	}
	if in.ReceivedAt.IsZero() {
		in.ReceivedAt = a.now()
	}
	p := data.Payment{ExternalID: in.ExternalID, ReceivedAt: in.ReceivedAt, Amount: in.Amount, Method: in.Method,
		Source: in.Source, Kind: in.Kind, PayerName: trim(in.PayerName), CustomerID: in.CustomerID, Memo: trim(in.Memo)}
	if p.Source == "" {
		p.Source = "desk"
	}
	err := a.store.Tx(ctx, func(tx *sql.Tx) error {
		if err := autoMatch(ctx, tx, &p); err != nil {
			return err
		}
		_, err := data.InsertPayment(ctx, tx, &p)
		return err
	})
	return p, err
}

// autoMatch finds the customer and, for pay-per-visit, the reservation of a payment;
// only an unambiguous match is taken.
func autoMatch(ctx context.Context, tx *sql.Tx, p *data.Payment) error {
	if p.CustomerID == 0 && p.PayerName != "" {
		cs, err := data.CustomersNamed(ctx, tx, p.PayerName, 2)
		if err != nil {
			return err
		}
		if len(cs) == 1 {
			p.CustomerID = cs[0].ID
		}
	}
	if p.CustomerID == 0 {
		return nil
	}
	if p.Kind == data.PaymentPerVisit {
		rs, err := data.ListReservations(ctx, tx, data.ReservationFilter{From: data.DayStart(p.ReceivedAt),
			To: data.DayStart(p.ReceivedAt).AddDate(0, 0, 1), CustomerID: p.CustomerID})
		if err != nil {
			return err
		}
		var found []int64
		for _, r := range rs {
			if r.CustomerID == p.CustomerID && (r.Status == data.StatusArrived || r.Status == data.StatusPaid) {
				found = append(found, r.ID)
			}
		}
		if len(found) != 1 {
			return nil
		}
		p.ReservationID = found[0]
	}
	p.Matched = data.MatchAuto
	return nil
}

// Payments lists the outside payments of [from, to); unmatchedOnly keeps those to match by hand.
func (a *App) Payments(ctx context.Context, from, to time.Time, unmatchedOnly bool) ([]data.Payment, error) {
	return data.ListPayments(ctx, a.store.Reader(), from, to, unmatchedOnly)
}

// MatchPayment is matching by hand: the payment belongs to customerID and, for
// pay-per-visit, to reservationID, which must be that customer's.
func (a *App) MatchPayment(ctx context.Context, paymentID, customerID, reservationID int64) error {
	if customerID == 0 {
		return userErr("payments.error.customer_required")
	}
	return a.store.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := data.GetCustomer(ctx, tx, customerID); errors.Is(err, data.ErrNotFound) {
			return userErr("payments.error.customer_required")
		} else if err != nil {
			return err
		}
		if reservationID != 0 {
			v, err := data.GetReservation(ctx, tx, reservationID)
			if errors.Is(err, data.ErrNotFound) {
				return userErr("error.reservation_missing")
			} else if err != nil {
				return err
			}
			if v.CustomerID != customerID {
				return userErr("payments.error.other_customer")
			}
		}
		return data.MatchPayment(ctx, tx, paymentID, customerID, reservationID, data.MatchManual)
	})
}

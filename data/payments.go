package data

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Kinds of an outside payment (入金).
const (
	PaymentPerVisit = "per_visit" // 都度: one visit, matched to its reservation
	PaymentPlanFee  = "plan"      // a 定額プラン's payment, matched to the customer
)

// How a payment was matched.
const (
	MatchNone   = ""
	MatchAuto   = "auto"
	MatchManual = "manual"
)

// InsertPayment records a payment from outside. A payment whose external id is already
// there is the same one received again: it is left as it is (found=true).
func InsertPayment(ctx context.Context, q Querier, p *Payment) (found bool, err error) {
	if p.ExternalID != "" {
		err := q.QueryRowContext(ctx, `SELECT id FROM payments WHERE external_id = ?`, p.ExternalID).Scan(&p.ID)
		if err == nil {
			return true, nil
		} else if !errors.Is(err, sql.ErrNoRows) {
			return false, err
		}
	}
	res, err := q.ExecContext(ctx, `INSERT INTO payments (customer_id, reservation_id, contract_id, received_at, amount,
		method, source, external_id, payer_name, kind, matched, memo) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
		nullID(p.CustomerID), nullID(p.ReservationID), nullID(p.ContractID), stamp(p.ReceivedAt), p.Amount, p.Method,
		p.Source, nullString(p.ExternalID), p.PayerName, p.Kind, p.Matched, p.Memo)
	if err != nil {
		return false, err
	}
	p.ID, err = res.LastInsertId()
	return false, err
}

// MatchPayment links a payment to its customer and (pay-per-visit) reservation.
func MatchPayment(ctx context.Context, q Querier, id, customerID, reservationID int64, how string) error {
	_, err := q.ExecContext(ctx, `UPDATE payments SET customer_id = ?, reservation_id = ?, matched = ? WHERE id = ?`,
		nullID(customerID), nullID(reservationID), how, id)
	return err
}

const paymentColumns = `id, COALESCE(customer_id, 0), COALESCE(reservation_id, 0), COALESCE(contract_id, 0),
	received_at, amount, method, source, COALESCE(external_id, ''), payer_name, kind, matched, memo FROM payments`

// ListPayments lists the payments received in [from, to), oldest first; unmatchedOnly
// keeps those still to match by hand.
func ListPayments(ctx context.Context, q Querier, from, to time.Time, unmatchedOnly bool) ([]Payment, error) {
	where := ` WHERE received_at >= ? AND received_at < ?`
	if unmatchedOnly {
		where += ` AND matched = ''`
	}
	rows, err := q.QueryContext(ctx, `SELECT `+paymentColumns+where+` ORDER BY received_at, id`, stamp(from), stamp(to))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Payment
	for rows.Next() {
		var p Payment
		var at string
		if err := rows.Scan(&p.ID, &p.CustomerID, &p.ReservationID, &p.ContractID, &at, &p.Amount, &p.Method, &p.Source,
			&p.ExternalID, &p.PayerName, &p.Kind, &p.Matched, &p.Memo); err != nil {
			return nil, err
		}
		p.ReceivedAt = ParseTime(at)
		out = append(out, p)
	}
	return out, rows.Err()
}

// CustomersNamed lists the customers whose kana or name is exactly name (at most limit).
func CustomersNamed(ctx context.Context, q Querier, name string, limit int) ([]Customer, error) {
	return queryAll(ctx, q, scanCustomer, `SELECT `+customerCols+` FROM customers WHERE kana = ? OR name = ? LIMIT ?`,
		name, name, limit)
}

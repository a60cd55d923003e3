package data

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// Contracts and payments (入金) as Smaregi's transactions undo them and the exports read
// them; they are written with InsertContract (contracts.go) and InsertPayment (payments.go).

// DeleteContract removes a contract (one a cancelled sale had made).
func DeleteContract(ctx context.Context, q Querier, id int64) error {
	_, err := q.ExecContext(ctx, `DELETE FROM contracts WHERE id = ?`, id)
	return err
}

// ListContracts lists contracts, of one customer when customerID is not 0, oldest first.
func ListContracts(ctx context.Context, q Querier, customerID int64) ([]Contract, error) {
	rows, err := q.QueryContext(ctx, `SELECT c.id, c.customer_id, COALESCE(c.plan_id, 0), COALESCE(c.product_id, 0),
		COALESCE(p.name, pr.name, ''), c.started_on, c.ended_on, c.status, c.source
		FROM contracts c LEFT JOIN plans p ON p.id = c.plan_id LEFT JOIN products pr ON pr.id = c.product_id
		WHERE ? = 0 OR c.customer_id = ? ORDER BY c.id`, customerID, customerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Contract
	for rows.Next() {
		var c Contract
		if err := rows.Scan(&c.ID, &c.CustomerID, &c.PlanID, &c.ProductID, &c.PlanName, &c.StartedOn, &c.EndedOn,
			&c.Status, &c.Source); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

const paymentCols = `id, COALESCE(customer_id, 0), COALESCE(reservation_id, 0), COALESCE(contract_id, 0),
	received_at, amount, method, source, COALESCE(external_id, '')`

func scanPayment(sc interface{ Scan(...any) error }) (Payment, error) {
	var p Payment
	var at string
	err := sc.Scan(&p.ID, &p.CustomerID, &p.ReservationID, &p.ContractID, &at, &p.Amount, &p.Method, &p.Source,
		&p.ExternalID)
	p.ReceivedAt = ParseTime(at)
	return p, err
}

// PaymentByExternalID reads the payment another system's id names (ErrNotFound).
func PaymentByExternalID(ctx context.Context, q Querier, source, externalID string) (Payment, error) {
	p, err := scanPayment(q.QueryRowContext(ctx, `SELECT `+paymentCols+` FROM payments WHERE source = ?
		AND external_id = ?`, source, externalID))
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNotFound
	}
	return p, err
}

// DeletePayment removes a payment (one a cancelled sale had made).
func DeletePayment(ctx context.Context, q Querier, id int64) error {
	_, err := q.ExecContext(ctx, `DELETE FROM payments WHERE id = ?`, id)
	return err
}

// PaymentsOf lists every payment, of one reservation when reservationID is not 0, oldest first.
func PaymentsOf(ctx context.Context, q Querier, reservationID int64) ([]Payment, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+paymentCols+` FROM payments WHERE ? = 0 OR reservation_id = ?
		ORDER BY received_at, id`, reservationID, reservationID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Payment
	for rows.Next() {
		p, err := scanPayment(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// UnpaidPerVisitReservations lists, by start, a customer's active 都度 reservations on
// day's date that no payment covers yet.
func UnpaidPerVisitReservations(ctx context.Context, q Querier, customerID int64, day time.Time) ([]int64, error) {
	from := DayStart(day)
	rows, err := q.QueryContext(ctx, `SELECT r.id FROM reservations r WHERE r.customer_id = ?
		AND r.start_at >= ? AND r.start_at < ? AND r.payment_type = 'per_visit'
		AND r.status NOT IN ('cancelled', 'noshow')
		AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.reservation_id = r.id) ORDER BY r.start_at, r.id`,
		customerID, FormatTime(from), FormatTime(from.AddDate(0, 0, 1)))
	if err != nil {
		return nil, err
	}
	return scanIDs(rows)
}

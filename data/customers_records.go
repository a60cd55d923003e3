package data

import (
	"context"
	"database/sql"
)

// CustomerContracts lists a customer's contracts, newest first, with the plan's (or the
// product's) name, kind and visits left: the same columns as 会計's list.
func CustomerContracts(ctx context.Context, q Querier, customerID int64) ([]Contract, error) {
	return queryAll(ctx, q, scanContract, `SELECT `+contractColumns+` WHERE c.customer_id = ?
		ORDER BY c.started_on DESC, c.id DESC`, customerID)
}

// CustomerPayments lists a customer's payments, newest first.
func CustomerPayments(ctx context.Context, q Querier, customerID int64) ([]Payment, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, customer_id, reservation_id, contract_id, received_at, amount,
		method, source, COALESCE(external_id, '') FROM payments WHERE customer_id = ? ORDER BY received_at DESC, id DESC`,
		customerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Payment
	for rows.Next() {
		var p Payment
		var cust, resv, contract sql.NullInt64
		var received string
		if err := rows.Scan(&p.ID, &cust, &resv, &contract, &received, &p.Amount, &p.Method, &p.Source,
			&p.ExternalID); err != nil {
			return nil, err
		}
		p.CustomerID, p.ReservationID, p.ContractID = idOf(cust), idOf(resv), idOf(contract)
		p.ReceivedAt = ParseTime(received)
		out = append(out, p)
	}
	return out, rows.Err()
}

// CustomerSalesTotal sums a customer's sales (会計) and counts them.
func CustomerSalesTotal(ctx context.Context, q Querier, customerID int64) (total, count int, err error) {
	err = q.QueryRowContext(ctx, `SELECT COALESCE(SUM(amount), 0), COUNT(*) FROM sales WHERE customer_id = ?`,
		customerID).Scan(&total, &count)
	return total, count, err
}

// EachCustomer calls fn for every customer by customer number, in one query (an export
// of 50,000 customers does not page with OFFSET); deleted customers' tombstones only
// when withErased.
func EachCustomer(ctx context.Context, q Querier, withErased bool, fn func(Customer) error) error {
	where := ` WHERE erased_on = ''`
	if withErased {
		where = ""
	}
	rows, err := q.QueryContext(ctx, `SELECT `+customerCols+` FROM customers`+where+` ORDER BY number`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		c, err := scanCustomer(rows)
		if err != nil {
			return err
		}
		if err := fn(c); err != nil {
			return err
		}
	}
	return rows.Err()
}

// NextCustomerNumber is the number a new customer gets.
func NextCustomerNumber(ctx context.Context, q Querier) (int64, error) {
	var n int64
	err := q.QueryRowContext(ctx, `SELECT COALESCE(MAX(number), 0) + 1 FROM customers`).Scan(&n)
	return n, err
}

// CustomerNumbers maps every customer number (live or deleted) to its customer, for an
// import matching rows by お客様番号.
func CustomerNumbers(ctx context.Context, q Querier) (map[int64]Customer, error) {
	out := map[int64]Customer{}
	err := EachCustomer(ctx, q, true, func(c Customer) error { out[c.Number] = c; return nil })
	return out, err
}

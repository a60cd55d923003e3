package data

import (
	"context"
	"time"
)

// InsertSale records a checkout with its items.
func InsertSale(ctx context.Context, q Querier, s *Sale) error {
	res, err := q.ExecContext(ctx, `INSERT INTO sales (reservation_id, customer_id, sold_at, amount, method, memo)
		VALUES (?,?,?,?,?,?)`, nullID(s.ReservationID), nullID(s.CustomerID), stamp(s.SoldAt), s.Amount, s.Method, s.Memo)
	if err != nil {
		return err
	}
	if s.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	for i, it := range s.Items {
		if _, err := q.ExecContext(ctx, `INSERT INTO sale_items (sale_id, position, menu_id, name, price)
			VALUES (?,?,?,?,?)`, s.ID, i, nullID(it.MenuID), it.Name, it.Price); err != nil {
			return err
		}
	}
	return nil
}

// SalesTotal sums sales in [from, to) and counts them.
func SalesTotal(ctx context.Context, q Querier, from, to time.Time) (total, count int, err error) {
	err = q.QueryRowContext(ctx, `SELECT COALESCE(SUM(amount), 0), COUNT(*) FROM sales WHERE sold_at >= ? AND sold_at < ?`,
		stamp(from), stamp(to)).Scan(&total, &count)
	return total, count, err
}

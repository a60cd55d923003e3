package data

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// InsertSale records a checkout with its lines and payments; the caller holds the
// transaction and has checked that the amounts add up.
func InsertSale(ctx context.Context, q Querier, s *Sale) error {
	res, err := q.ExecContext(ctx, `INSERT INTO sales (reservation_id, customer_id, sold_at, amount, method, memo,
		tax, tax_rate, tax_inclusive, tendered, change_given, staff_id, designated, route)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, nullID(s.ReservationID), nullID(s.CustomerID), stamp(s.SoldAt),
		s.Amount, s.Method, s.Memo, s.Tax, s.TaxRate, b2i(s.TaxInclusive), s.Tendered, s.Change,
		nullID(s.StaffID), b2i(s.Designated), string(s.Route))
	if err != nil {
		return err
	}
	if s.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	for i, it := range s.Items {
		if _, err := q.ExecContext(ctx, `INSERT INTO sale_items (sale_id, position, menu_id, name, price, kind,
			category_id, product_id, unit_price, quantity, discount, tax, amount) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			s.ID, i, nullID(it.MenuID), it.Name, it.Price, it.Kind, nullID(it.CategoryID), nullID(it.ProductID),
			it.UnitPrice, it.Quantity, it.Discount, it.Tax, it.Amount); err != nil {
			return err
		}
	}
	for i, p := range s.Payments {
		if _, err := q.ExecContext(ctx, `INSERT INTO sale_payments (sale_id, position, method, amount, contract_id)
			VALUES (?,?,?,?,?)`, s.ID, i, p.Method, p.Amount, nullID(p.ContractID)); err != nil {
			return err
		}
	}
	return nil
}

// ReverseSale is 取消: the sale stays, stamped with when and why; totals leave it out.
func ReverseSale(ctx context.Context, q Querier, id int64, at time.Time, note string) error {
	_, err := q.ExecContext(ctx, `UPDATE sales SET reversed_at = ?, reversal_note = ? WHERE id = ? AND reversed_at = ''`,
		stamp(at), note, id)
	return err
}

const saleColumns = `s.id, COALESCE(s.reservation_id, 0), COALESCE(s.customer_id, 0), s.sold_at, s.amount, s.method,
	s.memo, s.tax, s.tax_rate, s.tax_inclusive, s.tendered, s.change_given, COALESCE(s.staff_id, 0), s.designated,
	s.route, s.reversed_at, s.reversal_note, COALESCE(NULLIF(c.name, ''), c.kana, ''), COALESCE(st.name, '')`

const saleFrom = ` FROM sales s LEFT JOIN customers c ON c.id = s.customer_id LEFT JOIN staff st ON st.id = s.staff_id`

func scanSale(sc interface{ Scan(...any) error }) (Sale, error) {
	var s Sale
	var sold, route string
	err := sc.Scan(&s.ID, &s.ReservationID, &s.CustomerID, &sold, &s.Amount, &s.Method, &s.Memo, &s.Tax, &s.TaxRate,
		&s.TaxInclusive, &s.Tendered, &s.Change, &s.StaffID, &s.Designated, &route, &s.ReversedAt, &s.ReversalNote, &s.CustomerName, &s.StaffName)
	s.SoldAt, s.Route = ParseTime(sold), Route(route)
	return s, err
}

// GetSale reads one sale with its lines and payments.
func GetSale(ctx context.Context, q Querier, id int64) (Sale, error) {
	s, err := scanSale(q.QueryRowContext(ctx, `SELECT `+saleColumns+saleFrom+` WHERE s.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return s, ErrNotFound
	} else if err != nil {
		return s, err
	}
	list := []Sale{s}
	if err := fillSales(ctx, q, list, `sale_id = ?`, id); err != nil {
		return s, err
	}
	return list[0], nil
}

// SaleOfReservation is the standing (not reversed) sale of a reservation; ErrNotFound if none.
func SaleOfReservation(ctx context.Context, q Querier, reservationID int64) (Sale, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM sales WHERE reservation_id = ? AND reversed_at = ''
		ORDER BY id DESC LIMIT 1`, reservationID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return Sale{}, ErrNotFound
	} else if err != nil {
		return Sale{}, err
	}
	return GetSale(ctx, q, id)
}

// ListSales lists the sales sold in [from, to), reversed ones included, oldest first,
// with their lines and payments.
func ListSales(ctx context.Context, q Querier, from, to time.Time) ([]Sale, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+saleColumns+saleFrom+` WHERE s.sold_at >= ? AND s.sold_at < ?
		ORDER BY s.sold_at, s.id`, stamp(from), stamp(to))
	if err != nil {
		return nil, err
	}
	var out []Sale
	for rows.Next() {
		s, err := scanSale(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	return out, fillSales(ctx, q, out, `sale_id IN (SELECT id FROM sales WHERE sold_at >= ? AND sold_at < ?)`,
		stamp(from), stamp(to))
}

// fillSales reads the lines and payments of list (matched by where) in two queries.
func fillSales(ctx context.Context, q Querier, list []Sale, where string, args ...any) error {
	idx := make(map[int64]int, len(list))
	for i, s := range list {
		idx[s.ID] = i
	}
	rows, err := q.QueryContext(ctx, `SELECT sale_id, kind, COALESCE(menu_id, 0), COALESCE(category_id, 0),
		COALESCE(product_id, 0), name, unit_price, quantity, discount, price, tax, amount
		FROM sale_items WHERE `+where+` ORDER BY sale_id, position`, args...)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var it SaleItem
		if err := rows.Scan(&id, &it.Kind, &it.MenuID, &it.CategoryID, &it.ProductID, &it.Name, &it.UnitPrice,
			&it.Quantity, &it.Discount, &it.Price, &it.Tax, &it.Amount); err != nil {
			rows.Close()
			return err
		}
		if i, ok := idx[id]; ok {
			list[i].Items = append(list[i].Items, it)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = q.QueryContext(ctx, `SELECT sale_id, method, amount, COALESCE(contract_id, 0)
		FROM sale_payments WHERE `+where+` ORDER BY sale_id, position`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var p SalePayment
		if err := rows.Scan(&id, &p.Method, &p.Amount, &p.ContractID); err != nil {
			return err
		}
		if i, ok := idx[id]; ok {
			list[i].Payments = append(list[i].Payments, p)
		}
	}
	return rows.Err()
}

// SalesTotal sums the standing (not reversed) sales in [from, to) and counts them: Home's
// 本日の売上 and the head of 売上管理's summary.
func SalesTotal(ctx context.Context, q Querier, from, to time.Time) (total, count int, err error) {
	total, count, _, err = salesTotal(ctx, q, from, to)
	return total, count, err
}

func salesTotal(ctx context.Context, q Querier, from, to time.Time) (total, count, tax int, err error) {
	err = q.QueryRowContext(ctx, `SELECT COALESCE(SUM(s.amount), 0), COUNT(*), COALESCE(SUM(s.tax), 0) FROM sales s
		WHERE `+standing, stamp(from), stamp(to)).Scan(&total, &count, &tax)
	return total, count, tax, err
}

package data

import (
	"context"
	"time"
)

// SalesBucket is one group of a sales breakdown: its key (a method, a route, a day
// 'YYYY-MM-DD', a line kind), an id (staff, category) and its sum.
type SalesBucket struct {
	Key        string
	ID         int64
	Name       string // staff or category name
	Designated bool   // by staff: 指名 or not
	Amount     int
	Count      int // sales in the bucket
}

// SalesTotals is 売上管理's summary of the standing sales of a range. Every breakdown
// sums to Amount: by method over payments, the others over sales or their lines.
type SalesTotals struct {
	Amount     int
	Count      int
	Tax        int
	ByMethod   []SalesBucket
	ByStaff    []SalesBucket // Key unused; ID 0 = no staff
	ByCategory []SalesBucket // Key: menu (ID = category, 0 = none), designation, product, discount
	ByRoute    []SalesBucket
	ByDay      []SalesBucket
}

// The month's sales drive every join (CROSS JOIN keeps SQLite from scanning all lines).
const standing = `s.sold_at >= ? AND s.sold_at < ? AND s.reversed_at = ''`

// SalesSummary groups the standing sales sold in [from, to).
func SalesSummary(ctx context.Context, q Querier, from, to time.Time) (SalesTotals, error) {
	var t SalesTotals
	var err error
	if t.Amount, t.Count, t.Tax, err = salesTotal(ctx, q, from, to); err != nil {
		return t, err
	}
	f, e := stamp(from), stamp(to)
	if t.ByMethod, err = buckets(ctx, q, `SELECT p.method, 0, '', 0, SUM(p.amount), COUNT(DISTINCT p.sale_id)
		FROM sales s CROSS JOIN sale_payments p ON p.sale_id = s.id WHERE `+standing+` GROUP BY p.method ORDER BY 5 DESC`,
		f, e); err != nil {
		return t, err
	}
	if t.ByStaff, err = buckets(ctx, q, `SELECT '', COALESCE(s.staff_id, 0), COALESCE(st.name, ''), s.designated,
		SUM(s.amount), COUNT(*) FROM sales s LEFT JOIN staff st ON st.id = s.staff_id WHERE `+standing+`
		GROUP BY 2, 4 ORDER BY COALESCE(st.sort_order, 1e9), 2, 4 DESC`, f, e); err != nil {
		return t, err
	}
	if t.ByCategory, err = buckets(ctx, q, `SELECT CASE WHEN i.kind IN ('menu', 'coupon') THEN 'menu' ELSE i.kind END,
		COALESCE(i.category_id, 0), COALESCE(c.name, ''), 0, SUM(i.amount), COUNT(DISTINCT i.sale_id)
		FROM sales s CROSS JOIN sale_items i ON i.sale_id = s.id LEFT JOIN menu_categories c ON c.id = i.category_id
		WHERE `+standing+` GROUP BY 1, 2 ORDER BY 1 = 'discount', 1 <> 'menu', COALESCE(c.sort_order, 1e9), 1`,
		f, e); err != nil {
		return t, err
	}
	if t.ByRoute, err = buckets(ctx, q, `SELECT s.route, 0, '', 0, SUM(s.amount), COUNT(*) FROM sales s
		WHERE `+standing+` GROUP BY s.route ORDER BY 5 DESC`, f, e); err != nil {
		return t, err
	}
	t.ByDay, err = buckets(ctx, q, `SELECT substr(s.sold_at, 1, 10), 0, '', 0, SUM(s.amount), COUNT(*) FROM sales s
		WHERE `+standing+` GROUP BY 1 ORDER BY 1`, f, e)
	return t, err
}

func buckets(ctx context.Context, q Querier, query string, args ...any) ([]SalesBucket, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SalesBucket
	for rows.Next() {
		var b SalesBucket
		if err := rows.Scan(&b.Key, &b.ID, &b.Name, &b.Designated, &b.Amount, &b.Count); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

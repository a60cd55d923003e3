package data

import (
	"context"
	"database/sql"
	"time"
)

// Querier is what both *sql.DB and *sql.Tx offer, so a query can run inside the
// caller's transaction or on its own.
type Querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Reader is the pool for queries outside a write transaction.
func (s *Store) Reader() Querier { return s.ro }

// nullID stores 0 as NULL so foreign keys stay honest.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func idOf(n sql.NullInt64) int64 {
	if n.Valid {
		return n.Int64
	}
	return 0
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// FormatTime renders t in the database's local wall-clock layout.
func FormatTime(t time.Time) string { return t.In(time.Local).Format(TimeLayout) }

// FormatDay renders t's date.
func FormatDay(t time.Time) string { return t.In(time.Local).Format(DayLayout) }

func stamp(t time.Time) string { return t.In(time.Local).Format(stampLayout) }

// ParseTime reads a database time ('YYYY-MM-DD HH:MM' or with seconds) in local time.
func ParseTime(s string) time.Time {
	for _, l := range []string{stampLayout, TimeLayout, DayLayout} {
		if t, err := time.ParseInLocation(l, s, time.Local); err == nil {
			return t
		}
	}
	return time.Time{}
}

// DayStart is local midnight of t's date.
func DayStart(t time.Time) time.Time {
	y, m, d := t.In(time.Local).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.Local)
}

func scanIDs(rows *sql.Rows) ([]int64, error) {
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// scanner is what *sql.Row and *sql.Rows offer to a scan function.
type scanner interface{ Scan(dest ...any) error }

// queryAll runs a query and scans every row with scan: the loop every list query shares.
func queryAll[T any](ctx context.Context, q Querier, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

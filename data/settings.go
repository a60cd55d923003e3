package data

import (
	"context"
	"database/sql"
	"errors"
)

// Setting reads one salon setting; def when unset.
func (s *Store) Setting(ctx context.Context, key, def string) (string, error) {
	return Setting(ctx, s.ro, key, def)
}

// Setting reads one salon setting through q (inside a transaction); def when unset.
func Setting(ctx context.Context, q Querier, key, def string) (string, error) {
	var v string
	err := q.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return def, nil
	}
	return v, err
}

// SetSetting writes one salon setting.
func SetSetting(ctx context.Context, q Querier, key, value string) error {
	_, err := q.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	return err
}

// Hours lists the opening hours of the seven weekdays (defaults where unset).
func (s *Store) Hours(ctx context.Context) ([]Hours, error) { return ListHours(ctx, s.ro) }

// ListHours lists the opening hours of the seven weekdays through q (defaults where unset).
func ListHours(ctx context.Context, q Querier) ([]Hours, error) {
	out := make([]Hours, 7)
	for i := range out {
		out[i] = Hours{Weekday: i, Open: "10:00", Close: "19:00"}
	}
	rows, err := q.QueryContext(ctx, `SELECT weekday, open, close, closed FROM business_hours`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var h Hours
		if err := rows.Scan(&h.Weekday, &h.Open, &h.Close, &h.Closed); err != nil {
			return nil, err
		}
		out[h.Weekday] = h
	}
	return out, rows.Err()
}

// SaveHours writes one weekday's opening hours.
func SaveHours(ctx context.Context, q Querier, h Hours) error {
	_, err := q.ExecContext(ctx, `INSERT INTO business_hours (weekday, open, close, closed) VALUES (?, ?, ?, ?)
		ON CONFLICT (weekday) DO UPDATE SET open = excluded.open, close = excluded.close, closed = excluded.closed`,
		h.Weekday, h.Open, h.Close, b2i(h.Closed))
	return err
}

// CapacityOverrides returns the salon-wide 受付可能数 set for single slots of a day.
func CapacityOverrides(ctx context.Context, q Querier, day string) (map[string]int, error) {
	rows, err := q.QueryContext(ctx, `SELECT slot, capacity FROM capacity_overrides WHERE day = ?`, day)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[string]int{}
	for rows.Next() {
		var slot string
		var c int
		if err := rows.Scan(&slot, &c); err != nil {
			return nil, err
		}
		m[slot] = c
	}
	return m, rows.Err()
}

// SetCapacityOverride sets (capacity >= 0) or clears (capacity < 0) one slot's override.
func SetCapacityOverride(ctx context.Context, q Querier, day, slot string, capacity int) error {
	if capacity < 0 {
		_, err := q.ExecContext(ctx, `DELETE FROM capacity_overrides WHERE day = ? AND slot = ?`, day, slot)
		return err
	}
	_, err := q.ExecContext(ctx, `INSERT INTO capacity_overrides (day, slot, capacity) VALUES (?, ?, ?)
		ON CONFLICT (day, slot) DO UPDATE SET capacity = excluded.capacity`, day, slot, capacity)
	return err
}

package data

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// FindAlias looks up an incoming (normalised) SALON BOARD name mapped by staff earlier.
func FindAlias(ctx context.Context, q Querier, kind, nameNorm string) (Alias, error) {
	var a Alias
	var coupon, menu sql.NullInt64
	err := q.QueryRowContext(ctx, `SELECT id, kind, name_norm, coupon_id, menu_id FROM name_aliases
		WHERE kind = ? AND name_norm = ?`, kind, nameNorm).Scan(&a.ID, &a.Kind, &a.NameNorm, &coupon, &menu)
	if errors.Is(err, sql.ErrNoRows) {
		return a, ErrNotFound
	}
	a.CouponID, a.MenuID = idOf(coupon), idOf(menu)
	return a, err
}

// SaveAlias records (or re-points) the mapping of an incoming name to a coupon or a menu.
func SaveAlias(ctx context.Context, q Querier, a *Alias, now time.Time) error {
	res, err := q.ExecContext(ctx, `INSERT INTO name_aliases (kind, name_norm, coupon_id, menu_id, created_at)
		VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind, name_norm) DO UPDATE SET coupon_id = excluded.coupon_id,
		menu_id = excluded.menu_id`, a.Kind, a.NameNorm, nullID(a.CouponID), nullID(a.MenuID), stamp(now))
	if err != nil {
		return err
	}
	if a.ID == 0 {
		a.ID, _ = res.LastInsertId()
	}
	return nil
}

// ListAliases returns every mapping (for the master screens).
func ListAliases(ctx context.Context, q Querier) ([]Alias, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, kind, name_norm, coupon_id, menu_id FROM name_aliases ORDER BY kind, name_norm`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Alias
	for rows.Next() {
		var a Alias
		var coupon, menu sql.NullInt64
		if err := rows.Scan(&a.ID, &a.Kind, &a.NameNorm, &coupon, &menu); err != nil {
			return nil, err
		}
		a.CouponID, a.MenuID = idOf(coupon), idOf(menu)
		out = append(out, a)
	}
	return out, rows.Err()
}

// DeleteAlias removes the mapping of name (normalised) of kind; removing one that is not
// there is no error.
func DeleteAlias(ctx context.Context, q Querier, kind, nameNorm string) error {
	_, err := q.ExecContext(ctx, `DELETE FROM name_aliases WHERE kind = ? AND name_norm = ?`, kind, nameNorm)
	return err
}

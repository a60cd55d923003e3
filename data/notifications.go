package data

import (
	"context"
	"time"
)

// InsertNotification records お知らせ.
func InsertNotification(ctx context.Context, q Querier, n *Notification) error {
	res, err := q.ExecContext(ctx, `INSERT INTO notifications (created_at, direction, reason, reservation_id,
		reservation_no, reservation_at, detail, resolved_at) VALUES (?,?,?,?,?,?,?,?)`,
		stamp(n.CreatedAt), string(n.Direction), n.Reason, nullID(n.ReservationID), n.ReservationNo,
		n.ReservationAt, n.Detail, n.ResolvedAt)
	if err != nil {
		return err
	}
	n.ID, err = res.LastInsertId()
	return err
}

// ListNotifications returns notifications newest first.
func ListNotifications(ctx context.Context, q Querier, limit int) ([]Notification, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, created_at, direction, reason, COALESCE(reservation_id, 0),
		reservation_no, reservation_at, detail, resolved_at FROM notifications
		ORDER BY created_at DESC, id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Notification
	for rows.Next() {
		var n Notification
		var created, dir string
		if err := rows.Scan(&n.ID, &created, &dir, &n.Reason, &n.ReservationID, &n.ReservationNo,
			&n.ReservationAt, &n.Detail, &n.ResolvedAt); err != nil {
			return nil, err
		}
		n.CreatedAt, n.Direction = ParseTime(created), Direction(dir)
		out = append(out, n)
	}
	return out, rows.Err()
}

// ResolveNotifications hides the alert icon of one notification (id) or of every open
// notification of a reservation (reservationID).
func ResolveNotifications(ctx context.Context, q Querier, id, reservationID int64, now time.Time) (int64, error) {
	res, err := q.ExecContext(ctx, `UPDATE notifications SET resolved_at = ?
		WHERE resolved_at = '' AND (id = ? OR (? <> 0 AND reservation_id = ?))`,
		stamp(now), id, reservationID, reservationID)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// UnresolvedCounts counts open notifications per direction.
func UnresolvedCounts(ctx context.Context, q Querier) (map[Direction]int, error) {
	rows, err := q.QueryContext(ctx, `SELECT direction, COUNT(*) FROM notifications WHERE resolved_at = ''
		GROUP BY direction`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[Direction]int{}
	for rows.Next() {
		var d string
		var n int
		if err := rows.Scan(&d, &n); err != nil {
			return nil, err
		}
		m[Direction(d)] = n
	}
	return m, rows.Err()
}

// LatestUnresolved is the time of the newest open notification (zero when none).
func LatestUnresolved(ctx context.Context, q Querier) (time.Time, error) {
	var s string
	err := q.QueryRowContext(ctx, `SELECT COALESCE(MAX(created_at), '') FROM notifications WHERE resolved_at = ''`).Scan(&s)
	if err != nil || s == "" {
		return time.Time{}, err
	}
	return ParseTime(s), nil
}

// ResolveByNumber resolves the open notifications raised for a SALON BOARD number that
// had no reservation yet (a mail that could not be read).
func ResolveByNumber(ctx context.Context, q Querier, number string, now time.Time) (int64, error) {
	res, err := q.ExecContext(ctx, `UPDATE notifications SET resolved_at = ? WHERE resolved_at = ''
		AND reservation_id IS NULL AND reservation_no = ?`, stamp(now), number)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// OpenNotificationWithReason reports whether an unresolved notification of this direction
// and reason exists (so that a stopped sync raises it once, not every cycle).
func OpenNotificationWithReason(ctx context.Context, q Querier, dir Direction, reason string) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM notifications WHERE resolved_at = '' AND direction = ?
		AND reason = ?`, string(dir), reason).Scan(&n)
	return n > 0, err
}

// OpenNotificationsFor reports whether a reservation has an unresolved notification.
func OpenNotificationsFor(ctx context.Context, q Querier, reservationID int64) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM notifications WHERE resolved_at = '' AND reservation_id = ?`,
		reservationID).Scan(&n)
	return n > 0, err
}

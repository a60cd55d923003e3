package data

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"
)

// NextReservationNumber is the next app 予約番号 (call inside the inserting transaction).
func NextReservationNumber(ctx context.Context, q Querier) (int64, error) {
	var n int64
	err := q.QueryRowContext(ctx, `SELECT COALESCE(MAX(number), 0) + 1 FROM reservations`).Scan(&n)
	return n, err
}

// InsertReservation writes a new reservation and its menus; call inside a transaction.
func InsertReservation(ctx context.Context, q Querier, r *Reservation) error {
	if r.Number == 0 {
		n, err := NextReservationNumber(ctx, q)
		if err != nil {
			return err
		}
		r.Number = n
	}
	res, err := q.ExecContext(ctx, `INSERT INTO reservations (number, sb_number, received_at, start_at, end_at,
		customer_id, customer_name, customer_kana, staff_id, designated, equipment_id, coupon_id, coupon_name,
		route, status, payment_type, memo, sync_state, sync_reason, transcribed_check, first_visit, arrived_at,
		created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		r.Number, nullString(r.SBNumber), stamp(r.ReceivedAt), FormatTime(r.Start), FormatTime(r.End),
		nullID(r.CustomerID), r.CustomerName, r.CustomerKana, nullID(r.StaffID), r.Designated,
		nullID(r.EquipmentID), nullID(r.CouponID), r.CouponName, string(r.Route), string(r.Status),
		string(r.PaymentType), r.Memo, string(r.SyncState), r.SyncReason, r.TranscribedCheck, r.FirstVisit,
		r.ArrivedAt, stamp(r.CreatedAt), stamp(r.UpdatedAt))
	if err != nil {
		return err
	}
	if r.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	return replaceReservationMenus(ctx, q, r.ID, r.MenuIDs)
}

// UpdateReservation writes every field of an existing reservation and its menus.
func UpdateReservation(ctx context.Context, q Querier, r *Reservation) error {
	err := execOne(ctx, q, `UPDATE reservations SET sb_number=?, start_at=?, end_at=?, customer_id=?,
		customer_name=?, customer_kana=?, staff_id=?, designated=?, equipment_id=?, coupon_id=?, coupon_name=?,
		route=?, status=?, payment_type=?, memo=?, sync_state=?, sync_reason=?, transcribed_check=?,
		first_visit=?, arrived_at=?, updated_at=? WHERE id=?`,
		nullString(r.SBNumber), FormatTime(r.Start), FormatTime(r.End), nullID(r.CustomerID), r.CustomerName,
		r.CustomerKana, nullID(r.StaffID), r.Designated, nullID(r.EquipmentID), nullID(r.CouponID),
		r.CouponName, string(r.Route), string(r.Status), string(r.PaymentType), r.Memo, string(r.SyncState),
		r.SyncReason, r.TranscribedCheck, r.FirstVisit, r.ArrivedAt, stamp(r.UpdatedAt), r.ID)
	if err != nil {
		return err
	}
	return replaceReservationMenus(ctx, q, r.ID, r.MenuIDs)
}

func replaceReservationMenus(ctx context.Context, q Querier, id int64, menus []int64) error {
	if _, err := q.ExecContext(ctx, `DELETE FROM reservation_menus WHERE reservation_id = ?`, id); err != nil {
		return err
	}
	for i, m := range menus {
		if _, err := q.ExecContext(ctx, `INSERT OR IGNORE INTO reservation_menus (reservation_id, menu_id, position)
			VALUES (?, ?, ?)`, id, m, i); err != nil {
			return err
		}
	}
	return nil
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

const viewCols = `r.id, r.number, COALESCE(r.sb_number, ''), r.received_at, r.start_at, r.end_at,
	COALESCE(r.customer_id, 0), r.customer_name, r.customer_kana, COALESCE(r.staff_id, 0), r.designated,
	COALESCE(r.equipment_id, 0), COALESCE(r.coupon_id, 0), r.coupon_name, r.route, r.status, r.payment_type,
	r.memo, r.sync_state, r.sync_reason, r.transcribed_check, r.first_visit, r.arrived_at, r.created_at,
	r.updated_at, COALESCE(c.number, 0), COALESCE(c.name, ''), COALESCE(c.kana, ''), COALESCE(s.name, ''),
	COALESCE(e.name, ''), COALESCE(k.name, r.coupon_name), COALESCE(k.content, ''),
	COALESCE(c.last_visit, ''), COALESCE(c.visit_count, 0),
	COALESCE((SELECT group_concat(m.id || char(31) || m.name, char(30)) FROM
		(SELECT rm.menu_id AS id, mm.name AS name FROM reservation_menus rm JOIN menus mm ON mm.id = rm.menu_id
		 WHERE rm.reservation_id = r.id ORDER BY rm.position) m), '')`

const viewFrom = ` FROM reservations r
	LEFT JOIN customers c ON c.id = r.customer_id
	LEFT JOIN staff s ON s.id = r.staff_id
	LEFT JOIN equipment e ON e.id = r.equipment_id
	LEFT JOIN coupons k ON k.id = r.coupon_id`

func scanView(sc interface{ Scan(...any) error }) (ReservationView, error) {
	var v ReservationView
	var received, start, end, created, updated, menus string
	var route, status, pay, sync string
	err := sc.Scan(&v.ID, &v.Number, &v.SBNumber, &received, &start, &end, &v.CustomerID, &v.CustomerName,
		&v.CustomerKana, &v.StaffID, &v.Designated, &v.EquipmentID, &v.CouponID, &v.CouponName, &route, &status,
		&pay, &v.Memo, &sync, &v.SyncReason, &v.TranscribedCheck, &v.FirstVisit, &v.ArrivedAt, &created,
		&updated, &v.CustomerNumber, &v.CustomerRowName, &v.CustomerRowKana, &v.StaffName, &v.EquipmentName,
		&v.CouponTitle, &v.CouponContent, &v.LastVisit, &v.VisitCount, &menus)
	if err != nil {
		return v, err
	}
	v.ReceivedAt, v.Start, v.End = ParseTime(received), ParseTime(start), ParseTime(end)
	v.CreatedAt, v.UpdatedAt = ParseTime(created), ParseTime(updated)
	v.Route, v.Status, v.PaymentType, v.SyncState = Route(route), Status(status), PaymentType(pay), SyncState(sync)
	if menus != "" {
		for _, item := range strings.Split(menus, "\x1e") {
			id, name, _ := strings.Cut(item, "\x1f")
			v.MenuIDs = append(v.MenuIDs, parseInt64(id))
			v.MenuNames = append(v.MenuNames, name)
		}
	}
	return v, nil
}

func parseInt64(s string) int64 {
	var n int64
	for _, ch := range s {
		if ch < '0' || ch > '9' {
			return 0
		}
		n = n*10 + int64(ch-'0')
	}
	return n
}

// GetReservation reads one reservation with its display names.
func GetReservation(ctx context.Context, q Querier, id int64) (ReservationView, error) {
	v, err := scanView(q.QueryRowContext(ctx, `SELECT `+viewCols+viewFrom+` WHERE r.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return v, ErrNotFound
	}
	return v, err
}

// ReservationBySBNumber finds the reservation SALON BOARD knows by number.
func ReservationBySBNumber(ctx context.Context, q Querier, sbNumber string) (ReservationView, error) {
	v, err := scanView(q.QueryRowContext(ctx, `SELECT `+viewCols+viewFrom+` WHERE r.sb_number = ?`, sbNumber))
	if errors.Is(err, sql.ErrNoRows) {
		return v, ErrNotFound
	}
	return v, err
}

// ReservationFilter selects reservations for the list, the schedule and exports.
type ReservationFilter struct {
	From, To   time.Time // start in [From, To)
	Statuses   []Status
	Route      Route
	SyncState  SyncState
	Text       string // name, kana, or number
	ActiveOnly bool
	CustomerID int64
	Limit      int
}

// ListReservations returns reservations by start time.
func ListReservations(ctx context.Context, q Querier, f ReservationFilter) ([]ReservationView, error) {
	var conds []string
	var args []any
	if !f.From.IsZero() {
		conds = append(conds, `r.start_at >= ?`)
		args = append(args, FormatTime(f.From))
	}
	if !f.To.IsZero() {
		conds = append(conds, `r.start_at < ?`)
		args = append(args, FormatTime(f.To))
	}
	if len(f.Statuses) > 0 {
		ph := strings.TrimSuffix(strings.Repeat("?,", len(f.Statuses)), ",")
		conds = append(conds, `r.status IN (`+ph+`)`)
		for _, s := range f.Statuses {
			args = append(args, string(s))
		}
	}
	if f.ActiveOnly {
		conds = append(conds, `r.status NOT IN ('cancelled', 'noshow')`)
	}
	if f.Route != "" {
		conds = append(conds, `r.route = ?`)
		args = append(args, string(f.Route))
	}
	if f.SyncState != "" {
		conds = append(conds, `r.sync_state = ?`)
		args = append(args, string(f.SyncState))
	}
	if f.CustomerID != 0 {
		conds = append(conds, `r.customer_id = ?`)
		args = append(args, f.CustomerID)
	}
	if t := strings.TrimSpace(f.Text); t != "" {
		like := "%" + escapeLike(t) + "%"
		conds = append(conds, `(r.customer_name LIKE ? ESCAPE '\' OR r.customer_kana LIKE ? ESCAPE '\'
			OR c.name LIKE ? ESCAPE '\' OR c.kana LIKE ? ESCAPE '\' OR CAST(r.number AS TEXT) = ? OR r.sb_number = ?)`)
		args = append(args, like, like, like, like, t, t)
	}
	query := `SELECT ` + viewCols + viewFrom
	if len(conds) > 0 {
		query += ` WHERE ` + strings.Join(conds, " AND ")
	}
	query += ` ORDER BY r.start_at, r.number`
	if f.Limit > 0 {
		query += ` LIMIT ?`
		args = append(args, f.Limit)
	}
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ReservationView
	for rows.Next() {
		v, err := scanView(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// DayReservations returns all reservations (cancelled too) starting on day.
func DayReservations(ctx context.Context, q Querier, day time.Time) ([]ReservationView, error) {
	from := DayStart(day)
	return ListReservations(ctx, q, ReservationFilter{From: from, To: from.AddDate(0, 0, 1)})
}

// Occupant is the part of an active reservation capacity checks need.
type Occupant struct {
	ID          int64
	Start, End  time.Time
	StaffID     int64
	EquipmentID int64
}

// longestReservation bounds how long before a window a reservation that overlaps it can
// start. A reservation lies within one business day (opening hours, or SALON BOARD's
// schedule, which ends at 29:00), so 48 hours is safe; without the bound the start index
// reads every reservation before the window: 0.24 s a call over 100,000 reservations.
const longestReservation = 48 * time.Hour

// ActiveOverlapping lists active reservations whose time overlaps [from, to), except one id.
// A zero-length reservation overlaps the instant it starts.
func ActiveOverlapping(ctx context.Context, q Querier, from, to time.Time, exceptID int64) ([]Occupant, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, start_at, end_at, COALESCE(staff_id, 0), COALESCE(equipment_id, 0)
		FROM reservations WHERE status NOT IN ('cancelled', 'noshow') AND id <> ?
		AND start_at >= ? AND start_at < ? AND (end_at > ? OR (end_at = start_at AND start_at >= ?))`,
		exceptID, FormatTime(from.Add(-longestReservation)), FormatTime(to), FormatTime(from), FormatTime(from))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Occupant
	for rows.Next() {
		var o Occupant
		var s, e string
		if err := rows.Scan(&o.ID, &s, &e, &o.StaffID, &o.EquipmentID); err != nil {
			return nil, err
		}
		o.Start, o.End = ParseTime(s), ParseTime(e)
		out = append(out, o)
	}
	return out, rows.Err()
}

// CountsByDay counts active reservations per day in [from, to).
func CountsByDay(ctx context.Context, q Querier, from, to time.Time) (map[string]int, error) {
	rows, err := q.QueryContext(ctx, `SELECT substr(start_at, 1, 10), COUNT(*) FROM reservations
		WHERE start_at >= ? AND start_at < ? AND status NOT IN ('cancelled', 'noshow') GROUP BY 1`,
		FormatTime(from), FormatTime(to))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[string]int{}
	for rows.Next() {
		var d string
		var n int
		if err := rows.Scan(&d, &n); err != nil {
			return nil, err
		}
		m[d] = n
	}
	return m, rows.Err()
}

// ReceivedSince lists reservations received after t, newest first (新着通知).
func ReceivedSince(ctx context.Context, q Querier, t time.Time, limit int) ([]ReservationView, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+viewCols+viewFrom+` WHERE r.received_at > ?
		ORDER BY r.received_at DESC LIMIT ?`, stamp(t), limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ReservationView
	for rows.Next() {
		v, err := scanView(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

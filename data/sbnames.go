package data

import (
	"context"
	"database/sql"
	"time"
)

// NameSeen is a coupon or menu name SALON BOARD used for one reservation.
type NameSeen struct {
	Kind     string // coupon, menu
	Name     string // as SALON BOARD wrote it
	NameNorm string
}

// NameUse is a name SALON BOARD used, over the reservations that used it.
type NameUse struct {
	NameSeen
	Count   int       // reservations
	Next    time.Time // the earliest start from the given time on; zero when none
	Waiting int       // of them, held here with the status and reason asked for
}

// Sources of a name seen.
const (
	SeenInMail = "mail"
	SeenInList = "list"
)

// ReplaceNamesSeen records the names one reservation used, replacing what was recorded for
// it before (a change mail may change the coupon).
func ReplaceNamesSeen(ctx context.Context, q Querier, number string, start time.Time, source string,
	names []NameSeen, now time.Time) error {
	if err := ForgetNamesSeen(ctx, q, number); err != nil {
		return err
	}
	for _, n := range names {
		if _, err := q.ExecContext(ctx, `INSERT OR IGNORE INTO sb_names_seen (sb_number, kind, name, name_norm,
			start_at, source, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)`, number, n.Kind, n.Name, n.NameNorm,
			FormatTime(start), source, stamp(now)); err != nil {
			return err
		}
	}
	return nil
}

// SeenRecord is what is recorded for one reservation: where its names came from, its
// start and the names ("" source and no names when nothing is).
type SeenRecord struct {
	Source string
	Start  time.Time
	Names  []NameSeen
}

// NamesSeenOf is what is recorded for the reservation number.
func NamesSeenOf(ctx context.Context, q Querier, number string) (SeenRecord, error) {
	recs, err := namesSeen(ctx, q, `WHERE sb_number = ?`, number)
	return recs[number], err
}

// NamesSeenBetween is what is recorded for the reservations starting in [from, to], by
// number: one read for a whole page of the reservation list.
func NamesSeenBetween(ctx context.Context, q Querier, from, to time.Time) (map[string]SeenRecord, error) {
	return namesSeen(ctx, q, `WHERE start_at >= ? AND start_at <= ?`, FormatTime(from), FormatTime(to))
}

func namesSeen(ctx context.Context, q Querier, where string, args ...any) (map[string]SeenRecord, error) {
	out := map[string]SeenRecord{}
	rows, err := q.QueryContext(ctx, `SELECT sb_number, kind, name, name_norm, source, start_at FROM sb_names_seen `+
		where+` ORDER BY rowid`, args...)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	for rows.Next() {
		var n NameSeen
		var number, source, start string
		if err := rows.Scan(&number, &n.Kind, &n.Name, &n.NameNorm, &source, &start); err != nil {
			return out, err
		}
		rec := out[number]
		rec.Source, rec.Start, rec.Names = source, ParseTime(start), append(rec.Names, n)
		out[number] = rec
	}
	return out, rows.Err()
}

// ForgetNamesSeen drops what a reservation used (it was cancelled).
func ForgetNamesSeen(ctx context.Context, q Querier, number string) error {
	_, err := q.ExecContext(ctx, `DELETE FROM sb_names_seen WHERE sb_number = ?`, number)
	return err
}

// NameUses are the names used by reservations starting at since or later, each with the
// number of reservations, the earliest start at or after from, and how many of them are
// held here with status and sync reason waiting (the provisional ones a name mismatch
// holds).
func NameUses(ctx context.Context, q Querier, since, from time.Time, status Status, reason string) ([]NameUse, error) {
	return queryAll(ctx, q, func(s scanner) (NameUse, error) {
		var u NameUse
		var next sql.NullString
		err := s.Scan(&u.Kind, &u.NameNorm, &u.Name, &u.Count, &next, &u.Waiting)
		if next.Valid {
			u.Next = ParseTime(next.String)
		}
		return u, err
	}, // (sb_number, kind, name_norm) is the key and sb_number unique in reservations: a
		// group's rows are its reservations, no DISTINCT needed.
		`SELECT n.kind, n.name_norm, MAX(n.name), COUNT(*),
		MIN(CASE WHEN n.start_at >= ? THEN n.start_at END),
		COUNT(CASE WHEN r.status = ? AND r.sync_reason = ? THEN 1 END)
		FROM sb_names_seen n LEFT JOIN reservations r ON r.sb_number = n.sb_number
		WHERE n.start_at >= ? GROUP BY n.kind, n.name_norm ORDER BY n.kind, n.name_norm`,
		FormatTime(from), string(status), reason, FormatTime(since))
}

// NumbersUsing are the reservations (SALON BOARD numbers) that used the name.
func NumbersUsing(ctx context.Context, q Querier, nameNorm string) ([]string, error) {
	return queryAll(ctx, q, func(s scanner) (string, error) {
		var n string
		return n, s.Scan(&n)
	}, `SELECT DISTINCT sb_number FROM sb_names_seen WHERE name_norm = ? ORDER BY sb_number`, nameNorm)
}

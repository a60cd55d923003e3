package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// bookedStatuses are 予約中: reservations still to come (仮登録, 受付待ち).
const bookedStatuses = `('provisional', 'waiting')`

// ErasedKana stands in the kana of a deleted customer's tombstone: the column may not be
// empty, and no normalised kana typed or received ever equals it.
const ErasedKana = "＊"

// CustomerImpact is what deleting one customer also changes: the 予約中 reservations it
// cancels and the 定額プラン it ends.
type CustomerImpact struct {
	Customer    Customer
	Bookings    int // 予約中 reservations starting at or after the cut-off
	ActivePlans int
}

// Affected reports whether deleting the customer cancels or ends anything.
func (i CustomerImpact) Affected() bool { return i.Bookings > 0 || i.ActivePlans > 0 }

// CustomerImpacts reads the live customers among ids, in the order given, with their 予約中
// reservations starting at or after from and their active contracts.
func CustomerImpacts(ctx context.Context, q Querier, ids []int64, from time.Time) ([]CustomerImpact, error) {
	out := make([]CustomerImpact, 0, len(ids))
	for _, id := range ids {
		c, err := GetCustomer(ctx, q, id)
		if err == ErrNotFound || (err == nil && c.ErasedOn != "") {
			continue // deleted meanwhile: nothing left to do
		} else if err != nil {
			return nil, err
		}
		im := CustomerImpact{Customer: c}
		err = q.QueryRowContext(ctx, `SELECT
			(SELECT COUNT(*) FROM reservations WHERE customer_id = ? AND start_at >= ? AND status IN `+bookedStatuses+`),
			(SELECT COUNT(*) FROM contracts WHERE customer_id = ? AND status = 'active')`,
			id, FormatTime(from), id).Scan(&im.Bookings, &im.ActivePlans)
		if err != nil {
			return nil, err
		}
		out = append(out, im)
	}
	return out, nil
}

// BookedReservationIDs lists a customer's 予約中 reservations starting at or after from.
func BookedReservationIDs(ctx context.Context, q Querier, customerID int64, from time.Time) ([]int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT id FROM reservations WHERE customer_id = ? AND start_at >= ?
		AND status IN `+bookedStatuses+` ORDER BY start_at, id`, customerID, FormatTime(from))
	if err != nil {
		return nil, err
	}
	return scanIDs(rows)
}

// EraseCustomer turns a customer into an anonymous tombstone: every personal column is
// emptied (here and in the copies its reservations keep), its active contracts end on
// day, and its number, visit counts, sales and payments stay so that totals do not move.
// Run it inside Store.EraseTx so that the old bytes leave the file too.
func EraseCustomer(ctx context.Context, q Querier, id int64, day string, now time.Time) error {
	err := execOne(ctx, q, `UPDATE customers SET name = '', kana = ?, phone = '', email = '', birthday = '',
		sex = '', memo = '', caution = 0, no_show = 0, erased_on = ?, updated_at = ? WHERE id = ? AND erased_on = ''`,
		ErasedKana, day, stamp(now), id)
	if err != nil {
		return err
	}
	if _, err := q.ExecContext(ctx, `UPDATE reservations SET customer_name = '', customer_kana = '', memo = ''
		WHERE customer_id = ?`, id); err != nil {
		return err
	}
	_, err = q.ExecContext(ctx, `UPDATE contracts SET status = 'ended', ended_on = ? WHERE customer_id = ?
		AND status = 'active'`, day, id)
	return err
}

// EraseTx runs fn in one write transaction with SQLite's secure_delete on, so that freed
// cells and pages are overwritten with zeros, and then checkpoints the WAL into the
// database file and truncates it: what fn erased is left in neither file.
func (s *Store) EraseTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if _, err := s.rw.ExecContext(ctx, `PRAGMA secure_delete = ON`); err != nil {
		return err
	}
	if err := s.Tx(ctx, fn); err != nil {
		return err
	}
	return s.Checkpoint(ctx)
}

// Checkpoint copies the WAL into the database file and truncates the WAL to zero bytes.
func (s *Store) Checkpoint(ctx context.Context) error {
	var busy, logFrames, done int
	err := s.rw.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &logFrames, &done)
	if err != nil {
		return err
	}
	if busy != 0 {
		return fmt.Errorf("wal checkpoint: a reader kept %d of %d frames", logFrames-done, logFrames)
	}
	return nil
}

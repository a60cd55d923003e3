package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// The queries the outbox runner works with, each one short write transaction. A job's
// life: pending → running (claimed, attempts+1) → done, or back to pending with a later
// next_at (retry), or failed (for good). Jobs of one ref run in id order: a pending job
// is not due while an older job of its ref is pending (possibly waiting for its retry) or
// running. Done and failed jobs block nothing: they will never run again.
//
// Indexes (0001): outbox_due (state, next_at) finds the due jobs in next_at order;
// outbox_ref (ref, id) answers "an older unfinished job of this ref?" by reading only
// that ref's older rows.

// notBehindOlder is the ordering rule as SQL over the job aliased j.
const notBehindOlder = `NOT EXISTS (SELECT 1 FROM outbox_jobs o
	WHERE o.ref = j.ref AND o.id < j.id AND o.state IN ('pending', 'running'))`

// maxJobError keeps last_error short: it is for a person reading the database.
const maxJobError = 1000

// ClaimJobs marks at most limit due jobs of these kinds running, one more attempt each,
// and returns them oldest-due first with Attempts counting this attempt.
func (s *Store) ClaimJobs(ctx context.Context, now time.Time, kinds []string, limit int) ([]Job, error) {
	if len(kinds) == 0 || limit <= 0 {
		return nil, nil
	}
	var out []Job
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		args := append([]any{stamp(now)}, kindArgs(kinds)...)
		rows, err := tx.QueryContext(ctx, `SELECT j.id, j.kind, j.ref, j.payload, j.attempts, j.next_at, j.created_at
			FROM outbox_jobs j WHERE j.state = 'pending' AND j.next_at <= ? AND j.kind IN (`+kindMarks(len(kinds))+`)
			AND `+notBehindOlder+` ORDER BY j.next_at, j.id LIMIT ?`, append(args, limit)...)
		if err != nil {
			return err
		}
		if out, err = scanJobs(rows); err != nil {
			return err
		}
		for i := range out {
			if err := execOne(ctx, tx, `UPDATE outbox_jobs SET state = 'running', attempts = attempts + 1,
				updated_at = ? WHERE id = ? AND state = 'pending'`, stamp(now), out[i].ID); err != nil {
				return err
			}
			out[i].State = "running"
			out[i].Attempts++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func scanJobs(rows *sql.Rows) ([]Job, error) {
	defer rows.Close()
	var out []Job
	for rows.Next() {
		var j Job
		var next, created string
		if err := rows.Scan(&j.ID, &j.Kind, &j.Ref, &j.Payload, &j.Attempts, &next, &created); err != nil {
			return nil, err
		}
		j.State, j.NextAt, j.CreatedAt = "pending", ParseTime(next), ParseTime(created)
		out = append(out, j)
	}
	return out, rows.Err()
}

// NextJobDue is the earliest next_at of a pending job of these kinds that is not behind an
// older job of its ref; zero when there is none. Jobs behind another are left out: they
// become due only when the runner finishes the one in front, and it wakes itself then.
func (s *Store) NextJobDue(ctx context.Context, kinds []string) (time.Time, error) {
	if len(kinds) == 0 {
		return time.Time{}, nil
	}
	var next string
	err := s.ro.QueryRowContext(ctx, `SELECT COALESCE(MIN(j.next_at), '') FROM outbox_jobs j
		WHERE j.state = 'pending' AND j.kind IN (`+kindMarks(len(kinds))+`) AND `+notBehindOlder,
		kindArgs(kinds)...).Scan(&next)
	if err != nil || next == "" {
		return time.Time{}, err
	}
	return ParseTime(next), nil
}

// CompleteJob marks a running job done.
func (s *Store) CompleteJob(ctx context.Context, id int64, now time.Time) error {
	return s.finishJob(ctx, id, `state = 'done', last_error = '', updated_at = ?`, stamp(now))
}

// RetryJob puts a running job back to pending, due at `at` (rounded up to the second the
// database keeps, so it is never due earlier than asked).
func (s *Store) RetryJob(ctx context.Context, id int64, at time.Time, lastErr string, now time.Time) error {
	if t := at.Truncate(time.Second); t.Before(at) {
		at = t.Add(time.Second)
	}
	return s.finishJob(ctx, id, `state = 'pending', next_at = ?, last_error = ?, updated_at = ?`,
		stamp(at), clipJobError(lastErr), stamp(now))
}

// FailJob marks a running job failed for good.
func (s *Store) FailJob(ctx context.Context, id int64, lastErr string, now time.Time) error {
	return s.finishJob(ctx, id, `state = 'failed', last_error = ?, updated_at = ?`, clipJobError(lastErr), stamp(now))
}

// finishJob applies set to job id if it is running; a job that is not (recovered by a
// newer run, or never claimed) is left alone and reported as ErrNotFound.
func (s *Store) finishJob(ctx context.Context, id int64, set string, args ...any) error {
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		return execOne(ctx, tx, `UPDATE outbox_jobs SET `+set+` WHERE id = ? AND state = 'running'`,
			append(args, id)...)
	})
	if err != nil {
		return fmt.Errorf("outbox job %d: %w", id, err)
	}
	return nil
}

// RecoverRunningJobs puts jobs left running by a crashed or stopped process back to
// pending; their next_at (already reached when they were claimed) keeps them due now.
func (s *Store) RecoverRunningJobs(ctx context.Context, now time.Time) (int, error) {
	var n int64
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE outbox_jobs SET state = 'pending', updated_at = ?
			WHERE state = 'running'`, stamp(now))
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return int(n), err
}

// WaitingJobCount counts jobs still to be sent (pending or running): 送信待ち.
func (s *Store) WaitingJobCount(ctx context.Context) (int, error) {
	return PendingJobCount(ctx, s.ro)
}

// kindMarks is the "?,?,?" of an IN list of n kinds.
func kindMarks(n int) string { return strings.TrimSuffix(strings.Repeat("?,", n), ",") }

func kindArgs(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// clipJobError shortens an error text without splitting a character.
func clipJobError(s string) string {
	if len(s) <= maxJobError {
		return s
	}
	cut := maxJobError
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}

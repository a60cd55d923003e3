package data

import (
	"context"
	"time"
)

// EnqueueJob writes an outbox job; call in the transaction of the change it carries.
func EnqueueJob(ctx context.Context, q Querier, j *Job, now time.Time) error {
	if j.NextAt.IsZero() {
		j.NextAt = now
	}
	res, err := q.ExecContext(ctx, `INSERT INTO outbox_jobs (kind, ref, payload, state, attempts, next_at,
		created_at, updated_at) VALUES (?, ?, ?, 'pending', 0, ?, ?, ?)`,
		j.Kind, j.Ref, j.Payload, stamp(j.NextAt), stamp(now), stamp(now))
	if err != nil {
		return err
	}
	j.ID, err = res.LastInsertId()
	j.State = "pending"
	return err
}

// PendingJobCount counts jobs still waiting to be sent (送信待ち).
func PendingJobCount(ctx context.Context, q Querier) (int, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM outbox_jobs WHERE state IN ('pending', 'running')`).Scan(&n)
	return n, err
}

// ListJobs lists jobs of a ref in order (tests and support).
func ListJobs(ctx context.Context, q Querier, ref string) ([]Job, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, kind, ref, payload, state, attempts, next_at, last_error, created_at
		FROM outbox_jobs WHERE ref = ? ORDER BY id`, ref)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Job
	for rows.Next() {
		var j Job
		var next, created string
		if err := rows.Scan(&j.ID, &j.Kind, &j.Ref, &j.Payload, &j.State, &j.Attempts, &next, &j.LastError,
			&created); err != nil {
			return nil, err
		}
		j.NextAt, j.CreatedAt = ParseTime(next), ParseTime(created)
		out = append(out, j)
	}
	return out, rows.Err()
}

package data

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// SmaregiTransaction is one Smaregi sale as SalonDesk keeps it (smaregi_transactions).
type SmaregiTransaction struct {
	HeadID      int64
	At          time.Time
	CustomerRef string // Smaregi's customerId, "" without a member
	Cancelled   bool
	Body        string // the transaction as received, JSON
	Via         string // ViaPush or ViaPull
	ReceivedAt  time.Time
	Outcome     string
}

// InsertSmaregiTransaction keeps a received transaction; inserted is false when one with
// its head id is kept already (it came twice, or by push and by pull).
func InsertSmaregiTransaction(ctx context.Context, q Querier, t SmaregiTransaction) (inserted bool, err error) {
	res, err := q.ExecContext(ctx, `INSERT OR IGNORE INTO smaregi_transactions (head_id, transacted_at, customer_ref,
		cancelled, body, via, received_at, outcome) VALUES (?,?,?,?,?,?,?,?)`, t.HeadID, stamp(t.At), t.CustomerRef,
		b2i(t.Cancelled), t.Body, t.Via, stamp(t.ReceivedAt), t.Outcome)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// GetSmaregiTransaction reads a kept transaction by head id (ErrNotFound).
func GetSmaregiTransaction(ctx context.Context, q Querier, headID int64) (SmaregiTransaction, error) {
	var t SmaregiTransaction
	var at, recv string
	err := q.QueryRowContext(ctx, `SELECT head_id, transacted_at, customer_ref, cancelled, body, via, received_at,
		outcome FROM smaregi_transactions WHERE head_id = ?`, headID).Scan(&t.HeadID, &at, &t.CustomerRef,
		&t.Cancelled, &t.Body, &t.Via, &recv, &t.Outcome)
	if errors.Is(err, sql.ErrNoRows) {
		return t, ErrNotFound
	}
	t.At, t.ReceivedAt = ParseTime(at), ParseTime(recv)
	return t, err
}

// SetSmaregiTransactionState records a kept transaction's cancellation and outcome.
func SetSmaregiTransactionState(ctx context.Context, q Querier, headID int64, cancelled bool, outcome string) error {
	_, err := q.ExecContext(ctx, `UPDATE smaregi_transactions SET cancelled = ?, outcome = ? WHERE head_id = ?`,
		b2i(cancelled), outcome, headID)
	return err
}

// CountSmaregiTransactions is how many transactions are kept.
func CountSmaregiTransactions(ctx context.Context, q Querier) (int, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM smaregi_transactions`).Scan(&n)
	return n, err
}

// LinkSmaregiContract records that a transaction's detail made a contract.
func LinkSmaregiContract(ctx context.Context, q Querier, headID, detailID, contractID int64) error {
	_, err := q.ExecContext(ctx, `INSERT INTO smaregi_contracts (head_id, detail_id, contract_id) VALUES (?,?,?)`,
		headID, detailID, contractID)
	return err
}

// SmaregiContracts are the contracts a transaction made.
func SmaregiContracts(ctx context.Context, q Querier, headID int64) ([]int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT contract_id FROM smaregi_contracts WHERE head_id = ? ORDER BY detail_id`, headID)
	if err != nil {
		return nil, err
	}
	return scanIDs(rows)
}

// ReceiverToken is an IDコード the receiver accepts (only its hash is kept).
type ReceiverToken struct {
	ID        int64
	Hash      string
	Label     string
	CreatedAt time.Time
	RevokedAt time.Time // zero while it is accepted
}

// InsertReceiverToken keeps a new token's hash.
func InsertReceiverToken(ctx context.Context, q Querier, tok *ReceiverToken) error {
	res, err := q.ExecContext(ctx, `INSERT INTO smaregi_receiver_tokens (hash, label, created_at) VALUES (?,?,?)`,
		tok.Hash, tok.Label, stamp(tok.CreatedAt))
	if err != nil {
		return err
	}
	tok.ID, err = res.LastInsertId()
	return err
}

// ListReceiverTokens lists every token, revoked ones too, oldest first.
func ListReceiverTokens(ctx context.Context, q Querier) ([]ReceiverToken, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, hash, label, created_at, revoked_at FROM smaregi_receiver_tokens ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ReceiverToken
	for rows.Next() {
		var t ReceiverToken
		var created, revoked string
		if err := rows.Scan(&t.ID, &t.Hash, &t.Label, &created, &revoked); err != nil {
			return nil, err
		}
		t.CreatedAt, t.RevokedAt = ParseTime(created), ParseTime(revoked)
		out = append(out, t)
	}
	return out, rows.Err()
}

// ActiveReceiverTokenHashes are the hashes of the tokens not revoked.
func ActiveReceiverTokenHashes(ctx context.Context, q Querier) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT hash FROM smaregi_receiver_tokens WHERE revoked_at = ''`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// RevokeReceiverToken stops accepting a token; ErrNotFound when there is no such token
// still accepted.
func RevokeReceiverToken(ctx context.Context, q Querier, id int64, now time.Time) error {
	res, err := q.ExecContext(ctx, `UPDATE smaregi_receiver_tokens SET revoked_at = ? WHERE id = ? AND revoked_at = ''`,
		stamp(now), id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// PullCursor is the last transactionHeadId the pull saw (0 before the first pull).
func PullCursor(ctx context.Context, q Querier) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT last_head_id FROM smaregi_pull WHERE id = 1`).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// SetPullCursor records where the pull stopped; it never moves back.
func SetPullCursor(ctx context.Context, q Querier, lastHeadID int64, now time.Time) error {
	_, err := q.ExecContext(ctx, `INSERT INTO smaregi_pull (id, last_head_id, pulled_at) VALUES (1, ?, ?)
		ON CONFLICT (id) DO UPDATE SET last_head_id = MAX(last_head_id, excluded.last_head_id),
		pulled_at = excluded.pulled_at`, lastHeadID, stamp(now))
	return err
}

// ResolveNotificationsOf resolves the open お知らせ of direction whose reason starts with prefix.
func ResolveNotificationsOf(ctx context.Context, q Querier, dir Direction, prefix string, now time.Time) (int64, error) {
	res, err := q.ExecContext(ctx, `UPDATE notifications SET resolved_at = ? WHERE direction = ? AND resolved_at = ''
		AND substr(reason, 1, length(?)) = ?`, stamp(now), string(dir), prefix, prefix)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// RequeueFailedJobs puts the failed jobs of kinds back in the queue, due now, with their
// attempts reset (they were held back by a configuration problem that is fixed now).
func RequeueFailedJobs(ctx context.Context, q Querier, kinds []string, now time.Time) (int64, error) {
	if len(kinds) == 0 {
		return 0, nil
	}
	args := append([]any{stamp(now), stamp(now)}, kindArgs(kinds)...)
	res, err := q.ExecContext(ctx, `UPDATE outbox_jobs SET state = 'pending', attempts = 0, next_at = ?,
		updated_at = ? WHERE state = 'failed' AND kind IN (`+kindMarks(len(kinds))+`)`, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

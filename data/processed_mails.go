package data

import (
	"context"
	"time"
)

// MailProcessed reports whether a mail with this Message-ID was handled already.
func MailProcessed(ctx context.Context, q Querier, messageID string) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM processed_mails WHERE message_id = ?`, messageID).Scan(&n)
	return n > 0, err
}

// RecordMail remembers a handled mail; call in the transaction that applied it.
func RecordMail(ctx context.Context, q Querier, messageID, sbNumber, kind, outcome string, now time.Time) error {
	_, err := q.ExecContext(ctx, `INSERT OR IGNORE INTO processed_mails (message_id, sb_number, kind, outcome,
		processed_at) VALUES (?, ?, ?, ?, ?)`, messageID, sbNumber, kind, outcome, stamp(now))
	return err
}

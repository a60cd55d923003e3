package data

import (
	"context"
	"database/sql"
	"errors"
)

// Systems and kinds of the external id mapping (external_ids).
const (
	SystemSmaregi    = "smaregi"
	KindCustomer     = "customer"
	KindProduct      = "product"
	OriginImported   = "imported" // customers brought in by CSV import
	SourceSmaregi    = "smaregi"  // contracts and payments a Smaregi transaction made
	PaymentSmaregi   = "smaregi"  // payments.method of a visit paid at the Smaregi register
	ViaPush, ViaPull = "push", "pull"
)

// ExternalID is the id another system knows a local row by; ok false when unmapped.
func ExternalID(ctx context.Context, q Querier, system, kind string, localID int64) (string, bool, error) {
	var ext string
	err := q.QueryRowContext(ctx, `SELECT external_id FROM external_ids WHERE system=? AND kind=? AND local_id=?`,
		system, kind, localID).Scan(&ext)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return ext, err == nil, err
}

// LocalID is the local row another system's id maps to; ok false when unmapped.
func LocalID(ctx context.Context, q Querier, system, kind, externalID string) (int64, bool, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT local_id FROM external_ids WHERE system=? AND kind=? AND external_id=?`,
		system, kind, externalID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return id, err == nil, err
}

// SetExternalID records (or replaces) the mapping of a local row.
func SetExternalID(ctx context.Context, q Querier, system, kind string, localID int64, externalID string) error {
	_, err := q.ExecContext(ctx, `INSERT INTO external_ids (system, kind, local_id, external_id) VALUES (?,?,?,?)
		ON CONFLICT (system, kind, local_id) DO UPDATE SET external_id = excluded.external_id`,
		system, kind, localID, externalID)
	return err
}

// DeleteExternalID forgets a local row's mapping (it was deleted there).
func DeleteExternalID(ctx context.Context, q Querier, system, kind string, localID int64) error {
	_, err := q.ExecContext(ctx, `DELETE FROM external_ids WHERE system=? AND kind=? AND local_id=?`,
		system, kind, localID)
	return err
}

// CountExternalIDs is how many rows of kind are mapped in system.
func CountExternalIDs(ctx context.Context, q Querier, system, kind string) (int, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM external_ids WHERE system=? AND kind=?`, system, kind).Scan(&n)
	return n, err
}

// UnmappedCustomers lists, by id, up to limit customers of origin that system does not
// know yet (a bulk send's remaining work: what it sent is mapped as it goes).
func UnmappedCustomers(ctx context.Context, q Querier, system, origin string, limit int) ([]Customer, error) {
	return queryAll(ctx, q, scanCustomer, `SELECT `+customerCols+` FROM customers c WHERE origin = ?
		AND NOT EXISTS (SELECT 1 FROM external_ids e WHERE e.system = ? AND e.kind = 'customer' AND e.local_id = c.id)
		ORDER BY id LIMIT ?`, origin, system, limit)
}

// CountUnmappedCustomers is how many customers of origin system does not know yet.
func CountUnmappedCustomers(ctx context.Context, q Querier, system, origin string) (int, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM customers c WHERE origin = ?
		AND NOT EXISTS (SELECT 1 FROM external_ids e WHERE e.system = ? AND e.kind = 'customer' AND e.local_id = c.id)`,
		origin, system).Scan(&n)
	return n, err
}

package data

import (
	"context"
)

// DuplicatePair is two live customers that are likely one person.
type DuplicatePair struct {
	A, B   Customer // A has the smaller id
	Reason string   // phone (same kana and phone) or birthday (same kana and birthday)
}

// LikelyDuplicates lists pairs of live customers with the same kana and either the same
// phone (digits compared, dashes ignored) or the same birthday, by kana.
func LikelyDuplicates(ctx context.Context, q Querier, limit int) ([]DuplicatePair, error) {
	rows, err := q.QueryContext(ctx, `SELECT a.id, b.id,
		CASE WHEN a.phone <> '' AND replace(a.phone, '-', '') = replace(b.phone, '-', '') THEN 'phone' ELSE 'birthday' END
		FROM customers a JOIN customers b ON b.kana = a.kana AND b.id > a.id
		WHERE a.erased_on = '' AND b.erased_on = ''
		AND ((a.phone <> '' AND replace(a.phone, '-', '') = replace(b.phone, '-', ''))
		  OR (a.birthday <> '' AND a.birthday = b.birthday))
		ORDER BY a.kana, a.id, b.id LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	type pair struct {
		a, b   int64
		reason string
	}
	var pairs []pair
	for rows.Next() {
		var p pair
		if err := rows.Scan(&p.a, &p.b, &p.reason); err != nil {
			rows.Close()
			return nil, err
		}
		pairs = append(pairs, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]DuplicatePair, 0, len(pairs))
	for _, p := range pairs {
		a, err := GetCustomer(ctx, q, p.a)
		if err != nil {
			return nil, err
		}
		b, err := GetCustomer(ctx, q, p.b)
		if err != nil {
			return nil, err
		}
		out = append(out, DuplicatePair{A: a, B: b, Reason: p.reason})
	}
	return out, nil
}

// MoveCustomerRecords gives the kept customer everything that points at the other:
// reservations, sales, contracts, payments and the external ids (SALON BOARD, Smaregi)
// of a system the kept customer has no link to yet; the other's remaining links go.
func MoveCustomerRecords(ctx context.Context, q Querier, keepID, otherID int64) error {
	for _, table := range []string{"reservations", "sales", "contracts", "payments"} {
		if _, err := q.ExecContext(ctx, `UPDATE `+table+` SET customer_id = ? WHERE customer_id = ?`,
			keepID, otherID); err != nil {
			return err
		}
	}
	if _, err := q.ExecContext(ctx, `UPDATE OR IGNORE external_ids SET local_id = ?
		WHERE kind = 'customer' AND local_id = ?`, keepID, otherID); err != nil {
		return err
	}
	_, err := q.ExecContext(ctx, `DELETE FROM external_ids WHERE kind = 'customer' AND local_id = ?`, otherID)
	return err
}

// DeleteCustomerRow removes a customer row that nothing points at any more.
func DeleteCustomerRow(ctx context.Context, q Querier, id int64) error {
	return execOne(ctx, q, `DELETE FROM customers WHERE id = ?`, id)
}

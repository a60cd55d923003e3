package smaregi

import (
	"context"
)

// BatchSize is the most rows one *_upd request carries. Smaregi does not document its
// maximum; the spec asks for at most 100.
const BatchSize = 100

// Proc divisions of an update.
const (
	divisionUpsert = "U"
	divisionDelete = "D"
)

type updParams struct {
	ProcInfo struct {
		Division string `json:"proc_division"`
	} `json:"proc_info"`
	Data []updTable `json:"data"`
}

type updTable struct {
	Table string `json:"table_name"`
	Rows  any    `json:"rows"`
}

// sendBatches sends rows [0,n) in requests of at most BatchSize rows; rowsOf returns
// the wire rows of [lo,hi) and sent, when not nil, is told of each batch Smaregi
// accepted. It returns how many rows were accepted before the first failure.
func (c *Client) sendBatches(ctx context.Context, proc, table, division string, n int,
	rowsOf func(lo, hi int) any, sent func(lo, hi int) error) (int, error) {
	done := 0
	for lo := 0; lo < n; lo += BatchSize {
		hi := min(lo+BatchSize, n)
		p := updParams{Data: []updTable{{Table: table, Rows: rowsOf(lo, hi)}}}
		p.ProcInfo.Division = division
		if _, err := c.call(ctx, proc, p); err != nil {
			return done, err
		}
		done = hi
		if sent != nil {
			if err := sent(lo, hi); err != nil {
				return done, err
			}
		}
	}
	return done, nil
}

// UpsertCustomers inserts or updates customers (proc_division U), keyed by the
// customerId we supply, in requests of at most BatchSize rows. Each row is first
// normalised to Smaregi's rules (NormalizeCustomer); a row they refuse is not sent and
// is listed in the *RefusedError returned at the end, while the others are. sent, when
// not nil, gets every accepted batch as it was sent (normalised), so that a bulk send
// can record its progress and resume after an interruption without doubles: a row
// sent twice is the same upsert. The count is the rows Smaregi accepted. A failed
// request stops the send and its *Error is returned.
func (c *Client) UpsertCustomers(ctx context.Context, rows []Customer, sent func([]Customer) error) (int, error) {
	good, refused := normalizeCustomers(rows)
	n, err := c.sendBatches(ctx, "customer_upd", "Customer", divisionUpsert, len(good),
		func(lo, hi int) any { return good[lo:hi] }, batchTo(good, sent))
	if err != nil {
		return n, err
	}
	return n, refused.orNil()
}

// DeleteCustomers deletes customers by customerId (proc_division D, only the key).
func (c *Client) DeleteCustomers(ctx context.Context, ids []string, sent func([]string) error) (int, error) {
	return c.sendBatches(ctx, "customer_upd", "Customer", divisionDelete, len(ids),
		keyRows("customerId", ids), batchTo(ids, sent))
}

// UpsertProducts inserts or updates products (proc_division U), keyed by the
// productId we supply, like UpsertCustomers (NormalizeProduct first).
func (c *Client) UpsertProducts(ctx context.Context, rows []Product, sent func([]Product) error) (int, error) {
	good, refused := normalizeProducts(rows)
	n, err := c.sendBatches(ctx, "product_upd", "Product", divisionUpsert, len(good),
		func(lo, hi int) any { return good[lo:hi] }, batchTo(good, sent))
	if err != nil {
		return n, err
	}
	return n, refused.orNil()
}

// DeleteProducts deletes products by productId.
func (c *Client) DeleteProducts(ctx context.Context, ids []string, sent func([]string) error) (int, error) {
	return c.sendBatches(ctx, "product_upd", "Product", divisionDelete, len(ids),
		keyRows("productId", ids), batchTo(ids, sent))
}

func keyRows(key string, ids []string) func(lo, hi int) any {
	return func(lo, hi int) any {
		rows := make([]map[string]string, 0, hi-lo)
		for _, id := range ids[lo:hi] {
			rows = append(rows, map[string]string{key: id})
		}
		return rows
	}
}

func batchTo[T any](all []T, sent func([]T) error) func(lo, hi int) error {
	if sent == nil {
		return nil
	}
	return func(lo, hi int) error { return sent(all[lo:hi]) }
}

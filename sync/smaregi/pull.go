package smaregi

import (
	"context"
	"time"
)

// PullOptions tune PullTransactions; the zero value is what Smaregi allows.
type PullOptions struct {
	Span  int64            // width of one id range; 0 or more than MaxIDSpan is MaxIDSpan
	Limit int              // heads per page; 0 or more than MaxLimit is MaxLimit
	Now   func() time.Time // clock for LatestTransactionID; nil is time.Now
}

// PullTransactions reads every transaction whose transactionHeadId is greater than
// after, in id order, and hands them to got one page at a time, each head with its
// details. got must store them (idempotently, by transactionHeadId) before it returns
// nil; its error stops the pull. The result is the highest id handed to got without
// error (after when none): keep it as the next pull's after, even when an error is
// returned too, so that nothing is read twice or skipped.
//
// transaction_ref only takes bounded ranges, so the pull walks (after, after+Span],
// then the next range, and so on. A range cannot tell whether later ids exist beyond
// it (a gap wider than a range, or simply more than one range of new sales), so after
// the first range LatestTransactionID asks once, by date, for the newest id, and the
// walk goes on until that id is passed: an idle pull is three requests. If Smaregi
// refuses that date query (a data error), the pull ends without error after the
// first range; the next pull goes on from there.
func (c *Client) PullTransactions(ctx context.Context, after int64, opt PullOptions, got func([]Transaction) error) (int64, error) {
	span, limit, now := opt.Span, opt.Limit, opt.Now
	if span <= 0 || span > MaxIDSpan {
		span = MaxIDSpan
	}
	if limit <= 0 || limit > MaxLimit {
		limit = MaxLimit
	}
	if now == nil {
		now = time.Now
	}
	last, lo := after, after
	latest := int64(-1) // not asked yet
	for {
		hi := lo + span
		seen, err := c.pullRange(ctx, lo, hi, limit, got)
		if seen > last {
			last = seen
		}
		if err != nil {
			return last, err
		}
		if latest < 0 {
			if latest, err = c.LatestTransactionID(ctx, now()); err != nil {
				if KindOf(err) == KindData {
					return last, nil
				}
				return last, err
			}
		}
		if latest <= hi {
			return last, nil
		}
		lo = hi
	}
}

// pullRange hands over every transaction with an id in (lo, hi], page by page, and
// returns the highest id handed over (0 when the range was empty).
func (c *Client) pullRange(ctx context.Context, lo, hi int64, limit int, got func([]Transaction) error) (int64, error) {
	var seen int64
	for page := 1; ; page++ {
		heads, total, err := c.TransactionHeads(ctx, lo, hi, limit, page)
		if err != nil || len(heads) == 0 {
			return seen, err
		}
		first, end := heads[0].ID, heads[len(heads)-1].ID
		details, err := c.TransactionDetails(ctx, first-1, end)
		if err != nil {
			return seen, err
		}
		// Details of a head made between the two queries have no head here: they
		// come again with it on the next page or pull.
		txs, _ := group(heads, details)
		if err := got(txs); err != nil {
			return seen, err
		}
		seen = end
		if len(heads) < limit || page*limit >= total {
			return seen, nil
		}
	}
}

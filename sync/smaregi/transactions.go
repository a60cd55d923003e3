package smaregi

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// MaxIDSpan is the widest transactionHeadId range one transaction_ref may ask for.
const MaxIDSpan = 100_000

// MaxDateSpan is the widest date range transaction_ref accepts.
const MaxDateSpan = 31 * 24 * time.Hour

// headFields are the TransactionHead columns a pull asks for; nil would be all of
// them, which is about 100 columns per row.
var headFields = []string{"transactionHeadId", "transactionDateTime", "transactionHeadDivision",
	"cancelDivision", "subtotal", "total", "storeId", "customerId", "customerCode", "updDateTime"}

var detailFields = []string{"transactionHeadId", "transactionDetailId", "transactionDateTime",
	"productId", "productCode", "productName", "categoryId", "price", "salesPrice", "quantity"}

// TransactionHeads reads one page of TransactionHead rows with ids in (after, upTo],
// ordered by id. upTo-after must be 1..MaxIDSpan.
func (c *Client) TransactionHeads(ctx context.Context, after, upTo int64, limit, page int) ([]TransactionHead, int, error) {
	if err := checkSpan(after, upTo); err != nil {
		return nil, 0, err
	}
	p, err := c.Ref(ctx, "transaction_ref", Query{Table: "TransactionHead", Fields: headFields,
		Conditions: idRange(after, upTo), Order: []string{"transactionHeadId"}, Limit: limit, Page: page})
	if err != nil {
		return nil, 0, err
	}
	heads := make([]TransactionHead, 0, len(p.Rows))
	for _, r := range p.Rows {
		h, err := HeadFromRow(r)
		if err != nil {
			return nil, 0, dataError("transaction_ref", err)
		}
		heads = append(heads, h)
	}
	return heads, p.Total, nil
}

// TransactionDetails reads every TransactionDetail row of the heads with ids in
// (after, upTo], over as many pages as it takes.
func (c *Client) TransactionDetails(ctx context.Context, after, upTo int64) ([]TransactionDetail, error) {
	if err := checkSpan(after, upTo); err != nil {
		return nil, err
	}
	var out []TransactionDetail
	for page := 1; ; page++ {
		p, err := c.Ref(ctx, "transaction_ref", Query{Table: "TransactionDetail", Fields: detailFields,
			Conditions: idRange(after, upTo), Order: []string{"transactionHeadId", "transactionDetailId"},
			Limit: MaxLimit, Page: page})
		if err != nil {
			return nil, err
		}
		for _, r := range p.Rows {
			d, err := DetailFromRow(r)
			if err != nil {
				return nil, dataError("transaction_ref", err)
			}
			out = append(out, d)
		}
		if len(p.Rows) < MaxLimit || page*MaxLimit >= p.Total {
			return out, nil
		}
	}
}

// LatestTransactionID is the highest transactionHeadId updated in the 30 days before
// now (0 when none). transaction_ref needs a bounded range, and an id range cannot say
// what lies beyond it, so the newest id is asked by date: a transaction newer than
// what a pull has seen was made (or changed) recently. It asks for the first row in
// descending id order and, when there are more, also for the last row in ascending
// order, so that the answer is right whether or not the server honours "desc".
func (c *Client) LatestTransactionID(ctx context.Context, now time.Time) (int64, error) {
	now = now.In(japan)
	window := []Cond{{
		// 30 days back and an hour ahead (our clock may be behind): inside the
		// 31 days Smaregi allows.
		"updDateTime >=": now.Add(-MaxDateSpan + 25*time.Hour).Format(smaregiTime),
		"updDateTime <=": now.Add(time.Hour).Format(smaregiTime),
	}}
	first, total, err := c.oneHeadID(ctx, window, "transactionHeadId desc", 1)
	if err != nil || total <= 1 {
		return first, err
	}
	last, _, err := c.oneHeadID(ctx, window, "transactionHeadId", total)
	return max(first, last), err
}

// oneHeadID is the transactionHeadId on page `page` of a one-row-per-page query.
func (c *Client) oneHeadID(ctx context.Context, conds []Cond, order string, page int) (int64, int, error) {
	p, err := c.Ref(ctx, "transaction_ref", Query{Table: "TransactionHead",
		Fields: []string{"transactionHeadId"}, Conditions: conds, Order: []string{order}, Limit: 1, Page: page})
	if err != nil || len(p.Rows) == 0 {
		return 0, p.Total, err
	}
	id, err := positiveID(p.Rows[0], "transactionHeadId")
	if err != nil {
		return 0, 0, dataError("transaction_ref", err)
	}
	return id, p.Total, nil
}

func idRange(after, upTo int64) []Cond {
	return []Cond{{"transactionHeadId >": strconv.FormatInt(after, 10),
		"transactionHeadId <=": strconv.FormatInt(upTo, 10)}}
}

func checkSpan(after, upTo int64) error {
	if after < 0 || upTo <= after || upTo-after > MaxIDSpan {
		return dataError("transaction_ref", fmt.Errorf("id range (%d, %d] is not 1..%d wide", after, upTo, MaxIDSpan))
	}
	return nil
}

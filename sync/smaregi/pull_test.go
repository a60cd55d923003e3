package smaregi_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"salondesk/sync/smaregi"
	"salondesk/sync/smaregi/smaregidouble"
)

// addSales holds one sale per id, each with two lines.
func addSales(d *smaregidouble.Double, ids ...int64) {
	for _, id := range ids {
		d.AddSale(smaregidouble.Sale{ID: id, At: time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC),
			CustomerID: fmt.Sprint(id % 7), Lines: []smaregidouble.Line{
				{ProductID: "1001", ProductCode: "reservefee", ProductName: "レッスン料", Price: 3300, Quantity: 1},
				{ProductID: "1002", ProductCode: "PLAN4", ProductName: "月4回プラン", Price: 12000, Quantity: 2}}})
	}
}

func idsFrom(lo, hi int64) []int64 {
	var out []int64
	for i := lo; i <= hi; i++ {
		out = append(out, i)
	}
	return out
}

// collector keeps what a pull hands over and fails the test on a transaction seen
// twice or out of order.
type collector struct {
	t    *testing.T
	seen map[int64]smaregi.Transaction
	last int64
}

func (c *collector) got(txs []smaregi.Transaction) error {
	for _, tx := range txs {
		if _, dup := c.seen[tx.Head.ID]; dup {
			c.t.Errorf("transaction %d handed over twice", tx.Head.ID)
		}
		if tx.Head.ID <= c.last {
			c.t.Errorf("transaction %d after %d", tx.Head.ID, c.last)
		}
		c.seen[tx.Head.ID], c.last = tx, tx.Head.ID
	}
	return nil
}

func TestPullWalksRangesPagesAndGaps(t *testing.T) {
	d, c := newDouble(t)
	// 1..2,500 spans three ranges of 1,000 and pages of 300; then a gap wider than a
	// range, which only the newest-id check can see across.
	ids := append(idsFrom(1, 2_500), idsFrom(8_000, 8_010)...)
	addSales(d, ids...)
	col := &collector{t: t, seen: map[int64]smaregi.Transaction{}}
	last, err := c.PullTransactions(context.Background(), 0, smaregi.PullOptions{Span: 1_000, Limit: 300}, col.got)
	if err != nil || last != 8_010 {
		t.Fatalf("last %d: %v", last, err)
	}
	if len(col.seen) != len(ids) {
		t.Fatalf("got %d of %d", len(col.seen), len(ids))
	}
	tx := col.seen[1234]
	if len(tx.Details) != 2 || tx.Head.Total != 3300+24000 || tx.Details[1].ProductCode != "PLAN4" ||
		tx.Details[1].Quantity != 2 || tx.Head.CustomerID != "2" {
		t.Errorf("transaction 1234: %+v", tx)
	}
	// Nothing new: one empty range and the newest-id check (two requests).
	before := d.Requests("transaction_ref")
	last, err = c.PullTransactions(context.Background(), last, smaregi.PullOptions{Span: 1_000, Limit: 300}, col.got)
	if err != nil || last != 8_010 || d.Requests("transaction_ref")-before != 3 {
		t.Errorf("idle pull: last %d err %v requests %d", last, err, d.Requests("transaction_ref")-before)
	}
}

func TestPullDefaultRangesAndNothingToRead(t *testing.T) {
	d, c := newDouble(t)
	col := &collector{t: t, seen: map[int64]smaregi.Transaction{}}
	last, err := c.PullTransactions(context.Background(), 0, smaregi.PullOptions{}, col.got)
	if err != nil || last != 0 || len(col.seen) != 0 {
		t.Fatalf("empty: %d %v", last, err)
	}
	addSales(d, 5, 99_999, 100_000, 100_001, 250_000)
	last, err = c.PullTransactions(context.Background(), 0, smaregi.PullOptions{}, col.got)
	if err != nil || last != 250_000 || len(col.seen) != 5 {
		t.Fatalf("last %d err %v got %d", last, err, len(col.seen))
	}
}

// A pull that fails halfway returns how far it got; the next one from there reads
// the rest, each transaction once.
func TestPullResumesAfterAFailure(t *testing.T) {
	d, c := newDouble(t)
	addSales(d, idsFrom(1, 1_000)...)
	col := &collector{t: t, seen: map[int64]smaregi.Transaction{}}
	d.Inject(smaregidouble.Fault{Proc: "transaction_ref", Status: 502, Times: 1})
	opt := smaregi.PullOptions{Limit: 100}
	// The first request fails: nothing read.
	last, err := c.PullTransactions(context.Background(), 0, opt, col.got)
	if last != 0 || smaregi.KindOf(err) != smaregi.KindTransient {
		t.Fatalf("first: %d %v", last, err)
	}
	stop := errors.New("disk full")
	n := 0
	last, err = c.PullTransactions(context.Background(), 0, opt, func(txs []smaregi.Transaction) error {
		if n == 4 {
			return stop
		}
		n++
		return col.got(txs)
	})
	if !errors.Is(err, stop) || last != 400 {
		t.Fatalf("second: %d %v", last, err)
	}
	last, err = c.PullTransactions(context.Background(), last, opt, col.got)
	if err != nil || last != 1_000 || len(col.seen) != 1_000 {
		t.Fatalf("third: %d %v got %d", last, err, len(col.seen))
	}
}

func TestRangeRules(t *testing.T) {
	d, c := newDouble(t)
	if _, _, err := c.TransactionHeads(context.Background(), 0, smaregi.MaxIDSpan+1, 10, 1); smaregi.KindOf(err) != smaregi.KindData {
		t.Errorf("a range wider than 100,000 must not be sent: %v", err)
	}
	if d.Requests("transaction_ref") != 0 {
		t.Errorf("sent anyway")
	}
	// The double refuses what Smaregi refuses: an unbounded or too wide range.
	for _, q := range []smaregi.Query{
		{Table: "TransactionHead"},
		{Table: "TransactionHead", Conditions: []smaregi.Cond{{"transactionHeadId >": "5"}}},
		{Table: "TransactionHead", Conditions: []smaregi.Cond{{"transactionHeadId >": "0", "transactionHeadId <=": "100001"}}},
		{Table: "TransactionDetail", Conditions: []smaregi.Cond{{"updDateTime >=": "2026-01-01 00:00:00", "updDateTime <=": "2026-02-05 00:00:00"}}},
		{Table: "TransactionHead", Conditions: []smaregi.Cond{{"transactionHeadId >": "0", "transactionHeadId <=": "10"}}, Limit: 1000, Page: 0},
	} {
		_, err := c.Ref(context.Background(), "transaction_ref", q)
		var e *smaregi.Error
		if q.Page == 0 && len(q.Conditions) > 0 && q.Conditions[0]["transactionHeadId <="] == "10" {
			if err != nil {
				t.Errorf("a bounded range was refused: %v", err)
			}
			continue
		}
		if !errors.As(err, &e) || e.Code != 41 || e.Kind() != smaregi.KindData {
			t.Errorf("%+v: %v", q.Conditions, err)
		}
	}
}

// ignoreDesc serves d as a server that does not know "desc" in order would: it sorts
// ascending whatever is asked.
func ignoreDesc(d http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		form := r.PostForm
		form.Set("params", strings.ReplaceAll(form.Get("params"), " desc", ""))
		body := form.Encode()
		r2 := r.Clone(r.Context())
		r2.Body = io.NopCloser(strings.NewReader(body))
		r2.ContentLength = int64(len(body))
		r2.PostForm, r2.Form = nil, nil
		d.ServeHTTP(w, r2)
	})
}

func TestPullCrossesAGapEvenWithoutDescOrder(t *testing.T) {
	d := smaregidouble.New(contractID, apiToken)
	srv := httptest.NewServer(ignoreDesc(d))
	t.Cleanup(func() { d.Close(); srv.Close() })
	c := newClient(t, srv.URL)
	addSales(d, 1, 2, 3, 500_000, 500_001)
	col := &collector{t: t, seen: map[int64]smaregi.Transaction{}}
	last, err := c.PullTransactions(context.Background(), 0, smaregi.PullOptions{}, col.got)
	if err != nil || last != 500_001 || len(col.seen) != 5 {
		t.Fatalf("last %d err %v got %d", last, err, len(col.seen))
	}
}

package smaregi_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"salondesk/sync/smaregi"
	"salondesk/sync/smaregi/smaregidouble"
)

// BenchmarkReceiverLoopback: POSTs of 取引情報送信 (one transaction with two details,
// form-encoded) over loopback keep-alive, token checked against 10 stored hashes, the
// same 100 transactions again and again into an idempotent ledger.
func BenchmarkReceiverLoopback(b *testing.B) {
	token, hash := smaregi.NewToken()
	hashes := tokenList{}
	for range 9 {
		_, h := smaregi.NewToken()
		hashes = append(hashes, h)
	}
	hashes = append(hashes, hash)
	led := newLedger()
	srv := httptest.NewServer(smaregi.NewReceiver(hashes, led, nil))
	defer srv.Close()
	d := smaregidouble.New("c", "t")
	addSales(d, idsFrom(1, 100)...)
	bodies := make([][]byte, 100)
	for i := range bodies {
		_, bodies[i] = d.SentBody(smaregidouble.PushForm, int64(i+1))
	}
	client := srv.Client()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		req, _ := http.NewRequest(http.MethodPost, srv.URL, bytes.NewReader(bodies[i%100]))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("x-access-token", token)
		resp, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("status %d", resp.StatusCode)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
	if n, _ := led.count(); n != min(100, b.N) {
		b.Fatalf("ledger holds %d", n)
	}
}

// BenchmarkUpsert10000Customers: the bulk send of 10,000 customers against the double
// on loopback (normalisation, 100 requests of 100 rows, the double's checks).
func BenchmarkUpsert10000Customers(b *testing.B) {
	rows := customers(10_000)
	for b.Loop() {
		d, c := newDouble(b)
		if n, err := c.UpsertCustomers(context.Background(), rows, nil); err != nil || n != len(rows) {
			b.Fatalf("%d %v", n, err)
		}
		if d.Requests("customer_upd") != 100 {
			b.Fatalf("%d requests", d.Requests("customer_upd"))
		}
	}
	b.ReportMetric(float64(b.N*len(rows))/b.Elapsed().Seconds(), "customers/s")
}

// BenchmarkPull10000Transactions: a pull from 0 of 10,000 transactions (20,000
// details) held by the double, in pages of 1,000.
func BenchmarkPull10000Transactions(b *testing.B) {
	d, c := newDouble(b)
	addSales(d, idsFrom(1, 10_000)...)
	for b.Loop() {
		n := 0
		last, err := c.PullTransactions(context.Background(), 0, smaregi.PullOptions{}, func(txs []smaregi.Transaction) error {
			n += len(txs)
			return nil
		})
		if err != nil || last != 10_000 || n != 10_000 {
			b.Fatalf("last %d n %d %v", last, n, err)
		}
	}
	b.ReportMetric(float64(b.N*10_000)/b.Elapsed().Seconds(), "transactions/s")
}

package data_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"salondesk/data"
	"salondesk/data/datatest"
)

// 売上管理 over three years of a busy salon: 100,000 sales (about 90 a day). Target: a
// month's totals (all five breakdowns) < 50 ms. Run with
//
//	go test -tags migrated_fynedo -run '^$' -bench SalesSummary ./data/
func BenchmarkSalesSummaryMonth(b *testing.B) {
	s, err := data.Open(filepath.Join(b.TempDir(), "sales.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	first := time.Date(2023, 12, 1, 10, 0, 0, 0, time.Local)
	datatest.ManySales(b, s, 100_000, first, 3*365)
	b.Logf("built 100,000 sales in %v", time.Since(start))
	from := time.Date(2026, 5, 1, 0, 0, 0, 0, time.Local)
	ctx := context.Background()
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		t, err := data.SalesSummary(ctx, s.Reader(), from, from.AddDate(0, 1, 0))
		if err != nil || t.Count == 0 || len(t.ByDay) != 31 {
			b.Fatalf("%v: %d sales over %d days", err, t.Count, len(t.ByDay))
		}
	}
	// The machine is shared: CPU time per op says what wall time would be on an idle PC.
	b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

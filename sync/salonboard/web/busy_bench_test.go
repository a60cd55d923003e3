package web_test

import (
	"context"
	"fmt"
	"testing"

	"salondesk/sync/salonboard/web"
)

// BenchmarkListAndSchedules reads what a bring-in reads for a salon of 200,
// 1,000 and 4,200 reservations over 60 days: the list of today → +60 days
// and the 61 schedule pages, with the default pacing on a virtual clock. It
// reports the requests (login included) and the minutes a real run would
// take (the pauses between pages, counted, not slept).
func BenchmarkListAndSchedules(b *testing.B) {
	for _, n := range []int{200, 1000, 4200} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var requests, rows int
			var minutes float64
			for b.Loop() {
				b.StopTimer()
				s := newBusySalon(b, n)
				b.StartTimer()
				rows = readListAndSchedules(b, s)
				requests = len(s.d.Requests())
				minutes = s.clk.Slept().Minutes()
			}
			if rows != n {
				b.Fatalf("%d rows, want %d", rows, n)
			}
			b.ReportMetric(float64(requests), "requests")
			b.ReportMetric(minutes, "sim-min")
		})
	}
}

func readListAndSchedules(tb testing.TB, s busySalon) int {
	ctx := context.Background()
	rows := 0
	err := s.c.ListPages(ctx, web.ListQuery{From: s.today, To: s.today.AddDate(0, 0, 60)}, func(p web.ListPage) error {
		rows += len(p.Rows)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	for i := range 61 {
		if _, err := s.c.Schedule(ctx, s.today.AddDate(0, 0, i)); err != nil {
			tb.Fatal(err)
		}
	}
	return rows
}

package salonboard_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"salondesk/app"
	"salondesk/app/salonboard"
	"salondesk/data/datatest"
	"salondesk/sync/salonboard/web"
)

// BenchmarkUnmatchedCount is Home's 未対応のクーポン名 line, read at every refresh on the UI
// goroutine: 5,000 reservations over the 60-day window using 200 coupon names, 150 of
// which map to nothing.
func BenchmarkUnmatchedCount(b *testing.B) {
	f, _ := benchNamesSeen(b)
	n, err := f.sb.UnmatchedCount(f.ctx)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(n), "names")
	b.ResetTimer()
	for b.Loop() {
		if _, err := f.sb.UnmatchedCount(f.ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRecordListNamesUnchanged is the reconciliation's steady state: the same 5,000
// rows read again, nothing to rewrite.
func BenchmarkRecordListNamesUnchanged(b *testing.B) {
	f, rows := benchNamesSeen(b)
	b.ResetTimer()
	for b.Loop() {
		if err := f.sb.RecordListNames(f.ctx, rows); err != nil {
			b.Fatal(err)
		}
	}
}

// benchNamesSeen is a salon whose list rows of the last 60 days (5,000 reservations)
// used 200 coupon names, a quarter of them matching a coupon here.
func benchNamesSeen(b *testing.B) (*fixture, []web.ListRow) {
	s := datatest.NewStore(b)
	datatest.Seed(b, s)
	now := datatest.At("2026-11-20", "09:00")
	a := app.New(s, app.WithClock(func() time.Time { return now }))
	f := &fixture{store: s, app: a, sb: salonboard.Install(a), ctx: context.Background()}
	const reservations, names = 5000, 200
	rows := make([]web.ListRow, reservations)
	for i := range rows {
		name := fmt.Sprintf("[全員]クーポン%03d ¥%d", i%names, 1000+i%names)
		if i%names < names/4 {
			name = "カット＋ケアカラー ¥9,900" // matches a coupon here
		}
		rows[i] = web.ListRow{ID: fmt.Sprintf("BE%08d", i), Menu: []string{"メニュー", name},
			Start: datatest.At("2026-10-01", "10:00").Add(time.Duration(i%100) * 12 * time.Hour)}
	}
	if err := f.sb.RecordListNames(f.ctx, rows); err != nil {
		b.Fatal(err)
	}
	return f, rows
}

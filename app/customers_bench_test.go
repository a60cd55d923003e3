package app_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"syscall"
	"testing"
	"time"

	"salondesk/app"
	"salondesk/app/csvio"
	"salondesk/app/export"
	"salondesk/app/salonboard"
	"salondesk/data"
	"salondesk/data/datatest"
)

// Benchmarks of お客様管理 on 50,000 customers. Run with
//
//	go test -tags migrated_fynedo -run '^$' -bench Customers -benchtime 20x ./app/
//
// Targets: a search page < 20 ms, deleting a page of 50 with cascades < 200 ms,
// importing 50,000 rows < 10 s; exporting them is measured.

const benchN = 50_000

var benchSurnames = []string{"サトウ", "スズキ", "タカハシ", "タナカ", "イトウ", "ワタナベ", "ヤマモト", "ナカムラ", "コバヤシ", "カトウ"}
var benchGiven = []string{"ハナコ", "ユイ", "ミサキ", "サクラ", "アオイ", "ユウカ", "ケンタ", "ショウタ"}

// kanaDigits writes n in katakana (ア=0 … コ=9) to make 50,000 kana names distinct.
func kanaDigits(n int) string {
	digits := []rune("アイウエオカキクケコ")
	out := []rune{}
	for _, d := range fmt.Sprintf("%05d", n) {
		out = append(out, digits[d-'0'])
	}
	return string(out)
}

func benchCustomer(i int) data.Customer {
	return data.Customer{Number: int64(i + 1), Name: fmt.Sprintf("顧客 %05d", i),
		Kana:  benchSurnames[i%len(benchSurnames)] + "　" + benchGiven[(i/7)%len(benchGiven)] + kanaDigits(i),
		Phone: fmt.Sprintf("090-%04d-%04d", i/10000, i%10000), VisitCount: i % 30,
		LastVisit: time.Date(2024, 1, 1, 0, 0, 0, 0, time.Local).AddDate(0, 0, i%900).Format("2006-01-02")}
}

// bigCustomerApp is a salon with 50,000 customers, every 10th with a future reservation
// and every 20th with an active plan, SALON BOARD sync on.
func bigCustomerApp(b *testing.B) (*app.App, *data.Store) {
	b.Helper()
	s := datatest.NewStore(b)
	datatest.Seed(b, s)
	ctx := context.Background()
	now := datatest.At("2026-11-20", "09:00")
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM customers`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO plans (id, name) VALUES (1, '通い放題')`); err != nil {
			return err
		}
		for i := range benchN {
			c := benchCustomer(i)
			if err := data.InsertCustomer(ctx, tx, &c, now); err != nil {
				return err
			}
			if err := benchExtras(ctx, tx, c.ID, i); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	a := app.New(s, app.WithClock(func() time.Time { return now }))
	if err := salonboard.Install(a).SetEnabled(ctx, true); err != nil {
		b.Fatal(err)
	}
	return a, s
}

// benchExtras gives customer i a future reservation (every 10th, with a SALON BOARD
// number) and an active plan (every 20th).
func benchExtras(ctx context.Context, tx *sql.Tx, id int64, i int) error {
	if i%10 == 0 {
		start := datatest.At("2026-11-21", "10:00").AddDate(0, 0, i%60)
		if _, err := tx.ExecContext(ctx, `INSERT INTO reservations (number, sb_number, received_at, start_at, end_at,
			customer_id, route, status, created_at, updated_at) VALUES (?, ?, '2026-11-01 09:00', ?, ?, ?, 'hpb', 'waiting',
			'2026-11-01 09:00:00', '2026-11-01 09:00:00')`, 100000+i, fmt.Sprintf("YG%08d", i), data.FormatTime(start),
			data.FormatTime(start.Add(time.Hour)), id); err != nil {
			return err
		}
	}
	if i%20 == 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO contracts (customer_id, plan_id, started_on, created_at)
			VALUES (?, 1, '2026-01-01', '2026-01-01 09:00:00')`, id); err != nil {
			return err
		}
	}
	return nil
}

func BenchmarkCustomersSearch(b *testing.B) {
	a, _ := bigCustomerApp(b)
	ctx := context.Background()
	for _, c := range []struct {
		name   string
		f      data.CustomerFilter
		offset int
	}{
		{"all_first_page", data.CustomerFilter{}, 0},
		{"all_last_page", data.CustomerFilter{}, benchN - 50},
		{"kana_prefix", app.CustomerSearch("たなか"), 0},
		{"name_substring", app.CustomerSearch("顧客 123"), 0},
		{"phone_prefix", app.CustomerSearch("090-0002"), 0},
		{"last_visit_range_visits", data.CustomerFilter{LastVisitFrom: "2025-01-01", LastVisitTo: "2025-03-31", MinVisits: 10}, 0},
		{"has_future", data.CustomerFilter{HasFuture: true}, 0},
		{"has_plan", data.CustomerFilter{HasPlan: true}, 0},
	} {
		b.Run(c.name, func(b *testing.B) {
			defer cpuPerOp(b)()
			for b.Loop() {
				if _, _, err := a.SearchCustomers(ctx, c.f, 50, c.offset); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// One page of 50 (every 10th with a future SALON BOARD reservation, every 20th with a
// plan) deleted with its cascades, the secure delete and the WAL checkpoint.
func BenchmarkCustomersDeletePage(b *testing.B) {
	a, _ := bigCustomerApp(b)
	ctx := context.Background()
	page := 0
	defer cpuPerOp(b)()
	for b.Loop() {
		b.StopTimer()
		var ids []int64
		for i := page * 50; i < page*50+50; i++ {
			ids = append(ids, int64(i+1)) // ids follow the insertion order
		}
		page++
		b.StartTimer()
		n, err := a.DeleteCustomers(ctx, ids)
		if err != nil || n != 50 {
			b.Fatalf("deleted %d: %v", n, err)
		}
	}
}

func benchCSV(b *testing.B) []byte {
	var buf bytes.Buffer
	w, _ := csvio.NewWriter(&buf, csvio.ShiftJIS)
	w.Write([]string{"お客様名", "お客様名（カナ）", "電話番号", "生年月日", "来店回数"})
	for i := range benchN {
		c := benchCustomer(i)
		w.Write([]string{c.Name, c.Kana, c.Phone, "1990/4/1", fmt.Sprint(c.VisitCount)})
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// 50,000 rows of Shift_JIS into an empty salon: preview and commit.
func BenchmarkCustomersImport(b *testing.B) {
	file := benchCSV(b)
	ctx := context.Background()
	defer cpuPerOp(b)()
	for b.Loop() {
		b.StopTimer()
		a := app.New(datatest.NewStore(b))
		b.StartTimer()
		p, err := a.PreviewCustomerImport(ctx, bytes.NewReader(file))
		if err != nil || len(p.Errors) != 0 {
			b.Fatal(err, len(p.Errors), p.Errors[:min(3, len(p.Errors))])
		}
		if res, err := a.CommitCustomerImport(ctx, p, false); err != nil || res.New != benchN {
			b.Fatal(res, err)
		}
	}
}

func BenchmarkCustomersExport(b *testing.B) {
	a, _ := bigCustomerApp(b)
	ctx := context.Background()
	for _, enc := range []csvio.Encoding{csvio.UTF8, csvio.ShiftJIS} {
		b.Run(string(enc), func(b *testing.B) {
			defer cpuPerOp(b)()
			for b.Loop() {
				if err := export.CustomersEncoded(ctx, a, export.FormatCSV, enc, io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// cpuPerOp reports the process's CPU time (user + system) per operation beside the wall
// time: on a machine shared with other builds the wall time mostly measures waiting.
func cpuPerOp(b *testing.B) func() {
	start := cpuTime()
	return func() {
		if b.N > 0 {
			b.ReportMetric(float64((cpuTime()-start).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		}
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

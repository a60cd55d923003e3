package data_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"salondesk/data"
)

// Benchmarks on a salon much bigger than a real one: 50,000 customers and 100,000
// reservations (about 70 a day over four years), with one busy day of 120. Run with
//
//	go test -tags migrated_fynedo -run '^$' -bench . ./data/
//
// Targets: DayReservations < 5 ms (the schedule opens a day), a kana prefix search of 50
// rows < 20 ms (the customer search box).

const (
	benchCustomers    = 50_000
	benchReservations = 100_000
	benchBusyDay      = 120
)

var benchBusy = time.Date(2026, 11, 21, 0, 0, 0, 0, time.Local)

var benchKana = []string{"サトウ", "スズキ", "タカハシ", "タナカ", "イトウ", "ワタナベ", "ヤマモト", "ナカムラ", "コバヤシ",
	"カトウ", "ヨシダ", "ヤマダ", "ササキ", "ヤマグチ", "マツモト", "イノウエ", "キムラ", "ハヤシ", "サイトウ", "シミズ",
	"ヤマザキ", "モリ", "イケダ", "ハシモト", "アベ", "イシカワ", "ヤマシタ", "ナカジマ", "イシイ", "オガワ"}

var benchGiven = []string{"ハナコ", "ユイ", "ミサキ", "サクラ", "アオイ", "ユウカ", "アヤ", "アイ", "マユミ", "ケイコ",
	"ユウコ", "トモコ", "ナオミ", "カオリ", "マイ", "サオリ", "アヤカ", "チヒロ", "ヒトミ", "ナナ", "ショウタ", "ケンタ"}

// bigSalon builds the benchmark database once for the calling benchmark (its sub-benchmarks
// reuse it) and returns it.
func bigSalon(b *testing.B) *data.Store {
	b.Helper()
	start := time.Now()
	s, err := data.Open(filepath.Join(b.TempDir(), "big.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	ctx := context.Background()
	err = s.Tx(ctx, func(tx *sql.Tx) error {
		r := rand.New(rand.NewPCG(1, 2))
		staff, menus, err := benchMasters(ctx, tx)
		if err != nil {
			return err
		}
		kanas, err := benchInsertCustomers(ctx, tx, r)
		if err != nil {
			return err
		}
		return benchInsertReservations(ctx, tx, r, kanas, staff, menus)
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("built %d customers and %d reservations in %v", benchCustomers, benchReservations, time.Since(start))
	return s
}

func benchMasters(ctx context.Context, tx *sql.Tx) ([]int64, []int64, error) {
	var staff, menus []int64
	for i := 0; i < 6; i++ {
		st := data.Staff{Name: fmt.Sprintf("スタッフ%d", i+1), Capacity: 2, WorkDays: "0123456", Active: true}
		if err := data.SaveStaff(ctx, tx, &st); err != nil {
			return nil, nil, err
		}
		staff = append(staff, st.ID)
	}
	cat := data.Category{Name: "カット"}
	if err := data.SaveCategory(ctx, tx, &cat); err != nil {
		return nil, nil, err
	}
	for i := 0; i < 12; i++ {
		m := data.Menu{CategoryID: cat.ID, Name: fmt.Sprintf("メニュー%d", i+1), DurationMin: 30 * (1 + i%4), Active: true}
		if err := data.SaveMenu(ctx, tx, &m); err != nil {
			return nil, nil, err
		}
		menus = append(menus, m.ID)
	}
	return staff, menus, nil
}

// benchInsertCustomers writes the customers with one prepared statement; it returns their kana by id-1.
func benchInsertCustomers(ctx context.Context, tx *sql.Tx, r *rand.Rand) ([]string, error) {
	st, err := tx.PrepareContext(ctx, `INSERT INTO customers (id, number, name, kana, phone, visit_count, last_visit,
		created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '2022-01-01 10:00:00', '2022-01-01 10:00:00')`)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	kanas := make([]string, benchCustomers)
	for i := range kanas {
		kanas[i] = benchKana[r.IntN(len(benchKana))] + "　" + benchGiven[r.IntN(len(benchGiven))]
		if _, err := st.ExecContext(ctx, i+1, i+1, fmt.Sprintf("顧客 %d", i+1), kanas[i],
			fmt.Sprintf("090-%04d-%04d", r.IntN(10000), r.IntN(10000)), r.IntN(30), "2026-10-01"); err != nil {
			return nil, err
		}
	}
	return kanas, nil
}

// benchInsertReservations spreads the reservations over four years before benchBusy's
// month ends, with benchBusyDay of them on benchBusy.
func benchInsertReservations(ctx context.Context, tx *sql.Tx, r *rand.Rand, kanas []string, staff, menus []int64) error {
	res, err := tx.PrepareContext(ctx, `INSERT INTO reservations (id, number, sb_number, received_at, start_at, end_at,
		customer_id, customer_name, customer_kana, staff_id, designated, route, status, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer res.Close()
	rm, err := tx.PrepareContext(ctx, `INSERT INTO reservation_menus (reservation_id, menu_id, position) VALUES (?, ?, ?)`)
	if err != nil {
		return err
	}
	defer rm.Close()
	first := benchBusy.AddDate(-4, 0, 0)
	days := int(benchBusy.Sub(first).Hours()/24) + 10
	routes := []string{"hpb", "hpb", "phone", "walkin", "salonboard"}
	statuses := []string{"paid", "paid", "paid", "waiting", "cancelled"}
	for i := 1; i <= benchReservations; i++ {
		day := first.AddDate(0, 0, r.IntN(days))
		if i <= benchBusyDay {
			day = benchBusy
		}
		start := day.Add(time.Duration(10*60+30*r.IntN(18)) * time.Minute)
		end := start.Add(time.Duration(30*(1+r.IntN(6))) * time.Minute)
		cust := 1 + r.IntN(len(kanas))
		var sb any
		if r.IntN(2) == 0 {
			sb = fmt.Sprintf("BE%08d", i)
		}
		var st any
		if r.IntN(5) > 0 {
			st = staff[r.IntN(len(staff))]
		}
		stamp := start.AddDate(0, 0, -3).Format("2006-01-02 15:04:05")
		if _, err := res.ExecContext(ctx, i, i, sb, stamp, data.FormatTime(start), data.FormatTime(end), cust,
			fmt.Sprintf("顧客 %d", cust), kanas[cust-1], st, r.IntN(2), routes[r.IntN(len(routes))],
			statuses[r.IntN(len(statuses))], stamp, stamp); err != nil {
			return err
		}
		for p := 0; p <= r.IntN(2); p++ {
			if _, err := rm.ExecContext(ctx, i, menus[(i+p*5)%len(menus)], p); err != nil {
				return err
			}
		}
	}
	return nil
}

func BenchmarkDayReservations(b *testing.B) {
	s := bigSalon(b)
	ctx := context.Background()
	b.Run("busy_day", func(b *testing.B) {
		n := 0
		for b.Loop() {
			list, err := data.DayReservations(ctx, s.Reader(), benchBusy)
			if err != nil {
				b.Fatal(err)
			}
			n = len(list)
		}
		if n < benchBusyDay {
			b.Fatalf("%d reservations on the busy day, want %d+", n, benchBusyDay)
		}
		b.ReportMetric(float64(n), "rows")
	})
}

func BenchmarkKanaPrefixSearch(b *testing.B) {
	s := bigSalon(b)
	ctx := context.Background()
	prefixes := []string{"サト", "タカ", "ヤマ", "ナカ", "イシ", "コバ", "ハシ", "モリ"}
	b.Run("two_chars_limit_50", func(b *testing.B) {
		i, n := 0, 0
		for b.Loop() {
			f := data.CustomerFilter{KanaPrefix: prefixes[i%len(prefixes)]}
			list, err := data.SearchCustomers(ctx, s.Reader(), f, 50, 0)
			if err != nil {
				b.Fatal(err)
			}
			i, n = i+1, len(list)
		}
		if n != 50 {
			b.Fatalf("%d customers found, want a full page of 50", n)
		}
	})
}

// BenchmarkActiveOverlapping is the capacity check of one booking (app's CheckFits) on the
// busy day of the big salon.
func BenchmarkActiveOverlapping(b *testing.B) {
	s := bigSalon(b)
	ctx := context.Background()
	from := benchBusy.Add(14 * time.Hour)
	n := 0
	for b.Loop() {
		occ, err := data.ActiveOverlapping(ctx, s.Reader(), from, from.Add(90*time.Minute), 0)
		if err != nil {
			b.Fatal(err)
		}
		n = len(occ)
	}
	if n == 0 {
		b.Fatal("no reservation overlaps the busy afternoon")
	}
	b.ReportMetric(float64(n), "rows")
}

// Command bigsalon grows a demo salon to the size of a busy salon after years of use, to
// measure SalonDesk on it (scripts/perf-desk.sh with PERF_DATA): it adds customers and
// reservations (past years and the coming months, every staff member, the day's hours)
// to the demo database under DIR (DIR/demo/salondesk.db), in one transaction. Seed the demo first, today:
//
//	salondesk --demo --data DIR export customers >/dev/null
//	bigsalon --data DIR [--customers 50000] [--reservations 100000]
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"salondesk/data"
)

func main() {
	dir := flag.String("data", "", "the demo's data directory (seeded today)")
	customers := flag.Int("customers", 50000, "customers to add")
	reservations := flag.Int("reservations", 100000, "reservations to add")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "usage: bigsalon --data DIR [--customers N] [--reservations N]")
		os.Exit(2)
	}
	if err := grow(filepath.Join(*dir, "demo", "salondesk.db"), *customers, *reservations); err != nil {
		fmt.Fprintln(os.Stderr, "bigsalon:", err)
		os.Exit(1)
	}
}

func grow(path string, customers, reservations int) error {
	ctx := context.Background()
	s, err := data.Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	now := time.Now()
	r := rand.New(rand.NewPCG(19, 2026))
	return s.Tx(ctx, func(tx *sql.Tx) error {
		var staff []int64
		rows, err := tx.QueryContext(ctx, `SELECT id FROM staff`)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			staff = append(staff, id)
		}
		rows.Close()
		if len(staff) == 0 {
			return fmt.Errorf("%s has no staff: seed the demo first", path)
		}
		ids := make([]int64, 0, customers)
		for i := 0; i < customers; i++ {
			c := data.Customer{Name: fmt.Sprintf("顧客 %05d", i), Kana: fmt.Sprintf("コキャク %05d", i),
				Phone: fmt.Sprintf("090%08d", i), Origin: "imported"}
			if err := data.InsertCustomer(ctx, tx, &c, now); err != nil {
				return err
			}
			ids = append(ids, c.ID)
		}
		next, err := data.NextReservationNumber(ctx, tx)
		if err != nil {
			return err
		}
		// Three years back and three months ahead, 10:00–19:30 on the half hour.
		first := data.DayStart(now).AddDate(-3, 0, 0)
		days := int(data.DayStart(now).AddDate(0, 3, 0).Sub(first).Hours() / 24)
		for i := 0; i < reservations; i++ {
			start := first.AddDate(0, 0, r.IntN(days)).Add(10*time.Hour + time.Duration(r.IntN(20))*30*time.Minute)
			res := data.Reservation{Number: next + int64(i), Start: start, End: start.Add(time.Hour),
				StaffID: staff[r.IntN(len(staff))], Route: data.RoutePhone, Status: data.StatusPaid,
				CreatedAt: now, UpdatedAt: now, ReceivedAt: now}
			if len(ids) > 0 {
				res.CustomerID = ids[r.IntN(len(ids))]
				res.CustomerName = "顧客"
			}
			if start.After(now) {
				res.Status = data.StatusWaiting
			}
			if err := data.InsertReservation(ctx, tx, &res); err != nil {
				return err
			}
		}
		return nil
	})
}

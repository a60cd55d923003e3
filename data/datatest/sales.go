package datatest

import (
	"context"
	"database/sql"
	"fmt"
	"testing"
	"time"

	"salondesk/data"
)

// ManySales writes n sales spread evenly over the days from first on, each with a menu
// line, every third with a 指名料 line, paid in cash or by card; for benchmarks of 売上管理
// and its CSV export. It writes its own staff and menus.
func ManySales(tb testing.TB, s *data.Store, n int, first time.Time, days int) {
	tb.Helper()
	ctx := context.Background()
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		cat := data.Category{Name: "ベンチ"}
		if err := data.SaveCategory(ctx, tx, &cat); err != nil {
			return err
		}
		var staff []int64
		for i := 0; i < 6; i++ {
			st := data.Staff{Name: fmt.Sprintf("ベンチ%d", i+1), Capacity: 1, WorkDays: "0123456", Active: true}
			if err := data.SaveStaff(ctx, tx, &st); err != nil {
				return err
			}
			staff = append(staff, st.ID)
		}
		var menus []data.Menu
		for i := 0; i < 8; i++ {
			m := data.Menu{CategoryID: cat.ID, Name: fmt.Sprintf("ベンチメニュー%d", i+1), Price: 3000 + 500*i, Active: true}
			if err := data.SaveMenu(ctx, tx, &m); err != nil {
				return err
			}
			menus = append(menus, m)
		}
		step := time.Duration(days) * 24 * time.Hour / time.Duration(n)
		for i := 0; i < n; i++ {
			m := menus[i%len(menus)]
			items := []data.SaleItem{{Kind: data.LineMenu, MenuID: m.ID, CategoryID: cat.ID, Name: m.Name,
				UnitPrice: m.Price, Quantity: 1, Price: m.Price, Amount: m.Price, Tax: m.Price * 10 / 110}}
			if i%3 == 0 {
				items = append(items, data.SaleItem{Kind: data.LineDesignation, Name: "指名料", UnitPrice: 500,
					Quantity: 1, Price: 500, Amount: 500, Tax: 45})
			}
			sale := data.Sale{SoldAt: first.Add(time.Duration(i) * step), StaffID: staff[i%len(staff)],
				Designated: i%3 == 0, Route: data.RouteHPB, Method: "cash", TaxRate: 10, TaxInclusive: true, Items: items}
			for _, it := range items {
				sale.Amount += it.Amount
				sale.Tax += it.Tax
			}
			method := "cash"
			if i%2 == 1 {
				method, sale.Route = "card", data.RoutePhone
			}
			sale.Method = method
			sale.Payments = []data.SalePayment{{Method: method, Amount: sale.Amount}}
			if err := data.InsertSale(ctx, tx, &sale); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// Package datatest builds real SQLite databases in temporary directories and fills
// them with a small, known salon for tests.
package datatest

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"salondesk/data"
)

// NewStore opens a fresh database file in t's temp dir, closed when the test ends.
func NewStore(t testing.TB) *data.Store {
	t.Helper()
	s, err := data.Open(filepath.Join(t.TempDir(), "salondesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// Salon is the small salon Seed writes: its ids by name.
type Salon struct {
	Staff      map[string]int64
	Equipment  map[string]int64
	Categories map[string]int64
	Menus      map[string]int64
	Coupons    map[string]int64
	Customers  map[string]int64 // by kana
}

// Seed writes a salon open 10:00-19:00 every day, 30-minute slots, salon capacity 3;
// staff 佐藤 (capacity 1) and 鈴木 (capacity 2, off on Tuesdays); one bed; menus in two
// categories (one of zero minutes); two coupons; three customers.
func Seed(t testing.TB, s *data.Store) Salon {
	t.Helper()
	ctx := context.Background()
	out := Salon{Staff: map[string]int64{}, Equipment: map[string]int64{}, Categories: map[string]int64{},
		Menus: map[string]int64{}, Coupons: map[string]int64{}, Customers: map[string]int64{}}
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		for k, v := range map[string]string{"salon.name": "テストサロン", "salon.slot_minutes": "30", "salon.capacity": "3"} {
			if err := data.SetSetting(ctx, tx, k, v); err != nil {
				return err
			}
		}
		for wd := 0; wd < 7; wd++ {
			if err := data.SaveHours(ctx, tx, data.Hours{Weekday: wd, Open: "10:00", Close: "19:00"}); err != nil {
				return err
			}
		}
		for i, st := range []data.Staff{
			{Name: "佐藤", Kana: "サトウ", Capacity: 1, WorkDays: "0123456", Active: true},
			{Name: "鈴木", Kana: "スズキ", Capacity: 2, WorkDays: "013456", Active: true},
		} {
			st.SortOrder = i
			if err := data.SaveStaff(ctx, tx, &st); err != nil {
				return err
			}
			out.Staff[st.Name] = st.ID
		}
		bed := data.Equipment{Name: "ベッド1", Capacity: 1, Active: true}
		if err := data.SaveEquipment(ctx, tx, &bed); err != nil {
			return err
		}
		out.Equipment[bed.Name] = bed.ID
		for i, name := range []string{"カット", "カラー"} {
			c := data.Category{Name: name, SortOrder: i}
			if err := data.SaveCategory(ctx, tx, &c); err != nil {
				return err
			}
			out.Categories[name] = c.ID
		}
		for _, m := range []data.Menu{
			{CategoryID: out.Categories["カット"], Name: "カット", DurationMin: 60, Price: 5000},
			{CategoryID: out.Categories["カット"], Name: "前髪カット", DurationMin: 15, Price: 1000},
			{CategoryID: out.Categories["カラー"], Name: "ケアカラー", DurationMin: 90, Price: 7000},
			{CategoryID: out.Categories["カラー"], Name: "炭酸泉", DurationMin: 0, Price: 1500},
		} {
			m.Active = true
			if err := data.SaveMenu(ctx, tx, &m); err != nil {
				return err
			}
			out.Menus[m.Name] = m.ID
		}
		for _, c := range []data.Coupon{
			{Name: "カット＋ケアカラー ¥9,900", Content: "◇シャンプー・ブロー込", Price: 9900, DurationMin: 150,
				MenuIDs: []int64{out.Menus["カット"], out.Menus["ケアカラー"]}},
			{Name: "【新規】カット", Target: "新規", Price: 4000, MenuIDs: []int64{out.Menus["カット"]}},
		} {
			c.Active = true
			if err := data.SaveCoupon(ctx, tx, &c); err != nil {
				return err
			}
			out.Coupons[c.Name] = c.ID
		}
		now := time.Date(2026, 11, 1, 9, 0, 0, 0, time.Local)
		for _, c := range []data.Customer{
			{Name: "山田 花子", Kana: "ヤマダ　ハナコ", Phone: "090-1111-2222", VisitCount: 3, LastVisit: "2026-10-01"},
			{Name: "田中 一郎", Kana: "タナカ　イチロウ", Phone: "03-3333-4444"},
			{Name: "", Kana: "コギト　テスト"},
		} {
			if err := data.InsertCustomer(ctx, tx, &c, now); err != nil {
				return err
			}
			out.Customers[c.Kana] = c.ID
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// At is a local time on a day of the test salon.
func At(day string, hhmm string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", day+" "+hhmm, time.Local)
	if err != nil {
		panic(err)
	}
	return t
}

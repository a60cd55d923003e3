package data_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"salondesk/data"
	"salondesk/data/datatest"
)

func TestOpenMigratesAndReopens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.SchemaVersion()
	if err != nil || v < 1 {
		t.Fatalf("schema version %d, %v", v, err)
	}
	var mode string
	if err := s.Reader().QueryRowContext(context.Background(), "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal mode %q %v", mode, err)
	}
	s.Close()
	s, err = data.Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	if v2, _ := s.SchemaVersion(); v2 != v {
		t.Fatalf("version changed on reopen: %d → %d", v, v2)
	}
}

func TestForeignKeysAndRollback(t *testing.T) {
	s := datatest.NewStore(t)
	ctx := context.Background()
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		return data.SaveMenu(ctx, tx, &data.Menu{CategoryID: 999, Name: "孤児"})
	})
	if err == nil {
		t.Fatal("a menu without its category was accepted: foreign keys are off")
	}
	// A failing step rolls back the whole transaction.
	_ = s.Tx(ctx, func(tx *sql.Tx) error {
		if err := data.SaveCategory(ctx, tx, &data.Category{Name: "残らない"}); err != nil {
			return err
		}
		return data.SaveCategory(ctx, tx, &data.Category{Name: ""}) // CHECK fails
	})
	cats, _ := data.ListCategories(ctx, s.Reader())
	if len(cats) != 0 {
		t.Fatalf("rolled-back rows stayed: %+v", cats)
	}
	// The reader pool cannot write.
	if _, err := s.Reader().ExecContext(ctx, "DELETE FROM settings"); err == nil {
		t.Fatal("reader wrote")
	}
}

func TestKanaPrefixSearch(t *testing.T) {
	s := datatest.NewStore(t)
	datatest.Seed(t, s)
	ctx := context.Background()
	got, err := data.SearchCustomers(ctx, s.Reader(), data.CustomerFilter{KanaPrefix: "ヤマ"}, 50, 0)
	if err != nil || len(got) != 1 || got[0].Name != "山田 花子" {
		t.Fatalf("%+v %v", got, err)
	}
	n, _ := data.CountCustomers(ctx, s.Reader(), data.CustomerFilter{Name: "田"})
	if n != 2 {
		t.Fatalf("name search count %d", n)
	}
	n, _ = data.CountCustomers(ctx, s.Reader(), data.CustomerFilter{Name: "100%_"})
	if n != 0 {
		t.Fatalf("LIKE wildcards not escaped: %d", n)
	}
}

// A name search returns its page and its total from one scan; a page past the end still
// tells the total; other filters agree with CountCustomers.
func TestSearchCustomersCounted(t *testing.T) {
	s := datatest.NewStore(t)
	ctx := context.Background()
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.Local)
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		for i := 0; i < 7; i++ {
			name := "山田 花子"
			if i%2 == 1 {
				name = "田中 一郎"
			}
			c := data.Customer{Name: name, Kana: "カナ" + strconv.Itoa(i), Phone: "0900000000" + strconv.Itoa(i)}
			if err := data.InsertCustomer(ctx, tx, &c, now); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		f      data.CustomerFilter
		offset int
		page   int
		total  int
	}{
		{data.CustomerFilter{Name: "山田"}, 0, 3, 4},
		{data.CustomerFilter{Name: "山田"}, 3, 1, 4},
		{data.CustomerFilter{Name: "山田"}, 10, 0, 4},
		{data.CustomerFilter{Name: "佐藤"}, 0, 0, 0},
		{data.CustomerFilter{Phone: "09000"}, 0, 3, 7},
		{data.CustomerFilter{}, 6, 1, 7},
	} {
		list, total, err := data.SearchCustomersCounted(ctx, s.Reader(), c.f, 3, c.offset)
		if err != nil || len(list) != c.page || total != c.total {
			t.Errorf("%+v offset %d: %d rows, total %d, %v; want %d rows, total %d", c.f, c.offset, len(list), total,
				err, c.page, c.total)
		}
	}
}

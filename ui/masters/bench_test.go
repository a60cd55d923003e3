package masters

import (
	"context"
	"database/sql"
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"salondesk/app"
	"salondesk/assets"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/ui/theme"
)

// One page of お客様管理 over 10,000 customers, and a kana search: what a tap on 次へ or
// 検索 costs on the UI goroutine.
func BenchmarkCustomerPage(b *testing.B) {
	fa := test.NewTempApp(b)
	fa.Settings().SetTheme(theme.New())
	_ = assets.UseLanguage("ja")
	st := datatest.NewStore(b)
	datatest.Seed(b, st)
	ctx := context.Background()
	kana := []rune("アイウエオカキクケコサシスセソタチツテト")
	err := st.Tx(ctx, func(tx *sql.Tx) error {
		for i := range 10000 {
			k := string([]rune{kana[i%20], kana[i/20%20], kana[i/400%20]})
			c := data.Customer{Name: fmt.Sprintf("客%05d", i), Kana: k, Phone: fmt.Sprintf("090-%04d-%04d", i/10000, i%10000)}
			if err := data.InsertCustomer(ctx, tx, &c, testNow); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	win := test.NewWindow(nil)
	win.Resize(fyne.NewSize(1000, 700))
	defer win.Close()
	s := newCustomerScreen(app.New(st), win, nil)
	win.SetContent(s.view)
	b.Run("next-page", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			s.goPage(i % 100)
		}
	})
	b.Run("kana-search", func(b *testing.B) {
		s.name.SetText("かき")
		for b.Loop() {
			s.searchTapped()
		}
		if s.total == 0 {
			b.Fatal("search found nothing")
		}
	})
}

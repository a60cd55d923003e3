package sales

import (
	"bytes"
	"context"
	"database/sql"
	"image"
	"image/png"
	"os"
	"regexp"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/ui/internal/uitest"
)

type fixture struct {
	a     *app.App
	store *data.Store
	salon datatest.Salon
	win   fyne.Window
	ctx   context.Context
}

// newFixture is the seeded salon at 18:00 on 2026-11-10 with three visits: 山田 (HPB,
// 佐藤 指名, カット) and 田中 (前髪カット) checked out, コギト arrived and not checked out.
func newFixture(t *testing.T) (*fixture, []data.Sale) {
	t.Helper()
	uitest.NewApp(t)
	store := datatest.NewStore(t)
	salon := datatest.Seed(t, store)
	now := datatest.At("2026-11-10", "18:00")
	a := app.New(store, app.WithClock(func() time.Time { return now }))
	w := test.NewWindow(widget.NewLabel(""))
	w.Resize(fyne.NewSize(1000, 900))
	t.Cleanup(w.Close)
	f := &fixture{a: a, store: store, salon: salon, win: w, ctx: context.Background()}
	var sales []data.Sale
	for i, in := range []app.ReservationInput{
		{CustomerID: salon.Customers["ヤマダ　ハナコ"], StaffID: salon.Staff["佐藤"], Designated: true,
			MenuIDs: []int64{salon.Menus["カット"]}},
		{CustomerID: salon.Customers["タナカ　イチロウ"], MenuIDs: []int64{salon.Menus["前髪カット"]}},
		{CustomerID: salon.Customers["コギト　テスト"], MenuIDs: []int64{salon.Menus["炭酸泉"]}},
	} {
		in.Start = datatest.At("2026-11-10", []string{"10:00", "12:00", "15:00"}[i])
		r, err := a.SaveReservation(f.ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			f.setRoute(t, r.ID, data.RouteHPB)
		}
		if i == 2 {
			if err := a.MarkArrived(f.ctx, r.ID); err != nil {
				t.Fatal(err)
			}
			continue
		}
		s, err := a.Checkout(f.ctx, app.CheckoutInput{ReservationID: r.ID, Method: app.MethodCash})
		if err != nil {
			t.Fatal(err)
		}
		sales = append(sales, s)
	}
	return f, sales
}

func (f *fixture) setRoute(t *testing.T, id int64, route data.Route) {
	t.Helper()
	err := f.store.Tx(f.ctx, func(tx *sql.Tx) error {
		v, err := data.GetReservation(f.ctx, tx, id)
		if err != nil {
			return err
		}
		v.Route = route
		return data.UpdateReservation(f.ctx, tx, &v.Reservation)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// 売上管理 shows the day's total, its breakdowns and the sales with their lines; 取消
// asks a reason, strikes the sale through and takes it out of the total.
func TestSalesScreenTotalsListAndReversal(t *testing.T) {
	f, sales := newFixture(t)
	s := NewScreen(f.a, f.win)
	f.win.SetContent(s.Content())
	shown := uitest.DrawnTexts(s.Content())
	for _, want := range []string{"合計 ¥6,000（2件・内消費税 ¥544）", "佐藤（指名）", "担当なし（フリー）", "HPB", "¥5,000（1件）",
		"HPB以外", "¥1,000（1件）", "カット", "前髪カット", "現金", "山田 花子"} {
		uitest.MustContain(t, "売上管理", shown, want)
	}
	// 取消 of 田中's sale, with a reason.
	var reverse *widget.Button
	uitest.Walk(s.list, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "取消" && reverse == nil {
			reverse = b
		}
	})
	test.Tap(reverse) // the first standing sale: 山田's
	uitest.Walk(uitest.TopOverlay(f.win), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok {
			test.Type(e, "金額の誤り")
		}
	})
	uitest.TapInDialog(t, f.win, "取消")
	got, _ := f.a.Sale(f.ctx, sales[0].ID)
	if !got.Reversed() || got.ReversalNote != "金額の誤り" {
		t.Fatalf("not reversed: %+v", got)
	}
	shown = uitest.DrawnTexts(s.Content())
	uitest.MustContain(t, "after", shown, "合計 ¥1,000（1件・内消費税 ¥90）")
	uitest.MustContain(t, "after", shown, "取消（金額の誤り）")
	struckRows := 0
	uitest.Walk(s.list, func(o fyne.CanvasObject) {
		if c, ok := o.(*fyne.Container); ok && len(c.Objects) == 2 {
			if inner, ok := c.Objects[1].(*fyne.Container); ok && len(inner.Objects) == 3 {
				struckRows++
			}
		}
	})
	if struckRows != 1 {
		t.Fatalf("%d struck rows, want the reversed one", struckRows)
	}
}

// The month view draws one bar per day, the checkout day's bar the tallest.
func TestSalesScreenMonthChart(t *testing.T) {
	f, _ := newFixture(t)
	s := NewScreen(f.a, f.win)
	f.win.SetContent(s.Content())
	s.mode.SetSelected("月")
	uitest.MustContain(t, "range", uitest.DrawnTexts(s.Content()), "2026-11-01 〜 2026-11-30")
	if len(s.chart.bars) != 30 {
		t.Fatalf("%d bars for November", len(s.chart.bars))
	}
	if h := s.chart.bars[9].Size().Height; h <= 0 || s.chart.bars[8].Size().Height != 0 {
		t.Fatalf("bar of the 10th %v, of the 9th %v", h, s.chart.bars[8].Size().Height)
	}
	// The bars have no scale: the best day is named above them, and the chart sits right
	// under the total, before the breakdowns, so the month view shows it first.
	uitest.MustContain(t, "chart", uitest.DrawnTexts(s.Content()), "2026年11月　最高 10日 ¥")
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject
	if chart, methods := abs(s.chart.box).Y, abs(s.methods).Y; chart >= methods {
		t.Fatalf("chart at y=%v, 支払方法別 at y=%v: the chart is under the breakdowns", chart, methods)
	}
	// A month without sales says so; its empty groups say なし instead of a blank card.
	s.step(-1)
	uitest.MustContain(t, "empty month", uitest.DrawnTexts(s.Content()), "2026年10月の会計はありません。")
	uitest.MustContain(t, "empty group", uitest.DrawnTexts(s.methods), "なし")
	// Drawn for a look, when asked: SALES_PNG=/tmp/sales.png go test -run MonthChart ./ui/sales/
	if out := os.Getenv("SALES_PNG"); out != "" {
		writePNG(t, f.win.Canvas().Capture(), out)
	}
	s.from.SetText("2026/11/31")
	s.Refresh()
	uitest.MustContain(t, "bad day", uitest.TakeDialog(f.win), "日付は 2026-11-10 の形で入力してください")
}

// 日次照合: 山田's sale pairs with a Smaregi payment of the same customer and amount;
// 田中's sale and a stranger's payment stay unpaired; コギト's visit has no 会計.
func TestDayCloseScreen(t *testing.T) {
	f, _ := newFixture(t)
	at := datatest.At("2026-11-10", "17:00")
	if _, err := f.a.RecordPayment(f.ctx, app.ExternalPayment{ExternalID: "S1", ReceivedAt: at, Amount: 5000,
		PayerName: "ヤマダ　ハナコ", Source: "smaregi"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.a.RecordPayment(f.ctx, app.ExternalPayment{ExternalID: "S2", ReceivedAt: at, Amount: 700,
		PayerName: "ダレカ", Source: "smaregi"}); err != nil {
		t.Fatal(err)
	}
	d := NewDayClose(f.a, f.win)
	f.win.SetContent(d.Content())
	uitest.MustContain(t, "verdict", uitest.DrawnTexts(d.verdict), "会計 ¥6,000 ／ 入金 ¥5,700 ／ 差額 ¥300")
	if d.verdict.Importance != widget.DangerImportance {
		t.Fatal("an unbalanced day is not marked")
	}
	uitest.MustContain(t, "pairs", uitest.DrawnTexts(d.pairs), "山田 花子　¥5,000　⇔　17:00　ヤマダ　ハナコ　¥5,000")
	uitest.MustContain(t, "sales", uitest.DrawnTexts(d.sales), "田中 一郎　¥1,000")
	uitest.MustContain(t, "payments", uitest.DrawnTexts(d.pays), "ダレカ　¥700")
	uitest.MustContain(t, "visits", uitest.DrawnTexts(d.visits), "15:00　コギト　テスト")
}

// 入金管理 lists an unmatched payment; 照合 matches it to the customer found by kana.
func TestPaymentsScreenMatchByHand(t *testing.T) {
	f, _ := newFixture(t)
	p, err := f.a.RecordPayment(f.ctx, app.ExternalPayment{ExternalID: "S3", ReceivedAt: datatest.At("2026-11-10", "16:00"),
		Amount: 1500, PayerName: "コギト", Source: "smaregi"})
	if err != nil || p.Matched != "" {
		t.Fatalf("%v %+v", err, p)
	}
	s := NewPayments(f.a, f.win)
	f.win.SetContent(s.Content())
	uitest.MustContain(t, "list", uitest.DrawnTexts(s.list), "未照合")
	test.Tap(uitest.Button(t, s.list, "照合"))
	m := s.matchDlg
	if m.customers.Selected == "" || len(m.rs) != 1 {
		t.Fatalf("customer %q visits %d", m.customers.Selected, len(m.rs))
	}
	uitest.TapInDialog(t, f.win, "照合")
	list, _ := f.a.Payments(f.ctx, datatest.At("2026-11-10", "00:00"), datatest.At("2026-11-11", "00:00"), false)
	if list[0].Matched != data.MatchManual || list[0].CustomerID != f.salon.Customers["コギト　テスト"] || list[0].ReservationID == 0 {
		t.Fatalf("payment %+v", list[0])
	}
	uitest.MustContain(t, "list", uitest.DrawnTexts(s.list), "照合済み（手動）")
}

// Every key the sales code asks for is in sales.{ja,en}.json, with the code's Japanese
// fallback, and the files hold nothing else.
func TestTranslationsComplete(t *testing.T) {
	files := uitest.SourceFiles(t, "*.go", "../reservation/checkout*.go", "../../app/export/sales.go")
	match := regexp.MustCompile(`^(sales|checkout|payments)\.[a-z0-9_.]+$`).MatchString
	used := uitest.KeyPairs(t, files, match)
	// app's refusals name their key alone (their arguments follow it, not a fallback).
	keyOnly := regexp.MustCompile(`"((?:sales|checkout|payments)\.[a-z0-9_.]+[a-z0-9])"`)
	for _, f := range append(files, uitest.SourceFiles(t, "../../app/*.go")...) {
		for _, m := range keyOnly.FindAllStringSubmatch(string(mustRead(t, f)), -1) {
			if _, ok := used[m[1]]; !ok {
				used[m[1]] = ""
			}
		}
	}
	uitest.CheckComplete(t, "../../assets/translations", "sales", used, regexp.MustCompile(`^sales\.(method|kind)\.`))
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writePNG(t *testing.T, img image.Image, path string) {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

package app_test

import (
	"context"
	"testing"

	"salondesk/app"
	"salondesk/data"
	"salondesk/data/datatest"
)

// 入金: a payment naming a customer is matched to their visit of the day; an unknown
// name waits to be matched by hand; the same transaction received twice is one payment.
func TestRecordPaymentMatches(t *testing.T) {
	a, _, s := checkoutSetup(t)
	ctx := context.Background()
	r := book(t, a, s, 11, "ヤマダ　ハナコ", app.ReservationInput{MenuIDs: menus(s, "カット")})
	if err := a.MarkArrived(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	at := datatest.At("2026-11-10", "12:30")
	p, err := a.RecordPayment(ctx, app.ExternalPayment{ExternalID: "T1", ReceivedAt: at, Amount: 5000,
		Method: "card", Source: "smaregi", PayerName: "ヤマダ　ハナコ"})
	if err != nil {
		t.Fatal(err)
	}
	if p.CustomerID != s.Customers["ヤマダ　ハナコ"] || p.ReservationID != r.ID || p.Matched != data.MatchAuto {
		t.Fatalf("auto match %+v", p)
	}
	if _, err := a.RecordPayment(ctx, app.ExternalPayment{ExternalID: "T1", ReceivedAt: at, Amount: 5000}); err != nil {
		t.Fatal(err)
	}
	stranger, err := a.RecordPayment(ctx, app.ExternalPayment{ExternalID: "T2", ReceivedAt: at, Amount: 3000,
		PayerName: "スズキ　ジロウ"})
	if err != nil || stranger.Matched != "" {
		t.Fatalf("stranger %v %+v", err, stranger)
	}
	if _, err := a.RecordPayment(ctx, app.ExternalPayment{Amount: -1}); app.ErrorKey(err) != "checkout.error.negative" {
		t.Fatalf("negative: %v", err)
	}
	day := datatest.At("2026-11-10", "00:00")
	all, _ := a.Payments(ctx, day, day.AddDate(0, 0, 1), false)
	open, _ := a.Payments(ctx, day, day.AddDate(0, 0, 1), true)
	if len(all) != 2 || len(open) != 1 || open[0].ID != stranger.ID {
		t.Fatalf("all %d open %d", len(all), len(open))
	}
	// By hand: the reservation must be the customer's.
	if err := a.MatchPayment(ctx, stranger.ID, s.Customers["タナカ　イチロウ"], r.ID); app.ErrorKey(err) != "payments.error.other_customer" {
		t.Fatalf("other's reservation: %v", err)
	}
	if err := a.MatchPayment(ctx, stranger.ID, s.Customers["タナカ　イチロウ"], 0); err != nil {
		t.Fatal(err)
	}
	if open, _ = a.Payments(ctx, day, day.AddDate(0, 0, 1), true); len(open) != 0 {
		t.Fatalf("still open %+v", open)
	}
}

// 日次照合: a sale paired with its Smaregi payment, a sale and a payment unpaired, a
// reversed sale left out of pairs and totals, a visit without 会計, and the difference.
func TestDayClose(t *testing.T) {
	a, _, s := checkoutSetup(t)
	ctx := context.Background()
	r1 := book(t, a, s, 10, "ヤマダ　ハナコ", app.ReservationInput{MenuIDs: menus(s, "カット")})
	r2 := book(t, a, s, 11, "タナカ　イチロウ", app.ReservationInput{MenuIDs: menus(s, "前髪カット")})
	r3 := book(t, a, s, 12, "コギト　テスト", app.ReservationInput{MenuIDs: menus(s, "ケアカラー")})
	r4 := book(t, a, s, 15, "コギト　テスト", app.ReservationInput{MenuIDs: menus(s, "炭酸泉")})
	var sales []data.Sale
	for _, r := range []data.Reservation{r1, r2, r3} {
		sale, err := a.Checkout(ctx, app.CheckoutInput{ReservationID: r.ID, Method: app.MethodCard})
		if err != nil {
			t.Fatal(err)
		}
		sales = append(sales, sale)
	}
	if err := a.ReverseSale(ctx, sales[2].ID, "打ち間違い"); err != nil {
		t.Fatal(err)
	}
	if err := a.MarkArrived(ctx, r4.ID); err != nil {
		t.Fatal(err)
	}
	at := datatest.At("2026-11-10", "18:00")
	paid, _ := a.RecordPayment(ctx, app.ExternalPayment{ExternalID: "S1", ReceivedAt: at, Amount: 5000,
		CustomerID: s.Customers["ヤマダ　ハナコ"], Source: "smaregi"})
	odd, _ := a.RecordPayment(ctx, app.ExternalPayment{ExternalID: "S2", ReceivedAt: at, Amount: 800,
		PayerName: "誰か", Source: "smaregi"})
	d, err := a.DayClose(ctx, datatest.At("2026-11-10", "09:00"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Pairs) != 1 || d.Pairs[0].Sale.ID != sales[0].ID || d.Pairs[0].Payment.ID != paid.ID {
		t.Fatalf("pairs %+v", d.Pairs)
	}
	if len(d.UnpairedSales) != 1 || d.UnpairedSales[0].ID != sales[1].ID ||
		len(d.UnpairedPayments) != 1 || d.UnpairedPayments[0].ID != odd.ID {
		t.Fatalf("unpaired %+v / %+v", d.UnpairedSales, d.UnpairedPayments)
	}
	if len(d.Reversed) != 1 || d.SalesTotal != 6000 || d.PaymentsTotal != 5800 || d.Difference != 200 {
		t.Fatalf("reversed %d sales %d payments %d diff %d", len(d.Reversed), d.SalesTotal, d.PaymentsTotal, d.Difference)
	}
	// The reversed 会計 put its visit back to 来店: it waits to be checked out anew.
	if len(d.NotCheckedOut) != 2 || d.NotCheckedOut[0].ID != r3.ID || d.NotCheckedOut[1].ID != r4.ID || d.Balanced() {
		t.Fatalf("not checked out %+v", d.NotCheckedOut)
	}
}

package app_test

import (
	"context"
	"testing"
	"time"

	"salondesk/app"
	"salondesk/data"
	"salondesk/data/datatest"
)

func checkoutSetup(t *testing.T) (*app.App, *data.Store, datatest.Salon) {
	t.Helper()
	store := datatest.NewStore(t)
	salon := datatest.Seed(t, store)
	now := datatest.At("2026-11-10", "12:00")
	return app.New(store, app.WithClock(func() time.Time { return now })), store, salon
}

func sales(t *testing.T, store *data.Store) (int, int) {
	t.Helper()
	total, count, err := data.SalesTotal(context.Background(), store.Reader(), datatest.At("2026-11-10", "00:00"),
		datatest.At("2026-11-11", "00:00"))
	if err != nil {
		t.Fatal(err)
	}
	return total, count
}

// The coupon is charged at its price, menus it does not stand for at theirs, and the
// designation fee of a 指名 staff member is added.
func TestCheckoutLines(t *testing.T) {
	a, _, s := checkoutSetup(t)
	ctx := context.Background()
	staff, _ := a.Masters(ctx, false)
	sato := staff.Staff[0]
	sato.DesignationFee = 500
	if err := a.SaveStaff(ctx, &sato); err != nil {
		t.Fatal(err)
	}
	r, err := a.SaveReservation(ctx, app.ReservationInput{CustomerID: s.Customers["ヤマダ　ハナコ"],
		Start: datatest.At("2026-11-10", "13:00"), StaffID: sato.ID, Designated: true,
		CouponID: s.Coupons["カット＋ケアカラー ¥9,900"],
		MenuIDs:  []int64{s.Menus["カット"], s.Menus["ケアカラー"], s.Menus["炭酸泉"]}})
	if err != nil {
		t.Fatal(err)
	}
	lines, err := a.CheckoutLines(ctx, r.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	sum := 0
	for _, l := range lines {
		sum += l.Price
	}
	if len(lines) != 3 || sum != 9900+1500+500 {
		t.Fatalf("lines %+v", lines)
	}
	sale, err := a.Checkout(ctx, app.CheckoutInput{ReservationID: r.ID, Method: app.MethodCard})
	if err != nil {
		t.Fatal(err)
	}
	if sale.Amount != 11900 || sale.Method != app.MethodCard || len(sale.Items) != 3 {
		t.Fatalf("sale %+v", sale)
	}
}

func TestCheckoutRefusals(t *testing.T) {
	a, store, s := checkoutSetup(t)
	ctx := context.Background()
	r, err := a.SaveReservation(ctx, app.ReservationInput{CustomerID: s.Customers["タナカ　イチロウ"],
		Start: datatest.At("2026-11-10", "13:00")})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		in  app.CheckoutInput
		key string
	}{
		{app.CheckoutInput{ReservationID: r.ID, Method: app.MethodCash}, "checkout.error.no_menus"},
		{app.CheckoutInput{ReservationID: r.ID, Method: app.MethodCash, MenuIDs: []int64{}}, "checkout.error.no_menus"},
		{app.CheckoutInput{ReservationID: r.ID, Method: "bitcoin", MenuIDs: []int64{s.Menus["カット"]}}, "checkout.error.method"},
		{app.CheckoutInput{ReservationID: r.ID, Method: app.MethodCash, MenuIDs: []int64{9999}}, "error.menu_unknown"},
		{app.CheckoutInput{ReservationID: 9999, Method: app.MethodCash}, "error.reservation_missing"},
	}
	for _, c := range cases {
		if _, err := a.Checkout(ctx, c.in); app.ErrorKey(err) != c.key {
			t.Errorf("%+v: got %v, want %s", c.in, err, c.key)
		}
	}
	if _, n := sales(t, store); n != 0 {
		t.Fatalf("%d sales written by refusals", n)
	}
	// Menus chosen at checkout are kept on the reservation, and the visit is counted.
	if _, err := a.Checkout(ctx, app.CheckoutInput{ReservationID: r.ID, Method: app.MethodCash,
		MenuIDs: []int64{s.Menus["前髪カット"]}}); err != nil {
		t.Fatal(err)
	}
	v, _ := a.Reservation(ctx, r.ID)
	c, _ := a.Customer(ctx, s.Customers["タナカ　イチロウ"])
	if v.Status != data.StatusPaid || len(v.MenuIDs) != 1 || c.VisitCount != 1 || c.LastVisit != "2026-11-10" {
		t.Fatalf("status %q menus %v visits %d last %q", v.Status, v.MenuIDs, c.VisitCount, c.LastVisit)
	}
	if total, n := sales(t, store); total != 1000 || n != 1 {
		t.Fatalf("sales %d / %d", total, n)
	}
	// Paid once, never twice.
	if _, err := a.Checkout(ctx, app.CheckoutInput{ReservationID: r.ID, Method: app.MethodCash,
		MenuIDs: []int64{s.Menus["カット"]}}); app.ErrorKey(err) != "error.status_transition" {
		t.Fatalf("second checkout: %v", err)
	}
	if _, n := sales(t, store); n != 1 {
		t.Fatal("second sale written")
	}
}

// An arrived customer's visit is not counted a second time at checkout.
func TestCheckoutAfterArrivalCountsOnce(t *testing.T) {
	a, _, s := checkoutSetup(t)
	ctx := context.Background()
	r, err := a.SaveReservation(ctx, app.ReservationInput{CustomerID: s.Customers["ヤマダ　ハナコ"],
		Start: datatest.At("2026-11-10", "13:00"), MenuIDs: []int64{s.Menus["カット"]}})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.MarkArrived(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Checkout(ctx, app.CheckoutInput{ReservationID: r.ID, Method: app.MethodOther}); err != nil {
		t.Fatal(err)
	}
	c, _ := a.Customer(ctx, s.Customers["ヤマダ　ハナコ"])
	if c.VisitCount != 4 {
		t.Fatalf("visits %d, want 3 + 1", c.VisitCount)
	}
}

func TestReservationLength(t *testing.T) {
	menus := []data.Menu{{ID: 1, DurationMin: 60}, {ID: 2, DurationMin: 0}, {ID: 3, DurationMin: 15}}
	coupon := &data.Coupon{DurationMin: 150}
	for _, c := range []struct {
		ids    []int64
		coupon *data.Coupon
		want   time.Duration
	}{
		{[]int64{1, 3}, nil, 75 * time.Minute},
		{[]int64{2}, nil, 0},
		{nil, coupon, 150 * time.Minute},
		{[]int64{3}, coupon, 15 * time.Minute},
		{[]int64{99}, coupon, 150 * time.Minute},
	} {
		if got := app.ReservationLength(menus, c.ids, c.coupon); got != c.want {
			t.Errorf("%v %v: %v, want %v", c.ids, c.coupon != nil, got, c.want)
		}
	}
}

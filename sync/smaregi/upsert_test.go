package smaregi_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"salondesk/sync/smaregi"
	"salondesk/sync/smaregi/smaregidouble"
)

func customers(n int) []smaregi.Customer {
	out := make([]smaregi.Customer, n)
	for i := range out {
		out[i] = smaregi.Customer{CustomerID: fmt.Sprint(i + 1), CustomerCode: fmt.Sprintf("SD%06d", i+1),
			LastName: "山田", FirstName: fmt.Sprintf("花子%d", i+1), LastKana: "やまだ", FirstKana: "ﾊﾅｺ",
			PhoneNumber: "090-1234-5678", Sex: "2"}
	}
	return out
}

func TestTenThousandCustomersInAtMostOneHundredRequests(t *testing.T) {
	d, c := newDouble(t)
	rows := customers(10_000)
	batches := 0
	n, err := c.UpsertCustomers(context.Background(), rows, func(b []smaregi.Customer) error {
		batches++
		if len(b) > smaregi.BatchSize {
			t.Errorf("batch of %d", len(b))
		}
		return nil
	})
	if err != nil || n != 10_000 {
		t.Fatalf("sent %d: %v", n, err)
	}
	if got := d.Requests("customer_upd"); got > 100 || got != batches {
		t.Errorf("%d requests, %d batches", got, batches)
	}
	held := d.Customers()
	if len(held) != 10_000 {
		t.Fatalf("double holds %d", len(held))
	}
	if h := held["42"]; h["lastKana"] != "ヤマダ" || h["firstKana"] != "ハナコ" || h["phoneNumber"] != "09012345678" ||
		h["customerCode"] != "SD000042" || h["firstName"] != "花子42" {
		t.Errorf("customer 42 as held: %v", h)
	}
}

// A bulk send interrupted halfway and started again from the start leaves one
// Smaregi customer per local one: the upsert is keyed by the customerId we supply.
func TestInterruptedBulkSendResumesWithoutDoubles(t *testing.T) {
	d, c := newDouble(t)
	rows := customers(1_000)
	stop := errors.New("window closed")
	done := map[string]bool{}
	n, err := c.UpsertCustomers(context.Background(), rows, func(b []smaregi.Customer) error {
		for _, r := range b {
			done[r.CustomerID] = true
		}
		if len(done) >= 500 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 500 {
		t.Fatalf("interrupted: n %d err %v", n, err)
	}
	// Resume with what is not marked done, and also resend a batch that was (the
	// mark may have been lost with the process).
	var rest []smaregi.Customer
	for _, r := range rows {
		if !done[r.CustomerID] || r.CustomerID == "500" {
			rest = append(rest, r)
		}
	}
	if n, err := c.UpsertCustomers(context.Background(), rest, nil); err != nil || n != len(rest) {
		t.Fatalf("resume: %d %v", n, err)
	}
	if held := d.Customers(); len(held) != 1_000 {
		t.Errorf("double holds %d customers", len(held))
	}
}

func TestStableIDUpdatesTheSameCustomer(t *testing.T) {
	d, c := newDouble(t)
	row := customers(1)[0]
	row.MobileNumber, row.Sex = "080-0000-0000", "" // no sex given: the column is not sent
	if _, err := c.UpsertCustomers(context.Background(), []smaregi.Customer{row}, nil); err != nil {
		t.Fatal(err)
	}
	row.LastName, row.MobileNumber = "佐藤", "" // married, and no mobile any more
	if _, err := c.UpsertCustomers(context.Background(), []smaregi.Customer{row}, nil); err != nil {
		t.Fatal(err)
	}
	held := d.Customers()
	if len(held) != 1 || held["1"]["lastName"] != "佐藤" || held["1"]["mobileNumber"] != "" {
		t.Errorf("held: %v", held)
	}
}

func TestRefusedRowsAreReportedAndTheOthersSent(t *testing.T) {
	d, c := newDouble(t)
	rows := customers(3)
	rows[1].FirstName = ""
	rows[1].LastKana = "Yamada"
	n, err := c.UpsertCustomers(context.Background(), rows, nil)
	var refused *smaregi.RefusedError
	if n != 2 || !errors.As(err, &refused) || len(refused.Rows) != 1 || refused.Rows[0].ID != "2" {
		t.Fatalf("n %d err %v", n, err)
	}
	if smaregi.KindOf(err) != smaregi.KindData {
		t.Errorf("kind %v", smaregi.KindOf(err))
	}
	want := "「名」が入力されていません。「姓（フリガナ）」はカタカナで入力してください。"
	if got := refused.Rows[0].Message(); got != want {
		t.Errorf("message %q, want %q", got, want)
	}
	if held := d.Customers(); len(held) != 2 || held["2"] != nil {
		t.Errorf("held %v", held)
	}
}

func TestDeleteSendsOnlyTheKey(t *testing.T) {
	d, c := newDouble(t)
	if _, err := c.UpsertCustomers(context.Background(), customers(250), nil); err != nil {
		t.Fatal(err)
	}
	ids := make([]string, 0, 150)
	for i := 1; i <= 150; i++ {
		ids = append(ids, fmt.Sprint(i))
	}
	n, err := c.DeleteCustomers(context.Background(), ids, nil)
	if err != nil || n != 150 {
		t.Fatalf("deleted %d: %v", n, err)
	}
	if held := d.Customers(); len(held) != 100 || held["150"] != nil || held["151"] == nil {
		t.Errorf("left %d", len(held))
	}
	if got := d.Requests("customer_upd"); got != 3+2 {
		t.Errorf("%d requests", got)
	}
}

func TestProductsUpsertAndDelete(t *testing.T) {
	d, c := newDouble(t)
	rows := []smaregi.Product{
		{ProductID: "1001", CategoryID: "1", ProductCode: "reservefee", ProductName: "レッスン料（当日払い）", Price: "3,300"},
		{ProductID: "1002", CategoryID: "1", ProductCode: "ＰＬＡＮ４", ProductName: "月4回プラン", ProductKana: "つきよんかいぷらん", Price: "１２０００"},
		{ProductID: "1003", CategoryID: "部門", ProductCode: "x", ProductName: "", Price: "-1"},
	}
	n, err := c.UpsertProducts(context.Background(), rows, nil)
	var refused *smaregi.RefusedError
	if n != 2 || !errors.As(err, &refused) || len(refused.Rows[0].Fields) != 3 {
		t.Fatalf("n %d err %v", n, err)
	}
	held := d.Products()
	if p := held["1002"]; p["productCode"] != "PLAN4" || p["price"] != "12000" || p["productKana"] != "ツキヨンカイプラン" {
		t.Errorf("1002 as held: %v", p)
	}
	if held["1001"]["price"] != "3300" {
		t.Errorf("1001 as held: %v", held["1001"])
	}
	if _, err := c.DeleteProducts(context.Background(), []string{"1001"}, nil); err != nil {
		t.Fatal(err)
	}
	if held := d.Products(); len(held) != 1 {
		t.Errorf("after delete: %v", held)
	}
}

// A function switched off stops the send at the first batch, once: no retry storm.
func TestSwitchedOffUpdateStopsAtOnce(t *testing.T) {
	d, c := newDouble(t)
	d.Disable("customer_upd")
	n, err := c.UpsertCustomers(context.Background(), customers(1_000), nil)
	var e *smaregi.Error
	if n != 0 || !errors.As(err, &e) || e.Code != 23 || !e.Permanent() {
		t.Fatalf("n %d err %v", n, err)
	}
	if got := d.Requests("customer_upd"); got != 1 {
		t.Errorf("%d requests", got)
	}
}

// A 5xx mid-send reports how far it got; sending the rest later completes it.
func TestServerErrorMidSendKeepsProgress(t *testing.T) {
	d, c := newDouble(t)
	rows := customers(500)
	if _, err := c.UpsertCustomers(context.Background(), rows[:200], nil); err != nil {
		t.Fatal(err)
	}
	d.Inject(smaregidouble.Fault{Proc: "customer_upd", Status: 503})
	n, err := c.UpsertCustomers(context.Background(), rows[200:], nil)
	if n != 0 || smaregi.KindOf(err) != smaregi.KindTransient {
		t.Fatalf("n %d err %v", n, err)
	}
	if n, err := c.UpsertCustomers(context.Background(), rows[200:], nil); n != 300 || err != nil {
		t.Fatalf("retry: %d %v", n, err)
	}
	if len(d.Customers()) != 500 {
		t.Errorf("held %d", len(d.Customers()))
	}
}

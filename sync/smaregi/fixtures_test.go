package smaregi_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"salondesk/sync/smaregi"
)

// fixtureServer answers each proc_name with the fixture file the README names for it,
// so that the client reads the payloads exactly as bytes from outside.
func fixtureServer(t *testing.T, files map[string]string) *smaregi.Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		name := files[r.PostForm.Get("proc_name")+"/"+tableOf(r.PostForm.Get("params"))]
		b, err := os.ReadFile(filepath.Join(fixtureDir, name))
		if err != nil {
			t.Errorf("no fixture for %s: %v", r.PostForm.Get("proc_name"), err)
			w.WriteHeader(500)
			return
		}
		status := 200
		if name == "error_14.json" {
			status = 400
		}
		w.WriteHeader(status)
		_, _ = w.Write(b)
	}))
	t.Cleanup(srv.Close)
	return newClient(t, srv.URL)
}

// tableOf finds table_name in params without decoding all of it.
func tableOf(params string) string {
	for _, t := range []string{"TransactionHead", "TransactionDetail"} {
		if strings.Contains(params, `"table_name":"`+t+`"`) {
			return t
		}
	}
	return ""
}

func TestClientDecodesEveryFixture(t *testing.T) {
	entries, err := os.ReadDir(fixtureDir)
	if err != nil {
		t.Fatalf("fixtures: %v", err)
	}
	files := map[string]string{
		"customer_ref/":                     "customer.json",
		"product_ref/":                      "product.json",
		"category_ref/":                     "category.json",
		"store_ref/":                        "store.json",
		"transaction_ref/TransactionHead":   "transaction_head.json",
		"transaction_ref/TransactionDetail": "transaction_detail.json",
	}
	covered := map[string]bool{"README.md": true, "error_14.json": true}
	for _, f := range files {
		covered[f] = true
	}
	for _, e := range entries {
		if !covered[e.Name()] {
			t.Errorf("fixture %s is not decoded by any test", e.Name())
		}
	}
	c := fixtureServer(t, files)
	ctx := context.Background()

	customers, total, err := c.CustomerRef(ctx, smaregi.Query{})
	if err != nil || total != 2 || len(customers) != 2 {
		t.Fatalf("customers: %v total %d n %d", err, total, len(customers))
	}
	if cu := customers[0]; cu.CustomerID != "1" || cu.LastName != "山田" || cu.FirstKana != "ハナコ" ||
		cu.Sex != "2" || cu.BirthDate != "2000-05-28" || cu.PostCode != "1230045" || cu.Fields["point"] != "0" {
		t.Errorf("customer 1: %+v", cu)
	}
	if cu := customers[1]; cu.PhoneNumber != "" || cu.MobileNumber != "08000000000" || cu.Fields.Get("rank") != "" {
		t.Errorf("customer 2 nulls: %+v", cu)
	}

	products, total, err := c.ProductRef(ctx, smaregi.Query{})
	if err != nil || total != 2 || products[1].ProductCode != "2990000000002" || products[0].Price != "69000" {
		t.Fatalf("products: %v %+v", err, products)
	}
	if products[0].Fields["useCategoryReduceTax"] != "0" || products[0].Fields["cost"] != "100000.00000" {
		t.Errorf("a number column should keep its literal: %q %q",
			products[0].Fields["useCategoryReduceTax"], products[0].Fields["cost"])
	}

	cats, total, err := c.CategoryRef(ctx, smaregi.Query{})
	if err != nil || total != 46 || len(cats) == 0 || cats[1].CategoryName != "コート" || cats[1].ParentCategoryID != "1" {
		t.Fatalf("categories: %v total %d %+v", err, total, cats[:min(2, len(cats))])
	}

	stores, total, err := c.StoreRef(ctx, smaregi.Query{})
	if err != nil || total != 2 || stores[0].StoreName != "DBSS Aoyama" || stores[1].StoreCode != "logistics" {
		t.Fatalf("stores: %v %+v", err, stores)
	}

	heads, total, err := c.TransactionHeads(ctx, 0, 1000, 1000, 1)
	if err != nil || total != 2 || len(heads) != 2 {
		t.Fatalf("heads: %v total %d", err, total)
	}
	h := heads[0]
	want := time.Date(2018, 9, 2, 13, 34, 34, 0, time.FixedZone("JST", 9*3600))
	if h.ID != 104 || !h.DateTime.Equal(want) || h.Total != 28080 || h.Subtotal != 26000 ||
		h.CustomerID != "41" || h.CustomerCode != "39" || h.Cancelled || h.StoreID != "4" {
		t.Errorf("head 104: %+v", h)
	}

	details, err := c.TransactionDetails(ctx, 0, 1000)
	if err != nil || len(details) != 2 {
		t.Fatalf("details: %v n %d", err, len(details))
	}
	if d := details[0]; d.HeadID != 1 || d.ID != 1 || d.ProductID != "2" || d.SalesPrice != 69000 ||
		d.Quantity != 1 || d.Fields["categoryName"] != "コート" {
		t.Errorf("detail 1/1: %+v", d)
	}
}

func TestErrorFixtureKeepsJapaneseMessage(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(fixtureDir, "error_14.json"))
	if err != nil {
		t.Fatal(err)
	}
	c := newClient(t, cannedServer(t, 400, string(b)))
	err = c.Ping(context.Background())
	var e *smaregi.Error
	if !errors.As(err, &e) {
		t.Fatalf("want *Error, got %v", err)
	}
	if e.Code != 14 || e.Message != "契約IDが無効です。" || e.Kind() != smaregi.KindConfig || !e.Permanent() ||
		e.Proc != "store_ref" || e.Description == "" {
		t.Errorf("error 14: %+v kind %v", e, e.Kind())
	}
}

// Numbers where strings were expected, nulls, booleans and \uXXXX all read.
func TestLenientAnswer(t *testing.T) {
	c := newClient(t, cannedServer(t, 200, `{"total_count":3,"result":[{"customerId":1,"customerCode":null,`+
		`"lastName":"\u5c71\u7530","firstName":"\u82b1\u5b50","point":12.5,"mailReceiveFlag":true,"favoriteList":["a"]}]}`))
	got, total, err := c.CustomerRef(context.Background(), smaregi.Query{})
	if err != nil || total != 3 || len(got) != 1 {
		t.Fatalf("%v total %d", err, total)
	}
	cu := got[0]
	if cu.CustomerID != "1" || cu.CustomerCode != "" || cu.LastName != "山田" || cu.FirstName != "花子" ||
		cu.Fields["point"] != "12.5" || cu.MailReceiveFlag != "1" || cu.Fields["favoriteList"] != `["a"]` {
		t.Errorf("%+v", cu)
	}
}

func TestTokens(t *testing.T) {
	a, ha := smaregi.NewToken()
	b, hb := smaregi.NewToken()
	if a == b || ha == hb || len(a) < 40 || len(ha) != 64 || smaregi.HashToken(a) != ha || strings.Contains(ha, a) {
		t.Errorf("tokens %q %q hashes %q %q", a, b, ha, hb)
	}
}

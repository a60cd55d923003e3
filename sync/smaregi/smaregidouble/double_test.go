package smaregidouble_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"salondesk/sync/smaregi/smaregidouble"
)

var fixtureDir = filepath.Join("..", "..", "..", "..", "shared", "fixtures", "smaregi-legacy")

// post sends one legacy API request with the given header spelling.
func post(t *testing.T, u string, hdr map[string]string, proc, params string) (int, map[string]any) {
	t.Helper()
	form := url.Values{"proc_name": {proc}, "params": {params}}
	req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader(form.Encode()))
	req.Header["Content-Type"] = []string{"application/x-www-form-urlencoded;charset=UTF-8"}
	for k, v := range hdr {
		req.Header[k] = []string{v}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var m map[string]any
	if len(b) > 0 {
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("answer %q: %v", b, err)
		}
	}
	return resp.StatusCode, m
}

var (
	underscore = map[string]string{"X_contract_id": "c1", "X_access_token": "t1"}
	hyphen     = map[string]string{"X-Contract-Id": "c1", "X-Access-Token": "t1"}
)

func start(t *testing.T) (*smaregidouble.Double, string) {
	d := smaregidouble.New("c1", "t1")
	srv := httptest.NewServer(d)
	t.Cleanup(func() { d.Close(); srv.Close() })
	return d, srv.URL
}

// fixtureKeys are the columns of the first row of a fixture.
func fixtureKeys(t *testing.T, name string) map[string]bool {
	b, err := os.ReadFile(filepath.Join(fixtureDir, name))
	if err != nil {
		t.Fatal(err)
	}
	var a struct{ Result []map[string]any }
	if err := json.Unmarshal(b, &a); err != nil {
		t.Fatal(err)
	}
	keys := map[string]bool{}
	for k := range a.Result[0] {
		keys[k] = true
	}
	return keys
}

// checkShape: total_count a string, every value a string or null, every column one
// the fixture has.
func checkShape(t *testing.T, what string, ans map[string]any, keys map[string]bool, rows int) {
	t.Helper()
	if _, ok := ans["total_count"].(string); !ok {
		t.Errorf("%s: total_count %#v is not a string", what, ans["total_count"])
	}
	result, _ := ans["result"].([]any)
	if len(result) != rows {
		t.Fatalf("%s: %d rows, want %d: %v", what, len(result), rows, ans)
	}
	for _, r := range result {
		for k, v := range r.(map[string]any) {
			if _, ok := v.(string); !ok && v != nil {
				t.Errorf("%s: %s is %T", what, k, v)
			}
			if !keys[k] {
				t.Errorf("%s: column %s is not in the fixture", what, k)
			}
		}
	}
}

func TestAnswersHaveTheFixturesShape(t *testing.T) {
	d, u := start(t)
	for _, hdr := range []map[string]string{underscore, hyphen} {
		status, ans := post(t, u, hdr, "store_ref", `{"table_name":"Store","limit":10,"page":1}`)
		if status != 200 {
			t.Fatalf("store_ref with %v: %d %v", hdr, status, ans)
		}
		checkShape(t, "store", ans, fixtureKeys(t, "store.json"), 1)
	}
	status, ans := post(t, u, underscore, "customer_upd", `{"proc_info":{"proc_division":"U"},"data":[{"table_name":"Customer","rows":[`+
		`{"customerId":"7","customerCode":"C7","lastName":"山田","firstName":"花子","lastKana":"ヤマダ","firstKana":"ハナコ","sex":"2","birthDate":"1990-04-01","postCode":"1500001"}]}]}`)
	if status != 200 || ans["result"].(map[string]any)["Customer"] != 1.0 {
		t.Fatalf("customer_upd: %d %v", status, ans)
	}
	_, ans = post(t, u, underscore, "customer_ref", `{"table_name":"Customer","conditions":[{"customerCode like":"C%"}],"limit":100,"page":1}`)
	checkShape(t, "customer", ans, fixtureKeys(t, "customer.json"), 1)
	_, ans = post(t, u, underscore, "category_ref", `{"table_name":"Category"}`)
	checkShape(t, "category", ans, fixtureKeys(t, "category.json"), 1)

	d.AddSale(smaregidouble.Sale{ID: 10, At: time.Now(), CustomerID: "7", Lines: []smaregidouble.Line{
		{ProductID: "1", ProductCode: "reservefee", ProductName: "レッスン料", Price: 3300, Quantity: 1}}})
	_, ans = post(t, u, underscore, "transaction_ref", `{"table_name":"TransactionHead","conditions":[{"transactionHeadId >":"0","transactionHeadId <=":"100"}]}`)
	checkShape(t, "head", ans, fixtureKeys(t, "transaction_head.json"), 1)
	_, ans = post(t, u, underscore, "transaction_ref", `{"table_name":"TransactionDetail","fields":["transactionHeadId","productCode","salesPrice"],"conditions":[{"transactionHeadId >":"0","transactionHeadId <=":"100"}]}`)
	checkShape(t, "detail", ans, fixtureKeys(t, "transaction_detail.json"), 1)
	if row := ans["result"].([]any)[0].(map[string]any); row["salesPrice"] != "3300" || len(row) != 3 {
		t.Errorf("projected detail: %v", row)
	}
}

func TestRefusals(t *testing.T) {
	d, u := start(t)
	cases := []struct {
		name         string
		hdr          map[string]string
		proc, params string
		code         float64
	}{
		{"no contract", map[string]string{"X_access_token": "t1"}, "store_ref", `{"table_name":"Store"}`, 14},
		{"bad token", map[string]string{"X_contract_id": "c1", "X_access_token": "x"}, "store_ref", `{"table_name":"Store"}`, 13},
		{"unknown proc", underscore, "hair_ref", `{}`, 15},
		{"table", underscore, "store_ref", `{"table_name":"Customer"}`, 31},
		{"division", underscore, "customer_upd", `{"proc_info":{"proc_division":"X"},"data":[]}`, 32},
		{"number value", underscore, "customer_upd", `{"proc_info":{"proc_division":"U"},"data":[{"table_name":"Customer","rows":[{"customerId":7,"lastName":"a","firstName":"b"}]}]}`, 41},
		{"no name", underscore, "customer_upd", `{"proc_info":{"proc_division":"U"},"data":[{"table_name":"Customer","rows":[{"customerId":"7"}]}]}`, 41},
		{"limit", underscore, "store_ref", `{"table_name":"Store","limit":1001}`, 41},
		{"lone lower bound", underscore, "transaction_ref", `{"table_name":"TransactionHead","conditions":[{"transactionHeadId >":"0"}]}`, 41},
	}
	for _, tc := range cases {
		status, ans := post(t, u, tc.hdr, tc.proc, tc.params)
		if status != 400 || ans["error_code"] != tc.code || ans["error"] == "" {
			t.Errorf("%s: %d %v", tc.name, status, ans)
		}
	}
	post(t, u, underscore, "customer_upd", `{"proc_info":{"proc_division":"U"},"data":[{"table_name":"Customer","rows":[{"customerId":"1","customerCode":"A","lastName":"a","firstName":"b"}]}]}`)
	if status, ans := post(t, u, underscore, "customer_upd", `{"proc_info":{"proc_division":"U"},"data":[{"table_name":"Customer","rows":[{"customerId":"2","customerCode":"A","lastName":"a","firstName":"b"}]}]}`); status != 400 || ans["error_code"] != 42.0 {
		t.Errorf("duplicate code: %d %v", status, ans)
	}
	d.Disable("customer_ref")
	if status, ans := post(t, u, underscore, "customer_ref", `{"table_name":"Customer"}`); status != 400 || ans["error_code"] != 23.0 {
		t.Errorf("disabled: %d %v", status, ans)
	}
	resp, err := http.Get(u)
	if err != nil || resp.StatusCode != 404 {
		t.Fatalf("GET: %v", err)
	}
	if b, _ := io.ReadAll(resp.Body); len(b) != 0 {
		t.Errorf("404 with a body %q", b)
	}
	resp.Body.Close()
	if d.Requests("") != len(cases)+3 {
		t.Errorf("counted %d", d.Requests(""))
	}
}

func TestFaults(t *testing.T) {
	d, u := start(t)
	d.Inject(smaregidouble.Fault{Proc: "store_ref", Status: 503, Times: 2})
	d.Inject(smaregidouble.Fault{Code: 23})
	p := `{"table_name":"Store"}`
	for i, want := range []int{503, 503, 400, 200} {
		if status, _ := post(t, u, underscore, "store_ref", p); status != want {
			t.Errorf("request %d: %d, want %d", i, status, want)
		}
	}
	d.Inject(smaregidouble.Fault{Hang: true})
	c := &http.Client{Timeout: 100 * time.Millisecond}
	if _, err := c.PostForm(u, url.Values{"proc_name": {"store_ref"}, "params": {p}}); err == nil {
		t.Errorf("a hang answered")
	}
	d.SetDelay(50 * time.Millisecond)
	if _, err := c.PostForm(u, url.Values{"proc_name": {"store_ref"}, "params": {p}}); err != nil {
		t.Errorf("a slow answer within the timeout failed: %v", err)
	}
	d.ClearFaults()
}

func TestDropLooksUnreachable(t *testing.T) {
	d, u := start(t)
	d.Inject(smaregidouble.Fault{Drop: true, Times: -1})
	for range 3 {
		if _, err := http.PostForm(u, url.Values{"proc_name": {"store_ref"}, "params": {`{"table_name":"Store"}`}}); err == nil {
			t.Fatal("a dropped connection answered")
		}
	}
	d.ClearFaults()
	if status, _ := post(t, u, underscore, "store_ref", `{"table_name":"Store"}`); status != 200 {
		t.Errorf("after ClearFaults: %d", status)
	}
}

// Package smaregidouble is a Smaregi legacy API test double: an http.Handler that
// answers POSTs of proc_name and params the way the spec and the reference payloads
// show (every value a string, total_count a string, error bodies with status 400),
// keeps the customers and products it receives, holds transactions for
// transaction_ref with its range rules, pushes transactions to a receiver like
// 取引情報送信 does, and injects faults. It speaks only the wire: it does not import
// the adapter it tests. Tests serve it with httptest; the demo runs it in-process.
package smaregidouble

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Row is one row: every value a string.
type Row = map[string]string

// Double is the fake Smaregi of one contract.
type Double struct {
	contractID, token string

	mu         sync.Mutex
	customers  map[string]Row
	codes      map[string]string // customerCode → customerId
	products   map[string]Row
	categories map[string]Row
	stores     map[string]Row
	heads      map[int64]Row
	details    map[int64][]Row
	disabled   map[string]bool
	faults     []*Fault
	delay      time.Duration
	requests   map[string]int
	total      int
	now        func() time.Time
	release    chan struct{} // closed by Close: hanging answers end
}

// New returns a double for one contract id and access token, with one store (本店)
// and one category (部門ID 1) and every proc_name switched on.
func New(contractID, token string) *Double {
	d := &Double{contractID: contractID, token: token,
		customers: map[string]Row{}, codes: map[string]string{}, products: map[string]Row{}, categories: map[string]Row{},
		stores: map[string]Row{}, heads: map[int64]Row{}, details: map[int64][]Row{},
		disabled: map[string]bool{}, requests: map[string]int{}, now: time.Now,
		release: make(chan struct{})}
	d.stores["1"] = Row{"storeId": "1", "storeCode": "honten", "storeName": "本店", "division": "1",
		"insDateTime": "2024-04-01 10:00:00", "updDateTime": "2024-04-01 10:00:00"}
	d.categories["1"] = Row{"categoryId": "1", "categoryCode": "salon", "categoryName": "サロン",
		"displayFlag": "1", "level": "1", "insDateTime": "2024-04-01 10:00:00", "updDateTime": "2024-04-01 10:00:00"}
	return d
}

// Close ends every answer the double is holding (a Hang fault), so that an
// httptest.Server can close.
func (d *Double) Close() {
	d.mu.Lock()
	defer d.mu.Unlock()
	select {
	case <-d.release:
	default:
		close(d.release)
	}
}

// SetClock sets the clock that dates received rows and transactions.
func (d *Double) SetClock(now func() time.Time) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.now = now
}

// Disable switches a proc_name off in 機能設定: it answers error 23.
func (d *Double) Disable(proc string) { d.setDisabled(proc, true) }

// Enable switches a proc_name on again.
func (d *Double) Enable(proc string) { d.setDisabled(proc, false) }

func (d *Double) setDisabled(proc string, off bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.disabled[proc] = off
}

// Requests is how many POSTs named proc arrived ("" counts all of them, including
// refused ones).
func (d *Double) Requests(proc string) int {
	d.mu.Lock()
	defer d.mu.Unlock()
	if proc == "" {
		return d.total
	}
	return d.requests[proc]
}

// Error codes and texts the double answers with.
const (
	codeInvalidRequest = 11
	codeInvalidToken   = 13
	codeInvalidID      = 14
	codeInvalidProc    = 15
	codeDisabled       = 23
	codeInvalidTable   = 31
	codeInvalidDiv     = 32
	codeInvalidInput   = 41
)

var messages = map[int]string{
	codeInvalidRequest: "リクエストが不正です。",
	codeInvalidToken:   "アクセストークンが無効です。",
	codeInvalidID:      "契約IDが無効です。",
	codeInvalidProc:    "proc_nameが不正です。",
	codeDisabled:       "機能設定で許可されていない機能です。",
	codeInvalidTable:   "テーブル名が不正です。",
	codeInvalidDiv:     "処理区分が不正です。",
	codeInvalidInput:   "入力値が不正です。",
}

// apiErr is an error answer: status 400 and the legacy error body.
type apiErr struct {
	code int
	desc string
}

func fail(code int, desc string) *apiErr { return &apiErr{code: code, desc: desc} }

func writeError(w http.ResponseWriter, e *apiErr) {
	writeJSON(w, http.StatusBadRequest, map[string]any{
		"error_code": e.code, "error": messages[e.code], "error_description": "パラメータ不正です。(" + e.desc + ")"})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// ServeHTTP answers one legacy API POST.
func (d *Double) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.WriteHeader(http.StatusNotFound) // like the real one: a 404 without a body
		return
	}
	if err := r.ParseForm(); err != nil {
		writeError(w, fail(codeInvalidRequest, "form"))
		return
	}
	proc := r.PostForm.Get("proc_name")
	d.count(proc)
	if d.applyFault(w, r, proc) {
		return
	}
	if e := d.authorise(r); e != nil {
		writeError(w, e)
		return
	}
	if d.isDisabled(proc) {
		writeError(w, fail(codeDisabled, proc+" is disabled"))
		return
	}
	var params map[string]any
	dec := json.NewDecoder(strings.NewReader(r.PostForm.Get("params")))
	dec.UseNumber()
	if err := dec.Decode(&params); err != nil {
		writeError(w, fail(codeInvalidRequest, "params is not JSON"))
		return
	}
	answer, e := d.dispatch(proc, params)
	if e != nil {
		writeError(w, e)
		return
	}
	writeJSON(w, http.StatusOK, answer)
}

func (d *Double) count(proc string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.total++
	d.requests[proc]++
}

func (d *Double) isDisabled(proc string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.disabled[proc]
}

// authorise checks the contract id and token, taking both header spellings
// (X_contract_id as Smaregi documents it, X-Contract-Id as some clients send it).
func (d *Double) authorise(r *http.Request) *apiErr {
	contract := header(r, "X_contract_id", "X-Contract-Id")
	token := header(r, "X_access_token", "X-Access-Token")
	switch {
	case contract == "" || contract != d.contractID:
		return fail(codeInvalidID, "contractId is invalid")
	case token == "" || token != d.token:
		return fail(codeInvalidToken, "access token is invalid")
	}
	return nil
}

func header(r *http.Request, names ...string) string {
	for _, n := range names {
		if v, ok := r.Header[n]; ok && len(v) > 0 {
			return v[0]
		}
		if v := r.Header.Get(n); v != "" {
			return v
		}
	}
	return ""
}

func (d *Double) dispatch(proc string, params map[string]any) (any, *apiErr) {
	switch proc {
	case "customer_upd":
		return d.update(params, "Customer", "customerId", d.customers, checkCustomer)
	case "product_upd":
		return d.update(params, "Product", "productId", d.products, checkProduct)
	case "category_upd":
		return d.update(params, "Category", "categoryId", d.categories, nil)
	case "customer_ref":
		return d.ref(params, "Customer", d.customers)
	case "product_ref":
		return d.ref(params, "Product", d.products)
	case "category_ref":
		return d.ref(params, "Category", d.categories)
	case "store_ref":
		return d.ref(params, "Store", d.stores)
	case "transaction_ref":
		return d.transactionRef(params)
	case "transaction_upd", "stock_upd", "point_upd", "staff_ref":
		return nil, fail(codeDisabled, proc+" is not offered by the double")
	default:
		return nil, fail(codeInvalidProc, "proc_name "+strconv.Quote(proc))
	}
}

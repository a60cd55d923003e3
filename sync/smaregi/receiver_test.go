package smaregi_test

import (
	"bytes"
	"context"
	"errors"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"salondesk/sync/smaregi"
	"salondesk/sync/smaregi/smaregidouble"
)

// tokenList is the app's store of token hashes.
type tokenList []string

func (l tokenList) ReceiverTokenHashes(context.Context) ([]string, error) { return l, nil }

// ledger stores transactions idempotently by transactionHeadId, as the app must.
type ledger struct {
	mu    sync.Mutex
	byID  map[int64]smaregi.Transaction
	calls int
	fail  error
}

func newLedger() *ledger { return &ledger{byID: map[int64]smaregi.Transaction{}} }

func (l *ledger) ReceiveTransactions(_ context.Context, txs []smaregi.Transaction) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.calls++
	if l.fail != nil {
		return l.fail
	}
	for _, tx := range txs {
		l.byID[tx.Head.ID] = tx
	}
	return nil
}

func (l *ledger) count() (int, int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.byID), l.calls
}

// receiverSetup serves a receiver that accepts one issued token and a double holding
// sales 1..3 with Japanese product names.
func receiverSetup(t testing.TB) (*smaregidouble.Double, *ledger, string, string) {
	t.Helper()
	token, hash := smaregi.NewToken()
	_, other := smaregi.NewToken()
	led := newLedger()
	srv := httptest.NewServer(smaregi.NewReceiver(tokenList{other, hash}, led, nil))
	t.Cleanup(srv.Close)
	d := smaregidouble.New(contractID, apiToken)
	addSales(d, 1, 2, 3)
	return d, led, srv.URL + smaregi.DefaultReceiverPath, token
}

func TestReceiverRefusesMissingAndWrongTokens(t *testing.T) {
	d, led, u, token := receiverSetup(t)
	for _, tok := range []string{"", "wrong", token + "x", strings.ToUpper(token)} {
		status, err := d.Push(context.Background(), u, tok, smaregidouble.PushForm, 1)
		if err != nil || status != http.StatusUnauthorized {
			t.Errorf("token %q: %d %v", tok, status, err)
		}
	}
	if n, calls := led.count(); n != 0 || calls != 0 {
		t.Errorf("recorded %d in %d calls", n, calls)
	}
}

func TestReceiverTakesEveryBodyStyleOnce(t *testing.T) {
	d, led, u, token := receiverSetup(t)
	for _, style := range []smaregidouble.PushStyle{smaregidouble.PushForm, smaregidouble.PushEscaped, smaregidouble.PushJSON} {
		status, err := d.Push(context.Background(), u, token, style, 1, 2, 3)
		if err != nil || status != http.StatusOK {
			t.Fatalf("style %d: %d %v", style, status, err)
		}
	}
	n, calls := led.count()
	if n != 3 || calls != 3 {
		t.Fatalf("stored %d in %d calls", n, calls)
	}
	tx := led.byID[2]
	if len(tx.Details) != 2 || tx.Details[1].ProductName != "月4回プラン" || tx.Head.Total != 27300 ||
		tx.Head.DateTime.IsZero() || tx.Details[0].HeadID != 2 {
		t.Errorf("transaction 2: %+v", tx)
	}
}

func TestReceiverBodiesByHand(t *testing.T) {
	_, led, u, token := receiverSetup(t)
	params := `{"data":[{"table_name":"TransactionHead","rows":[{"transactionHeadId":"77","transactionDateTime":"2026-12-01 10:00:00","total":5500,"customerId":"9","cancelDivision":"1"}]},` +
		`{"table_name":"TransactionDetail","rows":[{"transactionHeadId":77,"transactionDetailId":"1","productCode":"reservefee","productName":"\u30ec\u30c3\u30b9\u30f3\u6599","salesPrice":"5500","quantity":"1"},{"transactionHeadId":"78","transactionDetailId":"1"}]}]}`
	cases := []struct {
		name, ct, body string
		status         int
	}{
		{"form", "application/x-www-form-urlencoded", url.Values{"proc_name": {"transaction_send"}, "params": {params}}.Encode(), 200},
		{"json with params as a string", "application/json", `{"proc_name":"transaction_send","params":` + quote(params) + `}`, 200},
		{"params object alone", "application/json", params, 200},
		{"escaped quotes", "application/x-www-form-urlencoded", url.Values{"proc_name": {"transaction_send"},
			"params": {strings.ReplaceAll(params, `"`, `\"`)}}.Encode(), 200},
		{"other proc", "application/x-www-form-urlencoded", url.Values{"proc_name": {"customer_send"}, "params": {`{"data":[]}`}}.Encode(), 200},
		{"not json", "application/x-www-form-urlencoded", url.Values{"proc_name": {"transaction_send"}, "params": {"{data"}}.Encode(), 400},
		{"no params", "application/x-www-form-urlencoded", "proc_name=transaction_send", 400},
		{"head without id", "application/json", `{"data":[{"table_name":"TransactionHead","rows":[{"total":"1"}]}]}`, 400},
	}
	for _, tc := range cases {
		req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader(tc.body))
		req.Header.Set("Content-Type", tc.ct)
		req.Header.Set("X-Access-Token", token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.status {
			t.Errorf("%s: status %d, want %d", tc.name, resp.StatusCode, tc.status)
		}
	}
	n, calls := led.count()
	if n != 1 || calls != 4 {
		t.Fatalf("stored %d in %d calls", n, calls)
	}
	tx := led.byID[77]
	if !tx.Head.Cancelled || tx.Head.Total != 5500 || len(tx.Details) != 1 || tx.Details[0].ProductName != "レッスン料" {
		t.Errorf("77: %+v", tx)
	}
}

func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

func TestReceiverLimitsAndFailures(t *testing.T) {
	d, led, u, token := receiverSetup(t)
	big := url.Values{"proc_name": {"transaction_send"}, "params": {strings.Repeat("x", smaregi.MaxSentBody)}}.Encode()
	req, _ := http.NewRequest(http.MethodPost, u, strings.NewReader(big))
	req.Header.Set("x-access-token", token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("big body: %v %v", resp.Status, err)
	}
	resp.Body.Close()
	resp, err = http.Get(u)
	if err != nil || resp.StatusCode != http.StatusMethodNotAllowed {
		t.Fatalf("GET: %v", err)
	}
	resp.Body.Close()
	led.fail = errors.New("database is locked")
	if status, _ := d.Push(context.Background(), u, token, smaregidouble.PushForm, 1); status != http.StatusInternalServerError {
		t.Errorf("sink failure answered %d", status)
	}
	led.fail = nil
	if status, _ := d.Push(context.Background(), u, token, smaregidouble.PushForm, 1); status != http.StatusOK {
		t.Errorf("the retry answered %d", status)
	}
	if n, _ := led.count(); n != 1 {
		t.Errorf("stored %d", n)
	}
}

func TestServerPortInUseIsRecognisable(t *testing.T) {
	led := newLedger()
	a := smaregi.NewServer("127.0.0.1:0", "", smaregi.NewReceiver(tokenList{}, led, nil))
	if err := a.Start(); err != nil {
		t.Fatal(err)
	}
	defer a.Shutdown(context.Background())
	if !strings.HasPrefix(a.URL("192.168.1.20"), "http://192.168.1.20:") || !strings.HasSuffix(a.URL("h"), "/smaregi/transactions") {
		t.Errorf("URL %s", a.URL("192.168.1.20"))
	}
	b := smaregi.NewServer(net.JoinHostPort("127.0.0.1", strconv.Itoa(a.Port())), "", http.NotFoundHandler())
	err := b.Start()
	if !errors.Is(err, smaregi.ErrPortInUse) {
		t.Fatalf("second server on the same port: %v", err)
	}
	// The first one still answers.
	resp, err := http.Post(a.URL("127.0.0.1"), "application/json", strings.NewReader("{}"))
	if err != nil || resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("first server: %v", err)
	}
	resp.Body.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := a.Shutdown(ctx); err != nil {
		t.Errorf("shutdown: %v", err)
	}
}

// Push and pull feed the same idempotent hand-off: a transaction pushed twice and
// pulled once is stored once.
func TestPushTwiceAndPullOnceStoreOnce(t *testing.T) {
	d, led, u, token := receiverSetup(t)
	for range 2 {
		if status, err := d.Push(context.Background(), u, token, smaregidouble.PushForm, 1, 2); err != nil || status != 200 {
			t.Fatalf("push: %d %v", status, err)
		}
	}
	c := newClient(t, serve(t, d))
	last, err := c.PullTransactions(context.Background(), 0, smaregi.PullOptions{}, func(txs []smaregi.Transaction) error {
		return led.ReceiveTransactions(context.Background(), txs)
	})
	if err != nil || last != 3 {
		t.Fatalf("pull: %d %v", last, err)
	}
	if n, calls := led.count(); n != 3 || calls != 3 {
		t.Errorf("stored %d in %d hand-offs", n, calls)
	}
	if got, pushed := led.byID[1], led.byID[3]; len(got.Details) != 2 || len(pushed.Details) != 2 {
		t.Errorf("details: %+v %+v", got, pushed)
	}
}

func TestReceiverTakesMultipartForms(t *testing.T) {
	d, led, u, token := receiverSetup(t)
	_, form := d.SentBody(smaregidouble.PushForm, 1, 2)
	values, _ := url.ParseQuery(string(form))
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for _, k := range []string{"proc_name", "params"} {
		_ = mw.WriteField(k, values.Get(k))
	}
	mw.Close()
	req, _ := http.NewRequest(http.MethodPost, u, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("x-access-token", token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("multipart: %v %v", resp.Status, err)
	}
	resp.Body.Close()
	if n, _ := led.count(); n != 2 {
		t.Errorf("stored %d", n)
	}
}

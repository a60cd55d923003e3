package smaregi_test

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"salondesk/sync/smaregi"
)

// rawServer accepts one connection, keeps the request exactly as its bytes came and
// answers a fixed 200: what Go's server would canonicalise is seen as sent.
func rawServer(t *testing.T) (string, <-chan string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	got := make(chan string, 1)
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		defer conn.Close()
		r := bufio.NewReader(conn)
		var head strings.Builder
		length := 0
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			head.WriteString(line)
			if k, v, ok := strings.Cut(line, ":"); ok && strings.EqualFold(k, "Content-Length") {
				length, _ = strconv.Atoi(strings.TrimSpace(v))
			}
			if line == "\r\n" {
				break
			}
		}
		body := make([]byte, length)
		_, _ = io.ReadFull(r, body)
		got <- head.String() + string(body)
		answer := `{"total_count":"0","result":[]}`
		_, _ = io.WriteString(conn, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "+
			strconv.Itoa(len(answer))+"\r\n\r\n"+answer)
	}()
	return "http://" + ln.Addr().String() + "/access/", got
}

func TestHeadersKeepTheirUnderscoresOnTheWire(t *testing.T) {
	u, got := rawServer(t)
	c := newClient(t, u)
	if _, _, err := c.CustomerRef(context.Background(), smaregi.Query{Fields: []string{"customerId"},
		Conditions: []smaregi.Cond{{"customerCode like": "C%"}}, Limit: 10}); err != nil {
		t.Fatal(err)
	}
	req := <-got
	for _, line := range []string{
		"POST /access/ HTTP/1.1\r\n",
		"\r\nX_contract_id: " + contractID + "\r\n",
		"\r\nX_access_token: " + apiToken + "\r\n",
		"\r\nContent-Type: application/x-www-form-urlencoded;charset=UTF-8\r\n",
	} {
		if !strings.Contains(req, line) {
			t.Errorf("request lacks %q:\n%s", line, req)
		}
	}
	_, body, _ := strings.Cut(req, "\r\n\r\n")
	form, err := url.ParseQuery(body)
	if err != nil || form.Get("proc_name") != "customer_ref" {
		t.Fatalf("form %q: %v", body, err)
	}
	params := form.Get("params")
	if strings.ContainsAny(params, "\r\n") {
		t.Errorf("params holds a line break: %q", params)
	}
	var p map[string]any
	if err := json.Unmarshal([]byte(params), &p); err != nil {
		t.Fatalf("params %q: %v", params, err)
	}
	conds := p["conditions"].([]any)[0].(map[string]any)
	if p["table_name"] != "Customer" || conds["customerCode like"] != "C%" || p["limit"] != 10.0 || p["page"] != 1.0 {
		t.Errorf("params: %s", params)
	}
}

// The Config prints without its token, so a log line of it leaks nothing.
func TestConfigHidesToken(t *testing.T) {
	cfg := smaregi.Config{URL: "https://x/", ContractID: "c", AccessToken: "secret-token"}
	if s := cfg.String(); strings.Contains(s, "secret-token") {
		t.Errorf("token printed: %s", s)
	}
}

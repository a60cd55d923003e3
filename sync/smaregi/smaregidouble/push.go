package smaregidouble

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
)

// PushStyle is how a push writes its body; senders differ.
type PushStyle int

const (
	// PushForm: proc_name and params form-encoded, params plain JSON.
	PushForm PushStyle = iota
	// PushEscaped: like PushForm, with Japanese as \uXXXX and every quote of params
	// escaped (\"), as some senders write it.
	PushEscaped
	// PushJSON: a JSON body {"proc_name":"transaction_send","params":{…}}.
	PushJSON
)

// SentBody is the body 取引情報送信 would POST for the held transactions ids (in id
// order), and its Content-Type.
func (d *Double) SentBody(style PushStyle, ids ...int64) (string, []byte) {
	d.mu.Lock()
	heads, details := []Row{}, []Row{}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, n := range ids {
		if h, ok := d.heads[n]; ok {
			heads = append(heads, h)
			details = append(details, d.details[n]...)
		}
	}
	d.mu.Unlock()
	params := map[string]any{"data": []any{
		map[string]any{"table_name": "TransactionHead", "rows": heads},
		map[string]any{"table_name": "TransactionDetail", "rows": details}}}
	p, _ := json.Marshal(params)
	switch style {
	case PushJSON:
		b, _ := json.Marshal(map[string]any{"proc_name": "transaction_send", "params": json.RawMessage(p)})
		return "application/json", b
	case PushEscaped:
		p = []byte(strings.ReplaceAll(asciiJSON(p), `"`, `\"`))
	}
	form := url.Values{"proc_name": {"transaction_send"}, "params": {string(p)}}
	return "application/x-www-form-urlencoded", []byte(form.Encode())
}

// asciiJSON writes every non-ASCII rune of a JSON text as \uXXXX.
func asciiJSON(b []byte) string {
	var s strings.Builder
	for _, r := range string(b) {
		switch {
		case r < 0x80:
			s.WriteRune(r)
		case r > 0xffff:
			r1, r2 := (r-0x10000)>>10+0xd800, (r-0x10000)&0x3ff+0xdc00
			fmt.Fprintf(&s, `\u%04x\u%04x`, r1, r2)
		default:
			fmt.Fprintf(&s, `\u%04x`, r)
		}
	}
	return s.String()
}

// Push POSTs the held transactions ids to a receiver with x-access-token, as
// 取引情報送信 does, and returns the answer's status.
func (d *Double) Push(ctx context.Context, receiverURL, token string, style PushStyle, ids ...int64) (int, error) {
	ct, body := d.SentBody(style, ids...)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, receiverURL, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", ct)
	if token != "" {
		req.Header.Set("x-access-token", token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

// Customers is a copy of the customers held, by customerId.
func (d *Double) Customers() map[string]Row { return d.copyTable(d.customers) }

// Products is a copy of the products held, by productId.
func (d *Double) Products() map[string]Row { return d.copyTable(d.products) }

func (d *Double) copyTable(t map[string]Row) map[string]Row {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make(map[string]Row, len(t))
	for k, r := range t {
		c := make(Row, len(r))
		for f, v := range r {
			c[f] = v
		}
		out[k] = c
	}
	return out
}

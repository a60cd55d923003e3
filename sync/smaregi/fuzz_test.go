package smaregi_test

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"salondesk/sync/smaregi"
	"salondesk/sync/smaregi/smaregidouble"
)

// FuzzParseSent feeds the receiver's body decoding: it must never panic, and what it
// accepts must hold real transactions (a positive id, details under their own head).
// Seeds: the transaction fixtures as a transaction_send, the double's three body
// styles, and bodies written by hand.
func FuzzParseSent(f *testing.F) {
	var tables []any
	for _, name := range []string{"transaction_head.json", "transaction_detail.json"} {
		b, err := os.ReadFile(filepath.Join(fixtureDir, name))
		if err != nil {
			f.Fatal(err)
		}
		var ans struct {
			Result json.RawMessage `json:"result"`
		}
		if err := json.Unmarshal(b, &ans); err != nil {
			f.Fatal(err)
		}
		table := "TransactionHead"
		if strings.Contains(name, "detail") {
			table = "TransactionDetail"
		}
		tables = append(tables, map[string]any{"table_name": table, "rows": ans.Result})
	}
	params, _ := json.Marshal(map[string]any{"data": tables})
	f.Add([]byte(url.Values{"proc_name": {"transaction_send"}, "params": {string(params)}}.Encode()))
	f.Add([]byte(url.Values{"proc_name": {"transaction_send"}, "params": {strings.ReplaceAll(string(params), `"`, `\"`)}}.Encode()))
	f.Add(params)

	d := smaregidouble.New("c", "t")
	addSales(d, 1, 2)
	for _, style := range []smaregidouble.PushStyle{smaregidouble.PushForm, smaregidouble.PushEscaped, smaregidouble.PushJSON} {
		_, body := d.SentBody(style, 1, 2)
		f.Add(body)
	}
	for _, s := range []string{
		``, `{}`, `{"data":null}`, `{"data":[{"table_name":"TransactionHead","rows":[{"transactionHeadId":"-1"}]}]}`,
		`proc_name=transaction_send&params=%7B%5C%22data%5C%22%3A%5B%5D%7D`,
		`{"proc_name":"transaction_send","params":"\"{\\\"data\\\":[]}\""}`,
		`params=%22%5Cu0041%22`, `{"data":[{"table_name":"TransactionDetail","rows":[{"transactionHeadId":"5","quantity":"1e999"}]}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		sent, err := smaregi.ParseSent(body)
		if err != nil {
			return
		}
		for _, tx := range sent.Transactions {
			if tx.Head.ID <= 0 {
				t.Fatalf("accepted head id %d", tx.Head.ID)
			}
			for _, dt := range tx.Details {
				if dt.HeadID != tx.Head.ID {
					t.Fatalf("detail of %d under %d", dt.HeadID, tx.Head.ID)
				}
			}
		}
	})
}

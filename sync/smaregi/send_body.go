package smaregi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// ProcTransactionSend is the proc_name of 取引情報送信.
const ProcTransactionSend = "transaction_send"

// Sent is one POST of API送信設定 as read: its proc_name and, for transaction_send,
// its transactions (heads with their details, in the order sent, a head sent twice in
// one POST kept once). Orphans counts details whose head was not in the POST.
type Sent struct {
	Proc         string
	Transactions []Transaction
	Orphans      int
}

// ErrBadBody is a body that is neither a form with params nor a JSON object that holds
// the data.
var ErrBadBody = errors.New("smaregi: unreadable transaction_send body")

// ParseSent reads the body of a POST from Smaregi: a form (proc_name, params) or a JSON
// object ({"proc_name":…,"params":…} with params an object or a JSON string, or the
// params object itself). params may arrive with its quotes escaped (\") or as a JSON
// string holding JSON; Japanese may be escaped as \uXXXX. Every failure wraps
// ErrBadBody.
func ParseSent(body []byte) (Sent, error) {
	proc, params, err := splitSent(body)
	if err != nil {
		return Sent{}, fmt.Errorf("%w: %v", ErrBadBody, err)
	}
	s := Sent{Proc: proc}
	if proc != "" && proc != ProcTransactionSend {
		return s, nil // customer_send and the others: nothing of ours
	}
	heads, details, err := transactionRows(params)
	if err != nil {
		return Sent{}, fmt.Errorf("%w: %v", ErrBadBody, err)
	}
	if s.Proc == "" && len(heads) > 0 {
		s.Proc = ProcTransactionSend
	}
	var orphans []TransactionDetail
	s.Transactions, orphans = group(heads, details)
	s.Orphans = len(orphans)
	return s, nil
}

// splitSent finds proc_name and the params object in a form or JSON body.
func splitSent(body []byte) (string, map[string]any, error) {
	b := bytes.TrimSpace(body)
	if len(b) > 0 && b[0] == '{' {
		m, err := decodeObject(b)
		if err != nil {
			return "", nil, err
		}
		if _, ok := m["data"]; ok {
			return text(m["proc_name"]), m, nil
		}
		switch p := m["params"].(type) {
		case map[string]any:
			return text(m["proc_name"]), p, nil
		case string:
			params, err := parseParams(p)
			return text(m["proc_name"]), params, err
		default:
			return "", nil, fmt.Errorf("no params")
		}
	}
	form, err := url.ParseQuery(string(b))
	if err != nil {
		return "", nil, err
	}
	if !form.Has("params") {
		return "", nil, fmt.Errorf("no params")
	}
	params, err := parseParams(form.Get("params"))
	return form.Get("proc_name"), params, err
}

// parseParams reads params: JSON as it should be, or JSON whose quotes were escaped
// once more (a sender that wrote {\"data\":…}), or a JSON string that holds the JSON.
// Each round unescapes one level; three are more than any sender does.
func parseParams(s string) (map[string]any, error) {
	for range 3 {
		t := strings.TrimSpace(s)
		if m, err := decodeObject([]byte(t)); err == nil {
			return m, nil
		}
		var un string
		switch {
		case strings.HasPrefix(t, `"`):
			if err := json.Unmarshal([]byte(t), &un); err != nil {
				return nil, err
			}
		case strings.Contains(t, `\"`):
			// Read it as the inside of a JSON string: \" becomes ", \\ becomes \,
			// \uXXXX its rune. Raw line breaks are not allowed there, so escape them.
			inner := strings.NewReplacer("\r", `\r`, "\n", `\n`, "\t", `\t`).Replace(t)
			if err := json.Unmarshal([]byte(`"`+inner+`"`), &un); err != nil {
				return nil, err
			}
		default:
			return nil, fmt.Errorf("params is not JSON")
		}
		s = un
	}
	return nil, fmt.Errorf("params escaped too deeply")
}

// transactionRows reads the TransactionHead and TransactionDetail tables of params'
// data; other tables are skipped.
func transactionRows(params map[string]any) ([]TransactionHead, []TransactionDetail, error) {
	tables, ok := params["data"].([]any)
	if !ok {
		return nil, nil, fmt.Errorf("params has no data list")
	}
	var heads []TransactionHead
	var details []TransactionDetail
	for _, t := range tables {
		tm, ok := t.(map[string]any)
		if !ok {
			return nil, nil, fmt.Errorf("a data entry is %T, not an object", t)
		}
		rows, err := toRows(tm["rows"])
		if err != nil {
			return nil, nil, err
		}
		switch text(tm["table_name"]) {
		case "TransactionHead":
			for _, r := range rows {
				h, err := HeadFromRow(r)
				if err != nil {
					return nil, nil, err
				}
				heads = append(heads, h)
			}
		case "TransactionDetail":
			for _, r := range rows {
				d, err := DetailFromRow(r)
				if err != nil {
					return nil, nil, err
				}
				details = append(details, d)
			}
		}
	}
	return heads, details, nil
}

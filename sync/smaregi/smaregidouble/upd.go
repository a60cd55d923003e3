package smaregidouble

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

const codeAlreadyExists = 42

func init() { messages[codeAlreadyExists] = "既に登録されています。" }

// checkRow says what Smaregi would refuse in a row about to be stored (the merged
// row of an update).
type checkRow func(merged Row) string

// update plays *_upd: proc_division U (insert or update by the key we supply) or D
// (delete by key), every value a string, the whole request refused when one row is.
func (d *Double) update(params map[string]any, table, key string, store map[string]Row, check checkRow) (any, *apiErr) {
	info, _ := params["proc_info"].(map[string]any)
	div, _ := info["proc_division"].(string)
	if div != "U" && div != "D" {
		return nil, fail(codeInvalidDiv, fmt.Sprintf("proc_division %q", div))
	}
	rows, e := tableRows(params, table)
	if e != nil {
		return nil, e
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	merged := make([]Row, len(rows))
	for i, r := range rows {
		id := r[key]
		if !digits(id, 15) {
			return nil, fail(codeInvalidInput, fmt.Sprintf("rows[%d].%s %q", i, key, id))
		}
		if div == "D" {
			continue
		}
		m := Row{}
		for k, v := range store[id] {
			m[k] = v
		}
		for k, v := range r {
			m[k] = v
		}
		if check != nil {
			if why := check(m); why != "" {
				return nil, fail(codeInvalidInput, fmt.Sprintf("rows[%d]: %s", i, why))
			}
		}
		merged[i] = m
	}
	if table == "Customer" && div == "U" {
		if e := uniqueCodes(d.codes, merged, key); e != nil {
			return nil, e
		}
	}
	stamp := d.now().Format("2006-01-02 15:04:05")
	for i, r := range rows {
		id := r[key]
		if table == "Customer" {
			delete(d.codes, store[id]["customerCode"])
		}
		if div == "D" {
			delete(store, id)
			continue
		}
		if table == "Customer" && merged[i]["customerCode"] != "" {
			d.codes[merged[i]["customerCode"]] = id
		}
		if _, ok := store[id]; !ok {
			merged[i]["insDateTime"] = stamp
		}
		merged[i]["updDateTime"] = stamp
		store[id] = merged[i]
	}
	return map[string]any{"result": map[string]any{table: len(rows)}}, nil
}

// tableRows finds the rows of table in params' data; every value must be a string.
func tableRows(params map[string]any, table string) ([]Row, *apiErr) {
	data, _ := params["data"].([]any)
	if len(data) == 0 {
		return nil, fail(codeInvalidRequest, "no data")
	}
	var out []Row
	for _, t := range data {
		tm, _ := t.(map[string]any)
		if name, _ := tm["table_name"].(string); name != table {
			return nil, fail(codeInvalidTable, fmt.Sprintf("table_name %q", tm["table_name"]))
		}
		list, _ := tm["rows"].([]any)
		for i, x := range list {
			m, ok := x.(map[string]any)
			if !ok {
				return nil, fail(codeInvalidInput, fmt.Sprintf("rows[%d] is not an object", i))
			}
			r := Row{}
			for k, v := range m {
				s, ok := v.(string)
				if !ok {
					return nil, fail(codeInvalidInput, fmt.Sprintf("rows[%d].%s is not a string", i, k))
				}
				r[k] = s
			}
			out = append(out, r)
		}
	}
	return out, nil
}

// uniqueCodes refuses a customerCode that another customer holds (42). owner is the
// double's code → customerId index, so that a bulk send stays linear.
func uniqueCodes(owner map[string]string, merged []Row, key string) *apiErr {
	mine := map[string]string{}
	for _, m := range merged {
		code := m["customerCode"]
		if code == "" {
			continue
		}
		o, ok := mine[code]
		if !ok {
			o, ok = owner[code]
		}
		if ok && o != m[key] {
			return fail(codeAlreadyExists, "customerCode "+code)
		}
		mine[code] = m[key]
	}
	return nil
}

func checkCustomer(m Row) string {
	switch {
	case m["lastName"] == "" || m["firstName"] == "":
		return "lastName and firstName are required"
	case utf8.RuneCountInString(m["lastName"]) > 85 || utf8.RuneCountInString(m["firstName"]) > 85:
		return "name longer than 85"
	case !printableASCII(m["customerCode"], 20):
		return "customerCode"
	case !katakana(m["lastKana"]) || !katakana(m["firstKana"]):
		return "kana"
	case m["phoneNumber"] != "" && !digits(m["phoneNumber"], 20):
		return "phoneNumber"
	case m["mobileNumber"] != "" && !digits(m["mobileNumber"], 20):
		return "mobileNumber"
	case len(m["postCode"]) > 10:
		return "postCode"
	case m["sex"] != "" && !strings.Contains(",0,1,2,", ","+m["sex"]+","):
		return "sex"
	}
	if b := m["birthDate"]; b != "" {
		if _, err := time.Parse("2006-01-02", b); err != nil {
			return "birthDate"
		}
	}
	return ""
}

func checkProduct(m Row) string {
	switch {
	case !digits(m["categoryId"], 9):
		return "categoryId"
	case m["productCode"] == "" || !printableASCII(m["productCode"], 20):
		return "productCode"
	case m["productName"] == "" || utf8.RuneCountInString(m["productName"]) > 85:
		return "productName"
	case !digits(m["price"], 8):
		return "price"
	}
	return ""
}

func digits(s string, max int) bool {
	if s == "" || len(s) > max {
		return false
	}
	return strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) < 0
}

func printableASCII(s string, max int) bool {
	return len(s) <= max && strings.IndexFunc(s, func(r rune) bool { return r < 0x20 || r > 0x7e }) < 0
}

func katakana(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'ァ' && r <= 'ヶ' || r == 'ー' || r == 'ヽ' || r == 'ヾ' || r == '・')
	}) < 0
}

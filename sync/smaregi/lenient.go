package smaregi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Row is one row as it came: every value as text. Numbers keep their literal
// ("100000.00000"), null and a missing column are "", true/false are "1"/"0", and a
// nested object or list keeps its JSON text. Smaregi sends values as strings, numbers
// or null for the same column, so everything is read through a Row.
type Row map[string]string

// Get is the value of a column, "" when missing or null.
func (r Row) Get(col string) string { return r[col] }

// errorBody is the legacy API's error answer.
type errorBody struct {
	Code        int    // error_code, a number or a string
	Message     string // error
	Description string // error_description
}

// refAnswer is a *_ref answer: {"total_count":"2","result":[…]}.
type refAnswer struct {
	Total int
	Rows  []Row
}

// decodeObject reads one JSON object with numbers kept as their literal.
func decodeObject(b []byte) (map[string]any, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var m map[string]any
	if err := d.Decode(&m); err != nil {
		return nil, err
	}
	if m == nil {
		return nil, fmt.Errorf("not a JSON object")
	}
	return m, nil
}

// text turns any decoded JSON value into its Row text.
func text(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case json.Number:
		return v.String()
	case bool:
		if v {
			return "1"
		}
		return "0"
	default:
		b, _ := json.Marshal(v)
		return string(b)
	}
}

// toRow turns a decoded object into a Row.
func toRow(v any) (Row, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, false
	}
	r := make(Row, len(m))
	for k, x := range m {
		r[k] = text(x)
	}
	return r, true
}

// toRows turns a decoded list of objects into Rows; anything else is an error.
func toRows(v any) ([]Row, error) {
	if v == nil {
		return nil, nil
	}
	list, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("rows are %T, not a list", v)
	}
	rows := make([]Row, 0, len(list))
	for i, x := range list {
		r, ok := toRow(x)
		if !ok {
			return nil, fmt.Errorf("row %d is %T, not an object", i, x)
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// parseErrorBody reads {"error_code":14,"error":"…","error_description":"…"}; ok is
// false when b holds no error_code and no error text.
func parseErrorBody(b []byte) (errorBody, bool) {
	m, err := decodeObject(b)
	if err != nil {
		return errorBody{}, false
	}
	e := errorBody{Message: text(m["error"]), Description: text(m["error_description"])}
	e.Code, _ = lenientInt(text(m["error_code"]))
	return e, e.Code != 0 || e.Message != ""
}

// parseRefAnswer reads a *_ref answer; total_count may be a string, a number or
// missing (then the number of rows).
func parseRefAnswer(b []byte) (refAnswer, error) {
	m, err := decodeObject(b)
	if err != nil {
		return refAnswer{}, err
	}
	rows, err := toRows(m["result"])
	if err != nil {
		return refAnswer{}, err
	}
	a := refAnswer{Rows: rows, Total: len(rows)}
	if tc := text(m["total_count"]); tc != "" {
		n, err := lenientInt(tc)
		if err != nil {
			return refAnswer{}, fmt.Errorf("total_count %q: %w", tc, err)
		}
		a.Total = n
	}
	return a, nil
}

// lenientInt reads "12", " 12 ", "12.0" or "" (0).
func lenientInt(s string) (int, error) {
	n, err := lenientInt64(s)
	return int(n), err
}

// lenientInt64 reads an integer that may arrive as "12", "12.00000" or "": Smaregi
// writes amounts with a decimal part in some columns (cost). A fraction is rounded
// half away from zero; money in yen has none in practice.
func lenientInt64(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) || math.Abs(f) > 1<<53 {
		return 0, fmt.Errorf("not a number: %q", s)
	}
	return int64(math.Round(f)), nil
}

package smaregidouble

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// refQuery is a *_ref params object as the double reads it.
type refQuery struct {
	table      string
	fields     []string
	conditions []map[string]string
	order      []string
	limit      int
	page       int
}

func parseRef(params map[string]any) (refQuery, *apiErr) {
	q := refQuery{limit: 1000, page: 1}
	q.table, _ = params["table_name"].(string)
	for _, f := range list(params["fields"]) {
		q.fields = append(q.fields, fmt.Sprint(f))
	}
	for _, c := range list(params["conditions"]) {
		m, ok := c.(map[string]any)
		if !ok {
			return q, fail(codeInvalidInput, "a condition is not an object")
		}
		cond := map[string]string{}
		for k, v := range m {
			cond[k] = fmt.Sprint(v)
		}
		q.conditions = append(q.conditions, cond)
	}
	for _, o := range list(params["order"]) {
		q.order = append(q.order, fmt.Sprint(o))
	}
	var e *apiErr
	if q.limit, e = number(params, "limit", 1000); e != nil {
		return q, e
	}
	if q.page, e = number(params, "page", 1); e != nil {
		return q, e
	}
	if q.limit < 1 || q.limit > 1000 || q.page < 1 {
		return q, fail(codeInvalidInput, fmt.Sprintf("limit %d page %d", q.limit, q.page))
	}
	return q, nil
}

func list(v any) []any { l, _ := v.([]any); return l }

// number reads limit or page, sent as a number or a string.
func number(params map[string]any, key string, def int) (int, *apiErr) {
	v, ok := params[key]
	if !ok || v == nil {
		return def, nil
	}
	n, err := strconv.Atoi(fmt.Sprint(v))
	if err != nil {
		return 0, fail(codeInvalidInput, key)
	}
	return n, nil
}

// ref plays a *_ref on one stored table.
func (d *Double) ref(params map[string]any, table string, store map[string]Row) (any, *apiErr) {
	q, e := parseRef(params)
	if e != nil {
		return nil, e
	}
	if q.table != table {
		return nil, fail(codeInvalidTable, fmt.Sprintf("table_name %q", q.table))
	}
	d.mu.Lock()
	rows := make([]Row, 0, len(store))
	for _, r := range store {
		rows = append(rows, r)
	}
	d.mu.Unlock()
	return answerRef(q, rows, lowerFirst(table)+"Id"), nil
}

func lowerFirst(s string) string { return strings.ToLower(s[:1]) + s[1:] }

// answerRef filters, orders, pages and projects rows like the real answer:
// {"total_count":"N","result":[…]} with every value a string and a missing one null.
func answerRef(q refQuery, rows []Row, key string) any {
	var hit []Row
	for _, r := range rows {
		if matchesAny(r, q.conditions) {
			hit = append(hit, r)
		}
	}
	order := q.order
	if len(order) == 0 {
		order = []string{key}
	}
	hit = sortRows(hit, order)
	total := len(hit)
	lo := min((q.page-1)*q.limit, total)
	hi := min(lo+q.limit, total)
	out := make([]map[string]any, 0, hi-lo)
	for _, r := range hit[lo:hi] {
		out = append(out, project(r, q.fields))
	}
	return map[string]any{"total_count": strconv.Itoa(total), "result": out}
}

func project(r Row, fields []string) map[string]any {
	m := map[string]any{}
	if len(fields) == 0 {
		for k, v := range r {
			m[k] = v
		}
		return m
	}
	for _, f := range fields {
		if v, ok := r[f]; ok && v != "" {
			m[f] = v
		} else {
			m[f] = nil
		}
	}
	return m
}

// matchesAny: the condition objects are alternatives, the keys of one are ANDed.
func matchesAny(r Row, conds []map[string]string) bool {
	if len(conds) == 0 {
		return true
	}
	for _, c := range conds {
		if matches(r, c) {
			return true
		}
	}
	return false
}

func matches(r Row, c map[string]string) bool {
	for k, want := range c {
		col, op := splitKey(k)
		if !compare(r[col], op, want) {
			return false
		}
	}
	return true
}

// splitKey splits "transactionHeadId <=" into the column and the operator ("=" when
// none).
func splitKey(k string) (string, string) {
	k = strings.TrimSpace(k)
	if i := strings.LastIndexByte(k, ' '); i > 0 {
		return k[:i], strings.TrimSpace(k[i+1:])
	}
	return k, "="
}

func compare(have, op, want string) bool {
	if op == "like" {
		return like(have, want)
	}
	c := cmp(have, want)
	switch op {
	case "=":
		return c == 0
	case "!=", "<>":
		return c != 0
	case ">":
		return c > 0
	case ">=":
		return c >= 0
	case "<":
		return c < 0
	case "<=":
		return c <= 0
	}
	return false
}

// cmp compares as integers when both are, else as text (datetimes compare as text).
func cmp(a, b string) int {
	x, errA := strconv.ParseInt(a, 10, 64)
	y, errB := strconv.ParseInt(b, 10, 64)
	if errA == nil && errB == nil {
		return cmpInt(x, y)
	}
	return strings.Compare(a, b)
}

// like is SQL LIKE with % only.
func like(s, pattern string) bool {
	parts := strings.Split(pattern, "%")
	if len(parts) == 1 {
		return s == pattern
	}
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	return strings.HasSuffix(s, parts[len(parts)-1])
}

// sortKey is one column of a row, read once for sorting.
type sortKey struct {
	n     int64
	isNum bool
	s     string
}

// sortRows orders rows by the order columns ("col" or "col desc"), reading each
// column once per row rather than once per comparison.
func sortRows(rows []Row, order []string) []Row {
	cols, desc := make([]string, len(order)), make([]bool, len(order))
	for i, o := range order {
		f := strings.Fields(o)
		cols[i] = f[0]
		desc[i] = len(f) == 2 && strings.EqualFold(f[1], "desc")
	}
	type keyed struct {
		r    Row
		keys []sortKey
	}
	ks := make([]keyed, len(rows))
	for i, r := range rows {
		keys := make([]sortKey, len(cols))
		for j, c := range cols {
			n, err := strconv.ParseInt(r[c], 10, 64)
			keys[j] = sortKey{n: n, isNum: err == nil, s: r[c]}
		}
		ks[i] = keyed{r, keys}
	}
	sort.SliceStable(ks, func(a, b int) bool {
		for j := range cols {
			x, y := ks[a].keys[j], ks[b].keys[j]
			c := 0
			if x.isNum && y.isNum {
				c = cmpInt(x.n, y.n)
			} else {
				c = strings.Compare(x.s, y.s)
			}
			if c != 0 {
				return (c < 0) != desc[j]
			}
		}
		return false
	})
	out := make([]Row, len(ks))
	for i, k := range ks {
		out[i] = k.r
	}
	return out
}

func cmpInt(x, y int64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

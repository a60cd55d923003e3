package app

import (
	"context"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"salondesk/app/csvio"
	"salondesk/data"
)

// rowReader reads the cells of one master CSV row and collects what is wrong with them.
// A column the file lacks leaves the master's field as it is (or a new master's default).
type rowReader struct {
	sheet *csvio.Sheet
	idx   csvio.Index
	rec   csvio.Record
	refs  *masterRefs
	errs  []csvio.RowError
}

func (r *rowReader) has(col string) bool { return r.idx.Has(col) }

func (r *rowReader) text(col string) string { return r.idx.Get(r.rec, col) }

func (r *rowReader) bad(col, key string, kv ...any) {
	r.errs = append(r.errs, rowErr(r.rec.Line, r.sheet, r.idx, col, key, kv...))
}

// badErr reports a rule of the form (a UserError) on the column it is about.
func (r *rowReader) badErr(err error) {
	key := ErrorKey(err)
	if key == "" {
		r.errs = append(r.errs, csvio.RowError{Line: r.rec.Line, Message: err.Error()})
		return
	}
	ue := err.(*UserError)
	name := ""
	for _, col := range strings.Fields(ruleColumn[key]) {
		if i, ok := r.idx[col]; ok {
			name = r.sheet.Header[i]
			break
		}
	}
	r.errs = append(r.errs, csvio.RowError{Line: r.rec.Line, Column: name, Message: ue.Error()})
}

// ruleColumn is the column (the first the file has) each rule of the master forms is about.
var ruleColumn = map[string]string{
	"error.name_required":     "name",
	"error.kana_only":         "kana",
	"error.capacity_range":    "capacity",
	"error.price_negative":    "price designation_fee",
	"error.clock_invalid":     "work_start work_end",
	"error.workdays_invalid":  "work_days",
	"error.duration_range":    "duration",
	"error.duration_step":     "duration",
	"error.category_required": "category",
	"error.payment_method":    "payment",
	"error.visits_negative":   "visits",
}

// id is the ID column's number, 0 when empty or not a number (a new master).
func (r *rowReader) id() int64 {
	v, err := strconv.ParseInt(normalizeDigits(r.text("id")), 10, 64)
	if err != nil || v < 0 {
		return 0
	}
	return v
}

// str sets *dst to the column's text when the file has the column.
func (r *rowReader) str(col string, dst *string) {
	if r.has(col) {
		*dst = r.text(col)
	}
}

// num sets *dst to the column's whole number; "¥8,800", "8800円" and full-width digits
// read as 8800. An empty cell reads as 0. Negative numbers are left to the form's rules.
func (r *rowReader) num(col string, dst *int) {
	if !r.has(col) {
		return
	}
	s := strings.TrimSpace(norm.NFKC.String(r.text(col)))
	s = strings.NewReplacer("¥", "", "\\", "", ",", "", "円", "", "分", "", "回", "", " ", "").Replace(s)
	if s == "" {
		*dst = 0
		return
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		r.bad(col, "mastercsv.error.number")
		return
	}
	*dst = v
}

// mark sets *dst from ○ / × (an empty cell keeps the master's value).
func (r *rowReader) mark(col string, dst *bool) {
	if !r.has(col) || r.text(col) == "" {
		return
	}
	v, ok := yesNo(r.text(col))
	if !ok {
		r.bad(col, "mastercsv.error.mark")
		return
	}
	*dst = v
}

// markCell is how the export writes a flag.
func markCell(b bool) string {
	if b {
		return "○"
	}
	return "×"
}

// masterRefs are the masters other masters name: categories, menus and plans, by id and
// by name.
type masterRefs struct {
	categoryName map[int64]string
	categoryID   map[string]int64
	menuName     map[int64]string
	menuID       map[string]int64
	planName     map[int64]string
	planID       map[string]int64
}

func readRefs(ctx context.Context, q data.Querier) (*masterRefs, error) {
	refs := &masterRefs{categoryName: map[int64]string{}, categoryID: map[string]int64{},
		menuName: map[int64]string{}, menuID: map[string]int64{}, planName: map[int64]string{}, planID: map[string]int64{}}
	cats, err := data.ListCategories(ctx, q)
	if err != nil {
		return nil, err
	}
	for _, c := range cats {
		refs.categoryName[c.ID], refs.categoryID[c.Name] = c.Name, c.ID
	}
	menus, err := data.ListMenus(ctx, q, true)
	if err != nil {
		return nil, err
	}
	for _, m := range menus {
		refs.menuName[m.ID], refs.menuID[m.Name] = m.Name, m.ID
	}
	plans, err := data.ListPlans(ctx, q, true)
	if err != nil {
		return nil, err
	}
	for _, p := range plans {
		refs.planName[p.ID], refs.planID[p.Name] = p.Name, p.ID
	}
	return refs, nil
}

// listSep joins the menus of a coupon in one cell; a line break separates them too.
const listSep = "｜"

func splitList(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '｜' || r == '\n' }) {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// weekdays are how 出勤曜日 is written: 日月火水木金土 for the digits 0–6.
var weekdays = []rune("日月火水木金土")

func weekdayCell(digits string) string {
	var b strings.Builder
	for _, d := range digits {
		if d >= '0' && d <= '6' {
			b.WriteRune(weekdays[d-'0'])
		}
	}
	return b.String()
}

// workDays reads 出勤曜日 as 月火水木金, 月・火・水, or the digits 0–6, and returns the
// digits in weekday order; ok is false for anything else.
func workDays(s string) (string, bool) {
	var on [7]bool
	for _, c := range norm.NFKC.String(s) {
		switch {
		case c >= '0' && c <= '6':
			on[c-'0'] = true
		case strings.ContainsRune(string(weekdays), c):
			on[strings.IndexRune(string(weekdays), c)/len("日")] = true
		case strings.ContainsRune(" ・、,/曜", c):
		default:
			return "", false
		}
	}
	var b strings.Builder
	for d, ok := range on {
		if ok {
			b.WriteByte(byte('0' + d))
		}
	}
	return b.String(), true
}

package app

import (
	"context"
	"io"
	"strconv"
	"strings"
	"time"

	"salondesk/app/csvio"
	"salondesk/data"
)

// customerColumns are the columns a customer CSV may have: the export's Japanese (and
// English) headers first, then names other programs use.
var customerColumns = []csvio.Column{
	{Key: "number", Names: []string{"お客様番号", "Customer no.", "顧客番号", "会員番号"}},
	{Key: "name", Names: []string{"お客様名", "Customer name", "名前", "氏名", "顧客名"}},
	{Key: "kana", Names: []string{"お客様名（カナ）", "Customer name (kana)", "カナ", "フリガナ", "ふりがな", "氏名（カナ）", "お客様名カナ"}},
	{Key: "phone", Names: []string{"電話番号", "Phone", "電話", "TEL", "携帯電話番号"}},
	{Key: "email", Names: []string{"メールアドレス", "E-mail", "メール", "Email"}},
	{Key: "birthday", Names: []string{"生年月日", "Birthday", "誕生日"}},
	{Key: "sex", Names: []string{"性別", "Sex"}},
	{Key: "memo", Names: []string{"お客様メモ", "Customer memo", "メモ", "備考"}},
	{Key: "caution", Names: []string{"要注意", "Caution"}},
	{Key: "no_show", Names: []string{"無断キャンセル", "No-show"}},
	{Key: "first_visit", Names: []string{"初回来店日", "First visit"}},
	{Key: "last_visit", Names: []string{"最終来店日", "Last visit"}},
	{Key: "visit_count", Names: []string{"来店回数", "Visits"}},
	// Written by the export, read by nobody: an import is 登録元 CSV取込, registered now.
	{Key: "origin", Names: []string{"登録元", "Origin"}},
	{Key: "created_at", Names: []string{"登録日時", "Registered at"}},
}

// OriginImported is the origin of customers a CSV import created.
const OriginImported = "imported"

// ImportPreview is what a customer CSV would do, shown before anything is written.
type ImportPreview struct {
	Encoding csvio.Encoding
	Rows     int              // data rows in the file
	Good     int              // rows without errors
	New      int              // good rows that create a customer
	Updated  int              // good rows whose お客様番号 matches a customer
	Errors   []csvio.RowError // 行番号, column, why
	Ignored  []string         // header cells no column reads
	Sample   []data.Customer  // the first good rows as they would be stored
	rows     []importRow
	cols     csvio.Index
}

// importRow is one good row and the customer it reads as.
type importRow struct {
	line int
	c    data.Customer
}

// sampleRows is how many rows the preview shows.
const sampleRows = 10

// PreviewCustomerImport reads a customer CSV and checks every row against the rules and
// the database; it writes nothing.
func (a *App) PreviewCustomerImport(ctx context.Context, r io.Reader) (*ImportPreview, error) {
	sheet, err := csvio.Read(r)
	if err != nil {
		return nil, csvReadError(err)
	}
	idx, ignored := sheet.Map(customerColumns)
	if !idx.Has("kana") {
		return nil, userErr("customers.import.no_kana_column")
	}
	p := &ImportPreview{Encoding: sheet.Encoding, Rows: len(sheet.Records), Ignored: ignored, cols: idx}
	numbers, err := data.CustomerNumbers(ctx, a.store.Reader())
	if err != nil {
		return nil, err
	}
	seen := map[int64]int{}
	for _, rec := range sheet.Records {
		c, errs := readCustomerRow(sheet, idx, rec)
		if c.Number > 0 && len(errs) == 0 {
			if line, dup := seen[c.Number]; dup {
				errs = append(errs, rowErr(rec.Line, sheet, idx, "number", "customers.import.number_twice", "Line", line))
			} else if old, ok := numbers[c.Number]; ok && old.ErasedOn != "" {
				errs = append(errs, rowErr(rec.Line, sheet, idx, "number", "customers.import.number_deleted"))
			}
			seen[c.Number] = rec.Line
		}
		if len(errs) > 0 {
			p.Errors = append(p.Errors, errs...)
			continue
		}
		p.Good++
		if _, ok := numbers[c.Number]; ok {
			p.Updated++
		} else {
			p.New++
		}
		p.rows = append(p.rows, importRow{line: rec.Line, c: c})
		if len(p.Sample) < sampleRows {
			p.Sample = append(p.Sample, c)
		}
	}
	return p, nil
}

func csvReadError(err error) error {
	switch err {
	case csvio.ErrTooLarge:
		return userErr("customers.import.too_large")
	case csvio.ErrNoHeader:
		return userErr("customers.import.empty")
	}
	return userErr("customers.import.unreadable", "Error", err.Error())
}

// readCustomerRow reads and checks one row: kana made full-width katakana, phones and
// dates normalised. It returns every problem of the row, not only the first.
func readCustomerRow(sheet *csvio.Sheet, idx csvio.Index, rec csvio.Record) (data.Customer, []csvio.RowError) {
	var errs []csvio.RowError
	bad := func(col, key string, kv ...any) { errs = append(errs, rowErr(rec.Line, sheet, idx, col, key, kv...)) }
	get := func(col string) string { return idx.Get(rec, col) }
	c := data.Customer{Name: get("name"), Email: get("email"), Memo: get("memo"), Origin: OriginImported}
	if n := get("number"); n != "" {
		v, err := strconv.ParseInt(normalizeDigits(n), 10, 64)
		if err != nil || v <= 0 {
			bad("number", "customers.import.number_invalid")
		}
		c.Number = v
	}
	switch kana := get("kana"); {
	case kana == "":
		bad("kana", "error.kana_required")
	case !IsKana(kana):
		bad("kana", "error.kana_only")
	default:
		c.Kana = NormalizeKana(kana)
	}
	if c.Phone = normalizeDigits(get("phone")); !phoneRe.MatchString(c.Phone) {
		bad("phone", "error.phone_invalid")
	}
	if c.Email != "" && !emailRe.MatchString(c.Email) {
		bad("email", "error.email_invalid")
	}
	for _, d := range []struct {
		col string
		dst *string
	}{{"birthday", &c.Birthday}, {"first_visit", &c.FirstVisit}, {"last_visit", &c.LastVisit}} {
		v, ok := csvio.Day(get(d.col))
		if !ok {
			bad(d.col, "customers.import.date_invalid")
		}
		*d.dst = v
	}
	var ok bool
	if c.Sex, ok = sexCode(get("sex")); !ok {
		bad("sex", "customers.import.sex_invalid")
	}
	if c.Caution, ok = yesNo(get("caution")); !ok {
		bad("caution", "customers.import.yes_no")
	}
	if c.NoShow, ok = yesNo(get("no_show")); !ok {
		bad("no_show", "customers.import.yes_no")
	}
	if v := get("visit_count"); v != "" {
		n, err := strconv.Atoi(strings.TrimSuffix(normalizeDigits(v), "回"))
		if err != nil || n < 0 {
			bad("visit_count", "customers.import.count_invalid")
		}
		c.VisitCount = n
	}
	return c, errs
}

func rowErr(line int, sheet *csvio.Sheet, idx csvio.Index, col, key string, kv ...any) csvio.RowError {
	name := ""
	if i, ok := idx[col]; ok {
		name = sheet.Header[i]
	}
	return csvio.RowError{Line: line, Column: name, Message: userErr(key, kv...).Error()}
}

// sexCode reads 性別 as the export writes it (女性・男性・その他) or as a code.
func sexCode(s string) (string, bool) {
	switch strings.ToLower(s) {
	case "":
		return "", true
	case "女性", "女", "f", "female":
		return "female", true
	case "男性", "男", "m", "male":
		return "male", true
	case "その他", "other":
		return "other", true
	}
	return "", false
}

// yesNo reads a mark column: ○ (as the export writes it), 1, はい … or empty.
func yesNo(s string) (bool, bool) {
	switch strings.ToLower(s) {
	case "", "0", "×", "いいえ", "no", "false", "-":
		return false, true
	case "○", "〇", "◯", "●", "1", "はい", "yes", "true", "要注意", "有", "あり":
		return true, true
	}
	return false, false
}

// ImportResult is what an import wrote.
type ImportResult struct {
	New, Updated int
}

// CommitCustomerImport writes a previewed import in one transaction. With errors in the
// file it writes nothing, unless goodOnly: then the good rows are written. A row whose
// お客様番号 matches a customer updates that customer's profile; any other row creates
// a customer (with its number, or the next one) of origin "imported".
func (a *App) CommitCustomerImport(ctx context.Context, p *ImportPreview, goodOnly bool) (ImportResult, error) {
	var res ImportResult
	if len(p.Errors) > 0 && !goodOnly {
		return res, userErr("customers.import.has_errors", "Count", len(p.Errors))
	}
	now := a.now()
	err := a.Update(ctx, func(t *Tx) error {
		tx := t.q
		res = ImportResult{}
		numbers, err := data.CustomerNumbers(ctx, tx)
		if err != nil {
			return err
		}
		next, err := data.NextCustomerNumber(ctx, tx)
		if err != nil {
			return err
		}
		for _, row := range p.rows {
			if row.c.Number > 0 {
				if old, ok := numbers[row.c.Number]; ok {
					if old.ErasedOn != "" {
						return userErr("customers.import.number_deleted_at", "Line", row.line)
					}
					if err := updateFromImport(t, old, row.c, p.cols, now); err != nil {
						return err
					}
					res.Updated++
					continue
				}
			}
			c := row.c
			if c.Number == 0 {
				c.Number = next
			}
			if err := data.InsertCustomer(ctx, tx, &c, now); err != nil {
				return err
			}
			if err := t.CustomerChanging(CustomerChange{Kind: CustomerCreated, Customer: c}); err != nil {
				return err
			}
			numbers[c.Number] = c
			next = max(next, c.Number+1)
			res.New++
		}
		t.Publish(CustomersChanged{})
		return nil
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}

// updateFromImport writes the file's profile over a matching customer, column by column
// as the file has them (a file without メールアドレス leaves the e-mail as it is). The visit
// figures the salon counted itself stay, unless it has none.
func updateFromImport(t *Tx, old, in data.Customer, cols csvio.Index, now time.Time) error {
	c := old
	for _, f := range []struct {
		col      string
		dst, src *string
	}{{"name", &c.Name, &in.Name}, {"kana", &c.Kana, &in.Kana}, {"phone", &c.Phone, &in.Phone},
		{"email", &c.Email, &in.Email}, {"birthday", &c.Birthday, &in.Birthday}, {"sex", &c.Sex, &in.Sex},
		{"memo", &c.Memo, &in.Memo}} {
		if cols.Has(f.col) {
			*f.dst = *f.src
		}
	}
	if cols.Has("caution") {
		c.Caution = in.Caution
	}
	if cols.Has("no_show") {
		c.NoShow = in.NoShow
	}
	if c.VisitCount == 0 && c.FirstVisit == "" && c.LastVisit == "" {
		c.VisitCount, c.FirstVisit, c.LastVisit = in.VisitCount, in.FirstVisit, in.LastVisit
	}
	if c == old {
		return nil // the same file imported again: nothing changes, not even updated_at
	}
	if err := data.UpdateCustomer(t.ctx, t.q, &c, now); err != nil {
		return err
	}
	return t.CustomerChanging(CustomerChange{Kind: CustomerEdited, Customer: c, Before: &old})
}

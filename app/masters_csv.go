package app

import (
	"context"
	"io"
	"reflect"

	"fyne.io/fyne/v2/lang"

	"salondesk/app/csvio"
	"salondesk/data"
)

// Master CSV: each master list (staff, equipment, menu categories, menus, coupons, plans,
// products) is written and read back as one CSV file with Japanese headers, through the
// same reader and writer as the customer CSV. An import is previewed with its row errors
// first and then written whole, in one transaction, through the rules the master forms
// use (check*), or not at all: a master file is short, and a half-loaded menu list would
// leave coupons pointing at nothing.
//
// A row updates the master whose ID it names; a row without a known ID updates the
// master of exactly the same name; any other row adds one. So an exported file imported
// again changes nothing, and imported into an empty database gives the same masters
// (with new IDs).

// Master kinds the CSV import and export know.
const (
	MasterStaff      = "staff"
	MasterEquipment  = "equipment"
	MasterCategories = "categories"
	MasterMenus      = "menus"
	MasterCoupons    = "coupons"
	MasterPlans      = "plans"
	MasterProducts   = "products"
)

// MasterKinds is every kind in the order a salon loads them: a menu names its category,
// a coupon its menus, a product its plan.
var MasterKinds = []string{MasterStaff, MasterEquipment, MasterCategories, MasterMenus, MasterCoupons,
	MasterPlans, MasterProducts}

// MasterPreview is what a master CSV would do, shown before anything is written.
type MasterPreview struct {
	Kind      string
	Encoding  csvio.Encoding
	Rows      int              // data rows in the file
	Good      int              // rows without errors
	New       int              // good rows that add a master
	Updated   int              // good rows that change a master
	Unchanged int              // good rows equal to the master they match
	Errors    []csvio.RowError // 行番号, column, why
	Renames   []MasterRename   // good rows that give a master another name, to be seen before OK
	Ignored   []string         // header cells no column reads
	Header    []string         // the columns as the export writes them
	Sample    [][]string       // the first good rows as they would be stored, under Header
	sheet     *csvio.Sheet
}

// MasterRename is a row that renames the master whose ID it names: shown in the preview,
// because a file from another salon's database would rename masters that merely share an ID.
type MasterRename struct {
	Line     int
	ID       int64
	From, To string
}

// masterKind is one master list's CSV: implemented by masterSpec for each data type.
type masterKind interface {
	preview(ctx context.Context, q data.Querier, sheet *csvio.Sheet) (*MasterPreview, error)
	commit(t *Tx, sheet *csvio.Sheet) (ImportResult, error)
	export(ctx context.Context, q data.Querier) ([]csvCol, [][]string, error)
}

func masterKindOf(kind string) (masterKind, error) {
	if k, ok := masterKinds[kind]; ok {
		return k, nil
	}
	return nil, userErr("mastercsv.error.unknown_kind", "Kind", kind)
}

// PreviewMasterImport reads a master CSV of the kind and checks every row against the
// master rules and the database; it writes nothing.
func (a *App) PreviewMasterImport(ctx context.Context, kind string, r io.Reader) (*MasterPreview, error) {
	k, err := masterKindOf(kind)
	if err != nil {
		return nil, err
	}
	sheet, err := csvio.Read(r)
	if err != nil {
		return nil, masterReadError(err)
	}
	p, err := k.preview(ctx, a.store.Reader(), sheet)
	if err != nil {
		return nil, err
	}
	p.Kind, p.Encoding, p.sheet = kind, sheet.Encoding, sheet
	return p, nil
}

// masterReadError is why a file is no CSV at all, in the masters' words.
func masterReadError(err error) error {
	switch err {
	case csvio.ErrTooLarge:
		return userErr("mastercsv.error.too_large")
	case csvio.ErrNoHeader:
		return userErr("mastercsv.error.empty")
	}
	return userErr("mastercsv.error.unreadable", "Error", err.Error())
}

// CommitMasterImport writes a previewed import in one transaction, or nothing when any
// row has an error. The rows are checked again inside the transaction (the masters may
// have changed since the preview). Saved plans and products reach the product hooks
// (Smaregi) as when saved on their screen.
func (a *App) CommitMasterImport(ctx context.Context, p *MasterPreview) (ImportResult, error) {
	if len(p.Errors) > 0 {
		return ImportResult{}, userErr("mastercsv.error.has_errors", "Count", len(p.Errors))
	}
	k, err := masterKindOf(p.Kind)
	if err != nil {
		return ImportResult{}, err
	}
	var res ImportResult
	err = a.Update(ctx, func(t *Tx) error {
		var err error
		res, err = k.commit(t, p.sheet)
		if err == nil && res.New+res.Updated > 0 {
			t.Publish(MastersChanged{})
		}
		return err
	})
	if err != nil {
		return ImportResult{}, translateDBError(err)
	}
	return res, nil
}

// csvCol is one column of a master CSV.
type csvCol struct {
	key  string   // the column's key, and its field name in JSON
	tr   string   // its header's translation key mastercsv.col.<tr>; "" = key
	ja   string   // the header the export writes
	en   string   // the English header, accepted too
	alt  []string // other names accepted on import
	json jsonKind // how JSON writes the value
}

type jsonKind int

const (
	jsonText jsonKind = iota
	jsonNumber
	jsonMark // ○ / × as true / false
	jsonList // names joined by ｜ as an array
)

func (c csvCol) header() string {
	tr := c.tr
	if tr == "" {
		tr = c.key
	}
	return lang.X("mastercsv.col."+tr, c.ja)
}

func csvColumns(cols []csvCol) []csvio.Column {
	out := make([]csvio.Column, len(cols))
	for i, c := range cols {
		out[i] = csvio.Column{Key: c.key, Names: append([]string{c.ja, c.en, c.header()}, c.alt...)}
	}
	return out
}

func csvHeader(cols []csvCol) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.header()
	}
	return out
}

// masterSpec is one master list's CSV for data type T: its columns (id and name first),
// how a row is read over a master and written from one, and the form's rules and save.
type masterSpec[T any] struct {
	what  string // the kind's Japanese name for messages (スタッフ, メニュー …)
	cols  []csvCol
	blank func() T // a new master's defaults, kept for columns the file lacks
	list  func(ctx context.Context, q data.Querier) ([]T, error)
	ident func(*T) (*int64, *string)
	read  func(r *rowReader, x *T)              // the row's columns over x
	cells func(x *T, refs *masterRefs) []string // in cols order
	check func(*T) error                        // the form's rules (check*)
	save  func(t *Tx, x *T) error
}

// plannedRow is one good row: the master as it would be stored, and the one it changes.
type plannedRow[T any] struct {
	line int
	x    T
	old  *T
}

// plan reads every row of the sheet against the masters q holds.
func (s *masterSpec[T]) plan(ctx context.Context, q data.Querier, sheet *csvio.Sheet) (*MasterPreview, []plannedRow[T], error) {
	idx, ignored := sheet.Map(csvColumns(s.cols))
	if !idx.Has("name") {
		return nil, nil, userErr("mastercsv.error.no_name_column", "Column", s.cols[1].header(),
			"Columns", joinHeader(s.cols))
	}
	list, err := s.list(ctx, q)
	if err != nil {
		return nil, nil, err
	}
	refs, err := readRefs(ctx, q)
	if err != nil {
		return nil, nil, err
	}
	m := newMatcher(list, s.ident)
	p := &MasterPreview{Rows: len(sheet.Records), Ignored: ignored, Header: csvHeader(s.cols)}
	var rows []plannedRow[T]
	for _, rec := range sheet.Records {
		r := &rowReader{sheet: sheet, idx: idx, rec: rec, refs: refs}
		row, ok := s.planRow(r, m)
		if !ok {
			p.Errors = append(p.Errors, r.errs...)
			continue
		}
		p.Good++
		switch {
		case row.old == nil:
			p.New++
		case reflect.DeepEqual(*row.old, row.x):
			p.Unchanged++
		default:
			p.Updated++
			id, from := s.ident(row.old)
			if _, to := s.ident(&row.x); *from != *to {
				p.Renames = append(p.Renames, MasterRename{Line: row.line, ID: *id, From: *from, To: *to})
			}
		}
		rows = append(rows, row)
		if len(p.Sample) < sampleRows {
			p.Sample = append(p.Sample, s.cells(&row.x, refs))
		}
	}
	return p, rows, nil
}

// planRow reads one row: matched by ID, else by name; the file's columns over the
// master (or over a new one's defaults); then the form's rules and the file's own
// duplicates.
func (s *masterSpec[T]) planRow(r *rowReader, m *matcher[T]) (plannedRow[T], bool) {
	row := plannedRow[T]{line: r.rec.Line}
	id := r.id()
	name := r.text("name")
	row.old = m.find(id, name)
	row.x = s.blank()
	if row.old != nil {
		row.x = *row.old
	}
	xid, xname := s.ident(&row.x)
	*xname = name
	s.read(r, &row.x)
	if len(r.errs) > 0 {
		return row, false // the form's rules would only repeat a cell that did not read
	}
	if err := s.check(&row.x); err != nil {
		r.badErr(err)
		return row, false
	}
	if line, dup := m.seenName[*xname]; dup {
		r.bad("name", "mastercsv.error.name_twice", "Line", line)
	}
	m.seenName[*xname] = r.rec.Line
	if *xid != 0 {
		if line, dup := m.seenID[*xid]; dup {
			r.bad("id", "mastercsv.error.id_twice", "Line", line)
		}
		m.seenID[*xid] = r.rec.Line
	}
	if other, ok := m.byName[*xname]; ok && other != *xid {
		r.bad("name", "mastercsv.error.name_taken", "What", s.what, "ID", other)
	}
	return row, len(r.errs) == 0
}

func (s *masterSpec[T]) preview(ctx context.Context, q data.Querier, sheet *csvio.Sheet) (*MasterPreview, error) {
	p, _, err := s.plan(ctx, q, sheet)
	return p, err
}

// commit plans the sheet again inside the transaction and saves each new or changed row.
func (s *masterSpec[T]) commit(t *Tx, sheet *csvio.Sheet) (ImportResult, error) {
	p, rows, err := s.plan(t.ctx, t.q, sheet)
	if err != nil {
		return ImportResult{}, err
	}
	if len(p.Errors) > 0 {
		return ImportResult{}, userErr("mastercsv.error.has_errors", "Count", len(p.Errors))
	}
	var res ImportResult
	for i := range rows {
		row := &rows[i]
		if row.old != nil && reflect.DeepEqual(*row.old, row.x) {
			continue // the same file imported again writes nothing
		}
		if err := s.save(t, &row.x); err != nil {
			return ImportResult{}, lineErr(row.line, err)
		}
		if row.old == nil {
			res.New++
		} else {
			res.Updated++
		}
	}
	return res, nil
}

// lineErr names the line a save failed on (a name taken by a row saved just before).
func lineErr(line int, err error) error {
	if ErrorKey(translateDBError(err)) == "" {
		return err
	}
	return userErr("mastercsv.error.at_line", "Line", line, "Message", translateDBError(err).Error())
}

func (s *masterSpec[T]) export(ctx context.Context, q data.Querier) ([]csvCol, [][]string, error) {
	list, err := s.list(ctx, q)
	if err != nil {
		return nil, nil, err
	}
	refs, err := readRefs(ctx, q)
	if err != nil {
		return nil, nil, err
	}
	rows := make([][]string, len(list))
	for i := range list {
		rows[i] = s.cells(&list[i], refs)
	}
	return s.cols, rows, nil
}

// matcher finds the master a row updates, and remembers what the file already named.
type matcher[T any] struct {
	byID     map[int64]*T
	byName   map[string]int64
	seenName map[string]int
	seenID   map[int64]int
}

func newMatcher[T any](list []T, ident func(*T) (*int64, *string)) *matcher[T] {
	m := &matcher[T]{byID: map[int64]*T{}, byName: map[string]int64{}, seenName: map[string]int{},
		seenID: map[int64]int{}}
	for i := range list {
		id, name := ident(&list[i])
		m.byID[*id] = &list[i]
		m.byName[*name] = *id
	}
	return m
}

// find is the master of the ID, else of exactly the name; nil for a new one.
func (m *matcher[T]) find(id int64, name string) *T {
	if x, ok := m.byID[id]; ok {
		return x
	}
	if id, ok := m.byName[name]; ok {
		return m.byID[id]
	}
	return nil
}

func joinHeader(cols []csvCol) string {
	out := ""
	for i, c := range cols {
		if i > 0 {
			out += ", "
		}
		out += c.header()
	}
	return out
}

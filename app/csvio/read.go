package csvio

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// MaxBytes is the largest file Read accepts (about 200,000 rows of a customer list).
const MaxBytes = 64 << 20

// ErrTooLarge is returned for a file over MaxBytes.
var ErrTooLarge = errors.New("csvio: file too large")

// ErrNoHeader is returned for a file without a header row.
var ErrNoHeader = errors.New("csvio: no header row")

// Record is one data row and the line of the file it starts on (the header is line 1;
// a quoted line break makes the next record start further down).
type Record struct {
	Line   int
	Fields []string
}

// Sheet is a whole CSV file: its encoding, header and records.
type Sheet struct {
	Encoding Encoding
	Header   []string
	Records  []Record
}

// Read reads a whole CSV file of at most MaxBytes. Rows may be shorter or longer than the
// header; blank lines are skipped; a stray quote inside a field is taken as text.
func Read(r io.Reader) (*Sheet, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxBytes {
		return nil, ErrTooLarge
	}
	text, enc, err := Decode(b)
	if err != nil {
		return nil, err
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = false
	s := &Sheet{Encoding: enc}
	for {
		fields, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		if s.Header == nil {
			s.Header = fields
			continue
		}
		if blank(fields) {
			continue // a line of only commas, as spreadsheets leave below the data
		}
		s.Records = append(s.Records, Record{Line: line, Fields: fields})
	}
	if s.Header == nil {
		return nil, ErrNoHeader
	}
	return s, nil
}

func blank(fields []string) bool {
	for _, f := range fields {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// Column is one column a reader knows: its key and the header names it accepts (compared
// after NFKC, so full- and half-width brackets and spaces do not matter).
type Column struct {
	Key   string
	Names []string
}

// Index maps column keys to positions in a sheet's header.
type Index map[string]int

// HeaderName normalises a header cell for comparison.
func HeaderName(s string) string {
	s = norm.NFKC.String(strings.TrimPrefix(s, "\uFEFF"))
	return strings.Join(strings.Fields(s), "")
}

// Map finds each column by its names in the header; it returns the index and the header
// cells no column claimed (to tell the person which columns are ignored).
func (s *Sheet) Map(cols []Column) (Index, []string) {
	byName := map[string]string{}
	for _, c := range cols {
		for _, n := range c.Names {
			byName[HeaderName(n)] = c.Key
		}
	}
	idx := Index{}
	var unknown []string
	for i, h := range s.Header {
		key, ok := byName[HeaderName(h)]
		if _, dup := idx[key]; !ok || dup {
			if strings.TrimSpace(h) != "" {
				unknown = append(unknown, h)
			}
			continue
		}
		idx[key] = i
	}
	return idx, unknown
}

// Has reports whether the header holds the column.
func (x Index) Has(key string) bool { _, ok := x[key]; return ok }

// Get is the record's value of a column, trimmed and with the quote a writer puts before
// a formula-like value removed; "" when the column or the cell is missing.
func (x Index) Get(r Record, key string) string {
	i, ok := x[key]
	if !ok || i >= len(r.Fields) {
		return ""
	}
	return Unescape(strings.TrimSpace(r.Fields[i]))
}

// RowError is what is wrong with one cell of one row.
type RowError struct {
	Line    int    // 行番号 in the file (the header is line 1)
	Column  string // the column's header name, "" for the whole row
	Message string // why, in the person's words
}

func (e RowError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("%d: %s", e.Line, e.Message)
	}
	return fmt.Sprintf("%d: %s: %s", e.Line, e.Column, e.Message)
}

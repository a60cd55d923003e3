package csvio

import (
	"encoding/csv"
	"io"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/transform"
)

// Writer writes CSV for spreadsheets: CRLF line ends, UTF-8 with a byte order mark or
// Windows-31J, and values that a spreadsheet would run as formulas quoted away.
type Writer struct {
	cw  *csv.Writer
	enc io.WriteCloser // the Shift_JIS transformer, nil for UTF-8
}

// NewWriter starts a CSV file in the given encoding (the UTF-8 byte order mark is written now).
func NewWriter(w io.Writer, enc Encoding) (*Writer, error) {
	out := &Writer{}
	if enc == ShiftJIS {
		out.enc = transform.NewWriter(w, encoding.ReplaceUnsupported(japanese.ShiftJIS.NewEncoder()))
		w = out.enc
	} else if _, err := w.Write(utf8BOM); err != nil {
		return nil, err
	}
	out.cw = csv.NewWriter(w)
	out.cw.UseCRLF = true // what Excel writes and expects
	return out, nil
}

// Write writes one row. In Shift_JIS, characters Windows-31J lacks become "?", after the
// ones it has under another code point (〜 −) are mapped to those.
func (w *Writer) Write(fields []string) error {
	row := make([]string, len(fields))
	for i, f := range fields {
		row[i] = Escape(f)
		if w.enc != nil {
			row[i] = toWindows31J.Replace(row[i])
		}
	}
	return w.cw.Write(row)
}

// Flush writes out everything buffered; call it once at the end.
func (w *Writer) Flush() error {
	w.cw.Flush()
	if err := w.cw.Error(); err != nil {
		return err
	}
	if w.enc != nil {
		return w.enc.Close()
	}
	return nil
}

// toWindows31J maps the JIS-style code points macOS and the web use to the ones Windows-31J
// encodes, so that 〜 and − survive a Shift_JIS export.
var toWindows31J = strings.NewReplacer("〜", "～", "−", "－", "‖", "∥", "—", "―", "¢", "￠", "£", "￡", "¬", "￢")

// Escape keeps a spreadsheet from running a value as a formula (a memo typed as "=…"):
// it puts a quote before it, which Unescape removes again.
func Escape(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// Unescape removes the quote Escape put before a formula-like value.
func Unescape(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		return s[1:]
	}
	return s
}

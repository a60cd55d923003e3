// Package csvio reads and writes the CSV files people exchange with spreadsheets: UTF-8
// with or without a byte order mark, or Shift_JIS as Excel writes it (Windows-31J/CP932,
// with ～ − ① and half-width kana), detected by itself; a header row whose names map
// columns; CRLF; quoted fields with commas and line breaks; errors that name the line
// and the column. It knows nothing of what the rows mean.
package csvio

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
)

// Encoding is a CSV file's character encoding.
type Encoding string

// The encodings read and written.
const (
	UTF8     Encoding = "utf8" // written with a byte order mark, so that Excel reads it as UTF-8
	ShiftJIS Encoding = "sjis" // Windows-31J (CP932), what Excel writes for 「CSV (コンマ区切り)」
)

// ParseEncoding reads a command-line or settings name of an encoding.
func ParseEncoding(s string) (Encoding, bool) {
	switch s {
	case "utf8", "utf-8", "UTF-8", "UTF8":
		return UTF8, true
	case "sjis", "shift_jis", "Shift_JIS", "SJIS", "cp932", "CP932", "windows-31j", "Windows-31J":
		return ShiftJIS, true
	}
	return "", false
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// Decode returns the file's text as UTF-8 and the encoding it was in: a byte order mark or
// valid UTF-8 means UTF-8 (pure ASCII is both and reads the same), anything else is read
// as Windows-31J, which decodes every byte sequence Excel writes.
func Decode(b []byte) (string, Encoding, error) {
	if rest, ok := bytes.CutPrefix(b, utf8BOM); ok {
		return string(rest), UTF8, nil
	}
	if utf8.Valid(b) {
		return string(b), UTF8, nil
	}
	out, err := japanese.ShiftJIS.NewDecoder().Bytes(b)
	if err != nil {
		return "", ShiftJIS, err
	}
	return string(out), ShiftJIS, nil
}

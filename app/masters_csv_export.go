package app

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strconv"

	"golang.org/x/text/encoding/japanese"

	"salondesk/app/csvio"
)

// ExportMasters writes every master of the kind, inactive ones too, in display order: a
// CSV (format "csv", UTF-8 with a byte order mark or Shift_JIS) whose header is what the
// import reads back, or JSON ("json") with the same fields under the columns' keys.
func (a *App) ExportMasters(ctx context.Context, kind, format string, enc csvio.Encoding, w io.Writer) error {
	if format != "csv" && format != "json" {
		return userErr("export.error.format", "Format", format)
	}
	k, err := masterKindOf(kind)
	if err != nil {
		return err
	}
	cols, rows, err := k.export(ctx, a.store.Reader())
	if err != nil {
		return err
	}
	if format == "json" {
		return writeMastersJSON(w, cols, rows)
	}
	if enc == csvio.ShiftJIS {
		if err := checkShiftJIS(rows); err != nil {
			return err
		}
	}
	bw := bufio.NewWriter(w)
	cw, err := csvio.NewWriter(bw, enc)
	if err != nil {
		return err
	}
	if err := cw.Write(csvHeader(cols)); err != nil {
		return err
	}
	for _, row := range rows {
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	if err := cw.Flush(); err != nil {
		return err
	}
	return bw.Flush()
}

// checkShiftJIS refuses a Shift_JIS export that would not read back the same: a coupon
// name must match SALON BOARD's to the character, and Shift_JIS lacks ¥ and writes 〜 as
// ～. The person is told the row and the character, and to choose UTF-8.
func checkShiftJIS(rows [][]string) error {
	enc, dec := japanese.ShiftJIS.NewEncoder(), japanese.ShiftJIS.NewDecoder()
	for i, row := range rows {
		for _, cell := range row {
			b, err := enc.String(cell)
			if back, _ := dec.String(b); err == nil && back == cell {
				continue
			}
			for _, r := range cell {
				b, err := enc.String(string(r))
				if back, _ := dec.String(b); err != nil || back != string(r) {
					return userErr("mastercsv.error.sjis_lossy", "Line", i+2, "Text", cell, "Char", string(r))
				}
			}
		}
	}
	return nil
}

// writeMastersJSON writes the rows as an array of objects, fields in column order.
func writeMastersJSON(w io.Writer, cols []csvCol, rows [][]string) error {
	var b bytes.Buffer
	b.WriteString("[")
	for i, row := range rows {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  {")
		for j, c := range cols {
			if j > 0 {
				b.WriteString(", ")
			}
			k, _ := json.Marshal(c.key)
			v, err := json.Marshal(jsonValue(c.json, row[j]))
			if err != nil {
				return err
			}
			b.Write(k)
			b.WriteString(": ")
			b.Write(v)
		}
		b.WriteString("}")
	}
	b.WriteString("\n]\n")
	_, err := w.Write(b.Bytes())
	return err
}

func jsonValue(kind jsonKind, cell string) any {
	switch kind {
	case jsonNumber:
		if n, err := strconv.ParseInt(cell, 10, 64); err == nil {
			return n
		}
	case jsonMark:
		return cell == "○"
	case jsonList:
		return append([]string{}, splitList(cell)...)
	}
	return cell
}

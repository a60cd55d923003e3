// Package export writes reservations and customers as JSON (for programs: English keys,
// codes as stored) or as CSV (for people: UTF-8 with a byte order mark so that Excel
// reads it, a header row and values in the UI's language).
package export

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strings"

	"fyne.io/fyne/v2/lang"

	"salondesk/app"
)

// Formats Reservations and Customers write.
const (
	FormatJSON = "json"
	FormatCSV  = "csv"
)

// Formats lists the formats, for a chooser.
var Formats = []string{FormatCSV, FormatJSON}

// checkFormat refuses a format this package does not write, before anything is read.
func checkFormat(format string) error {
	switch format {
	case FormatJSON, FormatCSV:
		return nil
	}
	return &app.UserError{Key: "export.error.format", Args: map[string]any{"Format": format}}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// bom makes Excel read the file as UTF-8 instead of Shift_JIS.
const bom = "\uFEFF"

func writeCSV(w io.Writer, header []string, rows [][]string) error {
	if _, err := io.WriteString(w, bom); err != nil {
		return err
	}
	return writeCSVWithout(w, header, rows)
}

// writeCSVWithout writes the CSV without the BOM (for Shift_JIS, which has none).
func writeCSVWithout(w io.Writer, header []string, rows [][]string) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // what Excel writes and expects
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, row := range rows {
		for i := range row {
			row[i] = cell(row[i])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// cell keeps a spreadsheet from running text as a formula (a memo typed as "=…").
func cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// mark is how a yes shows in a CSV cell.
func mark(b bool) string {
	if b {
		return lang.X("export.yes", "○")
	}
	return ""
}

// label translates a stored code (route, status, …) for the CSV: key prefix+code, with
// the Japanese text from names as the fallback; unknown codes stay as they are.
func label(prefix string, names map[string]string, code string) string {
	ja, ok := names[code]
	if !ok {
		return code
	}
	return lang.X(prefix+code, ja)
}

package masters

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/unicode/norm"

	"salondesk/app"
)

// fieldError names the field a bad value was typed in. It unwraps to the app's
// UserError, so app.ErrorKey still reports "error.number_invalid".
type fieldError struct {
	field string
	err   error
}

func (e *fieldError) Error() string {
	return lang.X("masters.field_error", "{{.Field}}：{{.Message}}",
		map[string]any{"Field": e.field, "Message": e.err.Error()})
}

func (e *fieldError) Unwrap() error { return e.err }

// parseNumber reads a whole number as staff type it: an IME may give full-width digits
// (１０００) and prices are often typed with commas (5,000). Empty is 0.
func parseNumber(text string) (int, error) {
	t := strings.ReplaceAll(norm.NFKC.String(strings.TrimSpace(text)), ",", "")
	if t == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(t)
	if err != nil {
		return 0, &app.UserError{Key: "error.number_invalid"}
	}
	return n, nil
}

// numbers reads several number fields and keeps the first error, so a form's read
// function stays a plain list of fields.
type numbers struct{ err error }

func (r *numbers) read(field string, e *widget.Entry) int {
	if r.err != nil {
		return 0
	}
	n, err := parseNumber(e.Text)
	if err != nil {
		r.err = &fieldError{field: field, err: err}
	}
	return n
}

// clockText turns a typed time (full-width digits or colon from an IME) into HH:MM
// text; the app checks the value itself.
func clockText(s string) string {
	t := norm.NFKC.String(strings.TrimSpace(s))
	if len(t) == 4 && t[1] == ':' { // 9:30 → 09:30
		t = "0" + t
	}
	return t
}

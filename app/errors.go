package app

import (
	"errors"

	"fyne.io/fyne/v2/lang"
)

// UserError is bad input or a refused action, explained to the salon's staff.
// Key is a translation key (assets/translations); Args fill its template.
type UserError struct {
	Key  string
	Args map[string]any
}

func (e *UserError) Error() string {
	if e.Args == nil {
		return lang.X(e.Key, e.Key)
	}
	return lang.X(e.Key, e.Key, e.Args)
}

func userErr(key string, kv ...any) error {
	e := &UserError{Key: key}
	if len(kv) > 0 {
		e.Args = map[string]any{}
		for i := 0; i+1 < len(kv); i += 2 {
			e.Args[kv[i].(string)] = kv[i+1]
		}
	}
	return e
}

// ErrorKey is the translation key of a UserError, "" for any other error.
func ErrorKey(err error) string {
	var ue *UserError
	if errors.As(err, &ue) {
		return ue.Key
	}
	return ""
}

package mail

import "fmt"

// ErrNotSalonBoard is returned for a mail from anyone but SALON BOARD's sender.
// Such a mail must never be applied, whatever it says.
type ErrNotSalonBoard struct {
	From string // the address found, lower case; "" when there was none
}

func (e ErrNotSalonBoard) Error() string {
	if e.From == "" {
		return "mail: no sender address; not from SALON BOARD"
	}
	return fmt.Sprintf("mail: sender %q is not SALON BOARD", e.From)
}

// ErrMissingField is returned when a mandatory field (予約番号, or 来店日時 for a new or
// changed reservation) is absent from the body.
type ErrMissingField struct {
	Field string // the label as SALON BOARD writes it, e.g. 予約番号
}

func (e ErrMissingField) Error() string {
	return fmt.Sprintf("mail: field %s is missing", e.Field)
}

// ErrInvalidField is returned when a mandatory field is present but cannot be read.
type ErrInvalidField struct {
	Field string
	Value string
}

func (e ErrInvalidField) Error() string {
	return fmt.Sprintf("mail: field %s cannot be read: %q", e.Field, e.Value)
}

// ErrMalformed is returned for input that is not a readable message at all.
type ErrMalformed struct {
	Reason string
	Err    error
}

func (e ErrMalformed) Error() string {
	if e.Err != nil {
		return "mail: malformed message: " + e.Reason + ": " + e.Err.Error()
	}
	return "mail: malformed message: " + e.Reason
}

func (e ErrMalformed) Unwrap() error { return e.Err }

package smaregi

import (
	"fmt"
	"strings"
)

// Rules a field can break, as FieldError.Rule.
const (
	RuleRequired = "required" // empty
	RuleTooLong  = "too_long" // more than Limit characters
	RuleASCII    = "ascii"    // not printable half-width ASCII
	RuleDigits   = "digits"   // not half-width digits
	RuleKana     = "kana"     // not katakana after conversion
	RuleChoice   = "choice"   // not one of the allowed values
	RuleDate     = "date"     // not a real YYYY-MM-DD date
)

// FieldError is a value Smaregi would refuse, found before sending. Field is the
// Smaregi column (customerCode, lastKana…), Label its name on Smaregi's screens.
type FieldError struct {
	Field string
	Label string
	Rule  string
	Limit int // for RuleTooLong
}

func (e FieldError) Error() string {
	return fmt.Sprintf("smaregi: %s: %s", e.Field, e.Rule)
}

// Key is the translation key of Message, for lang.X(e.Key(), e.Message()) with
// template data {Label, Limit}.
func (e FieldError) Key() string { return "smaregi.field." + e.Rule }

// Message says in Japanese which field and why, to show the person who can fix it.
func (e FieldError) Message() string {
	switch e.Rule {
	case RuleRequired:
		return fmt.Sprintf("「%s」が入力されていません。", e.Label)
	case RuleTooLong:
		return fmt.Sprintf("「%s」は%d文字以内にしてください。", e.Label, e.Limit)
	case RuleASCII:
		return fmt.Sprintf("「%s」は半角英数字・記号で入力してください。", e.Label)
	case RuleDigits:
		return fmt.Sprintf("「%s」は半角数字で入力してください。", e.Label)
	case RuleKana:
		return fmt.Sprintf("「%s」はカタカナで入力してください。", e.Label)
	case RuleDate:
		return fmt.Sprintf("「%s」は正しい日付（例: 1990-04-01）で入力してください。", e.Label)
	default:
		return fmt.Sprintf("「%s」の値が正しくありません。", e.Label)
	}
}

// RefusedRow is one row that was not sent, by its key (customerId or productId).
type RefusedRow struct {
	ID     string
	Fields []FieldError
}

// Message lists the row's refused fields in Japanese, one sentence each.
func (r RefusedRow) Message() string {
	parts := make([]string, len(r.Fields))
	for i, f := range r.Fields {
		parts[i] = f.Message()
	}
	return strings.Join(parts, "")
}

// RefusedError lists the rows an upsert did not send because our copy of Smaregi's
// rules refuses them. It is KindData: the data must change before it can go.
type RefusedError struct {
	Table string // "Customer" or "Product"
	Rows  []RefusedRow
}

func (e *RefusedError) Error() string {
	ids := make([]string, 0, len(e.Rows))
	for _, r := range e.Rows {
		ids = append(ids, r.ID)
	}
	return fmt.Sprintf("smaregi: %d %s rows not sent (Smaregi would refuse them): %s",
		len(e.Rows), e.Table, strings.Join(ids, ", "))
}

// Kind is KindData.
func (e *RefusedError) Kind() Kind { return KindData }

// Permanent is true: sending the same row again cannot succeed.
func (e *RefusedError) Permanent() bool { return true }

// orNil keeps an empty RefusedError from becoming a non-nil error.
func (e *RefusedError) orNil() error {
	if e == nil || len(e.Rows) == 0 {
		return nil
	}
	return e
}

// fieldCheck gathers the FieldErrors of one row.
type fieldCheck struct{ errs []FieldError }

func (c *fieldCheck) fail(field, label, rule string, limit int) {
	c.errs = append(c.errs, FieldError{Field: field, Label: label, Rule: rule, Limit: limit})
}

// text checks a free text: required when req, at most max runes.
func (c *fieldCheck) text(v, field, label string, req bool, max int) {
	switch {
	case v == "" && req:
		c.fail(field, label, RuleRequired, 0)
	case max > 0 && len([]rune(v)) > max:
		c.fail(field, label, RuleTooLong, max)
	}
}

// ascii checks printable half-width ASCII of at most max characters.
func (c *fieldCheck) ascii(v, field, label string, req bool, max int) {
	c.text(v, field, label, req, max)
	if strings.IndexFunc(v, func(r rune) bool { return r < 0x20 || r > 0x7e }) >= 0 {
		c.fail(field, label, RuleASCII, 0)
	}
}

// digits checks half-width digits only, at most max of them.
func (c *fieldCheck) digits(v, field, label string, req bool, max int) {
	c.text(v, field, label, req, max)
	if strings.IndexFunc(v, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		c.fail(field, label, RuleDigits, 0)
	}
}

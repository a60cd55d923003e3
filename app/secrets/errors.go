package secrets

import (
	"errors"

	"fyne.io/fyne/v2/lang"
)

// Kind says what went wrong with the keychain.
type Kind int

// Kinds of Error.
const (
	KindUnavailable Kind = iota // no keychain, locked, or it did not answer
	KindTooBig                  // the value is too long for this keychain
	KindUnknownKey              // not one of Keys
)

// ErrUnavailable matches (errors.Is) every Error of KindUnavailable.
var ErrUnavailable = errors.New("keychain unavailable")

// Error is a keychain failure explained to the salon's staff; Err is the cause for the
// log (it never holds the secret itself: go-keyring's errors name no values).
type Error struct {
	Kind Kind
	Key  string
	Op   string
	Err  error
}

func (e *Error) Error() string {
	switch e.Kind {
	case KindTooBig:
		return lang.X("settings.keychain.too_big", "値が長すぎてキーチェーンに保存できません。")
	case KindUnknownKey:
		return lang.X("settings.keychain.unknown_key", "{{.Key}} はパスワード・トークンの項目ではありません。", map[string]any{"Key": e.Key})
	}
	return lang.X("settings.keychain.unavailable",
		"OSのキーチェーン（パスワードの保管場所）を利用できません。パスワードとトークンは保存も読み出しもできないため、SALON BOARDとスマレジとの同期は止まります。予約の入力などはこのまま続けられます。")
}

// Unwrap exposes the cause.
func (e *Error) Unwrap() error { return e.Err }

// Is makes errors.Is(err, ErrUnavailable) true for an unavailable keychain.
func (e *Error) Is(target error) bool { return target == ErrUnavailable && e.Kind == KindUnavailable }

// Detail is the cause in English, for the log and `salondesk doctor`.
func (e *Error) Detail() string {
	if e.Err == nil {
		return ""
	}
	return e.Op + " " + e.Key + ": " + e.Err.Error()
}

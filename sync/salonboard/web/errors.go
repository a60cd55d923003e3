package web

import (
	"context"
	"errors"
	"fmt"
	"net"
)

// The errors below are what callers branch on. Each one says whether
// repeating the same call later can help (IsTransient); none of them ever
// carries the password or a form body.

// ErrPageChanged says a page could not be understood: the site changed its
// markup (or served something unexpected). It is permanent: retrying the
// same parser on the same page gives the same answer. Page names the page
// ("reserveList", "schedule", …) so that the notification can say which.
type ErrPageChanged struct {
	Page   string
	Reason string
}

func (e *ErrPageChanged) Error() string {
	if e.Reason == "" {
		return fmt.Sprintf("salonboard: page %s could not be understood", e.Page)
	}
	return fmt.Sprintf("salonboard: page %s could not be understood: %s", e.Page, e.Reason)
}

func pageChanged(page, format string, args ...any) error {
	return &ErrPageChanged{Page: page, Reason: fmt.Sprintf(format, args...)}
}

// ErrSessionExpired says a page showed that the session is gone (a KPCL
// code, 有効期限が切れ, 再度ログイン, the login form, or no 予約管理
// navigation). The client logs in again once; when the retry shows it again
// the error reaches the caller and is transient.
type ErrSessionExpired struct {
	Page string
	Code string // e.g. KPCL011V01, empty when only wording or a missing nav showed it
	// Explicit is true when the page said so (code, wording or login form),
	// false when the 予約管理 navigation was merely missing.
	Explicit bool
}

func (e *ErrSessionExpired) Error() string {
	switch {
	case e.Code != "":
		return fmt.Sprintf("salonboard: session expired on %s (%s)", e.Page, e.Code)
	case e.Explicit:
		return fmt.Sprintf("salonboard: session expired on %s", e.Page)
	default:
		return fmt.Sprintf("salonboard: no logged-in navigation on %s", e.Page)
	}
}

// ErrStale is KPCL017V01 (情報が一部失われています): the page's lock stamp or
// form token went stale. Reloading and trying again helps.
type ErrStale struct{ Page string }

func (e *ErrStale) Error() string {
	return fmt.Sprintf("salonboard: stale page on %s (%s)", e.Page, CodeStale)
}

// ErrSiteError is SALON BOARD's own error page, known by its title
// (TitleError, TitleSystemError), that carries no code the client knows.
// It is transient: the same request later may pass. After a write's post
// the write may or may not be saved: the client reads it back.
type ErrSiteError struct {
	Page    string
	System  bool   // システムエラー
	Message string // the page's first lines, for the log
}

func (e *ErrSiteError) Error() string {
	kind := "an error page"
	if e.System {
		kind = "a system error page"
	}
	if e.Message == "" {
		return fmt.Sprintf("salonboard: %s answered %s", e.Page, kind)
	}
	return fmt.Sprintf("salonboard: %s answered %s: %s", e.Page, kind, e.Message)
}

// Titles of SALON BOARD's error pages (spec §2; a full-width space in the
// second).
const (
	TitleError       = "SALON BOARD : エラー"
	TitleSystemError = "SALON BOARD\u3000システムエラー"
)

// CodeStale is the error code of a stale lock stamp.
const CodeStale = "KPCL017V01"

// HTTPError is an unexpected HTTP status. 5xx, 408 and 429 are transient.
type HTTPError struct {
	Page   string
	Status int
}

func (e *HTTPError) Error() string {
	return fmt.Sprintf("salonboard: %s answered HTTP %d", e.Page, e.Status)
}

// NetError is a request that got no answer (timeout, refused connection…).
type NetError struct {
	Page string
	Err  error
}

func (e *NetError) Error() string { return fmt.Sprintf("salonboard: %s: %v", e.Page, e.Err) }
func (e *NetError) Unwrap() error { return e.Err }

// Permanent errors of the login. They stop the web side until a person acts:
// no retry loop may follow them.
var (
	// ErrBadCredentials: the login form came back after posting the ID and
	// password.
	ErrBadCredentials = errors.New("salonboard: login refused (SALON BOARD ID or password)")
	// ErrCaptcha: an image check or CAPTCHA was served. Back off for a long
	// time; repeated attempts make it worse.
	ErrCaptcha = errors.New("salonboard: an image check (CAPTCHA) was shown at login")
	// ErrPasswordChange: SALON BOARD demands a new password.
	ErrPasswordChange = errors.New("salonboard: SALON BOARD asks for a password change")
	// ErrStoreNotFound: a group account lists no store with the configured
	// H… id.
	ErrStoreNotFound = errors.New("salonboard: the configured store id is not in the group account")
	// ErrNotFound: a reservation number that the list does not show.
	ErrNotFound = errors.New("salonboard: reservation not found")
)

// IsTransient reports whether trying the same call again later can succeed:
// timeouts and connection failures, 5xx, a session that stayed expired after
// the one re-login, and a stale page. Everything else (bad credentials,
// CAPTCHA, password change, a page that changed, unknown reservation) is
// permanent.
func IsTransient(err error) bool {
	if err == nil {
		return false
	}
	// A *WriteError (Register, Change, Cancel, FindReservations) decides
	// for itself.
	var says interface{ Permanent() bool }
	if errors.As(err, &says) {
		return !says.Permanent()
	}
	var (
		pc  *ErrPageChanged
		se  *ErrSessionExpired
		sx  *ErrSiteError
		st  *ErrStale
		he  *HTTPError
		ne  *NetError
		nto net.Error
	)
	switch {
	case errors.As(err, &pc),
		errors.Is(err, ErrBadCredentials), errors.Is(err, ErrCaptcha),
		errors.Is(err, ErrPasswordChange), errors.Is(err, ErrStoreNotFound),
		errors.Is(err, ErrNotFound), errors.Is(err, context.Canceled):
		return false
	case errors.As(err, &se), errors.As(err, &st), errors.As(err, &ne), errors.As(err, &sx),
		errors.Is(err, context.DeadlineExceeded):
		return true
	case errors.As(err, &he):
		return he.Status >= 500 || he.Status == 408 || he.Status == 429
	case errors.As(err, &nto):
		return true
	}
	return false
}

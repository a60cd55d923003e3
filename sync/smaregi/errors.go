package smaregi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
)

// Kind says what a failed call needs before it can succeed.
type Kind int

const (
	// KindTransient: the network, a timeout, a 5xx or 429. Trying again later helps.
	KindTransient Kind = iota
	// KindConfig: the settings are wrong or the function is off in Smaregi's 機能設定
	// (13, 14, 21, 22, 23, 24, a bad URL). Nothing helps until a person acts, so no
	// retries.
	KindConfig
	// KindData: Smaregi refused this request's content (11, 15, 31, 32, 41, 42, 43, or a
	// field our rules refuse before sending). Retrying the same data gives the same
	// answer.
	KindData
)

func (k Kind) String() string {
	switch k {
	case KindConfig:
		return "config"
	case KindData:
		return "data"
	default:
		return "transient"
	}
}

// Error codes of the legacy API (spec §1, Errors).
const (
	CodeInvalidRequest   = 11
	CodeInvalidToken     = 13
	CodeInvalidContract  = 14
	CodeInvalidProcName  = 15
	CodeAuthFailed       = 21
	CodeAccountLocked    = 22
	CodeFunctionDisabled = 23
	CodeIPNotAllowed     = 24
	CodeInvalidTable     = 31
	CodeInvalidDivision  = 32
	CodeInvalidInput     = 41
	CodeAlreadyExists    = 42
	CodeExtractionFailed = 43
)

// Error is a failed call. Code and Message are Smaregi's error_code and its Japanese
// `error` text (show Message to the user as it is); both are empty when the failure
// came before an answer (Err then says why) or the answer had no error body.
type Error struct {
	Proc        string // proc_name of the call, e.g. "customer_upd"
	Status      int    // HTTP status, 0 when no answer came
	Code        int    // error_code, 0 when none
	Message     string // Smaregi's Japanese `error`, for the user
	Description string // error_description, for the log
	Err         error  // the cause when no answer came (network, timeout, bad URL)
	kind        Kind
}

func (e *Error) Error() string {
	switch {
	case e.Code != 0:
		return fmt.Sprintf("smaregi: %s: error %d: %s", e.Proc, e.Code, e.Message)
	case e.Err != nil:
		return fmt.Sprintf("smaregi: %s: %v", e.Proc, e.Err)
	default:
		return fmt.Sprintf("smaregi: %s: HTTP %d", e.Proc, e.Status)
	}
}

func (e *Error) Unwrap() error { return e.Err }

// Kind says whether to retry (transient), ask a person to fix the settings (config) or
// report the data (data).
func (e *Error) Kind() Kind { return e.kind }

// Permanent reports whether retrying cannot help; sync/outbox reads it.
func (e *Error) Permanent() bool { return e.kind != KindTransient }

// Offline reports that Smaregi could not be reached at all (no answer); sync/outbox
// reads it to pause instead of counting failures. A call the caller cancelled is not
// offline.
func (e *Error) Offline() bool {
	return e.Status == 0 && e.kind == KindTransient && !errors.Is(e.Err, context.Canceled)
}

// KindOf is the Kind of err: an *Error's or *RefusedError's own, KindTransient for
// anything else (a context cancelled by the caller included).
func KindOf(err error) Kind {
	var says interface{ Kind() Kind }
	if errors.As(err, &says) {
		return says.Kind()
	}
	return KindTransient
}

// codeKind classifies an error_code. An unknown code is data: the request was
// understood and refused, and sending it again the same way will not help.
func codeKind(code int) Kind {
	switch code {
	case CodeInvalidToken, CodeInvalidContract, CodeAuthFailed, CodeAccountLocked,
		CodeFunctionDisabled, CodeIPNotAllowed:
		return KindConfig
	default:
		return KindData
	}
}

// statusKind classifies an HTTP status that came without an error_code.
func statusKind(status int) Kind {
	switch {
	case status >= 500, status == http.StatusTooManyRequests, status == http.StatusRequestTimeout:
		return KindTransient
	case status == http.StatusNotFound, status == http.StatusUnauthorized,
		status == http.StatusForbidden, status == http.StatusMethodNotAllowed:
		// The URL or the credentials point nowhere: a 404 with no body is a wrong URL.
		return KindConfig
	default:
		return KindData
	}
}

// apiError is the error of an answer with an error body (or none).
func apiError(proc string, status int, body errorBody) *Error {
	e := &Error{Proc: proc, Status: status, Code: body.Code, Message: body.Message, Description: body.Description}
	if body.Code != 0 {
		e.kind = codeKind(body.Code)
	} else {
		e.kind = statusKind(status)
	}
	return e
}

// netError is a call that got no answer (refused, reset, timed out, host unknown).
// It is transient: the salon's network or Smaregi may be down for a while. A context
// cancelled by the caller stays reachable with errors.Is.
func netError(proc string, err error) *Error {
	return &Error{Proc: proc, Err: err, kind: KindTransient}
}

// configError is a setting we can tell is wrong before sending anything.
func configError(proc string, err error) *Error {
	return &Error{Proc: proc, Err: err, kind: KindConfig}
}

// dataError is content we cannot send or could not read.
func dataError(proc string, err error) *Error {
	return &Error{Proc: proc, Err: err, kind: KindData}
}

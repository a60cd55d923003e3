package web

import (
	"context"
	"errors"
	"fmt"
	"net"
	"syscall"
)

// Errors of the write flows (Register, Change, Cancel) and of
// FindReservations. Every error these return is a *WriteError: it says
// whether repeating can help (Permanent, read by the outbox runner), why it
// failed in the words the salon sees (Reason), and whether SALON BOARD
// could not be reached at all (Offline).

// Reasons. The app shows ReasonCapacity as 予約受付可能数を超えています and
// every other reason as 例外またはタイムアウトが発生しました (spec §3).
const (
	ReasonCapacity  = "capacity"  // staff capacity exceeded or the staff's schedule overlaps
	ReasonTimeout   = "timeout"   // no answer, an unexpected page, a write that did not stick
	ReasonInput     = "input"     // the reservation breaks an input rule the client cannot repair
	ReasonAmbiguous = "ambiguous" // more than one reservation fits: a person must look
)

var (
	// ErrOffGrid: the start is not on SALON BOARD's 15-minute grid. Permanent:
	// the app decides what to do (move the start, or have staff register it).
	ErrOffGrid = errors.New("salonboard: the start time is not on SALON BOARD's 15-minute grid (:00, :15, :30, :45)")
	// ErrCapacity: スタッフの受付可能数を超えて… or 入力された振り分け日時にスタッフの予定が
	// 入っています. Permanent.
	ErrCapacity = errors.New("salonboard: 予約受付可能数を超えています")
	// ErrNotSaved: SALON BOARD answered, but the write is not there when read
	// back (まだ登録されていません, a silent discard, no match). Transient: look
	// for it (FindReservations) before trying again.
	ErrNotSaved = errors.New("salonboard: SALON BOARD did not keep the write (not found when read back)")
	// ErrNotRegistered is ErrNotSaved, under the name the registration uses.
	ErrNotRegistered = ErrNotSaved
	// ErrAmbiguous: more than one reservation fits the read-back. Permanent: a
	// person must look; registering again could double it.
	ErrAmbiguous = errors.New("salonboard: more than one reservation fits (same start, staff and kana)")
	// ErrInput: the reservation breaks an input rule the sanitiser cannot
	// repair (no kana, no staff, an unknown route or equipment, too long).
	ErrInput = errors.New("salonboard: the reservation breaks SALON BOARD's input rules")
)

// WriteError is the failure of a write or a duplicate check.
type WriteError struct {
	Op     string // register, change, cancel, find
	Why    string // Reason*
	Fatal  bool   // permanent: repeating the same call cannot help
	Detail string // what the page said, or what was wrong; never a phone number or password
	Err    error
}

func (e *WriteError) Error() string {
	s := fmt.Sprintf("salonboard: %s failed (%s)", e.Op, e.Why)
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *WriteError) Unwrap() error { return e.Err }

// Reason is ReasonCapacity, ReasonTimeout, ReasonInput or ReasonAmbiguous.
func (e *WriteError) Reason() string { return e.Why }

// Permanent reports that repeating the call cannot help (the outbox fails
// the job at once).
func (e *WriteError) Permanent() bool { return e.Fatal }

// Offline reports that SALON BOARD could not be reached at all: nothing was
// sent, so nothing can have been saved.
func (e *WriteError) Offline() bool { return unreachable(e.Err) }

func inputError(op, format string, args ...any) error {
	return &WriteError{Op: op, Why: ReasonInput, Fatal: true, Detail: fmt.Sprintf(format, args...), Err: ErrInput}
}

// classify turns any error of a write flow into a *WriteError: capacity and
// input rules are permanent, everything else (timeouts, expired sessions
// after the one re-login, stale pages after the retries, unknown pages,
// login trouble) is transient with ReasonTimeout. Login trouble stays
// findable with errors.Is (ErrCaptcha, ErrBadCredentials, …); the client
// itself refuses to log in again until a person acts.
func classify(op string, err error) error {
	if err == nil {
		return nil
	}
	var we *WriteError
	if errors.As(err, &we) {
		if we.Op == "" {
			we.Op = op
		}
		return we
	}
	out := &WriteError{Op: op, Why: ReasonTimeout, Err: err}
	if errors.Is(err, context.Canceled) {
		out.Detail = "cancelled"
	}
	return out
}

// unreachable: the request never reached SALON BOARD (refused connection,
// no route, name lookup failure, dial timeout). A timeout after the
// request was sent is NOT unreachable: the write may have been saved.
func unreachable(err error) bool {
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return true
	}
	var dns *net.DNSError
	return errors.As(err, &dns) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, syscall.ENETUNREACH) || errors.Is(err, syscall.EHOSTUNREACH)
}

// Offline reports that the request got no connection at all (see
// WriteError.Offline); reads can use it too.
func (e *NetError) Offline() bool { return unreachable(e.Err) }

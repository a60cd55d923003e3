package mailbox

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"strings"

	"github.com/emersion/go-imap/v2"
)

// Sentinels for errors.Is, one per thing a person can fix differently in the
// 接続テスト: the address, the certificate, the password, the folder.
var (
	ErrUnreachable = errors.New("mailbox: server unreachable")
	ErrTLS         = errors.New("mailbox: TLS failed")
	ErrAuthFailed  = errors.New("mailbox: login failed")
	ErrNoMailbox   = errors.New("mailbox: mailbox not found")
	ErrProtocol    = errors.New("mailbox: unexpected server answer")
	ErrHandler     = errors.New("mailbox: handler failed")
)

// Error is a classified failure; Is matches its sentinel, Unwrap the cause.
type Error struct {
	Kind error  // one of the sentinels above
	Op   string // dial, tls, login, select, search, fetch, idle, handle
	Err  error
}

func (e *Error) Error() string {
	return e.Kind.Error() + " (" + e.Op + "): " + e.Err.Error()
}

func (e *Error) Is(target error) bool { return target == e.Kind }

func (e *Error) Unwrap() error { return e.Err }

// classify wraps err with the kind that its step and type say.
func classify(op string, err error) error {
	if err == nil {
		return nil
	}
	var already *Error
	if errors.As(err, &already) {
		return err
	}
	return &Error{Kind: kindOf(op, err), Op: op, Err: err}
}

func kindOf(op string, err error) error {
	if isTLSError(err) {
		return ErrTLS
	}
	var imapErr *imap.Error
	switch {
	case op == "handle":
		return ErrHandler
	case op == "dial":
		return ErrUnreachable
	case op == "tls":
		return ErrTLS
	case op == "login" && errors.As(err, &imapErr):
		return ErrAuthFailed
	case op == "select" && errors.As(err, &imapErr):
		return ErrNoMailbox
	case errors.As(err, &imapErr):
		return ErrProtocol
	}
	var netErr net.Error
	if errors.As(err, &netErr) {
		return ErrUnreachable
	}
	return ErrProtocol
}

func isTLSError(err error) bool {
	var (
		recErr   tls.RecordHeaderError
		alertErr tls.AlertError
		verify   *tls.CertificateVerificationError
		unknown  x509.UnknownAuthorityError
		hostErr  x509.HostnameError
		invalid  x509.CertificateInvalidError
	)
	return errors.As(err, &recErr) || errors.As(err, &alertErr) || errors.As(err, &verify) ||
		errors.As(err, &unknown) || errors.As(err, &hostErr) || errors.As(err, &invalid) ||
		strings.HasPrefix(err.Error(), "tls: ")
}

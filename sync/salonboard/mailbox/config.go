// Package mailbox reads the salon's reservation mailbox over IMAP and hands each
// new mail, raw, to the caller. It knows nothing of what the mails mean: the
// caller parses and applies them, and persists how far it got (the Cursor).
package mailbox

import (
	"context"
	"crypto/tls"
	"net"
	"strconv"
	"time"
)

// TLSMode is how the connection is secured.
type TLSMode int

const (
	// TLS is implicit TLS (port 993), the default.
	TLS TLSMode = iota
	// StartTLS upgrades a plain connection (port 143).
	StartTLS
	// NoTLS sends the password in clear: only for loopback test servers.
	NoTLS
)

func (m TLSMode) String() string {
	switch m {
	case StartTLS:
		return "starttls"
	case NoTLS:
		return "none"
	}
	return "tls"
}

// Config says where the mailbox is. The password is used to log in and is never
// logged or put into an error.
type Config struct {
	Host     string
	Port     int // 0: 993 for TLS, 143 otherwise
	TLS      TLSMode
	User     string
	Password string
	Mailbox  string // default INBOX

	// TLSConfig overrides the TLS settings (tests with a self-signed certificate).
	TLSConfig *tls.Config

	// PollInterval is the wait between checks when the server has no IDLE.
	PollInterval time.Duration // default 30 s
	// IdleRefresh ends an IDLE and checks anyway, for servers and routers that
	// silently drop quiet connections.
	IdleRefresh time.Duration // default 9 min
	// DisableIdle polls even when the server offers IDLE.
	DisableIdle bool
	// DialTimeout bounds connecting and the TLS handshake.
	DialTimeout time.Duration // default 15 s
	// SkipExisting: on the first run (no UIDVALIDITY in the cursor) start after
	// the mails already in the mailbox instead of delivering them all.
	SkipExisting bool
}

func (c Config) address() string {
	port := c.Port
	if port == 0 {
		port = 143
		if c.TLS == TLS {
			port = 993
		}
	}
	return net.JoinHostPort(c.Host, strconv.Itoa(port))
}

func (c Config) mailbox() string {
	if c.Mailbox == "" {
		return "INBOX"
	}
	return c.Mailbox
}

func (c Config) withDefaults() Config {
	if c.PollInterval <= 0 {
		c.PollInterval = 30 * time.Second
	}
	if c.IdleRefresh <= 0 {
		c.IdleRefresh = 9 * time.Minute
	}
	if c.DialTimeout <= 0 {
		c.DialTimeout = 15 * time.Second
	}
	return c
}

// Cursor is how far the caller has applied the mailbox. UIDs are only
// meaningful with their UIDVALIDITY: when the server changes it, every mail is
// delivered again (the caller's apply is idempotent by Message-ID and
// reservation number).
type Cursor struct {
	UIDValidity uint32
	LastUID     uint32
}

// Meta describes the mail being handled; MetaFrom(ctx) gives it to a Handler,
// which persists Cursor{UIDValidity, UID} together with what it applied.
type Meta struct {
	UIDValidity uint32
	UID         uint32
	MessageID   string // from the envelope, without angle brackets; may be ""
}

// Cursor is where the reader continues after this mail.
func (m Meta) Cursor() Cursor { return Cursor{UIDValidity: m.UIDValidity, LastUID: m.UID} }

// Handler applies one raw RFC 5322 message. An error stops the reader, which
// retries the same mail later: nothing is skipped. So an error must mean
// "try again" (database busy); a mail that can never be applied (not from
// SALON BOARD, unreadable) is recorded by the handler, which returns nil.
type Handler func(ctx context.Context, uid uint32, raw []byte) error

type metaKey struct{}

// MetaFrom returns the Meta of the mail a Handler is called for.
func MetaFrom(ctx context.Context) (Meta, bool) {
	m, ok := ctx.Value(metaKey{}).(Meta)
	return m, ok
}

func withMeta(ctx context.Context, m Meta) context.Context {
	return context.WithValue(ctx, metaKey{}, m)
}

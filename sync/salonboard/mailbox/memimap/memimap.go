// Package memimap serves an in-memory mailbox over IMAP on a loopback port:
// go-imap's imapmemserver with one user and an INBOX, mails put straight into
// it. The demo's reservation mailbox and the mailbox tests use it. It is not a
// mail server: nothing is stored on disk and nothing arrives by SMTP.
package memimap

import (
	"bytes"
	"crypto/tls"
	"errors"
	"log"
	"net"
	"sync"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
)

// Inbox is the one mailbox the user has.
const Inbox = "INBOX"

// Server is an in-memory IMAP mailbox. Its mails outlive Close, so that a
// server can be stopped and started again on the same port (reconnect tests).
type Server struct {
	mem  *imapmemserver.Server
	user *imapmemserver.User

	kickMu sync.Mutex
	kickCh chan struct{} // closed (and replaced) whenever the mailbox changes

	mu   sync.Mutex
	srv  *imapserver.Server
	ln   net.Listener
	done chan struct{} // closed when the accept loop has ended
}

// New makes the mailbox of one user, with an empty INBOX. It does not listen.
func New(user, password string) (*Server, error) {
	mem := imapmemserver.New()
	u := imapmemserver.NewUser(user, password)
	if err := u.Create(Inbox, nil); err != nil {
		return nil, err
	}
	mem.AddUser(u)
	return &Server{mem: mem, user: u, kickCh: make(chan struct{})}, nil
}

// Listen serves the mailbox on addr ("127.0.0.1:0" picks a free port), with
// implicit TLS when tlsConfig is not nil, until Close.
func (s *Server) Listen(addr string, tlsConfig *tls.Config) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.srv != nil {
		return errors.New("memimap: already listening")
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	if tlsConfig != nil {
		ln = tls.NewListener(ln, tlsConfig)
	}
	// go-imap's server always offers IDLE on top of these.
	caps := imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapUIDPlus: {}}
	srv := imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return &session{Session: s.mem.NewSession(), srv: s}, nil, nil
		},
		Caps:         caps,
		InsecureAuth: true, // loopback only
		Logger:       log.New(discard{}, "", 0),
	})
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = srv.Serve(ln)
	}()
	s.srv, s.ln, s.done = srv, ln, done
	return nil
}

// Addr is the address the server listens on ("" when it does not).
func (s *Server) Addr() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ln == nil {
		return ""
	}
	return s.ln.Addr().String()
}

// Close stops listening and drops every connection; when it returns the port
// is free. The mails are kept: Listen may be called again.
func (s *Server) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.srv == nil {
		return nil
	}
	// Close the listener ourselves too: a Close racing the accept loop's start
	// would otherwise leave it open.
	lnErr := s.ln.Close()
	_ = s.srv.Close()
	<-s.done
	s.srv, s.ln, s.done = nil, nil, nil
	if lnErr != nil && !errors.Is(lnErr, net.ErrClosed) {
		return lnErr
	}
	return nil
}

// Append puts a raw RFC 5322 message into INBOX, received at at (zero: now),
// and returns its UID. Clients waiting in IDLE are told at once.
func (s *Server) Append(raw []byte, at time.Time) (uint32, error) {
	data, err := s.user.Append(Inbox, bytes.NewReader(raw), &imap.AppendOptions{Time: at})
	if err != nil {
		return 0, err
	}
	s.kick()
	return uint32(data.UID), nil
}

// kick wakes every session waiting in IDLE.
func (s *Server) kick() {
	s.kickMu.Lock()
	close(s.kickCh)
	s.kickCh = make(chan struct{})
	s.kickMu.Unlock()
}

// kicked is closed at the next change of the mailbox.
func (s *Server) kicked() <-chan struct{} {
	s.kickMu.Lock()
	defer s.kickMu.Unlock()
	return s.kickCh
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

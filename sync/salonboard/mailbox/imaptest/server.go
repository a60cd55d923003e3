// Package imaptest runs IMAP servers for tests: Debian's dovecot on a loopback
// port (the real thing) and go-imap's in-memory server (fast, always there).
// Both hold one user with an INBOX, can be stopped and started again on the
// same port with their mails kept, and take mails through IMAP APPEND.
package imaptest

import (
	"crypto/tls"
	"crypto/x509"
	"net"
	"strconv"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// Server is a running test IMAP server.
type Server struct {
	Host     string
	Port     int
	User     string
	Password string

	backend backend
	running bool
	roots   *x509.CertPool // set when the server speaks implicit TLS
}

// backend is what differs between dovecot and the in-memory server.
type backend interface {
	start() error
	stop() error
	describe() string // for failure messages (e.g. the server's log)
}

// Addr is host:port.
func (s *Server) Addr() string {
	return net.JoinHostPort(s.Host, strconv.Itoa(s.Port))
}

// Stop stops the server; clients see their connections drop.
func (s *Server) Stop(t testing.TB) {
	t.Helper()
	if !s.running {
		return
	}
	if err := s.backend.stop(); err != nil {
		t.Fatalf("imaptest: stop: %v\n%s", err, s.backend.describe())
	}
	s.running = false
}

// Start starts a stopped server again on the same port, with the same mails.
func (s *Server) Start(t testing.TB) {
	t.Helper()
	if s.running {
		return
	}
	if err := s.backend.start(); err != nil {
		t.Fatalf("imaptest: start: %v\n%s", err, s.backend.describe())
	}
	if err := waitListening(s.Addr(), 10*time.Second); err != nil {
		t.Fatalf("imaptest: %v\n%s", err, s.backend.describe())
	}
	s.running = true
}

// Append delivers a raw message into INBOX through IMAP and returns its UID.
func (s *Server) Append(t testing.TB, raw []byte) uint32 {
	t.Helper()
	uid, err := s.append(raw)
	if err != nil {
		t.Fatalf("imaptest: append: %v\n%s", err, s.backend.describe())
	}
	return uid
}

// dial logs in as the test user, over TLS when the server uses it.
func (s *Server) dial() (*imapclient.Client, error) {
	var (
		c   *imapclient.Client
		err error
	)
	if s.roots != nil {
		c, err = imapclient.DialTLS(s.Addr(), &imapclient.Options{TLSConfig: &tls.Config{RootCAs: s.roots}})
	} else {
		c, err = imapclient.DialInsecure(s.Addr(), nil)
	}
	if err != nil {
		return nil, err
	}
	if err := c.Login(s.User, s.Password).Wait(); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

func (s *Server) append(raw []byte) (uint32, error) {
	c, err := s.dial()
	if err != nil {
		return 0, err
	}
	defer c.Close()
	cmd := c.Append("INBOX", int64(len(raw)), nil)
	if _, err := cmd.Write(raw); err != nil {
		return 0, err
	}
	if err := cmd.Close(); err != nil {
		return 0, err
	}
	data, err := cmd.Wait()
	if err != nil {
		return 0, err
	}
	c.Logout().Wait()
	return uint32(data.UID), nil
}

// UIDValidity reads the INBOX's UIDVALIDITY.
func (s *Server) UIDValidity(t testing.TB) uint32 {
	t.Helper()
	c, err := s.dial()
	if err != nil {
		t.Fatalf("imaptest: %v", err)
	}
	defer c.Close()
	data, err := c.Status("INBOX", &imap.StatusOptions{UIDValidity: true}).Wait()
	if err != nil {
		t.Fatalf("imaptest: status: %v", err)
	}
	return data.UIDValidity
}

// freePort asks the kernel for a loopback port that is free right now.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// waitListening waits until something accepts connections on addr.
func waitListening(addr string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			return nil
		}
		if time.Now().After(deadline) {
			return err
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Roots trusts the server's certificate (nil for a server without TLS).
func (s *Server) Roots() *x509.CertPool { return s.roots }

package imaptest

import (
	"crypto/tls"
	"testing"

	"salondesk/sync/salonboard/mailbox/memimap"
)

// MemoryOptions shape the in-memory server.
type MemoryOptions struct {
	TLS bool // serve implicit TLS with a self-signed certificate (Server.Roots trusts it)
}

// Memory starts go-imap's in-memory server (memimap) on a loopback port.
func Memory(t testing.TB, o MemoryOptions) *Server {
	t.Helper()
	port, err := freePort()
	if err != nil {
		t.Fatalf("imaptest: %v", err)
	}
	s := &Server{Host: "127.0.0.1", Port: port, User: "salon", Password: "synthetic-password"}
	box, err := memimap.New(s.User, s.Password)
	if err != nil {
		t.Fatalf("imaptest: %v", err)
	}
	m := &memory{box: box, addr: s.Addr()}
	if o.TLS {
		m.tls, s.roots = SelfSigned(t)
	}
	s.backend = m
	t.Cleanup(func() { s.Stop(t) })
	s.Start(t)
	return s
}

// memory serves one memimap mailbox; stopping it keeps the mails, so that it
// can start again on the same port. go-imap's server always offers IDLE;
// polling is tested with Config.DisableIdle (and against dovecot).
type memory struct {
	box  *memimap.Server
	addr string
	tls  *tls.Config
}

func (m *memory) start() error { return m.box.Listen(m.addr, m.tls) }

func (m *memory) stop() error { return m.box.Close() }

func (m *memory) describe() string { return "in-memory IMAP server" }

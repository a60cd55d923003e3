package imaptest

import (
	"crypto/tls"
	"log"
	"net"
	"testing"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
)

// MemoryOptions shape the in-memory server.
type MemoryOptions struct {
	TLS bool // serve implicit TLS with a self-signed certificate (Server.Roots trusts it)
}

// Memory starts go-imap's in-memory server on a loopback port.
func Memory(t testing.TB, o MemoryOptions) *Server {
	t.Helper()
	port, err := freePort()
	if err != nil {
		t.Fatalf("imaptest: %v", err)
	}
	s := &Server{Host: "127.0.0.1", Port: port, User: "salon", Password: "synthetic-password"}
	mem := imapmemserver.New()
	u := imapmemserver.NewUser(s.User, s.Password)
	if err := u.Create("INBOX", nil); err != nil {
		t.Fatalf("imaptest: %v", err)
	}
	mem.AddUser(u)
	m := &memory{mem: mem, addr: s.Addr(), opts: o}
	if o.TLS {
		m.tls, s.roots = SelfSigned(t)
	}
	s.backend = m
	t.Cleanup(func() { s.Stop(t) })
	s.Start(t)
	return s
}

type memory struct {
	mem  *imapmemserver.Server
	addr string
	opts MemoryOptions
	tls  *tls.Config
	srv  *imapserver.Server
}

func (m *memory) start() error {
	// go-imap's server always offers IDLE; polling is tested with
	// Config.DisableIdle (and against dovecot).
	caps := imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapUIDPlus: {}}
	ln, err := net.Listen("tcp", m.addr)
	if err != nil {
		return err
	}
	if m.tls != nil {
		ln = tls.NewListener(ln, m.tls)
	}
	m.srv = imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return m.mem.NewSession(), nil, nil
		},
		Caps:         caps,
		InsecureAuth: true,
		Logger:       log.New(discard{}, "", 0),
	})
	go m.srv.Serve(ln)
	return nil
}

func (m *memory) stop() error {
	err := m.srv.Close()
	m.srv = nil
	return err
}

func (m *memory) describe() string { return "in-memory IMAP server" }

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

package smaregi

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"syscall"
	"time"
)

// DefaultReceiverPath is where the receiver listens; the 送信URL is
// http://{this PC's LAN address}:{port}{path}.
const DefaultReceiverPath = "/smaregi/transactions"

// ErrPortInUse is a listen address another program (or a second SalonDesk) holds.
// Start's error wraps it: errors.Is(err, ErrPortInUse).
var ErrPortInUse = errors.New("smaregi: the receiver's port is already in use")

// Server serves a Receiver on a listen address of the settings (":8089",
// "0.0.0.0:8089", "127.0.0.1:0" in tests).
type Server struct {
	addr, path string
	srv        *http.Server
	ln         net.Listener
	done       chan error
}

// NewServer prepares a server for h at path ("" is DefaultReceiverPath) on addr.
func NewServer(addr, path string, h http.Handler) *Server {
	if path == "" {
		path = DefaultReceiverPath
	}
	mux := http.NewServeMux()
	mux.Handle(path, h)
	return &Server{addr: addr, path: path, srv: &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second, // the sink writes to disk before the answer
		IdleTimeout:       90 * time.Second,
	}}
}

// Start binds the address and serves in the background. A port already held is an
// error wrapping ErrPortInUse, so that the app can say so in お知らせ.
func (s *Server) Start() error {
	ln, err := net.Listen("tcp", s.addr)
	if err != nil {
		if addrInUse(err) {
			return fmt.Errorf("%w (%s): %v", ErrPortInUse, s.addr, err)
		}
		return fmt.Errorf("smaregi: receiver cannot listen on %s: %w", s.addr, err)
	}
	s.ln, s.done = ln, make(chan error, 1)
	go func() { s.done <- s.srv.Serve(ln) }()
	return nil
}

// Port is the bound port (useful with ":0"); 0 before Start.
func (s *Server) Port() int {
	if s.ln == nil {
		return 0
	}
	return s.ln.Addr().(*net.TCPAddr).Port
}

// Path is where the receiver answers.
func (s *Server) Path() string { return s.path }

// URL is the 送信URL for host (this PC's LAN address as the app finds it).
func (s *Server) URL(host string) string {
	return fmt.Sprintf("http://%s%s", net.JoinHostPort(host, fmt.Sprint(s.Port())), s.path)
}

// Shutdown stops accepting and waits for the POSTs in flight (their transactions
// are being stored) until ctx ends.
func (s *Server) Shutdown(ctx context.Context) error {
	if s.ln == nil {
		return nil
	}
	err := s.srv.Shutdown(ctx)
	if serveErr := <-s.done; err == nil && !errors.Is(serveErr, http.ErrServerClosed) {
		err = serveErr
	}
	s.ln = nil
	return err
}

// addrInUse recognises EADDRINUSE, and WSAEADDRINUSE (10048) on Windows.
func addrInUse(err error) bool {
	var errno syscall.Errno
	return errors.Is(err, syscall.EADDRINUSE) || (errors.As(err, &errno) && errno == 10048)
}

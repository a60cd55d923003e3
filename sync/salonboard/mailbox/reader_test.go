package mailbox_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"log/slog"
	"net"
	"strconv"
	"sync"
	"testing"
	"time"

	"salondesk/sync/salonboard/mailbox"
	"salondesk/sync/salonboard/mailbox/imaptest"
)

// recordingBackoff answers a short fixed wait and counts calls.
type recordingBackoff struct {
	mu           sync.Mutex
	next, resets int
}

func (b *recordingBackoff) Next() time.Duration {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.next++
	return 10 * time.Millisecond
}

func (b *recordingBackoff) Reset() {
	b.mu.Lock()
	b.resets++
	b.mu.Unlock()
}

func (b *recordingBackoff) counts() (next, resets int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.next, b.resets
}

// fakeClock records the waits asked for and lets each pass after 10 ms, so a
// one-hour poll interval can be tested in milliseconds.
type fakeClock struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (c *fakeClock) Now() time.Time { return time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC) }

func (c *fakeClock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	c.waits = append(c.waits, d)
	c.mu.Unlock()
	return time.After(10 * time.Millisecond)
}

func (c *fakeClock) asked(d time.Duration) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, w := range c.waits {
		if w == d {
			return true
		}
	}
	return false
}

// TestHandlerErrorIsRetried: a failing handler stops the reader at that mail;
// after the backoff the same mail comes again, and the order is kept.
func TestHandlerErrorIsRetried(t *testing.T) {
	srv := imaptest.Memory(t, imaptest.MemoryOptions{})
	var uids []uint32
	for i := range 3 {
		uids = append(uids, srv.Append(t, reservationMail(t, i)))
	}
	s, b := newSink(), &recordingBackoff{}
	s.failNext(2)
	r := mailbox.New(configFor(srv), mailbox.Cursor{}, s.handle, mailbox.WithBackoff(b))
	run(t, r)
	for _, want := range uids {
		if d := s.next(t, 5*time.Second); d.uid != want {
			t.Fatalf("delivered uid %d, want %d", d.uid, want)
		}
	}
	s.none(t, 200*time.Millisecond)
	next, resets := b.counts()
	if next != 2 || resets == 0 {
		t.Fatalf("backoff Next %d times, Reset %d times; want 2 and some", next, resets)
	}
	if got := r.Cursor().LastUID; got != uids[2] {
		t.Fatalf("cursor at %d, want %d", got, uids[2])
	}
}

// TestUIDValidityChangeRedelivers: a cursor from another UIDVALIDITY means the
// server renumbered its mails; all are delivered again.
func TestUIDValidityChangeRedelivers(t *testing.T) {
	srv := imaptest.Memory(t, imaptest.MemoryOptions{})
	srv.Append(t, reservationMail(t, 1))
	srv.Append(t, reservationMail(t, 2))
	stale := mailbox.Cursor{UIDValidity: srv.UIDValidity(t) + 1, LastUID: 99}
	s := newSink()
	run(t, mailbox.New(configFor(srv), stale, s.handle))
	s.next(t, 5*time.Second)
	if d := s.next(t, 5*time.Second); d.meta.UIDValidity != srv.UIDValidity(t) {
		t.Fatalf("meta validity %d", d.meta.UIDValidity)
	}
}

// TestSkipExisting: a first run can start after the mails already there.
func TestSkipExisting(t *testing.T) {
	srv := imaptest.Memory(t, imaptest.MemoryOptions{})
	srv.Append(t, reservationMail(t, 1))
	cfg := configFor(srv)
	cfg.SkipExisting = true
	s, st := newSink(), make(statuses, 16)
	run(t, mailbox.New(cfg, mailbox.Cursor{}, s.handle, mailbox.WithStatus(st.report)))
	status := <-st
	if want := (mailbox.Cursor{UIDValidity: srv.UIDValidity(t), LastUID: 1}); status.Cursor != want {
		t.Fatalf("status cursor %+v, want %+v to persist", status.Cursor, want)
	}
	s.none(t, 200*time.Millisecond)
	uid := srv.Append(t, reservationMail(t, 2))
	if d := s.next(t, 2*time.Second); d.uid != uid {
		t.Fatalf("uid %d, want %d", d.uid, uid)
	}
}

// TestPollingUsesTheClock: without IDLE the reader waits PollInterval on the
// injected clock between checks.
func TestPollingUsesTheClock(t *testing.T) {
	srv := imaptest.Memory(t, imaptest.MemoryOptions{})
	cfg := configFor(srv)
	cfg.PollInterval, cfg.DisableIdle = time.Hour, true
	s, st, clock := newSink(), make(statuses, 64), &fakeClock{}
	run(t, mailbox.New(cfg, mailbox.Cursor{}, s.handle, mailbox.WithClock(clock), mailbox.WithStatus(st.report)))
	st.waitOnline(t, false, 5*time.Second)
	uid := srv.Append(t, reservationMail(t, 1))
	if d := s.next(t, 2*time.Second); d.uid != uid {
		t.Fatalf("uid %d, want %d", d.uid, uid)
	}
	if !clock.asked(time.Hour) {
		t.Fatal("the poll wait did not go through the injected clock")
	}
}

// TestReconnectAfterServerRestart: the in-memory server restarts; the failure is
// classified, the backoff is used, and mails keep flowing. It polls: after a
// restart go-imap's in-memory server sometimes sends no EXISTS during IDLE
// (seen on the wire); IDLE across a restart is tested against dovecot.
func TestReconnectAfterServerRestart(t *testing.T) {
	srv := imaptest.Memory(t, imaptest.MemoryOptions{})
	cfg := configFor(srv)
	cfg.DisableIdle, cfg.PollInterval = true, 20*time.Millisecond
	s, st, b := newSink(), make(statuses, 64), &recordingBackoff{}
	run(t, mailbox.New(cfg, mailbox.Cursor{}, s.handle, mailbox.WithStatus(st.report), mailbox.WithBackoff(b)))
	st.waitOnline(t, false, 5*time.Second)
	srv.Stop(t)
	st.waitOffline(t, 5*time.Second)
	// While it is down, every attempt fails as unreachable.
	if err := st.waitOffline(t, 5*time.Second); !errors.Is(err, mailbox.ErrUnreachable) {
		t.Fatalf("offline error %v, want ErrUnreachable", err)
	}
	srv.Start(t)
	st.waitOnline(t, false, 5*time.Second)
	uid := srv.Append(t, reservationMail(t, 1))
	if d := s.next(t, 2*time.Second); d.uid != uid {
		t.Fatalf("uid %d, want %d", d.uid, uid)
	}
	if next, _ := b.counts(); next < 2 {
		t.Fatalf("backoff used %d times", next)
	}
}

// TestImplicitTLS reads over TLS with a trusted certificate and refuses an
// untrusted one.
func TestImplicitTLS(t *testing.T) {
	srv := imaptest.Memory(t, imaptest.MemoryOptions{TLS: true})
	cfg := configFor(srv)
	cfg.TLS = mailbox.TLS
	if err := mailbox.Check(context.Background(), cfg); !errors.Is(err, mailbox.ErrTLS) {
		t.Fatalf("untrusted certificate: err = %v, want ErrTLS", err)
	}
	cfg.TLSConfig = &tls.Config{RootCAs: srv.Roots()}
	if err := mailbox.Check(context.Background(), cfg); err != nil {
		t.Fatalf("trusted certificate: %v", err)
	}
	s := newSink()
	run(t, mailbox.New(cfg, mailbox.Cursor{}, s.handle))
	uid := srv.Append(t, reservationMail(t, 1))
	if d := s.next(t, 5*time.Second); d.uid != uid {
		t.Fatalf("uid %d, want %d", d.uid, uid)
	}
}

// TestCheckUnreachable: nothing listening is ErrUnreachable, quickly.
func TestCheckUnreachable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	cfg := mailbox.Config{Host: "127.0.0.1", Port: port, TLS: mailbox.NoTLS, User: "u", Password: "p"}
	if err := mailbox.Check(context.Background(), cfg); !errors.Is(err, mailbox.ErrUnreachable) {
		t.Fatalf("err = %v, want ErrUnreachable", err)
	}
}

// TestPasswordNeverLogged: failures are logged and reported without the password.
func TestPasswordNeverLogged(t *testing.T) {
	srv := imaptest.Memory(t, imaptest.MemoryOptions{})
	cfg := configFor(srv)
	cfg.Password = "secret-" + strconv.Itoa(int(time.Now().UnixNano()))
	var logs bytes.Buffer
	var mu sync.Mutex
	logger := slog.New(slog.NewTextHandler(&lockedWriter{w: &logs, mu: &mu}, nil))
	st := make(statuses, 16)
	stop := run(t, mailbox.New(cfg, mailbox.Cursor{}, newSink().handle,
		mailbox.WithLogger(logger), mailbox.WithStatus(st.report), mailbox.WithBackoff(&recordingBackoff{})))
	err := st.waitOffline(t, 5*time.Second)
	stop()
	if !errors.Is(err, mailbox.ErrAuthFailed) {
		t.Fatalf("err = %v, want ErrAuthFailed", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if logs.Len() == 0 || bytes.Contains(logs.Bytes(), []byte(cfg.Password)) || bytes.Contains([]byte(err.Error()), []byte(cfg.Password)) {
		t.Fatalf("password in logs or error (or nothing logged):\n%s", logs.String())
	}
}

type lockedWriter struct {
	w  *bytes.Buffer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// TestExponentialBackoff: doubling from Base to Max, jitter within [step/2, step].
func TestExponentialBackoff(t *testing.T) {
	low := &mailbox.Exponential{Base: time.Second, Max: 8 * time.Second, Rand: func() float64 { return 0 }}
	high := &mailbox.Exponential{Base: time.Second, Max: 8 * time.Second, Rand: func() float64 { return 0.999999 }}
	wantSteps := []time.Duration{1, 2, 4, 8, 8, 8}
	for i, step := range wantSteps {
		step *= time.Second
		if got := low.Next(); got != step/2 {
			t.Errorf("attempt %d low = %v, want %v", i, got, step/2)
		}
		if got := high.Next(); got < step-time.Millisecond || got > step {
			t.Errorf("attempt %d high = %v, want about %v", i, got, step)
		}
	}
	low.Reset()
	if got := low.Next(); got != 500*time.Millisecond {
		t.Errorf("after Reset = %v", got)
	}
	long := &mailbox.Exponential{Base: time.Second, Max: time.Hour, Rand: func() float64 { return 0 }}
	for range 100 {
		if d := long.Next(); d <= 0 || d > time.Hour {
			t.Fatalf("overflowed to %v", d)
		}
	}
}

package mailbox_test

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"salondesk/sync/salonboard/mail/mailtest"
	"salondesk/sync/salonboard/mailbox"
	"salondesk/sync/salonboard/mailbox/imaptest"
)

// delivery is one call of the handler.
type delivery struct {
	uid  uint32
	raw  []byte
	meta mailbox.Meta
	at   time.Time
}

// sink is a Handler that records mails and can be told to fail.
type sink struct {
	ch chan delivery

	mu       sync.Mutex
	failures int // the next n calls fail
	calls    int
}

func newSink() *sink { return &sink{ch: make(chan delivery, 100)} }

func (s *sink) handle(ctx context.Context, uid uint32, raw []byte) error {
	s.mu.Lock()
	s.calls++
	fail := s.failures > 0
	if fail {
		s.failures--
	}
	s.mu.Unlock()
	if fail {
		return fmt.Errorf("synthetic failure applying uid %d", uid)
	}
	meta, _ := mailbox.MetaFrom(ctx)
	s.ch <- delivery{uid: uid, raw: raw, meta: meta, at: time.Now()}
	return nil
}

func (s *sink) failNext(n int) {
	s.mu.Lock()
	s.failures = n
	s.mu.Unlock()
}

// next waits for the next delivery.
func (s *sink) next(t *testing.T, within time.Duration) delivery {
	t.Helper()
	select {
	case d := <-s.ch:
		return d
	case <-time.After(within):
		t.Fatalf("no mail delivered within %v", within)
	}
	return delivery{}
}

// none asserts that nothing is delivered for a while.
func (s *sink) none(t *testing.T, wait time.Duration) {
	t.Helper()
	select {
	case d := <-s.ch:
		t.Fatalf("unexpected delivery of uid %d", d.uid)
	case <-time.After(wait):
	}
}

func configFor(s *imaptest.Server) mailbox.Config {
	return mailbox.Config{Host: s.Host, Port: s.Port, TLS: mailbox.NoTLS, User: s.User, Password: s.Password}
}

// statuses collects the reader's status reports.
type statuses chan mailbox.Status

func (c statuses) report(s mailbox.Status) {
	select {
	case c <- s:
	default:
	}
}

// waitOnline waits for an online status (IDLE or polling as asked).
func (c statuses) waitOnline(t *testing.T, idle bool, within time.Duration) {
	t.Helper()
	deadline := time.After(within)
	for {
		select {
		case s := <-c:
			if s.Online && s.Idle == idle {
				return
			}
		case <-deadline:
			t.Fatalf("reader not online (idle=%v) within %v", idle, within)
		}
	}
}

// waitOffline waits for a failure report and returns its error.
func (c statuses) waitOffline(t *testing.T, within time.Duration) error {
	t.Helper()
	deadline := time.After(within)
	for {
		select {
		case s := <-c:
			if !s.Online {
				return s.Err
			}
		case <-deadline:
			t.Fatalf("reader did not report a failure within %v", within)
		}
	}
}

// run starts r.Run and stops it at the end of the test, checking that it
// returns promptly.
func run(t *testing.T, r *mailbox.Reader) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.Run(ctx) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("Run returned %v", err)
				}
			case <-time.After(5 * time.Second):
				t.Error("Run did not return within 5 s of cancel")
			}
		})
	}
	t.Cleanup(stop)
	return stop
}

// reservationMail is a synthetic SALON BOARD mail numbered n.
func reservationMail(t testing.TB, n int) []byte {
	t.Helper()
	r := mailtest.Reservation{
		Number:    fmt.Sprintf("BE%08d", 10000000+n),
		Start:     time.Date(2026, 12, 5, 10, 0, 0, 0, time.Local).Add(time.Duration(n) * 30 * time.Minute),
		NameKanji: "試験 花子", NameKana: "シケン ハナコ",
		Menus: []string{"カット"}, Duration: time.Hour, Price: 4400,
	}
	charset := "utf-8"
	if n%2 == 1 {
		charset = "iso-2022-jp"
	}
	raw, err := mailtest.Encode("予約連絡", mailtest.Body(r), mailtest.Options{
		Charset: charset, MessageID: fmt.Sprintf("mail-%d@test.invalid", n),
	})
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// fastBackoff keeps reconnect tests short.
func fastBackoff() *mailbox.Exponential {
	return &mailbox.Exponential{Base: 50 * time.Millisecond, Max: 400 * time.Millisecond}
}

// testLogger sends the reader's log to the test's log.
func testLogger(t *testing.T) *slog.Logger {
	return slog.New(slog.NewTextHandler(tWriter{t}, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

type tWriter struct{ t *testing.T }

func (w tWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

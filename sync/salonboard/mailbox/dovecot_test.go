package mailbox_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
	"time"

	"salondesk/sync/salonboard/mailbox"
	"salondesk/sync/salonboard/mailbox/imaptest"
)

// idleWait bounds one delivery. Polling is every 30 s here, so a mail that arrives
// sooner came through IDLE; the bound is loose because CI machines are loaded (dovecot
// alone holds change notices for 500 ms). Latency is a figure the test logs, not a pass
// condition.
const idleWait = 10 * time.Second

// TestDovecotIdleDelivery: mails APPENDed into a real dovecot reach the handler
// through IDLE, whole and with their Message-ID and cursor.
func TestDovecotIdleDelivery(t *testing.T) {
	srv := imaptest.Dovecot(t)
	s, st := newSink(), make(statuses, 16)
	r := mailbox.New(configFor(srv), mailbox.Cursor{}, s.handle, mailbox.WithStatus(st.report), mailbox.WithLogger(testLogger(t)))
	run(t, r)
	st.waitOnline(t, true, 10*time.Second)

	validity := srv.UIDValidity(t)
	var latencies []time.Duration
	for i := range 20 {
		raw := reservationMail(t, i)
		uid := srv.Append(t, raw) // returns once the server has stored it
		stored := time.Now()
		d := s.next(t, idleWait)
		latencies = append(latencies, d.at.Sub(stored))
		if d.uid != uid || !bytes.Equal(d.raw, raw) {
			t.Fatalf("delivered uid %d (%d bytes), appended uid %d (%d bytes)", d.uid, len(d.raw), uid, len(raw))
		}
		want := mailbox.Meta{UIDValidity: validity, UID: uid, MessageID: messageID(i)}
		if d.meta != want {
			t.Fatalf("meta = %+v, want %+v", d.meta, want)
		}
	}
	slices.Sort(latencies)
	t.Logf("dovecot IDLE: stored → handler latency over %d mails: p50 %v, p95 %v, max %v",
		len(latencies), latencies[len(latencies)/2], latencies[len(latencies)*95/100], latencies[len(latencies)-1])
	if got := r.Cursor(); got.UIDValidity != validity || got.LastUID == 0 {
		t.Fatalf("cursor = %+v", got)
	}
}

func messageID(n int) string { return fmt.Sprintf("mail-%d@test.invalid", n) }

// TestDovecotRestartDoesNotRedeliver: a reader started with the cursor its
// predecessor handed out delivers only mails that arrived after it.
func TestDovecotRestartDoesNotRedeliver(t *testing.T) {
	srv := imaptest.Dovecot(t)
	for i := range 3 {
		srv.Append(t, reservationMail(t, i))
	}
	s := newSink()
	r := mailbox.New(configFor(srv), mailbox.Cursor{}, s.handle)
	stop := run(t, r)
	var persisted mailbox.Cursor
	for range 3 {
		persisted = s.next(t, 5*time.Second).meta.Cursor()
	}
	stop()
	if persisted != r.Cursor() {
		t.Fatalf("handler's cursor %+v, reader's %+v", persisted, r.Cursor())
	}

	s2, st := newSink(), make(statuses, 16)
	r2 := mailbox.New(configFor(srv), persisted, s2.handle, mailbox.WithStatus(st.report))
	run(t, r2)
	st.waitOnline(t, true, 10*time.Second)
	s2.none(t, 300*time.Millisecond)
	uid := srv.Append(t, reservationMail(t, 3))
	if d := s2.next(t, idleWait); d.uid != uid {
		t.Fatalf("delivered uid %d, want only the new %d", d.uid, uid)
	}
	s2.none(t, 300*time.Millisecond)
}

// TestDovecotSurvivesServerRestart: the server goes away and comes back; the
// reader reports the failure, reconnects with backoff and delivers what
// arrived, without losing or repeating mails.
func TestDovecotSurvivesServerRestart(t *testing.T) {
	srv := imaptest.Dovecot(t)
	s, st := newSink(), make(statuses, 64)
	r := mailbox.New(configFor(srv), mailbox.Cursor{}, s.handle,
		mailbox.WithStatus(st.report), mailbox.WithBackoff(fastBackoff()), mailbox.WithLogger(testLogger(t)))
	run(t, r)
	st.waitOnline(t, true, 10*time.Second)
	first := srv.Append(t, reservationMail(t, 1))
	s.next(t, idleWait)

	began := time.Now()
	srv.Stop(t)
	if err := st.waitOffline(t, 10*time.Second); err == nil {
		t.Fatal("offline status without an error")
	}
	srv.Start(t)
	restarted := time.Now()
	st.waitOnline(t, true, 10*time.Second)
	t.Logf("server down for %v; reader back in IDLE %v after the server was up",
		restarted.Sub(began).Round(time.Millisecond), time.Since(restarted).Round(time.Millisecond))
	second := srv.Append(t, reservationMail(t, 2))
	if d := s.next(t, idleWait); d.uid != second || d.uid <= first {
		t.Fatalf("after restart delivered uid %d, want %d", d.uid, second)
	}
	s.none(t, 300*time.Millisecond)
}

// TestDovecotPolling: with IDLE switched off the reader polls.
func TestDovecotPolling(t *testing.T) {
	srv := imaptest.Dovecot(t)
	cfg := configFor(srv)
	cfg.DisableIdle, cfg.PollInterval = true, 100*time.Millisecond
	s, st := newSink(), make(statuses, 64)
	run(t, mailbox.New(cfg, mailbox.Cursor{}, s.handle, mailbox.WithStatus(st.report)))
	st.waitOnline(t, false, 10*time.Second)
	uid := srv.Append(t, reservationMail(t, 7))
	if d := s.next(t, idleWait); d.uid != uid {
		t.Fatalf("uid %d, want %d", d.uid, uid)
	}
}

// TestDovecotCheck: the 接続テスト classifies what went wrong.
func TestDovecotCheck(t *testing.T) {
	srv := imaptest.Dovecot(t)
	ctx := context.Background()
	good := configFor(srv)
	if err := mailbox.Check(ctx, good); err != nil {
		t.Fatalf("Check with good settings: %v", err)
	}
	cases := []struct {
		name string
		edit func(*mailbox.Config)
		want error
	}{
		{"wrong password", func(c *mailbox.Config) { c.Password = "wrong" }, mailbox.ErrAuthFailed},
		{"unknown user", func(c *mailbox.Config) { c.User = "nobody-here" }, mailbox.ErrAuthFailed},
		{"no such mailbox", func(c *mailbox.Config) { c.Mailbox = "NoSuchFolder" }, mailbox.ErrNoMailbox},
		{"TLS against a plain server", func(c *mailbox.Config) { c.TLS = mailbox.TLS }, mailbox.ErrTLS},
		{"STARTTLS not offered", func(c *mailbox.Config) { c.TLS = mailbox.StartTLS }, mailbox.ErrTLS},
	}
	for _, c := range cases {
		cfg := good
		c.edit(&cfg)
		err := mailbox.Check(ctx, cfg)
		if !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
		if err != nil && bytes.Contains([]byte(err.Error()), []byte(good.Password)) {
			t.Errorf("%s: error text contains the password", c.name)
		}
	}
}

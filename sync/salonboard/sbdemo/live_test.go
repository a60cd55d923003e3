package sbdemo_test

import (
	"bytes"
	"context"
	"errors"
	"net"
	"sync"
	"testing"
	"time"

	"salondesk/sync/salonboard/mail"
	"salondesk/sync/salonboard/mailbox"
	"salondesk/sync/salonboard/sbdemo"
	"salondesk/sync/salonboard/web"
)

// liveConfig runs the feed on a short timer, with the clock fixed at the start of
// the test (the web client searches around the real today).
func liveConfig(t *testing.T, seed int64) (sbdemo.Config, chan sbdemo.FeedEvent) {
	now := time.Now().In(jst).Truncate(time.Minute)
	cfg := testConfig(seed)
	cfg.Now = func() time.Time { return now }
	cfg.Interval, cfg.First = 5*time.Millisecond, time.Millisecond
	ch := make(chan sbdemo.FeedEvent, 1000)
	cfg.OnEvent = func(e sbdemo.FeedEvent) { ch <- e }
	return cfg, ch
}

// collect waits for n events.
func collect(t *testing.T, ch chan sbdemo.FeedEvent, n int) []sbdemo.FeedEvent {
	t.Helper()
	var out []sbdemo.FeedEvent
	deadline := time.After(10 * time.Second)
	for len(out) < n {
		select {
		case e := <-ch:
			out = append(out, e)
		case <-deadline:
			t.Fatalf("only %d of %d events fed", len(out), n)
		}
	}
	return out
}

// readMails runs the app's mailbox reader against the demo until it has n mails.
func readMails(t *testing.T, d *sbdemo.Demo, n int) map[uint32][]byte {
	t.Helper()
	var mu sync.Mutex
	got := map[uint32][]byte{}
	done := make(chan struct{})
	r := mailbox.New(d.MailboxConfig(), mailbox.Cursor{}, func(_ context.Context, uid uint32, raw []byte) error {
		mu.Lock()
		defer mu.Unlock()
		got[uid] = raw
		if len(got) == n {
			close(done)
		}
		return nil
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go r.Run(ctx)
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("the reader got %d of %d mails", len(got), n)
	}
	// The reader may still be handing over a later mail while it stops: return a copy.
	mu.Lock()
	defer mu.Unlock()
	out := make(map[uint32][]byte, len(got))
	for uid, raw := range got {
		out[uid] = raw
	}
	return out
}

// The feed's mails arrive through IMAP in both charsets, from SALON BOARD's
// sender, and parse to what was fed; the broken ones fail on 来店日時 only.
func TestMailsArriveThroughTheMailbox(t *testing.T) {
	cfg, ch := liveConfig(t, 21)
	d := start(t, cfg)
	evs := collect(t, ch, 16)
	mails := readMails(t, d, 16)
	charsets := map[string]int{}
	for _, e := range evs {
		raw, ok := mails[e.UID]
		if !ok {
			t.Fatalf("%s (uid %d) not in the mailbox", e.Number, e.UID)
		}
		charsets[e.Charset]++
		label := map[string]string{sbdemo.CharsetJIS: "ISO-2022-JP", sbdemo.CharsetUTF8: "UTF-8"}[e.Charset]
		if !bytes.Contains(raw, []byte(`charset="`+label+`"`)) {
			t.Fatalf("%s: not in %s", e.Number, label)
		}
		m, err := mail.ParseWith(raw, jst)
		if m.From != mail.Sender || m.Subject != e.Subject || m.MessageID != e.MessageID {
			t.Fatalf("%s: from %q subject %q id %q", e.Number, m.From, m.Subject, m.MessageID)
		}
		checkParsed(t, e, m, err)
	}
	if charsets[sbdemo.CharsetJIS] != 8 || charsets[sbdemo.CharsetUTF8] != 8 {
		t.Fatalf("charsets %v, want them alternating", charsets)
	}
}

func checkParsed(t *testing.T, e sbdemo.FeedEvent, m mail.Mail, err error) {
	t.Helper()
	want := map[sbdemo.Kind]mail.Kind{sbdemo.KindNew: mail.KindNew, sbdemo.KindChange: mail.KindChange, sbdemo.KindCancel: mail.KindCancel}[e.Kind]
	if m.Kind != want {
		t.Fatalf("%s: kind %v, want %v", e.Number, m.Kind, want)
	}
	if e.Failure == sbdemo.FailBroken && e.Kind == sbdemo.KindNew {
		var inv mail.ErrInvalidField
		if !errors.As(err, &inv) || inv.Field != "来店日時" {
			t.Fatalf("%s: broken mail gives %v", e.Number, err)
		}
		if m.Reservation != nil && m.Reservation.Number != e.Number {
			t.Fatalf("broken mail reads number %q, want %s", m.Reservation.Number, e.Number)
		}
		return
	}
	if err != nil {
		t.Fatalf("%s %s: %v", e.Number, e.Kind, err)
	}
	r := m.Reservation
	if r.Number != e.Number || !r.Start.Equal(e.Start) || r.Staff != e.Staff || r.NameKana != e.Kana ||
		(e.Coupon != "" && r.Coupon == "") || (e.Kind != sbdemo.KindCancel && r.Duration != e.End.Sub(e.Start)) {
		t.Fatalf("%s: parsed %+v from %+v", e.Number, r, e)
	}
}

// The web double lists what the mails announced: the same numbers, starts and
// staff, cancellations with a cancel status; the recovering mismatch's detail page
// reads back its slot, kana name and 指名.
func TestWebListShowsTheFedReservations(t *testing.T) {
	cfg, _ := liveConfig(t, 22)
	cfg.Interval = -1 // stepped here, so that the list is read between two turns
	d := start(t, cfg)
	evs := steps(t, d, 20)
	wc := d.WebConfig()
	wc.Pacing, wc.Timeout = &web.Pacing{}, 5*time.Second
	c, err := web.New(wc)
	if err != nil {
		t.Fatal(err)
	}
	now := cfg.Now()
	ctx := context.Background()
	rows, err := c.ListReservations(ctx, now, now.AddDate(0, 0, 14))
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]web.ListRow{}
	for _, r := range rows {
		listed[r.ID] = r
	}
	latest := map[string]sbdemo.FeedEvent{}
	for _, e := range d.Fed() {
		latest[e.Number] = e
	}
	if len(listed) != len(latest) {
		t.Fatalf("list shows %d reservations, the feed made %d", len(listed), len(latest))
	}
	for n, e := range latest {
		r, ok := listed[n]
		switch {
		case !ok:
			t.Fatalf("%s missing from the list", n)
		case e.Kind == sbdemo.KindCancel && !web.IsCancelled(r.StatusCode):
			t.Fatalf("%s cancelled by mail, listed as %q", n, r.Status)
		case e.Kind != sbdemo.KindCancel && (r.StatusCode != web.StatusWaiting || !r.Start.Equal(e.Start)):
			t.Fatalf("%s listed %q at %v, fed at %v", n, r.Status, r.Start, e.Start)
		case r.Kind != web.KindNet:
			t.Fatalf("%s listed as %s", n, r.Kind)
		}
	}
	var rec *sbdemo.FeedEvent
	for i := range evs {
		if evs[i].Recovers {
			rec = &evs[i]
		}
	}
	if rec == nil {
		t.Fatal("no recovering mismatch in 20 events")
	}
	det, err := c.ReservationDetail(ctx, rec.Number)
	if err != nil {
		t.Fatalf("re-read of %s: %v", rec.Number, err)
	}
	if !det.Start.Equal(rec.Start) || !det.End.Equal(rec.End) || det.NameKana != rec.Kana || det.Coupon != rec.Coupon ||
		len(det.Staff) != 1 || det.Staff[0].Designated != (rec.Staff != "") {
		t.Fatalf("detail %+v for %+v", det, *rec)
	}
}

// Stop ends the feed and frees both ports.
func TestStopFreesThePorts(t *testing.T) {
	cfg, ch := liveConfig(t, 23)
	d, err := sbdemo.Start(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	collect(t, ch, 3)
	imapAddr, webAddr := d.IMAPAddr(), d.WebURL()[len("http://"):]
	conn, err := net.Dial("tcp", imapAddr) // a client still connected must not hold the port
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	d.Stop()
	d.Stop()
	n := len(d.Fed())
	time.Sleep(30 * time.Millisecond)
	if len(d.Fed()) != n {
		t.Fatal("the feed goes on after Stop")
	}
	for _, a := range []string{imapAddr, webAddr} {
		ln, err := net.Listen("tcp", a)
		if err != nil {
			t.Fatalf("port %s still taken: %v", a, err)
		}
		ln.Close()
	}
}

// Cancelling Start's context stops the demo too.
func TestContextStopsTheDemo(t *testing.T) {
	cfg, _ := liveConfig(t, 24)
	ctx, cancel := context.WithCancel(context.Background())
	d, err := sbdemo.Start(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	addr := d.IMAPAddr()
	cancel()
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			break
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatal("the mailbox still answers after the context ended")
		}
		time.Sleep(10 * time.Millisecond)
	}
}

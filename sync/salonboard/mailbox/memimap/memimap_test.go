package memimap_test

import (
	"net"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"salondesk/sync/salonboard/mailbox/memimap"
)

// Mails appended directly are served over IMAP, survive Close, and are served
// again after Listen on the same port; Close frees the port.
func TestAppendCloseListen(t *testing.T) {
	s, err := memimap.New("u", "p")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Listen("127.0.0.1:0", nil); err != nil {
		t.Fatal(err)
	}
	addr := s.Addr()
	for i, msg := range []string{"Subject: one\r\n\r\n1\r\n", "Subject: two\r\n\r\n2\r\n"} {
		uid, err := s.Append([]byte(msg), time.Time{})
		if err != nil || uid != uint32(i+1) {
			t.Fatalf("append %d: uid %d, %v", i, uid, err)
		}
	}
	if n := count(t, addr); n != 2 {
		t.Fatalf("%d mails over IMAP", n)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if s.Addr() != "" {
		t.Fatal("Addr after Close")
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatalf("port still taken after Close: %v", err)
	}
	ln.Close()
	if err := s.Listen(addr, nil); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n := count(t, addr); n != 2 {
		t.Fatalf("%d mails after a restart", n)
	}
}

func count(t *testing.T, addr string) uint32 {
	t.Helper()
	c, err := imapclient.DialInsecure(addr, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Login("u", "p").Wait(); err != nil {
		t.Fatal(err)
	}
	data, err := c.Status(memimap.Inbox, &imap.StatusOptions{NumMessages: true}).Wait()
	if err != nil {
		t.Fatal(err)
	}
	return *data.NumMessages
}

// A mail appended while the client is between commands is announced as soon as
// the client starts IDLE (go-imap's in-memory tracker alone would keep it until
// the next change).
func TestIdleAnnouncesMailAppendedBeforeIt(t *testing.T) {
	s, err := memimap.New("u", "p")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Listen("127.0.0.1:0", nil); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	exists := make(chan uint32, 10)
	c, err := imapclient.DialInsecure(s.Addr(), &imapclient.Options{
		UnilateralDataHandler: &imapclient.UnilateralDataHandler{
			Mailbox: func(d *imapclient.UnilateralDataMailbox) {
				if d.NumMessages != nil {
					exists <- *d.NumMessages
				}
			},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Login("u", "p").Wait(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Select(memimap.Inbox, nil).Wait(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Append([]byte("Subject: early\r\n\r\nx\r\n"), time.Time{}); err != nil {
		t.Fatal(err)
	}
	idle, err := c.Idle()
	if err != nil {
		t.Fatal(err)
	}
	defer idle.Close()
	select {
	case n := <-exists:
		if n != 1 {
			t.Fatalf("EXISTS %d", n)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("IDLE never announced the mail appended before it")
	}
	if _, err := s.Append([]byte("Subject: late\r\n\r\nx\r\n"), time.Time{}); err != nil {
		t.Fatal(err)
	}
	select {
	case n := <-exists:
		if n != 2 {
			t.Fatalf("EXISTS %d", n)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("IDLE never announced the mail appended during it")
	}
}

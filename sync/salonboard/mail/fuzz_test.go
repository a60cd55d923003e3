package mail

import (
	"testing"
)

// FuzzParse feeds the table's mails (and whatever the fuzzer makes of them) to the
// parser without ParseWith's recover, so that a panic is a failure. A mail that
// parses must keep the promises the app relies on.
func FuzzParse(f *testing.F) {
	for _, c := range parseCases() {
		f.Add(c.message(f))
	}
	f.Add([]byte("From: yoyaku_system@salonboard.com\r\nSubject: 予約連絡\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: multipart/alternative; boundary=c\r\n\r\n--c\r\nContent-Type: text/html\r\n\r\n<p>■予約番号</p>\r\n--c--\r\n--b--\r\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		m, err := parse(raw, JST)
		if err != nil {
			return
		}
		switch m.Kind {
		case KindNew, KindChange, KindCancel:
			r := m.Reservation
			if r == nil || r.Number == "" {
				t.Fatalf("%v mail without reservation number: %+v", m.Kind, r)
			}
			if m.Kind != KindCancel && r.Start.IsZero() {
				t.Fatalf("%v mail without start", m.Kind)
			}
		default:
			if m.Reservation != nil {
				t.Fatalf("%v mail with a reservation", m.Kind)
			}
		}
		if m.From != Sender {
			t.Fatalf("accepted sender %q", m.From)
		}
	})
}

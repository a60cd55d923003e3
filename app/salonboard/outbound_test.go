package salonboard_test

import (
	"context"
	"io"
	"net"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"salondesk/app"
	"salondesk/app/salonboard"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/sync/outbox"
	"salondesk/sync/salonboard/sbdouble"
	"salondesk/sync/salonboard/web"
)

// outbound is SalonDesk → SALON BOARD on real parts: the web double behind a TCP proxy
// that can cut the network, the client, the outbox runner and the sync.
type outbound struct {
	*fixture
	double *sbdouble.Double
	proxy  *cutProxy
}

func newOutbound(t *testing.T, clientTimeout time.Duration) *outbound {
	return newOutboundClient(t, func(cfg *web.Config) { cfg.Timeout = clientTimeout })
}

// newOutboundClient is newOutbound with the web client's config edited (no pacing unless
// the edit sets one).
func newOutboundClient(t *testing.T, edit func(*web.Config)) *outbound {
	f := newRunningFixture(t)
	if err := f.sb.SetEnabled(f.ctx, true); err != nil {
		t.Fatal(err)
	}
	for name, id := range map[string]string{"佐藤": "W001", "鈴木": "W002"} {
		m, _ := f.app.Masters(f.ctx, true)
		for _, s := range m.Staff {
			if s.Name == name {
				s.SBID = id
				if err := f.app.SaveStaff(f.ctx, &s); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	d := sbdouble.New(sbdouble.Config{Location: time.Local, Now: f.app.Now})
	d.SetStaff([]sbdouble.Staff{{ID: "W001", Name: "佐藤", Capacity: 1}, {ID: "W002", Name: "鈴木", Capacity: 2}})
	srv := httptest.NewServer(d)
	t.Cleanup(srv.Close)
	p := newCutProxy(t, strings.TrimPrefix(srv.URL, "http://"))
	cfg := web.Config{BaseURL: "http://" + p.addr, UserID: "SD0000001", Password: "synthetic-pass",
		Pacing: &web.Pacing{}, Location: time.Local}
	edit(&cfg)
	client, err := web.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	runner := f.app.NewOutboxRunner(outbox.Options{PollInterval: 50 * time.Millisecond, BaseDelay: 20 * time.Millisecond,
		MaxDelay: 200 * time.Millisecond, MaxAttempts: 5})
	s := f.sb.NewSync(salonboard.Config{Web: client, ReconcileEvery: time.Hour}, runner)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { runner.Run(ctx); close(done) }()
	_ = s
	t.Cleanup(func() { cancel(); <-done })
	return &outbound{fixture: f, double: d, proxy: p}
}

func (o *outbound) registered() []sbdouble.Reservation {
	var out []sbdouble.Reservation
	for _, r := range o.double.Reservations() {
		if strings.HasPrefix(r.ID, "YG") {
			out = append(out, r)
		}
	}
	return out
}

func (o *outbound) reservation(t *testing.T, id int64) data.ReservationView {
	v, err := o.app.Reservation(o.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestRegisterOnceAndLink(t *testing.T) {
	o := newOutbound(t, 5*time.Second)
	saved := time.Now()
	r, err := o.book("佐藤", datatest.At("2026-11-21", "10:00"), "カット")
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the registration", func() bool { return o.reservation(t, r.ID).SyncState == data.SyncOK })
	t.Logf("save → verified registration: %v, %d HTTP requests (no pacing, cold session)",
		time.Since(saved).Round(time.Millisecond), len(o.double.Requests()))
	v := o.reservation(t, r.ID)
	held := o.registered()
	if len(held) != 1 || held[0].ID != v.SBNumber || held[0].KanaSei != "タナカ" || held[0].StaffID != "W001" ||
		!held[0].Start.Equal(r.Start) || held[0].End.Sub(held[0].Start) != time.Hour {
		t.Fatalf("SALON BOARD holds %+v, the reservation has %q", held, v.SBNumber)
	}
	// A change and a cancel follow it there.
	if _, err := o.app.SaveReservation(o.ctx, app.ReservationInput{ID: r.ID, CustomerID: r.CustomerID,
		Start: datatest.At("2026-11-21", "13:00"), StaffID: r.StaffID, MenuIDs: r.MenuIDs}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the change", func() bool {
		got, _ := o.double.Reservation(v.SBNumber)
		return got.Start.Hour() == 13
	})
	if err := o.app.CancelReservation(o.ctx, r.ID, false); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the cancel", func() bool {
		got, _ := o.double.Reservation(v.SBNumber)
		return got.Status >= sbdouble.StatusRefused && got.Status <= sbdouble.StatusAutoCancel
	})
	if n := len(o.registered()); n != 1 {
		t.Fatalf("SALON BOARD holds %d registrations", n)
	}
}

func TestTimeoutAfterCommitIsLinkedNotRegisteredTwice(t *testing.T) {
	o := newOutbound(t, 700*time.Millisecond)
	o.double.Inject(sbdouble.Fault{Kind: sbdouble.FaultTimeoutAfterCommit, Delay: 2 * time.Second})
	r, err := o.book("鈴木", datatest.At("2026-11-21", "11:00"), "カット")
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the retry to link it", func() bool { return o.reservation(t, r.ID).SyncState == data.SyncOK })
	held := o.registered()
	if len(held) != 1 || held[0].ID != o.reservation(t, r.ID).SBNumber {
		t.Fatalf("SALON BOARD holds %d registrations: %+v", len(held), held)
	}
}

func TestCapacityRefusalBecomesNotification(t *testing.T) {
	o := newOutbound(t, 5*time.Second)
	o.double.Inject(sbdouble.Fault{Kind: sbdouble.FaultCapacity})
	r, err := o.book("佐藤", datatest.At("2026-11-21", "15:00"), "カット")
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the failure", func() bool { return o.reservation(t, r.ID).SyncState == data.SyncFailed })
	v := o.reservation(t, r.ID)
	notes, _ := o.app.Notifications(o.ctx, 10)
	if v.SyncReason != data.ReasonCapacity || len(notes) != 1 || notes[0].Direction != data.DirAppToSB ||
		notes[0].Reason != data.ReasonCapacity || notes[0].ReservationNo != "1" || len(o.registered()) != 0 {
		t.Fatalf("reservation %q/%q, notifications %+v, SALON BOARD %d", v.SyncState, v.SyncReason, notes, len(o.registered()))
	}
}

func TestNetworkCutRegistersEverythingOnceAfterwards(t *testing.T) {
	o := newOutbound(t, 2*time.Second)
	o.proxy.cut()
	var ids []int64
	for i, at := range []string{"10:00", "11:00", "12:00", "13:00"} {
		staff := "鈴木"
		if i%2 == 0 {
			staff = "佐藤"
		}
		r, err := o.book(staff, datatest.At("2026-11-22", at), "前髪カット")
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	time.Sleep(500 * time.Millisecond) // the runner tries, and finds SALON BOARD unreachable
	if n := len(o.registered()); n != 0 {
		t.Fatalf("%d registered through a cut network", n)
	}
	o.proxy.restore()
	waitFor(t, "all registered", func() bool {
		for _, id := range ids {
			if o.reservation(t, id).SyncState != data.SyncOK {
				return false
			}
		}
		return true
	})
	if n := len(o.registered()); n != len(ids) {
		t.Fatalf("SALON BOARD holds %d registrations for %d reservations", n, len(ids))
	}
}

// cutProxy forwards TCP to the double; cut closes the port (connections refused) and
// restore opens it again on the same port.
type cutProxy struct {
	t      *testing.T
	addr   string
	target string
	mu     sync.Mutex
	ln     net.Listener
	conns  []net.Conn
}

func newCutProxy(t *testing.T, target string) *cutProxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &cutProxy{t: t, addr: ln.Addr().String(), target: target}
	p.serve(ln)
	t.Cleanup(p.cut)
	return p
}

func (p *cutProxy) serve(ln net.Listener) {
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			up, err := net.Dial("tcp", p.target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, up)
			p.mu.Unlock()
			go func() { io.Copy(up, c); up.Close() }()
			go func() { io.Copy(c, up); c.Close() }()
		}
	}()
}

func (p *cutProxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

func (p *cutProxy) restore() {
	ln, err := net.Listen("tcp", p.addr)
	if err != nil {
		p.t.Fatal(err)
	}
	p.serve(ln)
}

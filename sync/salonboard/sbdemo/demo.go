package sbdemo

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"salondesk/sync/salonboard/mailbox"
	"salondesk/sync/salonboard/mailbox/memimap"
	"salondesk/sync/salonboard/sbdouble"
	"salondesk/sync/salonboard/web"
)

// Demo credentials: synthetic, only valid for the in-process double and
// mailbox on loopback ports.
const (
	WebUserID    = "SD0000001"
	WebPassword  = "demo-synthetic-pass"
	IMAPUser     = "salon-demo"
	IMAPPassword = "demo-synthetic-imap"
)

// Demo is SALON BOARD running in the process. Create it with Start.
type Demo struct {
	cfg    Config
	double *sbdouble.Double
	box    *memimap.Server
	web    *http.Server
	webURL string

	cancel   context.CancelFunc
	loopDone chan struct{}
	webDone  chan struct{}
	stopOnce sync.Once

	stepMu sync.Mutex // one feed step at a time
	plan   *planner
	mails  int // mails sent so far (their order decides the charset)

	histMu sync.Mutex
	fed    []FeedEvent
}

// Start serves the web double and the mailbox on loopback ports and starts
// the feed. It runs until Stop or until ctx ends.
func Start(ctx context.Context, cfg Config) (*Demo, error) {
	cfg = cfg.withDefaults()
	d := &Demo{
		double: sbdouble.New(sbdouble.Config{UserID: WebUserID, Password: WebPassword,
			Location: cfg.Location, Now: cfg.Now}),
		loopDone: make(chan struct{}),
		webDone:  make(chan struct{}),
	}
	cfg.Staff = d.setUpStaff(cfg.Staff)
	d.setUpCatalogue(cfg)
	d.cfg, d.plan = cfg, newPlanner(cfg)
	box, err := memimap.New(IMAPUser, IMAPPassword)
	if err != nil {
		return nil, err
	}
	if err := box.Listen(cfg.IMAPAddr, nil); err != nil {
		return nil, fmt.Errorf("sbdemo: mailbox: %w", err)
	}
	d.box = box
	if err := d.serveWeb(cfg.WebAddr); err != nil {
		_ = box.Close()
		return nil, fmt.Errorf("sbdemo: web: %w", err)
	}
	ctx, d.cancel = context.WithCancel(ctx)
	go d.loop(ctx)
	go func() {
		<-ctx.Done()
		d.Stop()
	}()
	return d, nil
}

// setUpStaff gives the double the configured staff (numbering missing ids),
// or returns the double's own synthetic staff when none is configured.
func (d *Demo) setUpStaff(staff []Staff) []Staff {
	if len(staff) == 0 {
		for _, s := range d.double.Staff() {
			staff = append(staff, Staff{Name: s.Name, ID: s.ID, Capacity: max(s.Capacity, 1)})
		}
		return staff
	}
	rows := make([]sbdouble.Staff, len(staff))
	for i := range staff {
		if staff[i].ID == "" {
			staff[i].ID = fmt.Sprintf("W%09d", 201+i)
		}
		rows[i] = sbdouble.Staff{ID: staff[i].ID, Name: staff[i].Name, Capacity: staff[i].Capacity}
	}
	d.double.SetStaff(rows)
	return staff
}

func (d *Demo) serveWeb(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	d.web = &http.Server{Handler: d.double, ReadHeaderTimeout: 10 * time.Second}
	d.webURL = "http://" + ln.Addr().String()
	go func() {
		defer close(d.webDone)
		if err := d.web.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			_ = err // the app sees SALON BOARD offline, as with the real site
		}
	}()
	return nil
}

// Stop ends the feed and closes both servers; when it returns their ports
// are free. It may be called more than once.
func (d *Demo) Stop() {
	d.stopOnce.Do(func() {
		d.cancel()
		<-d.loopDone
		_ = d.web.Close()
		<-d.webDone
		_ = d.box.Close()
	})
}

// WebURL is the web double's base URL (http://127.0.0.1:port).
func (d *Demo) WebURL() string { return d.webURL }

// IMAPAddr is the mailbox's host:port (plain IMAP, no TLS: loopback only).
func (d *Demo) IMAPAddr() string { return d.box.Addr() }

// IMAPUser is the mailbox's demo user.
func (d *Demo) IMAPUser() string { return IMAPUser }

// IMAPPassword is the mailbox's demo password (synthetic, not a secret).
func (d *Demo) IMAPPassword() string { return IMAPPassword }

// Double is the SALON BOARD web double, for fault injection and inspection.
func (d *Demo) Double() *sbdouble.Double { return d.double }

// MailboxConfig is how the mailbox reader reaches the demo mailbox.
func (d *Demo) MailboxConfig() mailbox.Config {
	host, port, _ := net.SplitHostPort(d.IMAPAddr())
	p, _ := strconv.Atoi(port)
	return mailbox.Config{Host: host, Port: p, TLS: mailbox.NoTLS, User: IMAPUser, Password: IMAPPassword}
}

// WebConfig is how the web client reaches the demo's SALON BOARD.
func (d *Demo) WebConfig() web.Config {
	return web.Config{BaseURL: d.webURL, UserID: WebUserID, Password: WebPassword, Location: d.cfg.Location}
}

// Fed lists every mail fed so far, in order.
func (d *Demo) Fed() []FeedEvent {
	d.histMu.Lock()
	defer d.histMu.Unlock()
	return append([]FeedEvent(nil), d.fed...)
}

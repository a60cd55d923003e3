package mailbox

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"
)

// Reader delivers new mails from one mailbox to a Handler, forever: it waits
// with IDLE when the server offers it (polls otherwise) and reconnects with
// backoff after any failure.
type Reader struct {
	cfg     Config
	handle  Handler
	clock   Clock
	backoff Backoff
	log     *slog.Logger
	status  func(Status)

	mu     sync.Mutex
	cursor Cursor
}

// Status is what the reader reports after connecting, after each check of the
// mailbox and after each failure (for the top bar's online/offline).
type Status struct {
	Online    bool
	Idle      bool      // waiting with IDLE (false: polling)
	LastCheck time.Time // the last time the mailbox was read to the end
	Err       error     // the failure that made it offline, classified
	// Cursor is where the reader stands. It can move without a mail being
	// handled (SkipExisting, a new UIDVALIDITY): persist it when it changes.
	Cursor Cursor
}

// Option changes a Reader's collaborators.
type Option func(*Reader)

// WithClock injects time (tests).
func WithClock(c Clock) Option { return func(r *Reader) { r.clock = c } }

// WithBackoff injects the wait policy between failed attempts.
func WithBackoff(b Backoff) Option { return func(r *Reader) { r.backoff = b } }

// WithLogger logs connection events (never the password, never mail content).
func WithLogger(l *slog.Logger) Option { return func(r *Reader) { r.log = l } }

// WithStatus is called (on the reader's goroutine) whenever the status changes.
func WithStatus(f func(Status)) Option { return func(r *Reader) { r.status = f } }

// New makes a reader that continues after start.
func New(cfg Config, start Cursor, h Handler, opts ...Option) *Reader {
	r := &Reader{
		cfg:     cfg.withDefaults(),
		handle:  h,
		clock:   realClock{},
		backoff: NewExponential(),
		log:     slog.New(slog.DiscardHandler),
		status:  func(Status) {},
		cursor:  start,
	}
	for _, o := range opts {
		o(r)
	}
	return r
}

// Cursor is the last mail handled successfully.
func (r *Reader) Cursor() Cursor {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.cursor
}

func (r *Reader) setCursor(c Cursor) {
	r.mu.Lock()
	r.cursor = c
	r.mu.Unlock()
}

// Check tests the connection with this reader's settings (see the Check function).
func (r *Reader) Check(ctx context.Context) error { return Check(ctx, r.cfg) }

// Run reads until ctx is done, then returns nil. Failures are reported through
// the status callback and retried after a backoff; they never end Run.
func (r *Reader) Run(ctx context.Context) error {
	for ctx.Err() == nil {
		err := r.session(ctx)
		if ctx.Err() != nil {
			break
		}
		wait := r.backoff.Next()
		r.log.Warn("mailbox: disconnected", "host", r.cfg.Host, "user", r.cfg.User, "err", err, "retry_in", wait)
		r.status(Status{Err: err, Cursor: r.Cursor()})
		select {
		case <-ctx.Done():
		case <-r.clock.After(wait):
		}
	}
	return nil
}

// session is one connection: catch up, then wait for news, until it fails.
func (r *Reader) session(ctx context.Context) error {
	cn, err := dial(ctx, r.cfg)
	if err != nil {
		return err
	}
	defer cn.close()
	r.adopt(cn)
	idle := cn.idle && !r.cfg.DisableIdle
	r.log.Info("mailbox: connected", "host", r.cfg.Host, "user", r.cfg.User, "idle", idle)
	for {
		if err := r.catchUp(ctx, cn); err != nil {
			return err
		}
		r.backoff.Reset()
		ready := Status{Online: true, Idle: idle, LastCheck: r.clock.Now(), Cursor: r.Cursor()}
		if err := r.wait(ctx, cn, idle, func() { r.status(ready) }); err != nil {
			return err
		}
	}
}

// adopt checks the cursor against the mailbox's UIDVALIDITY: a new validity
// means old UIDs name other mails, so everything is delivered again.
func (r *Reader) adopt(cn *conn) {
	cur := r.Cursor()
	switch {
	case cur.UIDValidity == cn.uidValidity:
		return
	case cur.UIDValidity == 0 && r.cfg.SkipExisting && cn.uidNext > 0:
		r.setCursor(Cursor{UIDValidity: cn.uidValidity, LastUID: cn.uidNext - 1})
	default:
		if cur.UIDValidity != 0 {
			r.log.Warn("mailbox: UIDVALIDITY changed, reading the mailbox again", "old", cur.UIDValidity, "new", cn.uidValidity)
		}
		r.setCursor(Cursor{UIDValidity: cn.uidValidity})
	}
}

// errClosed ends a session whose connection dropped while waiting.
var errClosed = errors.New("connection closed by the server")

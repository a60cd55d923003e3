package salonboard

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"salondesk/app"
	"salondesk/sync/outbox"
	"salondesk/sync/salonboard/mailbox"
)

// keyMailCursor is where the mailbox reader stands: "UIDVALIDITY:UID".
const keyMailCursor = "salonboard.mail.cursor"

// Config is what the SALON BOARD sync runs with. A nil Web or Mailbox turns that side off.
type Config struct {
	Web            Web
	Mailbox        *mailbox.Config
	ReconcileEvery time.Duration // between near passes, default 10 minutes (the settings say 60)
	Horizon        int           // days ahead to reconcile, default 60
	Logger         *slog.Logger
	// Sessions holds logins back when another login keeps taking the session; nil: none.
	// It must be the one the Web client asks (web.Config.BeforeLogin).
	Sessions *SessionGuard
}

// Sync runs the inbound side: the mailbox reader, the periodic reconciliation and the web
// jobs (re-read, fetch, and the desk's register/change/cancel), in background goroutines.
type Sync struct {
	sb     *Room
	cfg    Config
	runner *outbox.Runner
	now    chan struct{}
	passMu sync.Mutex // one reconciliation at a time (the loop, sync --once, a test)

	mu          sync.Mutex
	bringIn     BringInProgress
	mailOnline  bool
	webOnline   bool
	lastSuccess time.Time
	lastErr     error
}

// Status is the sync's state for the top bar.
type Status struct {
	Configured  bool
	Online      bool
	LastSuccess time.Time
	LastError   string
	BringIn     BringInProgress // bringing the salon in: the window shows how far
}

// NewSync registers the web jobs' handlers on runner and returns the sync; Run starts it.
func (sb *Room) NewSync(cfg Config, runner *outbox.Runner) *Sync {
	if cfg.ReconcileEvery <= 0 {
		cfg.ReconcileEvery = 10 * time.Minute
	}
	if cfg.Horizon <= 0 {
		cfg.Horizon = 60
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	s := &Sync{sb: sb, cfg: cfg, runner: runner, now: make(chan struct{}, 1)}
	if cfg.Web != nil && runner != nil {
		runner.Handle(JobReread, sb.RereadHandler(cfg.Web))
		runner.Handle(JobFetch, sb.FetchHandler(cfg.Web))
		if w, ok := cfg.Web.(Writer); ok {
			runner.Handle(JobRegister, sb.RegisterHandler(w))
			runner.Handle(JobChange, sb.ChangeHandler(w))
			runner.Handle(JobCancel, sb.CancelHandler(w))
		}
	}
	return s
}

// Run reads the mailbox and reconciles until ctx ends.
func (s *Sync) Run(ctx context.Context) {
	var wg sync.WaitGroup
	if s.cfg.Mailbox != nil {
		wg.Go(func() {
			if _, err := s.readMail(ctx, false); err != nil && ctx.Err() == nil {
				s.cfg.Logger.Error("salonboard mailbox stopped", "err", err)
			}
		})
	}
	if s.cfg.Web != nil {
		if s.cfg.Sessions != nil {
			defer s.cfg.Sessions.resetOnSettings()()
		}
		wg.Go(func() { s.reconcileLoop(ctx) })
	}
	wg.Wait()
}

// SyncNow is 最新を表示: reconcile now and send what waits. It also lets a login held
// for a taken session happen again: staff asked for it.
func (s *Sync) SyncNow() {
	if s.cfg.Sessions != nil {
		s.cfg.Sessions.Reset()
	}
	select {
	case s.now <- struct{}{}:
	default:
	}
	if s.runner != nil {
		s.runner.Kick()
	}
}

// Status is the sync's state now.
func (s *Sync) Status() Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := Status{Configured: s.cfg.Web != nil || s.cfg.Mailbox != nil, LastSuccess: s.lastSuccess,
		BringIn: s.bringIn}
	st.Online = (s.cfg.Mailbox == nil || s.mailOnline) && (s.cfg.Web == nil || s.webOnline)
	if s.lastErr != nil {
		st.LastError = s.lastErr.Error()
	}
	return st
}

func (s *Sync) note(mail, webSide *bool, err error) {
	s.mu.Lock()
	switch {
	case mail != nil:
		s.mailOnline = *mail
	case webSide != nil:
		s.webOnline = *webSide
	}
	if err == nil {
		s.lastSuccess = s.sb.a.Now()
	} else {
		s.lastErr = err
	}
	s.mu.Unlock()
	s.sb.a.Events().Publish(app.SyncStatusChanged{})
}

// ReadMailOnce reads the mailbox to its end once (sync --once): each mail is applied and
// the cursor saved after it, as the window's reader does. It returns how many mails were
// handled; an unreachable mailbox is an error at once, not minutes of retries.
func (s *Sync) ReadMailOnce(ctx context.Context) (int, error) {
	if s.cfg.Mailbox == nil {
		return 0, errors.New("salonboard: no mailbox configured")
	}
	return s.readMail(ctx, true)
}

// readMail is the one mailbox loop: each mail is applied and the cursor kept after it.
// Once stops at the first time the mailbox was read to its end, or at the first error.
func (s *Sync) readMail(parent context.Context, once bool) (int, error) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	n := 0
	var mu sync.Mutex
	var lastErr error
	handler := func(ctx context.Context, uid uint32, raw []byte) error {
		meta, _ := mailbox.MetaFrom(ctx)
		res, err := s.sb.ApplyMail(ctx, raw, meta.MessageID)
		if err != nil {
			return err // offered again after a backoff: nothing is lost
		}
		s.cfg.Logger.Info("salonboard mail", "kind", res.Kind, "number", res.Number,
			"outcome", res.Apply.Outcome, "duplicate", res.Duplicate)
		mu.Lock()
		n++
		mu.Unlock()
		return s.sb.SaveMailCursor(ctx, meta.Cursor())
	}
	status := func(st mailbox.Status) {
		online := st.Online
		s.note(&online, nil, st.Err)
		if st.Cursor != (mailbox.Cursor{}) {
			_ = s.sb.SaveMailCursor(context.WithoutCancel(parent), st.Cursor)
		}
		if once && (st.Err != nil || !st.LastCheck.IsZero()) {
			mu.Lock()
			if st.Err != nil {
				lastErr = st.Err
			}
			mu.Unlock()
			cancel() // read to the end, or unreachable: say so instead of retrying
		}
	}
	cfg := *s.cfg.Mailbox
	if once {
		cfg.DisableIdle = true
	}
	r := mailbox.New(cfg, s.sb.MailCursor(parent), handler, mailbox.WithStatus(status),
		mailbox.WithLogger(s.cfg.Logger))
	err := r.Run(ctx)
	mu.Lock()
	defer mu.Unlock()
	if err != nil && !errors.Is(err, context.Canceled) {
		lastErr = err
	}
	if !once && parent.Err() != nil {
		return n, nil
	}
	return n, lastErr
}

// MailCursor is where the mailbox reader continues.
func (sb *Room) MailCursor(ctx context.Context) mailbox.Cursor {
	v, _ := sb.a.Setting(ctx, keyMailCursor, "")
	var c mailbox.Cursor
	fmt.Sscanf(v, "%d:%d", &c.UIDValidity, &c.LastUID)
	return c
}

// SaveMailCursor keeps where the mailbox reader stands.
func (sb *Room) SaveMailCursor(ctx context.Context, c mailbox.Cursor) error {
	return sb.a.SetSetting(ctx, keyMailCursor, fmt.Sprintf("%d:%d", c.UIDValidity, c.LastUID))
}

// reconcileLoop reconciles at start, on SyncNow and every ReconcileEvery.
func (s *Sync) reconcileLoop(ctx context.Context) {
	t := time.NewTimer(0)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-s.now:
		}
		s.ReconcileOnce(ctx)
		if !t.Stop() {
			select {
			case <-t.C:
			default:
			}
		}
		t.Reset(s.cfg.ReconcileEvery)
	}
}

// ReconcileOnce is one turn of the reconciliation: bringing the salon in (from where it
// stopped, until done or ctx ends) while it is not, then the steady passes.
func (s *Sync) ReconcileOnce(ctx context.Context) (ReconcileResult, error) {
	s.passMu.Lock()
	defer s.passMu.Unlock()
	var res ReconcileResult
	var err error
	if s.sb.BringInFinished(ctx) {
		res, err = s.sb.SteadyPass(ctx, s.cfg.Web, s.cfg.Horizon)
	} else {
		s.setBringIn(s.sb.BringInProgress(ctx))
		res, err = s.sb.BringIn(ctx, s.cfg.Web, s.cfg.Horizon, s.setBringIn)
	}
	online := err == nil
	s.note(nil, &online, err)
	if err != nil {
		s.cfg.Logger.Warn("salonboard reconcile", "err", err)
		s.sb.raiseWebStop(ctx, err)
	} else {
		s.cfg.Logger.Info("salonboard reconcile", "rows", res.Rows, "days", res.Days, "added", res.Added,
			"changed", res.Changed, "cancelled", res.Cancelled, "failed", res.Failed)
	}
	return res, err
}

// setBringIn keeps the progress for Status and tells the window.
func (s *Sync) setBringIn(p BringInProgress) {
	s.mu.Lock()
	s.bringIn = p
	s.mu.Unlock()
	s.sb.a.Events().Publish(app.SyncStatusChanged{})
}

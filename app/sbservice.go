package app

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"salondesk/data"
	"salondesk/sync/outbox"
	"salondesk/sync/salonboard/mailbox"
)

// Settings keys of the SALON BOARD sync's own state.
const keyMailCursor = "salonboard.mail.cursor" // "UIDVALIDITY:UID"

// SalonBoardConfig is what the SALON BOARD sync runs with. A nil Web or Mailbox turns
// that side off.
type SalonBoardConfig struct {
	Web            SalonBoardWeb
	Mailbox        *mailbox.Config
	ReconcileEvery time.Duration // default 10 minutes
	Horizon        int           // days ahead to reconcile, default 60
	Logger         *slog.Logger
}

// SalonBoardSync runs the inbound side: the mailbox reader, the periodic reconciliation
// and the web jobs (re-read, fetch), in background goroutines.
type SalonBoardSync struct {
	a      *App
	cfg    SalonBoardConfig
	runner *outbox.Runner
	now    chan struct{}

	mu          sync.Mutex
	mailOnline  bool
	webOnline   bool
	lastSuccess time.Time
	lastErr     error
}

// SalonBoardStatus is the sync's state for the top bar.
type SalonBoardStatus struct {
	Configured  bool
	Online      bool
	LastSuccess time.Time
	LastError   string
}

// NewSalonBoardSync registers the web jobs' handlers on runner and returns the sync;
// Run starts it.
func (a *App) NewSalonBoardSync(cfg SalonBoardConfig, runner *outbox.Runner) *SalonBoardSync {
	if cfg.ReconcileEvery <= 0 {
		cfg.ReconcileEvery = 10 * time.Minute
	}
	if cfg.Horizon <= 0 {
		cfg.Horizon = 60
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	s := &SalonBoardSync{a: a, cfg: cfg, runner: runner, now: make(chan struct{}, 1)}
	if cfg.Web != nil && runner != nil {
		runner.Handle(JobSBReread, a.RereadHandler(cfg.Web))
		runner.Handle(JobSBFetch, a.FetchHandler(cfg.Web))
		if w, ok := cfg.Web.(SalonBoardWriter); ok {
			runner.Handle(JobSBRegister, a.RegisterHandler(w))
			runner.Handle(JobSBChange, a.ChangeHandler(w))
			runner.Handle(JobSBCancel, a.CancelHandler(w))
		}
	}
	return s
}

// Run reads the mailbox and reconciles until ctx ends.
func (s *SalonBoardSync) Run(ctx context.Context) {
	var wg sync.WaitGroup
	if s.cfg.Mailbox != nil {
		wg.Add(1)
		go func() { defer wg.Done(); s.readMail(ctx) }()
	}
	if s.cfg.Web != nil {
		wg.Add(1)
		go func() { defer wg.Done(); s.reconcileLoop(ctx) }()
	}
	wg.Wait()
}

// SyncNow is 最新を表示: reconcile now and send what waits.
func (s *SalonBoardSync) SyncNow() {
	select {
	case s.now <- struct{}{}:
	default:
	}
	if s.runner != nil {
		s.runner.Kick()
	}
}

// Status is the sync's state now.
func (s *SalonBoardSync) Status() SalonBoardStatus {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := SalonBoardStatus{Configured: s.cfg.Web != nil || s.cfg.Mailbox != nil, LastSuccess: s.lastSuccess}
	st.Online = (s.cfg.Mailbox == nil || s.mailOnline) && (s.cfg.Web == nil || s.webOnline)
	if s.lastErr != nil {
		st.LastError = s.lastErr.Error()
	}
	return st
}

func (s *SalonBoardSync) note(mail, webSide *bool, err error) {
	s.mu.Lock()
	switch {
	case mail != nil:
		s.mailOnline = *mail
	case webSide != nil:
		s.webOnline = *webSide
	}
	if err == nil {
		s.lastSuccess = s.a.now()
	} else {
		s.lastErr = err
	}
	s.mu.Unlock()
	s.a.events.Publish(SyncStatusChanged{})
}

// readMail runs the mailbox reader; each mail is applied and the cursor kept.
func (s *SalonBoardSync) readMail(ctx context.Context) {
	start := s.loadCursor(ctx)
	handler := func(ctx context.Context, uid uint32, raw []byte) error {
		meta, _ := mailbox.MetaFrom(ctx)
		res, err := s.a.ApplyMail(ctx, raw, meta.MessageID)
		if err != nil {
			return err // offered again after a backoff: nothing is lost
		}
		s.cfg.Logger.Info("salonboard mail", "kind", res.Kind, "number", res.Number,
			"outcome", res.Apply.Outcome, "duplicate", res.Duplicate)
		return s.saveCursor(ctx, meta.Cursor())
	}
	status := func(st mailbox.Status) {
		online := st.Online
		s.note(&online, nil, st.Err)
		if st.Cursor != (mailbox.Cursor{}) {
			_ = s.saveCursor(context.Background(), st.Cursor)
		}
	}
	r := mailbox.New(*s.cfg.Mailbox, start, handler, mailbox.WithStatus(status), mailbox.WithLogger(s.cfg.Logger))
	if err := r.Run(ctx); err != nil && ctx.Err() == nil {
		s.cfg.Logger.Error("salonboard mailbox stopped", "err", err)
	}
}

func (s *SalonBoardSync) loadCursor(ctx context.Context) mailbox.Cursor { return s.a.MailCursor(ctx) }

func (s *SalonBoardSync) saveCursor(ctx context.Context, c mailbox.Cursor) error {
	return s.a.SaveMailCursor(ctx, c)
}

// MailCursor is where the mailbox reader continues.
func (a *App) MailCursor(ctx context.Context) mailbox.Cursor {
	v, _ := a.store.Setting(ctx, keyMailCursor, "")
	var c mailbox.Cursor
	fmt.Sscanf(v, "%d:%d", &c.UIDValidity, &c.LastUID)
	return c
}

// SaveMailCursor keeps where the mailbox reader stands.
func (a *App) SaveMailCursor(ctx context.Context, c mailbox.Cursor) error {
	return a.store.Tx(ctx, func(tx *sql.Tx) error {
		return data.SetSetting(ctx, tx, keyMailCursor, fmt.Sprintf("%d:%d", c.UIDValidity, c.LastUID))
	})
}

// reconcileLoop reconciles at start, on SyncNow and every ReconcileEvery.
func (s *SalonBoardSync) reconcileLoop(ctx context.Context) {
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

// ReconcileOnce reconciles today to the horizon once.
func (s *SalonBoardSync) ReconcileOnce(ctx context.Context) (ReconcileResult, error) {
	today := data.DayStart(s.a.now())
	res, err := s.a.Reconcile(ctx, s.cfg.Web, today, today.AddDate(0, 0, s.cfg.Horizon))
	online := err == nil
	s.note(nil, &online, err)
	if err != nil {
		s.cfg.Logger.Warn("salonboard reconcile", "err", err)
		s.a.raiseWebStop(ctx, err)
	} else {
		s.cfg.Logger.Info("salonboard reconcile", "rows", res.Rows, "added", res.Added, "changed", res.Changed,
			"cancelled", res.Cancelled, "failed", res.Failed)
	}
	return res, err
}

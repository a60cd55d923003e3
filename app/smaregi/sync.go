package smaregi

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2/lang"

	"salondesk/data"
	"salondesk/sync/outbox"
	"salondesk/sync/smaregi"
)

// Sync is Smaregi's background work: the job handlers on the outbox runner, the
// transaction receiver, and the pull on the settings' interval.
type Sync struct {
	room *Room
	cfg  Config
	srv  *smaregi.Server
	now  chan struct{}

	mu       sync.Mutex
	lastPull time.Time
	online   bool
	url      string
}

// SyncStatus is what the top bar and システム情報 show of Smaregi.
type SyncStatus struct {
	Configured  bool
	Online      bool      // the last pull reached Smaregi
	LastSuccess time.Time // the last successful pull
	ReceiverURL string    // the 送信URL path and port ("" when the receiver is not listening)
}

// NewSync registers the room's handlers on runner; Run starts the rest.
func (r *Room) NewSync(cfg Config, runner *outbox.Runner) *Sync {
	runner.Handle(JobCustomerUpsert, r.UpsertHandler(cfg.Client))
	runner.Handle(JobCustomerDelete, r.DeleteHandler(cfg.Client))
	runner.Handle(JobProductUpsert, r.ProductUpsertHandler(cfg.Client))
	runner.Handle(JobProductDelete, r.ProductDeleteHandler(cfg.Client))
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	return &Sync{room: r, cfg: cfg, online: true, now: make(chan struct{}, 1)}
}

// Run starts the receiver (a port already taken is told in お知らせ; the pull still
// brings every sale) and pulls until ctx ends.
func (s *Sync) Run(ctx context.Context) {
	srv := smaregi.NewServer(s.cfg.ReceiverAddr, "", smaregi.NewReceiver(s.room, s.room, s.cfg.Logger))
	if err := srv.Start(); err != nil {
		s.cfg.Logger.Error("smaregi receiver", "err", err)
		if errors.Is(err, smaregi.ErrPortInUse) {
			port := strings.TrimPrefix(s.cfg.ReceiverAddr, ":")
			_ = s.room.raiseOnce(ctx, data.DirSmaregiToApp, ReasonPortInUse, lang.X("smaregi.notice.port_in_use",
				"スマレジの取引を受け取れません: ポート {{.Port}} は他のプログラムが使っています。設定 > スマレジ で別のポートにして、スマレジの送信URLも直してください。取引は定期的な取得で届きます。",
				map[string]any{"Port": port}))
		}
	} else {
		s.mu.Lock()
		s.srv = srv // Port reads it from the UI goroutine
		s.mu.Unlock()
		defer func() {
			s.mu.Lock()
			s.srv = nil
			s.mu.Unlock()
			sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
			defer cancel()
			_ = srv.Shutdown(sctx)
		}()
	}
	every := s.cfg.PullEvery
	if every <= 0 {
		every = 10 * time.Minute
	}
	for {
		s.PullOnce(ctx)
		select {
		case <-ctx.Done():
			return
		case <-time.After(every):
		case <-s.now:
		}
	}
}

// PullOnce pulls the new transactions now; a configuration problem is told once.
func (s *Sync) PullOnce(ctx context.Context) {
	_, err := s.room.Pull(ctx, s.cfg.Client)
	s.mu.Lock()
	s.online = err == nil || smaregi.KindOf(err) != smaregi.KindTransient
	if err == nil {
		s.lastPull = s.room.a.Now()
	}
	s.mu.Unlock()
	switch {
	case err == nil, ctx.Err() != nil:
	case smaregi.KindOf(err) == smaregi.KindConfig:
		_ = s.room.TellConfigProblem(ctx, err)
	default:
		s.cfg.Logger.Warn("smaregi pull", "err", err)
	}
}

// PullNow asks Run for a pull at once (最新を表示); it never blocks.
func (s *Sync) PullNow() {
	select {
	case s.now <- struct{}{}:
	default:
	}
}

// Port is the receiver's port, 0 when it is not listening.
func (s *Sync) Port() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.srv == nil {
		return 0
	}
	return s.srv.Port()
}

// Status is Smaregi's state now; it returns at once.
func (s *Sync) Status() SyncStatus {
	s.mu.Lock()
	defer s.mu.Unlock()
	return SyncStatus{Configured: true, Online: s.online, LastSuccess: s.lastPull}
}

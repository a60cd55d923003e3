// Package workers is the set of background goroutines of a running SalonDesk: the outbox
// runner and, when SALON BOARD is set up (or in the demo), its sync. The window and the
// tray start, ask and stop them through here.
package workers

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"salondesk/app"
	"salondesk/app/salonboard"
	"salondesk/sync/outbox"
)

// Workers are the running background goroutines.
type Workers struct {
	runner *outbox.Runner
	sb     *salonboard.Sync // nil when SALON BOARD is not set up
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// Status is the top bar's sync state.
type Status struct {
	Configured bool
	Online     bool
	LastSync   time.Time
}

// Start starts the outbox runner and, with sbCfg, the SALON BOARD sync of room.
func Start(a *app.App, room *salonboard.Room, sbCfg *salonboard.Config, logger *slog.Logger) *Workers {
	ctx, cancel := context.WithCancel(context.Background())
	w := &Workers{cancel: cancel}
	w.runner = a.NewOutboxRunner(outbox.Options{Logf: func(f string, args ...any) { logger.Info(fmt.Sprintf(f, args...)) }})
	if sbCfg != nil {
		w.sb = room.NewSync(*sbCfg, w.runner)
		w.wg.Go(func() { w.sb.Run(ctx) })
	}
	w.wg.Go(func() {
		if err := w.runner.Run(ctx); err != nil {
			logger.Error("outbox stopped", "err", err)
		}
	})
	return w
}

// Stop ends the workers and waits for them (before the database closes).
func (w *Workers) Stop() {
	w.cancel()
	w.wg.Wait()
}

// SyncNow is 最新を表示.
func (w *Workers) SyncNow() {
	if w.sb != nil {
		w.sb.SyncNow()
	}
	w.runner.Kick()
}

// Status is the sync state now; it returns at once.
func (w *Workers) Status() Status {
	if w.sb == nil {
		return Status{}
	}
	st := w.sb.Status()
	rs := w.runner.Status()
	last := st.LastSuccess
	if rs.LastSuccess.After(last) {
		last = rs.LastSuccess
	}
	return Status{Configured: st.Configured, Online: st.Online && rs.Online, LastSync: last}
}

// StateLine is システム情報's line about the sync.
func (w *Workers) StateLine() string {
	st := w.Status()
	switch {
	case !st.Configured:
		return "同期未設定"
	case st.Online:
		return "オンライン 最終同期 " + st.LastSync.Format("2006/01/02 15:04")
	}
	return "オフライン"
}

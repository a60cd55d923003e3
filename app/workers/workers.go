// Package workers is the set of background goroutines of a running SalonDesk: the outbox
// runner and, when they are set up (or in the demo), the SALON BOARD sync and Smaregi's
// receiver and pull. The window and the tray start, ask and stop them through here;
// `sync --once` runs one cycle of the same loops (Once).
package workers

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"salondesk/app"
	"salondesk/app/salonboard"
	"salondesk/app/smaregi"
	"salondesk/sync/outbox"
)

// Workers are the running background goroutines.
type Workers struct {
	runner *outbox.Runner
	sb     *salonboard.Sync // nil when SALON BOARD is not set up
	sm     *smaregi.Sync    // nil when Smaregi is not set up
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// Status is the top bar's sync state.
type Status struct {
	Configured bool
	Online     bool
	LastSync   time.Time
	BringIn    salonboard.BringInProgress // SALON BOARD's reservations being brought in
}

// Start starts the outbox runner and, with sbCfg, the SALON BOARD sync of room.
func Start(a *app.App, room *salonboard.Room, sbCfg *salonboard.Config, logger *slog.Logger) *Workers {
	return StartAll(a, room, sbCfg, nil, logger)
}

// Smaregi is the Smaregi part of StartAll: its room and its configuration.
type Smaregi struct {
	Room   *smaregi.Room
	Config smaregi.Config
}

// StartAll is Start plus, with sm, Smaregi's handlers, receiver and pull.
func StartAll(a *app.App, room *salonboard.Room, sbCfg *salonboard.Config, sm *Smaregi, logger *slog.Logger) *Workers {
	ctx, cancel := context.WithCancel(context.Background())
	w := &Workers{cancel: cancel}
	w.runner = a.NewOutboxRunner(outbox.Options{Logf: func(f string, args ...any) { logger.Info(fmt.Sprintf(f, args...)) }})
	if sbCfg != nil {
		w.sb = room.NewSync(*sbCfg, w.runner)
		w.wg.Go(func() { w.sb.Run(ctx) })
	}
	if sm != nil {
		w.sm = sm.Room.NewSync(sm.Config, w.runner)
		w.wg.Go(func() { w.sm.Run(ctx) })
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
	if w.sm != nil {
		w.sm.PullNow()
	}
	w.runner.Kick()
}

// Status is the sync state now; it returns at once.
func (w *Workers) Status() Status {
	if w.sb == nil && w.sm == nil {
		return Status{}
	}
	rs := w.runner.Status()
	out := Status{Online: rs.Online, LastSync: rs.LastSuccess}
	if w.sb != nil {
		st := w.sb.Status()
		out.BringIn = st.BringIn
		out.Configured = out.Configured || st.Configured
		out.Online = out.Online && st.Online
		if st.LastSuccess.After(out.LastSync) {
			out.LastSync = st.LastSuccess
		}
	}
	if w.sm != nil {
		st := w.sm.Status()
		out.Configured = true
		out.Online = out.Online && st.Online
		if st.LastSuccess.After(out.LastSync) {
			out.LastSync = st.LastSuccess
		}
	}
	return out
}

// SmaregiPort is the Smaregi receiver's port, 0 when it is not listening.
func (w *Workers) SmaregiPort() int {
	if w.sm == nil {
		return 0
	}
	return w.sm.Port()
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

package main

import (
	"context"
	"log"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"salondesk/app"
	"salondesk/app/backup"
	"salondesk/app/salonboard"
	"salondesk/app/secrets"
	"salondesk/app/smaregi"
	"salondesk/app/workers"
	"salondesk/cli"
)

// behind is what startBehind needs from runGUI.
type behind struct {
	o       cli.Options
	dir     string
	dbPath  string
	a       *app.App
	sec     *secrets.Store
	seed    func(context.Context) error // the demo's daily seeding still to do, or nil
	room    *salonboard.Room
	smRoom  *smaregi.Room
	workers *deskWorkers
	sender  *deskSender
	masters *workers.Masters
	logger  *slog.Logger
	win     fyne.Window
}

// startBehind is what runs after the first frame, in this order: the keychain read, the
// demo's seeding (the window showed an empty day; the change events refresh it), the
// demo's doubles of SALON BOARD and Smaregi (they book against the seeded salon), the
// workers, the daily backup. What it starts is undone by l.stop.
func startBehind(ctx context.Context, l *later, b behind) {
	go func() {
		if _, err := b.sec.LoadAll(); err != nil {
			log.Printf("keychain: %v", err)
		}
	}()
	if b.seed != nil {
		if err := b.seed(ctx); err != nil {
			if ctx.Err() != nil {
				return // the window closed while seeding: the next start seeds again
			}
			log.Printf("demo: %v", err)
			fyne.Do(func() { dialog.ShowError(err, b.win) })
			return
		}
		// The salon was seeded behind the window's back (by its own app value):
		// everything the screens show changed. Nothing else publishes before the workers
		// start below, so the tray's next refresh is this one: no notification for the
		// failures the demo starts with.
		l.backlog.Store(true)
		for _, e := range []app.Event{app.MastersChanged{}, app.CustomersChanged{}, app.ReservationsChanged{},
			app.NotificationsChanged{}, app.SettingsChanged{}} {
			b.a.Events().Publish(e)
		}
	}
	if ctx.Err() != nil {
		return
	}
	var sbCfg *salonboard.Config
	if b.o.Demo {
		cfg, stop, err := b.room.StartDemo(ctx, b.logger)
		if err != nil {
			b.logger.Warn("demo SALON BOARD not started", "err", err)
		} else {
			sbCfg = cfg
			l.onStop(stop)
		}
	} else {
		sbCfg = workers.SalonBoardFor(ctx, b.room, b.sec, b.logger)
	}
	b.masters.SetRunning(sbCfg)
	sm, stopSm := workers.SmaregiFor(ctx, b.smRoom, b.o.Demo, b.sec, b.logger)
	l.onStop(stopSm)
	if sm != nil {
		b.sender.running.Store(&sm.Config)
	}
	w := workers.StartAll(b.a, b.room, sbCfg, sm, b.logger)
	l.onStop(w.Stop)
	b.workers.set(w)
	b.a.Events().Publish(app.SyncStatusChanged{})
	if !b.o.Demo {
		daily := &backup.Daily{DBPath: b.dbPath, Dir: backup.Dir(b.dir), Now: time.Now, Logf: log.Printf}
		done := make(chan struct{})
		go func() {
			defer close(done)
			daily.Run(ctx)
		}()
		l.onStop(func() { <-done }) // a backup in progress ends before the database closes
	}
}

// later is the work runGUI starts once the window is on screen (ui.Options.Shown), so
// that a front desk sees SalonDesk at once: the demo's daily seeding, the demo's
// doubles, the workers (SALON BOARD with its mailbox and reconciliation, Smaregi, the
// outbox) and the daily backup. Nothing of it may touch widgets except via fyne.Do.
type later struct {
	ctx    context.Context
	cancel context.CancelFunc
	done   chan struct{} // closed when the started function returns

	// backlog is set when the demo's seeding has ended and the tray has yet to take its
	// failures in: the tray swaps it back at its next refresh and notifies nothing then.
	backlog atomic.Bool

	mu      sync.Mutex
	started bool
	stopped bool
	stops   []func() // run in reverse order by stop, after the start has returned
}

func newLater() *later {
	ctx, cancel := context.WithCancel(context.Background())
	return &later{ctx: ctx, cancel: cancel, done: make(chan struct{})}
}

// start runs f on its own goroutine, once, unless stop came first; f registers what
// stop must undo with onStop.
func (l *later) start(f func(ctx context.Context)) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.started || l.stopped {
		return
	}
	l.started = true
	go func() {
		defer close(l.done)
		f(l.ctx)
	}()
}

// onStop registers an undo for stop (the last registered runs first).
func (l *later) onStop(f func()) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.stops = append(l.stops, f)
}

// stop cuts a start still running short, waits for it, and undoes what it started, so
// that all of it has ended before the database closes. Safe when start never ran.
func (l *later) stop() {
	l.cancel()
	l.mu.Lock()
	started := l.started
	l.stopped = true
	l.mu.Unlock()
	if started {
		<-l.done
	}
	l.mu.Lock()
	stops := l.stops
	l.stops = nil
	l.mu.Unlock()
	for i := len(stops) - 1; i >= 0; i-- {
		stops[i]()
	}
}

// deskWorkers is the window's handle on the workers, which start after the first frame:
// until then there is nothing to sync and the top bar says the sync is not running.
type deskWorkers struct {
	p atomic.Pointer[workers.Workers]
}

func (d *deskWorkers) set(w *workers.Workers) { d.p.Store(w) }

// SyncNow is 最新を表示 (nothing before the workers run: they sync when they start).
func (d *deskWorkers) SyncNow() {
	if w := d.p.Load(); w != nil {
		w.SyncNow()
	}
}

// Status is the top bar's sync state.
func (d *deskWorkers) Status() workers.Status {
	if w := d.p.Load(); w != nil {
		return w.Status()
	}
	return workers.Status{}
}

// StateLine is システム情報's line about the sync.
func (d *deskWorkers) StateLine() string {
	if w := d.p.Load(); w != nil {
		return w.StateLine()
	}
	var none workers.Workers // no sync configured: its line
	return none.StateLine()
}

// SmaregiPort is the Smaregi receiver's port, 0 while it does not listen.
func (d *deskWorkers) SmaregiPort() int {
	if w := d.p.Load(); w != nil {
		return w.SmaregiPort()
	}
	return 0
}

// deskSender is 「スマレジへ一括反映」's sender: it uses the running Smaregi sync's client
// once the workers run, and the settings' before (as smaregi.Sender does without one).
type deskSender struct {
	base    smaregi.Sender
	running atomic.Pointer[smaregi.Config]
}

func (s *deskSender) sender() smaregi.Sender {
	snd := s.base
	snd.Running = s.running.Load()
	return snd
}

// Enabled reports whether Smaregi sync is on.
func (s *deskSender) Enabled(ctx context.Context) bool { return s.sender().Enabled(ctx) }

// SendImported sends the imported customers Smaregi does not know yet.
func (s *deskSender) SendImported(ctx context.Context, progress func(done, total int)) error {
	return s.sender().SendImported(ctx, progress)
}

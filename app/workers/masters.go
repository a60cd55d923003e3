package workers

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"salondesk/app/salonboard"
	"salondesk/app/secrets"
	"salondesk/sync/salonboard/web"
)

// Masters is what 「SALON BOARDから取り込む」 reads: the running sync's web client once
// the workers run (one login, one session), else a client made from the settings saved
// now, so that a salon setting SALON BOARD up for the first time can import at once,
// without restarting SalonDesk.
type Masters struct {
	room    *salonboard.Room
	sec     *secrets.Store
	logger  *slog.Logger
	running atomic.Pointer[salonboard.Config]

	mu      sync.Mutex
	own     *salonboard.Config // made from the settings, for one import
	ownMade time.Time
}

// ownFor is how long a client made from the settings is reused: one import reads the
// form and then the list, and a second client would log in again (ending the first's
// session). Settings saved since are read on the next import.
const ownFor = 10 * time.Minute

// NewMasters reads with a client from the settings until SetRunning hands it the sync's.
func NewMasters(room *salonboard.Room, sec *secrets.Store, logger *slog.Logger) *Masters {
	return &Masters{room: room, sec: sec, logger: logger}
}

// SetRunning gives it the running sync's configuration (nil: none runs).
func (d *Masters) SetRunning(cfg *salonboard.Config) { d.running.Store(cfg) }

// source is the client to read with; ErrNotConfigured (in Japanese) when SALON BOARD is
// not set up in 設定.
func (d *Masters) source(ctx context.Context) (salonboard.MastersSource, error) {
	cfg := d.running.Load()
	if cfg == nil {
		var err error
		if cfg, err = d.fromSettings(ctx); err != nil {
			return nil, err
		}
	}
	src, ok := cfg.Web.(salonboard.MastersSource)
	if !ok {
		return nil, salonboard.ErrNotConfigured
	}
	return src, nil
}

// fromSettings is a client made from the settings, reused for ownFor.
func (d *Masters) fromSettings(ctx context.Context) (*salonboard.Config, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.own != nil && time.Since(d.ownMade) < ownFor {
		return d.own, nil
	}
	c, err := salonboard.ConfigFromSettings(ctx, d.room.App(), d.sec, d.logger)
	if err != nil {
		return nil, err
	}
	d.own, d.ownMade = &c, time.Now()
	return d.own, nil
}

// ReadMasters reads SALON BOARD's staff, menus and coupons.
func (d *Masters) ReadMasters(ctx context.Context) (web.Masters, error) {
	src, err := d.source(ctx)
	if err != nil {
		return web.Masters{}, err
	}
	return src.ReadMasters(ctx)
}

// ListReservations reads SALON BOARD's reservation list for [from, to].
func (d *Masters) ListReservations(ctx context.Context, from, to time.Time) ([]web.ListRow, error) {
	src, err := d.source(ctx)
	if err != nil {
		return nil, err
	}
	return src.ListReservations(ctx, from, to)
}

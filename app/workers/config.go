package workers

import (
	"context"
	"errors"
	"log/slog"

	"salondesk/app/salonboard"
	"salondesk/app/secrets"
	"salondesk/app/smaregi"
)

// SalonBoardFor is the SALON BOARD sync the window runs: from the settings and the
// keychain, or none (said in the log) when it is not set up. The demo runs its own
// (salonboard.Room.StartDemo).
func SalonBoardFor(ctx context.Context, room *salonboard.Room, sec *secrets.Store, logger *slog.Logger) *salonboard.Config {
	cfg, err := salonboard.ConfigFromSettings(ctx, room.App(), sec, logger)
	if err != nil {
		if !errors.Is(err, salonboard.ErrNotConfigured) {
			logger.Warn("SALON BOARD sync not started", "err", err)
		}
		return nil
	}
	return &cfg
}

// SmaregiFor is the Smaregi sync the window runs: the demo's (against its in-process
// double), or from 設定 > スマレジ and the keychain, or none (said in the log) when it is
// off. stop ends the demo's double; it is never nil.
func SmaregiFor(ctx context.Context, room *smaregi.Room, demo bool, sec *secrets.Store, logger *slog.Logger) (*Smaregi, func()) {
	if demo {
		cfg, stop, err := room.StartDemo(ctx, logger)
		if err != nil {
			logger.Warn("demo Smaregi not started", "err", err)
			return nil, func() {}
		}
		return &Smaregi{Room: room, Config: *cfg}, stop
	}
	cfg, err := smaregi.ConfigFromSettings(ctx, room.App(), sec, logger, false)
	if err != nil {
		if !errors.Is(err, smaregi.ErrNotConfigured) {
			logger.Warn("Smaregi sync not started", "err", err)
		}
		return nil, func() {}
	}
	return &Smaregi{Room: room, Config: cfg}, func() {}
}

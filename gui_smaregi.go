package main

import (
	"context"
	"errors"
	"log/slog"

	"salondesk/app/secrets"
	"salondesk/app/settings"
	"salondesk/app/smaregi"
	"salondesk/app/workers"
	smapi "salondesk/sync/smaregi"
)

// smaregiWorker is the Smaregi sync to run: the demo's (against its in-process double),
// or from 設定 > スマレジ and the keychain, or none (said in the log) when it is off.
// stop ends the demo's double; it is never nil.
func smaregiWorker(ctx context.Context, o options, room *smaregi.Room, sec *secrets.Store, logger *slog.Logger) (*workers.Smaregi, func()) {
	if o.demo {
		cfg, stop, err := room.StartDemo(ctx, logger)
		if err != nil {
			logger.Warn("demo Smaregi not started", "err", err)
			return nil, func() {}
		}
		return &workers.Smaregi{Room: room, Config: *cfg}, stop
	}
	cfg, err := smaregi.ConfigFromSettings(ctx, room.App(), sec, logger, false)
	if err != nil {
		if !errors.Is(err, smaregi.ErrNotConfigured) {
			logger.Warn("Smaregi sync not started", "err", err)
		}
		return nil, func() {}
	}
	return &workers.Smaregi{Room: room, Config: cfg}, func() {}
}

// smaregiTest is 設定 > スマレジ's 接続テスト: the values on the screen and the token
// typed (or kept), tried by the room's Check.
func smaregiTest(room *smaregi.Room, logger *slog.Logger) func(ctx context.Context, sm settings.Smaregi, token string) error {
	return func(ctx context.Context, sm settings.Smaregi, token string) error {
		cl, err := smapi.New(smapi.Config{URL: sm.URL, ContractID: sm.ContractID, AccessToken: token, Logger: logger})
		if err != nil {
			return err
		}
		return room.Check(ctx, cl)
	}
}

// smaregiSender is what お客様管理's 「スマレジへ一括反映」 and システム情報's IDコード
// list need: the room, with the client of the running sync (the demo's double) or, when
// none runs, one made from the settings at the time of the send.
type smaregiSender struct {
	room    *smaregi.Room
	running *workers.Smaregi
	sec     *secrets.Store
	logger  *slog.Logger
}

// Enabled reports whether Smaregi sync is on.
func (s smaregiSender) Enabled(ctx context.Context) bool { return s.room.Enabled(ctx) }

// SendImported sends the imported customers Smaregi does not know yet.
func (s smaregiSender) SendImported(ctx context.Context, progress func(done, total int)) error {
	cl, err := s.client(ctx)
	if err != nil {
		return err
	}
	return s.room.SendImported(ctx, cl, progress)
}

func (s smaregiSender) client(ctx context.Context) (*smapi.Client, error) {
	if s.running != nil && s.room.Enabled(ctx) {
		return s.running.Config.Client, nil
	}
	cfg, err := smaregi.ConfigFromSettings(ctx, s.room.App(), s.sec, s.logger, false)
	if err != nil {
		return nil, err
	}
	return cfg.Client, nil
}

// receiverURL is システム情報's スマレジAPI 送信URL: this PC's LAN address and the port
// the receiver listens on ("" while it does not). The demo's receiver listens on
// loopback only.
func receiverURL(w *workers.Workers, demo bool) func() string {
	return func() string {
		host := smaregi.LANAddress()
		if demo {
			host = "127.0.0.1"
		}
		return smaregi.ReceiverURL(host, w.SmaregiPort())
	}
}

package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"salondesk/app"
	"salondesk/app/secrets"
	"salondesk/app/settings"
	"salondesk/sync/outbox"
	"salondesk/sync/salonboard/mailbox"
	"salondesk/sync/salonboard/web"
	"salondesk/ui"
)

// workers are the background goroutines of a running SalonDesk: the outbox runner and,
// when SALON BOARD is set up (or in the demo), its sync.
type workers struct {
	runner *outbox.Runner
	sb     *app.SalonBoardSync // nil when SALON BOARD is not set up
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// errNotConfigured: SALON BOARD sync is off or incomplete.
var errNotConfigured = errors.New("SALON BOARDとの同期は設定されていません（設定 > SALON BOARD）")

// salonBoardFromSettings builds the sync's parts from the settings and the keychain.
func salonBoardFromSettings(ctx context.Context, a *app.App, sec *secrets.Store, logger *slog.Logger) (app.SalonBoardConfig, error) {
	var cfg app.SalonBoardConfig
	sb, err := settings.New(a).SalonBoard(ctx)
	if err != nil {
		return cfg, err
	}
	if !sb.Enabled || sb.LoginID == "" {
		return cfg, errNotConfigured
	}
	password, err := sec.Get(secrets.SalonBoardPassword)
	if err != nil {
		return cfg, fmt.Errorf("SALON BOARDのパスワード: %w", err)
	}
	client, err := web.New(web.Config{BaseURL: sb.URL, UserID: sb.LoginID, Password: password, StoreID: sb.StoreID,
		Logger: logger})
	if err != nil {
		return cfg, err
	}
	cfg.Web, cfg.Logger = client, logger
	cfg.ReconcileEvery = time.Duration(sb.ReconcileInterval) * time.Minute
	if sb.Mailbox.Host != "" {
		mailPassword, err := sec.Get(secrets.MailboxPassword)
		if err != nil {
			return cfg, fmt.Errorf("メールボックスのパスワード: %w", err)
		}
		cfg.Mailbox = &mailbox.Config{Host: sb.Mailbox.Host, Port: sb.Mailbox.Port, TLS: tlsMode(sb.Mailbox.TLS),
			User: sb.Mailbox.User, Password: mailPassword,
			PollInterval: time.Duration(sb.MailInterval) * time.Minute}
	}
	return cfg, nil
}

// tlsMode maps the setting's text to the reader's mode (the texts are the modes' names).
func tlsMode(s string) mailbox.TLSMode {
	for _, m := range []mailbox.TLSMode{mailbox.TLS, mailbox.StartTLS, mailbox.NoTLS} {
		if m.String() == s {
			return m
		}
	}
	return mailbox.TLS
}

// startWorkers starts the outbox runner and, with sbCfg, the SALON BOARD sync.
func startWorkers(a *app.App, sbCfg *app.SalonBoardConfig, logger *slog.Logger) *workers {
	ctx, cancel := context.WithCancel(context.Background())
	w := &workers{cancel: cancel}
	w.runner = a.NewOutboxRunner(outbox.Options{Logf: func(f string, args ...any) { logger.Info(fmt.Sprintf(f, args...)) }})
	if sbCfg != nil {
		w.sb = a.NewSalonBoardSync(*sbCfg, w.runner)
		w.wg.Add(1)
		go func() { defer w.wg.Done(); w.sb.Run(ctx) }()
	}
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		if err := w.runner.Run(ctx); err != nil {
			logger.Error("outbox stopped", "err", err)
		}
	}()
	return w
}

// Stop ends the workers and waits for them (before the database closes).
func (w *workers) Stop() {
	w.cancel()
	w.wg.Wait()
}

// SyncNow is 最新を表示.
func (w *workers) SyncNow() {
	if w.sb != nil {
		w.sb.SyncNow()
	}
	w.runner.Kick()
}

// Status is the top bar's sync state; it returns at once.
func (w *workers) Status() ui.SyncStatus {
	if w.sb == nil {
		return ui.SyncStatus{}
	}
	st := w.sb.Status()
	rs := w.runner.Status()
	last := st.LastSuccess
	if rs.LastSuccess.After(last) {
		last = rs.LastSuccess
	}
	return ui.SyncStatus{Configured: st.Configured, Online: st.Online && rs.Online, LastSync: last}
}

// StateLine is システム情報's line about the sync.
func (w *workers) StateLine() string {
	st := w.Status()
	switch {
	case !st.Configured:
		return "同期未設定"
	case st.Online:
		return "オンライン 最終同期 " + st.LastSync.Format("2006/01/02 15:04")
	}
	return "オフライン"
}

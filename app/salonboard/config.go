package salonboard

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"salondesk/app"
	"salondesk/app/secrets"
	"salondesk/app/settings"
	"salondesk/sync/salonboard/mailbox"
	"salondesk/sync/salonboard/web"
)

// ErrNotConfigured: SALON BOARD sync is off or incomplete.
var ErrNotConfigured = errors.New("SALON BOARDとの同期は設定されていません（設定 > SALON BOARD）")

// ConfigFromSettings builds the sync's parts from the settings and the keychain.
func ConfigFromSettings(ctx context.Context, a *app.App, sec *secrets.Store, logger *slog.Logger) (Config, error) {
	var cfg Config
	sb, err := settings.New(a).SalonBoard(ctx)
	if err != nil {
		return cfg, err
	}
	if !sb.Enabled || sb.LoginID == "" {
		return cfg, ErrNotConfigured
	}
	password, err := sec.Get(secrets.SalonBoardPassword)
	if err != nil {
		return cfg, fmt.Errorf("SALON BOARDのパスワード: %w", err)
	}
	guard := New(a).NewSessionGuard()
	client, err := web.New(web.Config{BaseURL: sb.URL, UserID: sb.LoginID, Password: password, StoreID: sb.StoreID,
		Logger: logger, BeforeLogin: guard.BeforeLogin})
	if err != nil {
		return cfg, err
	}
	cfg.Web, cfg.Logger, cfg.Sessions = client, logger, guard
	cfg.ReconcileEvery = time.Duration(sb.ReconcileInterval) * time.Minute
	if sb.Mailbox.Host != "" {
		mailPassword, err := sec.Get(secrets.MailboxPassword)
		if err != nil {
			return cfg, fmt.Errorf("メールボックスのパスワード: %w", err)
		}
		cfg.Mailbox = &mailbox.Config{Host: sb.Mailbox.Host, Port: sb.Mailbox.Port, TLS: TLSMode(sb.Mailbox.TLS),
			User: sb.Mailbox.User, Password: mailPassword,
			PollInterval: time.Duration(sb.MailInterval) * time.Minute}
	}
	return cfg, nil
}

// TLSMode maps the setting's text to the reader's mode (the texts are the modes' names).
func TLSMode(s string) mailbox.TLSMode {
	for _, m := range []mailbox.TLSMode{mailbox.TLS, mailbox.StartTLS, mailbox.NoTLS} {
		if m.String() == s {
			return m
		}
	}
	return mailbox.TLS
}

// TestLogin is 接続テスト of 設定 > SALON BOARD: a login with the settings on the screen
// and the password typed there (nothing is saved).
func TestLogin(ctx context.Context, sb settings.SalonBoard, password string) error {
	c, err := web.New(web.Config{BaseURL: sb.URL, UserID: sb.LoginID, Password: password, StoreID: sb.StoreID})
	if err != nil {
		return err
	}
	return c.Check(ctx)
}

// TestMailbox is 接続テスト of the reservation mailbox: a login and a look at the inbox.
func TestMailbox(ctx context.Context, m settings.Mailbox, password string) error {
	return mailbox.Check(ctx, mailbox.Config{Host: m.Host, Port: m.Port, TLS: TLSMode(m.TLS), User: m.User,
		Password: password})
}

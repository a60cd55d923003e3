package smaregi

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"salondesk/app"
	"salondesk/app/secrets"
	"salondesk/app/settings"
	"salondesk/sync/smaregi"
)

// ErrNotConfigured: Smaregi sync is off or incomplete.
var ErrNotConfigured = errors.New("スマレジとの連携は設定されていません（設定 > スマレジ）")

// Config is what the Smaregi workers need: the client and the settings' intervals.
type Config struct {
	Client       *smaregi.Client
	PullEvery    time.Duration
	ReceiverAddr string // ":18080": every address of this PC, so Smaregi can reach it
	DepartmentID string
	Logger       *slog.Logger
}

// ConfigFromSettings builds the client from 設定 > スマレジ and the アクセストークン in
// the keychain. force builds it even while 有効 is off (接続テスト before switching on).
func ConfigFromSettings(ctx context.Context, a *app.App, sec *secrets.Store, logger *slog.Logger, force bool) (Config, error) {
	var cfg Config
	sm, err := settings.New(a).Smaregi(ctx)
	if err != nil {
		return cfg, err
	}
	if (!sm.Enabled && !force) || sm.ContractID == "" {
		return cfg, ErrNotConfigured
	}
	token, err := sec.Get(secrets.SmaregiToken)
	if err != nil {
		return cfg, fmt.Errorf("スマレジのアクセストークン: %w", err)
	}
	client, err := smaregi.New(smaregi.Config{URL: sm.URL, ContractID: sm.ContractID, AccessToken: token, Logger: logger})
	if err != nil {
		return cfg, err
	}
	cfg.Client, cfg.Logger, cfg.DepartmentID = client, logger, sm.DepartmentID
	cfg.PullEvery = time.Duration(max(sm.PullInterval, 1)) * time.Minute
	cfg.ReceiverAddr = fmt.Sprintf(":%d", sm.ReceiverPort)
	return cfg, nil
}

// Check is 接続テスト: every reference function SalonDesk relies on is tried; nil when
// all answer, else the first failure in Japanese (Smaregi's own text, naming the
// function switched off in 機能設定). A success resumes the jobs a configuration
// problem held back.
func (r *Room) Check(ctx context.Context, cl *smaregi.Client) error {
	for _, fc := range cl.CheckFunctions(ctx) {
		if fc.Err == nil {
			continue
		}
		var e *smaregi.Error
		if errors.As(fc.Err, &e) && e.Message != "" {
			return fmt.Errorf("スマレジ（%s）: %s", fc.Proc, e.Message)
		}
		return fmt.Errorf("スマレジ（%s）に接続できません: %w", fc.Proc, fc.Err)
	}
	_, err := r.Resume(ctx)
	return err
}

package smaregi

import (
	"context"
	"log/slog"

	"salondesk/app/secrets"
	"salondesk/app/settings"
	"salondesk/sync/smaregi"
)

// TestSettings is 設定 > スマレジ's 接続テスト: the values on the screen and the token
// typed (or kept), tried by Check. Nothing is saved.
func (r *Room) TestSettings(ctx context.Context, sm settings.Smaregi, token string) error {
	cl, err := smaregi.New(smaregi.Config{URL: sm.URL, ContractID: sm.ContractID, AccessToken: token})
	if err != nil {
		return err
	}
	return r.Check(ctx, cl)
}

// Sender is what お客様管理's 「スマレジへ一括反映」 needs: the room, with the client of the
// running sync (Running, e.g. the demo's double) or, when none runs, one made from the
// settings at the time of the send.
type Sender struct {
	Room    *Room
	Running *Config // nil when no Smaregi sync runs
	Secrets *secrets.Store
	Logger  *slog.Logger
}

// Enabled reports whether Smaregi sync is on.
func (s Sender) Enabled(ctx context.Context) bool { return s.Room.Enabled(ctx) }

// SendImported sends the imported customers Smaregi does not know yet.
func (s Sender) SendImported(ctx context.Context, progress func(done, total int)) error {
	cl, err := s.client(ctx)
	if err != nil {
		return err
	}
	return s.Room.SendImported(ctx, cl, progress)
}

func (s Sender) client(ctx context.Context) (*smaregi.Client, error) {
	if s.Running != nil && s.Room.Enabled(ctx) {
		return s.Running.Client, nil
	}
	cfg, err := ConfigFromSettings(ctx, s.Room.App(), s.Secrets, s.Logger, false)
	if err != nil {
		return nil, err
	}
	return cfg.Client, nil
}

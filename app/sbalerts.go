package app

import (
	"context"
	"database/sql"
	"errors"

	"fyne.io/fyne/v2/lang"

	"salondesk/data"
	"salondesk/sync/salonboard/web"
)

// Reasons the SALON BOARD web side stopped and needs a person.
const (
	ReasonCaptcha     = data.ReasonCaptcha
	ReasonPassword    = data.ReasonPassword
	ReasonPageChanged = data.ReasonPageChanged
)

// webStopReason says why a web error stops the sync until a person acts ("" when it
// does not): a CAPTCHA, a password SALON BOARD refuses or wants changed, a page the
// parsers no longer understand.
func webStopReason(err error) string {
	var changed *web.ErrPageChanged
	switch {
	case errors.Is(err, web.ErrCaptcha):
		return ReasonCaptcha
	case errors.Is(err, web.ErrPasswordChange), errors.Is(err, web.ErrBadCredentials):
		return ReasonPassword
	case errors.As(err, &changed):
		return ReasonPageChanged
	}
	return ""
}

// raiseWebStop turns a web error that needs a person into お知らせ, once while it is open:
// the client itself makes no further login attempts (no retry loop).
func (a *App) raiseWebStop(ctx context.Context, err error) {
	reason := webStopReason(err)
	if reason == "" {
		return
	}
	detail := map[string]string{
		ReasonCaptcha: lang.X("sync.stop.captcha",
			"SALON BOARDのログインで画像認証が表示されたため、同期を止めました。ブラウザでSALON BOARDにログインしてから「最新を表示」を押してください。"),
		ReasonPassword: lang.X("sync.stop.password",
			"SALON BOARDにログインできません（パスワードの変更が求められたか、パスワードが違います）。設定 > SALON BOARD で新しいパスワードを入力してください。"),
		ReasonPageChanged: lang.X("sync.stop.page",
			"SALON BOARDの画面が変わったため、読み取れませんでした。サポートにご連絡ください。"),
	}[reason]
	raised := false
	txErr := a.store.Tx(ctx, func(tx *sql.Tx) error {
		open, err := data.OpenNotificationWithReason(ctx, tx, data.DirSystem, reason)
		if err != nil || open {
			return err
		}
		raised = true
		return data.InsertNotification(ctx, tx, &data.Notification{CreatedAt: a.now(), Direction: data.DirSystem,
			Reason: reason, Detail: detail})
	})
	if txErr == nil && raised {
		a.events.Publish(NotificationsChanged{})
	}
}

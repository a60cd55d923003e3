package salonboard

import (
	"context"
	"errors"

	"fyne.io/fyne/v2/lang"

	"salondesk/app"
	"salondesk/data"
	"salondesk/sync/salonboard/web"
)

// webStopReason says why a web error stops the sync until a person acts ("" when it
// does not): a CAPTCHA, a password SALON BOARD refuses or wants changed, a page the
// parsers no longer understand.
func webStopReason(err error) string {
	var changed *web.ErrPageChanged
	switch {
	case errors.Is(err, web.ErrCaptcha):
		return data.ReasonCaptcha
	case errors.Is(err, web.ErrPasswordChange), errors.Is(err, web.ErrBadCredentials):
		return data.ReasonPassword
	case errors.As(err, &changed):
		return data.ReasonPageChanged
	}
	return ""
}

// raiseWebStop turns a web error that needs a person into お知らせ, once while it is open:
// the client itself makes no further login attempts (no retry loop).
func (sb *Room) raiseWebStop(ctx context.Context, err error) {
	reason := webStopReason(err)
	if reason == "" {
		return
	}
	detail := map[string]string{
		data.ReasonCaptcha: lang.X("sync.stop.captcha",
			"SALON BOARDのログインで画像認証が表示されたため、同期を止めました。ブラウザでSALON BOARDにログインしてから「最新を表示」を押してください。"),
		data.ReasonPassword: lang.X("sync.stop.password",
			"SALON BOARDにログインできません（パスワードの変更が求められたか、パスワードが違います）。設定 > SALON BOARD で新しいパスワードを入力してください。"),
		data.ReasonPageChanged: lang.X("sync.stop.page",
			"SALON BOARDの画面が変わったため、読み取れませんでした。サポートにご連絡ください。"),
	}[reason]
	sb.raiseOnce(ctx, reason, detail)
}

// raiseOnce raises a system お知らせ with reason unless one is open already.
func (sb *Room) raiseOnce(ctx context.Context, reason, detail string) {
	_ = sb.a.Update(ctx, func(t *app.Tx) error {
		open, err := data.OpenNotificationWithReason(ctx, t.Q(), data.DirSystem, reason)
		if err != nil || open {
			return err
		}
		return t.RaiseNotification(&data.Notification{Direction: data.DirSystem, Reason: reason, Detail: detail})
	})
}

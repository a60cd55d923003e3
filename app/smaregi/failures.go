package smaregi

import (
	"context"
	"errors"
	"log"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"salondesk/app"
	"salondesk/data"
	"salondesk/sync/outbox"
	"salondesk/sync/smaregi"
)

// Reasons of Smaregi's お知らせ (the notification's detail says it in Japanese).
const (
	ReasonConfig         = "smaregi_config"          // 13/14/21/22/23/24: the settings or 機能設定
	ReasonRefused        = "smaregi_refused"         // a field Smaregi would refuse
	ReasonUnknownMember  = "smaregi_unknown_member"  // a sale for a member SalonDesk did not send
	ReasonUnknownProduct = "smaregi_unknown_product" // a sale of a product SalonDesk did not send
	ReasonNoReservation  = "smaregi_no_reservation"  // 都度決済 with no unpaid visit that day
	ReasonPortInUse      = "smaregi_port_in_use"     // the receiver could not listen
)

// jobFailed reports a failed job the way a person can act on it: a configuration problem
// once for all the jobs it stops (they wait, failed, until Resume), a refused field with
// the customer and the field. Anything else is left to the core (例外またはタイムアウト).
func (r *Room) jobFailed(ctx context.Context, job outbox.Job, cause error) bool {
	var refused *smaregi.RefusedError
	var err error
	switch {
	case errors.As(cause, &refused) && refused.Table == "Product":
		err = r.tellRefusedProducts(ctx, refused)
	case errors.As(cause, &refused):
		err = r.tellRefused(ctx, refused)
	case smaregi.KindOf(cause) == smaregi.KindConfig:
		err = r.TellConfigProblem(ctx, cause)
	default:
		return false
	}
	if err != nil {
		log.Printf("smaregi: job %d failed (%v), and telling it failed: %v", job.ID, cause, err)
	}
	return true
}

// TellConfigProblem raises one お知らせ for a configuration problem (a bad token, 契約ID,
// a function switched off in 機能設定…): not a second one while it is open.
func (r *Room) TellConfigProblem(ctx context.Context, cause error) error {
	reason := ReasonConfig
	var e *smaregi.Error
	msg := cause.Error()
	if errors.As(cause, &e) {
		if e.Code != 0 {
			reason += ":" + strconv.Itoa(e.Code)
		}
		if e.Message != "" {
			msg = e.Message
		}
	}
	detail := lang.X("smaregi.notice.config",
		"スマレジ: {{.Message}} 設定 > スマレジ の契約ID・アクセストークンと、スマレジの機能設定（API受信設定）を確認し、接続テストをしてください。送信は設定が直るまで止めています。",
		map[string]any{"Message": msg})
	return r.raiseOnce(ctx, data.DirAppToSmaregi, reason, detail)
}

// raiseOnce writes お知らせ unless one of the same direction and reason is open.
func (r *Room) raiseOnce(ctx context.Context, dir data.Direction, reason, detail string) error {
	return r.a.Update(ctx, func(t *app.Tx) error {
		open, err := data.OpenNotificationWithReason(ctx, t.Q(), dir, reason)
		if err != nil || open {
			return err
		}
		return t.RaiseNotification(&data.Notification{Direction: dir, Reason: reason, Detail: detail})
	})
}

// tellRefused raises one お知らせ per refused customer, naming the customer and the fields.
func (r *Room) tellRefused(ctx context.Context, e *smaregi.RefusedError) error {
	return r.a.Update(ctx, func(t *app.Tx) error {
		for _, row := range e.Rows {
			who := row.ID
			if id, err := strconv.ParseInt(row.ID, 10, 64); err == nil {
				if c, err := data.GetCustomer(ctx, t.Q(), id); err == nil {
					who = strconv.FormatInt(c.Number, 10) + " " + strings.TrimSpace(c.Name)
				}
			}
			detail := lang.X("smaregi.notice.refused",
				"スマレジに送れないお客様です（{{.Who}}）: {{.Fields}} お客様情報を直して保存すると、もう一度送ります。",
				map[string]any{"Who": who, "Fields": row.Message()})
			if err := t.RaiseNotification(&data.Notification{Direction: data.DirAppToSmaregi, Reason: ReasonRefused,
				Detail: detail}); err != nil {
				return err
			}
		}
		return nil
	})
}

// Resume is what follows a fixed configuration (a successful 接続テスト): the jobs a
// configuration problem held back are queued again and its お知らせ resolved.
func (r *Room) Resume(ctx context.Context) (int64, error) {
	var n int64
	err := r.a.Update(ctx, func(t *app.Tx) error {
		var err error
		if n, err = data.RequeueFailedJobs(ctx, t.Q(), Kinds, t.Now()); err != nil {
			return err
		}
		if _, err := data.ResolveNotificationsOf(ctx, t.Q(), data.DirAppToSmaregi, ReasonConfig, t.Now()); err != nil {
			return err
		}
		t.Publish(app.NotificationsChanged{})
		t.Publish(app.CustomersChanged{}) // kicks the runner
		return nil
	})
	return n, err
}

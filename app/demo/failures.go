package demo

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"salondesk/app"
	"salondesk/data"
)

// The demo's sync failures, one or more of each kind the seed pages describe, so that
// お知らせ, the alert banner and the × / 仮 badges have something real to show.

// Notification reasons (keys the UI translates).
const (
	ReasonTimeout  = "timeout"  // 例外またはタイムアウトが発生しました
	ReasonCapacity = "capacity" // 受付可能数を超えています
	ReasonMismatch = "mismatch" // 予約されたクーポン・メニュー名が一致しませんでした
)

// Coupon names as SALON BOARD sent them, which match no local coupon.
var unknownCoupons = []string{
	"【新規】カット+ケアカラー+超音波TOKIO 5stepTr¥17000⇒¥9900",
	"【秋限定】髪質改善カラー＋カット ¥15400⇒¥9900",
	"【新規】まつげパーマ（上）¥6600⇒¥3500",
}

// writeFailures marks some desk reservations as failed towards SALON BOARD and adds the
// provisional reservations of failed mails from SALON BOARD, each with its お知らせ.
func (sd *seeder) writeFailures(ctx context.Context, saved []data.Reservation, used map[string]bool) error {
	if err := sd.failOutbound(ctx, saved); err != nil {
		return err
	}
	if err := sd.transcribedInbound(ctx, saved); err != nil {
		return err
	}
	today := data.DayStart(sd.now)
	inbound := []struct {
		day    int
		reason string
		coupon string
		reread bool // the app re-read it from the web: slot and kana known, 転記済み
	}{
		{1, ReasonMismatch, unknownCoupons[0], false},
		{3, ReasonCapacity, "", false},
		{4, ReasonMismatch, unknownCoupons[1], true},
		{6, ReasonTimeout, "", false},
		{9, ReasonMismatch, unknownCoupons[2], false},
	}
	for i, in := range inbound {
		received := sd.now.Add(-time.Duration(40+i*173) * time.Minute)
		p := newPerson(sd.r, used)
		if err := sd.inbound(ctx, today.AddDate(0, 0, in.day), received, p, in.reason, in.coupon, in.reread); err != nil {
			return fmt.Errorf("inbound failure %d: %w", i, err)
		}
	}
	return nil
}

// failOutbound: desk reservations whose registration in SALON BOARD failed. Three are still
// open; two were transcribed by hand (予約転記済みチェック), which resolved their お知らせ
// (the × stays on their badges, as the seed says).
func (sd *seeder) failOutbound(ctx context.Context, saved []data.Reservation) error {
	reasons := []string{ReasonTimeout, ReasonTimeout, ReasonCapacity, ReasonTimeout, ReasonTimeout}
	n := 0
	for _, r := range saved {
		if n == len(reasons) {
			break
		}
		v, err := sd.a.Reservation(ctx, r.ID)
		if err != nil {
			return err
		}
		if v.Route != data.RoutePhone || v.Status != data.StatusWaiting || v.Start.Before(sd.now) {
			continue
		}
		reason := reasons[n]
		resolved := n >= 3
		n++
		failedAt := v.ReceivedAt.Add(time.Duration(1+sd.r.IntN(3)) * time.Minute)
		if failedAt.After(sd.now) {
			failedAt = sd.now
		}
		v.SBNumber, v.SyncState, v.SyncReason = "", data.SyncFailed, reason
		v.TranscribedCheck = resolved
		note := data.Notification{CreatedAt: failedAt, Direction: data.DirAppToSB, Reason: reason,
			ReservationID: v.ID, ReservationNo: fmt.Sprint(v.Number), ReservationAt: data.FormatTime(v.Start)}
		if resolved {
			note.ResolvedAt = stamp(failedAt.Add(47 * time.Minute))
		}
		if err := sd.writeWithNote(ctx, &v.Reservation, &note); err != nil {
			return err
		}
	}
	return nil
}

// transcribedInbound: past net reservations whose mail did not match a coupon; the desk
// transcribed them long ago, so their お知らせ are resolved.
func (sd *seeder) transcribedInbound(ctx context.Context, saved []data.Reservation) error {
	n := 0
	for _, r := range saved {
		if n == 2 {
			break
		}
		v, err := sd.a.Reservation(ctx, r.ID)
		if err != nil {
			return err
		}
		if v.Route != data.RouteHPB || v.Status != data.StatusPaid || v.CouponID == 0 {
			continue
		}
		n++
		v.SyncState = data.SyncTranscribed
		note := data.Notification{CreatedAt: v.ReceivedAt, Direction: data.DirSBToApp, Reason: ReasonMismatch,
			ReservationID: v.ID, ReservationNo: v.SBNumber, ReservationAt: data.FormatTime(v.Start),
			Detail: asSentBySB(v.CouponName), ResolvedAt: stamp(v.ReceivedAt.Add(2 * time.Hour))}
		if err := sd.writeWithNote(ctx, &v.Reservation, &note); err != nil {
			return err
		}
	}
	return nil
}

// inbound makes the reservation a failed SALON BOARD mail leaves behind: provisional with
// only its start time (仮登録), or, when the app could re-read it, 転記済み with its slot
// and kana but no menus (they are chosen at checkout).
func (sd *seeder) inbound(ctx context.Context, day, received time.Time, p person, reason, coupon string, reread bool) error {
	in := app.ReservationInput{CustomerID: sd.anyCustomer}
	if reread {
		in.MenuIDs = []int64{sd.m.menu("カット").ID, sd.m.menu("ケアカラー").ID}
		in.StaffID, in.Designated = sd.m.staff[1].ID, true
	}
	sd.at(received)
	res, err := sd.fitSomewhere(ctx, day, in)
	if err != nil {
		return err
	}
	res.CustomerID, res.CustomerName, res.CustomerKana = 0, p.name, p.kana
	res.Route, res.SBNumber, res.FirstVisit = data.RouteHPB, sd.nextSBNumber(), true
	res.CouponID, res.CouponName, res.MenuIDs = 0, coupon, nil
	res.Status, res.SyncState, res.SyncReason = data.StatusProvisional, data.SyncFailed, reason
	note := data.Notification{CreatedAt: received, Direction: data.DirSBToApp, Reason: reason,
		ReservationNo: res.SBNumber, ReservationAt: data.FormatTime(res.Start), Detail: coupon}
	if reread {
		res.CustomerName = "" // the web page gives the kana only
		res.Status, res.SyncState = data.StatusWaiting, data.SyncTranscribed
		note.ResolvedAt = stamp(received.Add(3 * time.Minute))
	}
	return sd.s.Tx(ctx, func(tx *sql.Tx) error {
		if err := data.UpdateReservation(ctx, tx, &res); err != nil {
			return err
		}
		note.ReservationID = res.ID
		return data.InsertNotification(ctx, tx, &note)
	})
}

// fitSomewhere saves in at the first slot the app accepts, from a random hour of day on,
// or on the days after (the salon may be closed that day).
func (sd *seeder) fitSomewhere(ctx context.Context, day time.Time, in app.ReservationInput) (data.Reservation, error) {
	from := sd.r.IntN(18)
	for d := 0; d < 7; d++ {
		for i := 0; i < 18; i++ {
			minutes := 10*60 + (from+i)%18*30
			in.Start = day.AddDate(0, 0, d).Add(time.Duration(minutes) * time.Minute)
			res, err := sd.a.SaveReservation(ctx, in)
			if app.ErrorKey(err) != "" {
				continue
			}
			return res, err
		}
	}
	return data.Reservation{}, errors.New("demo: no free slot after " + data.FormatDay(day))
}

func (sd *seeder) writeWithNote(ctx context.Context, r *data.Reservation, n *data.Notification) error {
	return sd.s.Tx(ctx, func(tx *sql.Tx) error {
		if err := data.UpdateReservation(ctx, tx, r); err != nil {
			return err
		}
		return data.InsertNotification(ctx, tx, n)
	})
}

// asSentBySB is a local coupon name as a SALON BOARD mail may spell it: half-width signs
// and no space before the price, which is why it did not match.
func asSentBySB(name string) string {
	return strings.NewReplacer("＋", "+", " ¥", "¥", "（", "(", "）", ")").Replace(name)
}

// stamp is the database's layout for moments (お知らせ times).
func stamp(t time.Time) string { return t.Format("2006-01-02 15:04:05") }

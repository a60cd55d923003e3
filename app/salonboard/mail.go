package salonboard

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"time"

	"salondesk/app"
	"salondesk/data"
	"salondesk/sync/salonboard/mail"
)

// MailResult says what one mail from the reservation mailbox did.
type MailResult struct {
	MessageID string
	Kind      string // new, change, cancel, ignore, unknown, foreign, unreadable
	Number    string
	Apply     ApplyResult
	Duplicate bool // handled before (same Message-ID)
}

// ApplyMail reads one raw mail from the reservation mailbox and applies it, in one
// transaction with the record that it was handled: a mail read twice changes nothing.
// Only SALON BOARD's sender is accepted. A mail that announces a reservation but cannot
// be read holds its place provisionally (例外またはタイムアウトが発生しました) instead of
// losing it. An error means the mail was not handled and should be offered again.
func (sb *Room) ApplyMail(ctx context.Context, raw []byte, messageID string) (MailResult, error) {
	m, perr := mail.ParseWith(raw, time.Local)
	if messageID == "" {
		messageID = m.MessageID
	}
	if messageID == "" {
		sum := sha256.Sum256(raw)
		messageID = "sha256:" + hex.EncodeToString(sum[:])
	}
	res := MailResult{MessageID: messageID, Kind: kindName(m, perr)}
	if m.Reservation != nil {
		res.Number = m.Reservation.Number
	}
	err := sb.a.Update(ctx, func(t *app.Tx) error {
		done, err := data.MailProcessed(ctx, t.Q(), messageID)
		if err != nil || done {
			res.Duplicate = done
			return err
		}
		if res.Apply, err = applyParsed(t, m, perr); err != nil {
			return err
		}
		return data.RecordMail(ctx, t.Q(), messageID, res.Number, res.Kind, res.Apply.Outcome, t.Now())
	})
	return res, err
}

func kindName(m mail.Mail, err error) string {
	var foreign mail.ErrNotSalonBoard
	switch {
	case errors.As(err, &foreign):
		return "foreign"
	case err != nil:
		return "unreadable"
	}
	return m.Kind.String()
}

// applyParsed turns a parsed mail into the salon's reservation.
func applyParsed(t *app.Tx, m mail.Mail, perr error) (ApplyResult, error) {
	var foreign mail.ErrNotSalonBoard
	switch {
	case errors.As(perr, &foreign):
		return ApplyResult{}, nil // not SALON BOARD's: never applied, only remembered
	case perr != nil:
		return holdUnreadableMail(t, m.Reservation)
	case m.Reservation == nil: // reminders, address checks, unknown subjects
		return ApplyResult{}, nil
	}
	r := m.Reservation
	in := Incoming{Number: r.Number, Start: r.Start, Duration: r.Duration, NameKanji: r.NameKanji,
		NameKana: r.NameKana, Staff: r.Staff, Designated: r.Designated, Coupon: r.Coupon, Menus: r.Menus,
		Request: r.Request, ReceivedAt: r.ReceivedAt}
	switch m.Kind {
	case mail.KindNew:
		in.Kind = IncomingNew
	case mail.KindChange:
		in.Kind = IncomingChange
	case mail.KindCancel:
		in.Kind = IncomingCancel
	}
	if in.Coupon != "" && r.CouponTarget != "" {
		in.Coupon = "[" + r.CouponTarget + "]" + in.Coupon
	}
	return applyIncoming(t, in)
}

// holdUnreadableMail keeps what an unreadable mail announced: with a number and a start,
// a provisional place; with a number only, a notification and a job that reads the
// reservation from the web UI. Without even a number nothing can be held: the
// reconciliation with the web list finds it.
func holdUnreadableMail(t *app.Tx, r *mail.Reservation) (ApplyResult, error) {
	if r == nil || r.Number == "" {
		return ApplyResult{}, nil
	}
	prev, err := bySBNumber(t, r.Number)
	if err != nil {
		return ApplyResult{}, err
	}
	if !r.Start.IsZero() {
		in := incomingReservation(t.Now(), Incoming{Number: r.Number, Start: r.Start, NameKanji: r.NameKanji,
			NameKana: r.NameKana}, prev)
		return holdProvisional(t, in, prev, data.ReasonTimeout)
	}
	if prev != nil {
		return ApplyResult{ReservationID: prev.ID, Outcome: OutcomeUnchanged}, nil
	}
	n := data.Notification{Direction: data.DirSBToApp, Reason: data.ReasonTimeout, ReservationNo: r.Number}
	if err := t.RaiseNotification(&n); err != nil {
		return ApplyResult{}, err
	}
	err = t.Enqueue(JobFetch, "sb:"+r.Number, map[string]any{"sb_number": r.Number})
	return ApplyResult{Outcome: OutcomeProvisional, Reason: data.ReasonTimeout}, err
}

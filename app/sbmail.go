package app

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"time"

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
func (a *App) ApplyMail(ctx context.Context, raw []byte, messageID string) (MailResult, error) {
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
	var days []time.Time
	err := a.store.Tx(ctx, func(tx *sql.Tx) error {
		done, err := data.MailProcessed(ctx, tx, messageID)
		if err != nil || done {
			res.Duplicate = done
			return err
		}
		if res.Apply, days, err = a.applyParsed(ctx, tx, m, perr); err != nil {
			return err
		}
		return data.RecordMail(ctx, tx, messageID, res.Number, res.Kind, res.Apply.Outcome, a.now())
	})
	if err != nil {
		return res, err
	}
	a.publishApplied(res.Apply, days)
	return res, nil
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
func (a *App) applyParsed(ctx context.Context, tx *sql.Tx, m mail.Mail, perr error) (ApplyResult, []time.Time, error) {
	var foreign mail.ErrNotSalonBoard
	switch {
	case errors.As(perr, &foreign):
		return ApplyResult{}, nil, nil // not SALON BOARD's: never applied, only remembered
	case perr != nil:
		return a.holdUnreadableMail(ctx, tx, m.Reservation)
	case m.Reservation == nil: // reminders, address checks, unknown subjects
		return ApplyResult{}, nil, nil
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
	return a.applyIncomingTx(ctx, tx, in)
}

// holdUnreadableMail keeps what an unreadable mail announced: with a number and a start,
// a provisional place; with a number only, a notification and a job that reads the
// reservation from the web UI. Without even a number nothing can be held: the
// reconciliation with the web list finds it.
func (a *App) holdUnreadableMail(ctx context.Context, tx *sql.Tx, r *mail.Reservation) (ApplyResult, []time.Time, error) {
	if r == nil || r.Number == "" {
		return ApplyResult{}, nil, nil
	}
	existing, err := data.ReservationBySBNumber(ctx, tx, r.Number)
	var prev *data.Reservation
	if err == nil {
		prev = &existing.Reservation
	} else if !errors.Is(err, data.ErrNotFound) {
		return ApplyResult{}, nil, err
	}
	if !r.Start.IsZero() {
		in := a.incomingReservation(Incoming{Number: r.Number, Start: r.Start, NameKanji: r.NameKanji,
			NameKana: r.NameKana}, prev)
		res, err := a.holdProvisional(ctx, tx, in, prev, ReasonTimeout)
		return res, []time.Time{r.Start}, err
	}
	if prev != nil {
		return ApplyResult{ReservationID: prev.ID, Outcome: OutcomeUnchanged}, nil, nil
	}
	n := data.Notification{CreatedAt: a.now(), Direction: data.DirSBToApp, Reason: ReasonTimeout,
		ReservationNo: r.Number}
	if err := data.InsertNotification(ctx, tx, &n); err != nil {
		return ApplyResult{}, nil, err
	}
	payload, _ := json.Marshal(map[string]any{"sb_number": r.Number})
	err = data.EnqueueJob(ctx, tx, &data.Job{Kind: JobSBFetch, Ref: "sb:" + r.Number, Payload: string(payload)}, a.now())
	return ApplyResult{Outcome: OutcomeProvisional, Reason: ReasonTimeout}, nil, err
}

// JobSBFetch reads a reservation SALON BOARD announced from its web UI (the mail could not
// be read) and applies it.
const JobSBFetch = "salonboard.fetch"

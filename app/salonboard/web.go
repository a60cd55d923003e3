package salonboard

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"salondesk/app"
	"salondesk/data"
	"salondesk/sync/outbox"
	"salondesk/sync/salonboard/web"
)

// Web is what the sync needs of SALON BOARD's web UI (*web.Client has it): the list page
// by page, a day's schedule, a reservation's detail.
type Web interface {
	ListPages(ctx context.Context, q web.ListQuery, each func(web.ListPage) error) error
	Schedule(ctx context.Context, day time.Time) (web.Schedule, error)
	ReservationDetail(ctx context.Context, id string) (web.Detail, error)
}

// jobPayload is what the SALON BOARD jobs carry.
type jobPayload struct {
	ReservationID int64  `json:"reservation_id"`
	SBNumber      string `json:"sb_number"`
}

// webError classifies a web client error for the outbox: transient ones are retried, a
// login held for a taken session waits, the others (bad password, CAPTCHA, a page that
// changed) fail at once.
func webError(err error) error {
	if err == nil || web.IsTransient(err) {
		return err
	}
	if loginHeld(err) {
		return ErrSessionTaken // offline: the job waits (the client's refusal says permanent)
	}
	return outbox.Permanent(err)
}

// RereadHandler is the job that re-reads a reservation whose coupon or menu names did not
// match: its time slot, kana and 指名 come from the web UI's detail page, and it becomes
// 転記済み; the menus are chosen at checkout. A reservation staff already completed is
// left alone.
func (sb *Room) RereadHandler(w Web) outbox.Handler {
	return func(ctx context.Context, job outbox.Job) error {
		var p jobPayload
		if err := json.Unmarshal([]byte(job.Payload), &p); err != nil {
			return outbox.Permanent(fmt.Errorf("reread payload: %w", err))
		}
		v, err := sb.a.Reservation(ctx, p.ReservationID)
		if errors.Is(err, data.ErrNotFound) || (err == nil && !needsReread(v.Reservation)) {
			return nil
		} else if err != nil {
			return err
		}
		d, err := w.ReservationDetail(ctx, v.SBNumber)
		if err != nil {
			return webError(err)
		}
		return sb.applyReread(ctx, v.ID, d)
	}
}

func needsReread(r data.Reservation) bool {
	return r.Status == data.StatusProvisional && r.SyncState == data.SyncFailed
}

// applyReread writes what the detail page said onto the provisional reservation.
func (sb *Room) applyReread(ctx context.Context, id int64, d web.Detail) error {
	if d.Start.IsZero() {
		return outbox.Permanent(errors.New("reread: the detail page has no 来店日時"))
	}
	return sb.a.Update(ctx, func(t *app.Tx) error {
		v, err := t.Reservation(id)
		if err != nil {
			return err
		}
		if !needsReread(v.Reservation) {
			return nil // staff transcribed it meanwhile
		}
		r := v.Reservation
		before := v.Reservation
		r.Start, r.End = d.Start, d.End
		if r.End.Before(r.Start) {
			r.End = r.Start
		}
		if d.NameKana != "" {
			r.CustomerKana = app.NormalizeKana(d.NameKana)
		}
		if len(d.Staff) > 0 {
			staff, err := t.Staff()
			if err != nil {
				return err
			}
			if id, ok := matchStaff(staff, d.Staff[0].Name); ok {
				r.StaffID, r.Designated = id, d.Staff[0].Designated && id != 0
			}
		}
		r.Status, r.SyncState, r.SyncReason, r.UpdatedAt = data.StatusWaiting, data.SyncTranscribed, "", t.Now()
		if err := t.SaveReservation(&r, &before); err != nil {
			return err
		}
		return t.ResolveNotifications(r.ID)
	})
}

// FetchHandler is the job that reads a reservation announced by an unreadable mail from
// the web UI and applies it like a mail.
func (sb *Room) FetchHandler(w Web) outbox.Handler {
	return func(ctx context.Context, job outbox.Job) error {
		var p jobPayload
		if err := json.Unmarshal([]byte(job.Payload), &p); err != nil || p.SBNumber == "" {
			return outbox.Permanent(fmt.Errorf("fetch payload %q", job.Payload))
		}
		d, err := w.ReservationDetail(ctx, p.SBNumber)
		if err != nil {
			return webError(err)
		}
		in := incomingFromDetail(d, IncomingNew)
		if in.Start.IsZero() {
			return outbox.Permanent(errors.New("fetch: the detail page has no 来店日時"))
		}
		res, err := sb.ApplyIncoming(ctx, in)
		if err != nil {
			return err
		}
		if res.Outcome == OutcomeApplied {
			// The number-only notification raised for the unreadable mail is settled.
			return sb.a.Update(ctx, func(t *app.Tx) error { return t.ResolveByNumber(p.SBNumber) })
		}
		return nil
	}
}

// incomingFromDetail is a detail page in the app's words.
func incomingFromDetail(d web.Detail, kind string) Incoming {
	in := Incoming{Number: d.ID, Kind: kind, Start: d.Start, NameKanji: d.NameKanji, NameKana: d.NameKana,
		Coupon: d.Coupon, Menus: d.Menu, ReceivedAt: d.Received}
	if !d.End.IsZero() && d.End.After(d.Start) {
		in.Duration = d.End.Sub(d.Start)
	}
	if len(d.Staff) > 0 {
		in.Staff, in.Designated = d.Staff[0].Name, d.Staff[0].Designated
	}
	if d.Kind == web.KindExt {
		in.Route = data.RouteSalonBoard
	}
	return in
}

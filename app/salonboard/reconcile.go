package salonboard

import (
	"context"
	"errors"
	"time"

	"salondesk/data"
	"salondesk/sync/salonboard/web"
)

// ReconcileResult counts what a pass over SALON BOARD's reservation list found.
type ReconcileResult struct {
	Rows      int // rows read
	Added     int // reservations whose mail never came
	Changed   int // moved in SALON BOARD without a change mail
	Cancelled int // cancelled without a cancellation mail
	Failed    int // rows that could not be applied (their detail could not be read)
}

// Reconcile reads SALON BOARD's reservation list for [from, to] and applies what the mails
// missed: lost mails, changes and cancellations. Spam filters drop mails; this finds them.
func (sb *Room) Reconcile(ctx context.Context, w Web, from, to time.Time) (ReconcileResult, error) {
	var res ReconcileResult
	rows, err := w.ListReservations(ctx, from, to)
	if err != nil {
		return res, err
	}
	res.Rows = len(rows)
	sb.noteListNames(ctx, rows)
	for _, row := range rows {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		if err := sb.reconcileRow(ctx, w, row, &res); err != nil {
			if !web.IsTransient(err) && !errors.Is(err, context.Canceled) {
				res.Failed++
				continue
			}
			return res, err
		}
	}
	return res, nil
}

func (sb *Room) reconcileRow(ctx context.Context, w Web, row web.ListRow, res *ReconcileResult) error {
	local, err := sb.a.ReservationBySBNumber(ctx, row.ID)
	found := err == nil
	if err != nil && !errors.Is(err, data.ErrNotFound) {
		return err
	}
	if web.IsCancelled(row.StatusCode) {
		if !found || !local.Status.Active() {
			return nil
		}
		r, err := sb.ApplyIncoming(ctx, Incoming{Number: row.ID, Kind: IncomingCancel})
		if err == nil && r.Outcome == OutcomeCancelled {
			res.Cancelled++
		}
		return err
	}
	kind := IncomingNew
	if !found && row.Kind == web.KindExt {
		// A YG reservation may be one of ours whose registration has not been linked yet:
		// its outbox job links it; importing it would book the customer twice here.
		if mine, err := sb.awaitingLink(ctx, row.Start); err != nil || mine {
			return err
		}
	}
	if found {
		// Provisional ones wait for their re-read or for staff; the others only when moved.
		if local.Status == data.StatusProvisional || !local.Status.Active() || local.Start.Equal(row.Start) {
			return nil
		}
		kind = IncomingChange
	}
	d, err := w.ReservationDetail(ctx, row.ID)
	if err != nil {
		return err
	}
	in := incomingFromDetail(d, kind)
	if in.Start.IsZero() {
		in.Start = row.Start
	}
	r, err := sb.ApplyIncoming(ctx, in)
	if err != nil {
		return err
	}
	switch {
	case r.Outcome == OutcomeUnchanged:
	case found:
		res.Changed++
	default:
		res.Added++
	}
	return nil
}

// awaitingLink reports whether a desk reservation starting at t is still being registered
// in SALON BOARD (送信待ち or 失敗).
func (sb *Room) awaitingLink(ctx context.Context, t time.Time) (bool, error) {
	list, err := sb.a.Reservations(ctx, data.ReservationFilter{From: t,
		To: t.Add(time.Minute), ActiveOnly: true})
	if err != nil {
		return false, err
	}
	for _, v := range list {
		if v.SBNumber == "" && (v.SyncState == data.SyncPending || v.SyncState == data.SyncFailed) {
			return true, nil
		}
	}
	return false, nil
}

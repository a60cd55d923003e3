package salonboard

import (
	"context"
	"errors"
	"fmt"
	"time"

	"salondesk/app"
	"salondesk/data"
)

// A reservation arriving from SALON BOARD (a mail, or a row of the web list) is applied by
// its SALON BOARD number, so that reading it twice changes nothing. When it cannot be
// applied, a provisional reservation with the start time only holds its place and a
// notification asks staff to transcribe it (the seed's three reasons).

// Kinds of an incoming reservation.
const (
	IncomingNew    = "new"
	IncomingChange = "change"
	IncomingCancel = "cancel"
)

// Incoming is a reservation as SALON BOARD sent it, in the app's words.
type Incoming struct {
	Number     string // BE12345678 …
	Kind       string // IncomingNew, IncomingChange, IncomingCancel
	Start      time.Time
	Duration   time.Duration // 0 when SALON BOARD gave none
	NameKanji  string
	NameKana   string
	Staff      string // SALON BOARD's staff name, "" for 指名なし
	Designated bool
	Coupon     string
	Menus      []string
	Request    string // ご要望・ご相談
	ReceivedAt time.Time
	Route      data.Route // "" = HPB (a net reservation); SALON BOARD for ones entered there
	// Slot: Start, Duration, Staff and Designated were read from SALON BOARD's schedule
	// (bring-in): a name mismatch then needs no re-read, only the menus at checkout.
	Slot bool
}

// Outcomes of applying an incoming reservation.
const (
	OutcomeApplied     = "applied"
	OutcomeProvisional = "provisional"
	OutcomeCancelled   = "cancelled"
	OutcomeUnchanged   = "unchanged"
)

// ApplyResult says what an incoming reservation became.
type ApplyResult struct {
	ReservationID int64
	Outcome       string
	Reason        string // for OutcomeProvisional
}

// ApplyIncoming applies one reservation from SALON BOARD in one transaction.
func (sb *Room) ApplyIncoming(ctx context.Context, in Incoming) (ApplyResult, error) {
	var res ApplyResult
	err := sb.a.Update(ctx, func(t *app.Tx) error {
		var err error
		res, err = applyIncoming(t, in)
		return err
	})
	return res, err
}

// applyIncoming is ApplyIncoming inside the caller's transaction.
func applyIncoming(t *app.Tx, in Incoming) (ApplyResult, error) {
	if in.Number == "" || (in.Kind != IncomingCancel && in.Start.IsZero()) {
		return ApplyResult{}, fmt.Errorf("incoming reservation without number or start: %+v", in)
	}
	prev, err := bySBNumber(t, in.Number)
	if err != nil {
		return ApplyResult{}, err
	}
	if err := recordIncomingNames(t, in); err != nil {
		return ApplyResult{}, err
	}
	if in.Kind == IncomingCancel {
		return applyCancel(t, prev)
	}
	return applyBooking(t, in, prev)
}

// bySBNumber is the reservation SALON BOARD's number names here, nil when none does.
func bySBNumber(t *app.Tx, number string) (*data.Reservation, error) {
	existing, err := data.ReservationBySBNumber(t.Ctx(), t.Q(), number)
	if errors.Is(err, data.ErrNotFound) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	return &existing.Reservation, nil
}

func applyCancel(t *app.Tx, prev *data.Reservation) (ApplyResult, error) {
	if prev == nil {
		// Cancelled before we ever saw it (a lost mail): nothing holds a place here.
		return ApplyResult{Outcome: OutcomeUnchanged}, nil
	}
	if !prev.Status.Active() {
		return ApplyResult{ReservationID: prev.ID, Outcome: OutcomeUnchanged}, nil
	}
	r := *prev
	if err := t.CancelReservation(&r); err != nil {
		return ApplyResult{}, err
	}
	// A cancelled reservation needs no transcription any more.
	if err := t.ResolveNotifications(r.ID); err != nil {
		return ApplyResult{}, err
	}
	return ApplyResult{ReservationID: r.ID, Outcome: OutcomeCancelled}, nil
}

// applyBooking creates or changes the reservation, or holds the place provisionally.
func applyBooking(t *app.Tx, in Incoming, prev *data.Reservation) (ApplyResult, error) {
	r := incomingReservation(t.Now(), in, prev)
	if err := t.LinkCustomerByKana(&r, in.NameKanji, "salonboard"); err != nil {
		return ApplyResult{}, err
	}
	staff, err := t.Staff()
	if err != nil {
		return ApplyResult{}, err
	}
	staffID, staffOK := matchStaff(staff, in.Staff)
	match, err := matchNames(t, in.Coupon, in.Menus)
	reason := ""
	switch {
	case errors.Is(err, errNoMatch) || !staffOK:
		reason = data.ReasonMismatch
	case err != nil:
		return ApplyResult{}, err
	}
	if reason == "" {
		r.StaffID, r.Designated = staffID, in.Designated && staffID != 0
		r.CouponID, r.MenuIDs = match.CouponID, match.MenuIDs
		r.End = r.Start.Add(in.Duration)
		if in.Duration == 0 {
			d, err := t.Duration(match.MenuIDs, match.CouponID)
			if err != nil && app.ErrorKey(err) == "" {
				return ApplyResult{}, err
			}
			r.End = r.Start.Add(d)
		}
		if err := t.CheckFits(&r); err != nil {
			if app.ErrorKey(err) == "" {
				return ApplyResult{}, err
			}
			reason = data.ReasonCapacity
		}
	}
	if reason != "" && settledByStaff(prev, &r) {
		return ApplyResult{ReservationID: prev.ID, Outcome: OutcomeUnchanged}, nil
	}
	if reason == data.ReasonMismatch && in.Slot {
		return applySlot(t, r, prev, in, staffID, staffOK)
	}
	if reason != "" {
		return holdProvisional(t, r, prev, reason)
	}
	if prev != nil && sameBooking(prev, &r) {
		return ApplyResult{ReservationID: prev.ID, Outcome: OutcomeUnchanged}, nil
	}
	r.Status = data.StatusWaiting
	if prev != nil && prev.Status != data.StatusProvisional {
		r.Status = prev.Status
	}
	r.SyncState, r.SyncReason = data.SyncOK, ""
	if err := upsert(t, &r, prev); err != nil {
		return ApplyResult{}, err
	}
	// It applied after all (a change mail, or a coupon mapped since): the failure is over.
	if err := t.ResolveNotifications(r.ID); err != nil {
		return ApplyResult{}, err
	}
	return ApplyResult{ReservationID: r.ID, Outcome: OutcomeApplied}, nil
}

// applySlot is a reservation whose names match nothing here but whose slot SALON BOARD's
// schedule gave: what a re-read would make of it at once (転記済み, menus at checkout),
// without a detail page for each of a salon's thousands of reservations.
func applySlot(t *app.Tx, r data.Reservation, prev *data.Reservation, in Incoming, staffID int64, staffOK bool) (ApplyResult, error) {
	r.End = r.Start.Add(in.Duration)
	r.StaffID, r.Designated = 0, false
	if staffOK {
		r.StaffID, r.Designated = staffID, in.Designated && staffID != 0
	}
	if prev == nil {
		r.CouponID, r.MenuIDs = 0, nil
	}
	if prev != nil && prev.SyncState == data.SyncTranscribed && sameBooking(prev, &r) {
		return ApplyResult{ReservationID: prev.ID, Outcome: OutcomeUnchanged}, nil
	}
	r.Status = data.StatusWaiting
	if prev != nil && prev.Status != data.StatusProvisional {
		r.Status = prev.Status
	}
	r.SyncState, r.SyncReason = data.SyncTranscribed, ""
	if err := upsert(t, &r, prev); err != nil {
		return ApplyResult{}, err
	}
	if err := t.ResolveNotifications(r.ID); err != nil {
		return ApplyResult{}, err
	}
	return ApplyResult{ReservationID: r.ID, Outcome: OutcomeApplied}, nil
}

// incomingReservation is the reservation's fields as SALON BOARD sent them.
func incomingReservation(now time.Time, in Incoming, prev *data.Reservation) data.Reservation {
	r := data.Reservation{ReceivedAt: in.ReceivedAt, CreatedAt: now, Route: in.Route,
		PaymentType: data.PayPerVisit, Status: data.StatusWaiting}
	if r.Route == "" {
		r.Route = data.RouteHPB
	}
	if r.ReceivedAt.IsZero() {
		r.ReceivedAt = now
	}
	if prev != nil {
		r = *prev
	}
	r.SBNumber, r.Start, r.End, r.UpdatedAt = in.Number, in.Start, in.Start, now
	r.CustomerName, r.CustomerKana, r.CouponName = in.NameKanji, app.NormalizeKana(in.NameKana), in.Coupon
	if in.Request != "" && r.Memo == "" {
		r.Memo = truncateRunes(in.Request, app.MaxMemo)
	}
	return r
}

func truncateRunes(s string, n int) string {
	rs := []rune(s)
	if len(rs) > n {
		return string(rs[:n])
	}
	return s
}

// holdProvisional keeps the place with the start time only, marks the sync failed and
// raises the notification; a name mismatch also queues the re-read from the web UI.
func holdProvisional(t *app.Tx, r data.Reservation, prev *data.Reservation, reason string) (ApplyResult, error) {
	if prev != nil && prev.Status == data.StatusProvisional && prev.SyncReason == reason &&
		prev.Start.Equal(r.Start) {
		return ApplyResult{ReservationID: prev.ID, Outcome: OutcomeUnchanged, Reason: reason}, nil
	}
	r.End, r.Status = r.Start, data.StatusProvisional
	r.SyncState, r.SyncReason = data.SyncFailed, reason
	r.StaffID, r.Designated, r.CouponID, r.MenuIDs, r.EquipmentID = 0, false, 0, nil, 0
	if err := upsert(t, &r, prev); err != nil {
		return ApplyResult{}, err
	}
	if err := t.ResolveNotifications(r.ID); err != nil {
		return ApplyResult{}, err
	}
	n := data.Notification{Direction: data.DirSBToApp, Reason: reason, ReservationID: r.ID,
		ReservationNo: r.SBNumber, ReservationAt: data.FormatTime(r.Start), Detail: r.CouponName}
	if err := t.RaiseNotification(&n); err != nil {
		return ApplyResult{}, err
	}
	if reason == data.ReasonMismatch {
		if err := t.Enqueue(JobReread, app.RefReservation(r.ID),
			map[string]any{"reservation_id": r.ID, "sb_number": r.SBNumber}); err != nil {
			return ApplyResult{}, err
		}
	}
	return ApplyResult{ReservationID: r.ID, Outcome: OutcomeProvisional, Reason: reason}, nil
}

func upsert(t *app.Tx, r *data.Reservation, prev *data.Reservation) error {
	if prev != nil {
		r.ID = prev.ID
	}
	return t.SaveReservation(r, prev)
}

// sameBooking reports whether applying would change nothing the salon sees.
func sameBooking(prev, r *data.Reservation) bool {
	if !prev.Start.Equal(r.Start) || !prev.End.Equal(r.End) || prev.StaffID != r.StaffID ||
		prev.Designated != r.Designated || prev.CouponID != r.CouponID || len(prev.MenuIDs) != len(r.MenuIDs) ||
		prev.Status == data.StatusProvisional || !prev.Status.Active() {
		return false
	}
	for i := range prev.MenuIDs {
		if prev.MenuIDs[i] != r.MenuIDs[i] {
			return false
		}
	}
	return true
}

// HoldUnreadable keeps the place of a reservation SALON BOARD announced but that could not
// be read (a broken mail, a timeout): provisional, with the reason 例外またはタイムアウト.
func (sb *Room) HoldUnreadable(ctx context.Context, number string, start time.Time, kana string) (ApplyResult, error) {
	var res ApplyResult
	err := sb.a.Update(ctx, func(t *app.Tx) error {
		prev, err := bySBNumber(t, number)
		if err != nil {
			return err
		}
		r := incomingReservation(t.Now(), Incoming{Number: number, Start: start, NameKana: kana}, prev)
		res, err = holdProvisional(t, r, prev, data.ReasonTimeout)
		return err
	})
	return res, err
}

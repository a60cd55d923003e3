package app

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

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

// Reasons a reservation could not be synced, as notifications and 連携状況 carry them.
const (
	ReasonTimeout  = data.ReasonTimeout
	ReasonCapacity = data.ReasonCapacity
	ReasonMismatch = data.ReasonMismatch
)

// JobSBReread re-reads a mismatched reservation from the SALON BOARD web UI.
const JobSBReread = "salonboard.reread"

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
func (a *App) ApplyIncoming(ctx context.Context, in Incoming) (ApplyResult, error) {
	var res ApplyResult
	var days []time.Time
	err := a.store.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		res, days, err = a.applyIncomingTx(ctx, tx, in)
		return err
	})
	if err != nil {
		return res, err
	}
	a.publishApplied(res, days)
	return res, nil
}

func (a *App) publishApplied(res ApplyResult, days []time.Time) {
	if res.Outcome == OutcomeUnchanged || res.Outcome == "" {
		return
	}
	a.events.Publish(ReservationsChanged{Days: days})
	// Applying can raise or resolve a notification.
	a.events.Publish(NotificationsChanged{})
}

// applyIncomingTx is ApplyIncoming inside the caller's transaction; days are the days
// whose schedule changed.
func (a *App) applyIncomingTx(ctx context.Context, tx *sql.Tx, in Incoming) (ApplyResult, []time.Time, error) {
	if in.Number == "" || (in.Kind != IncomingCancel && in.Start.IsZero()) {
		return ApplyResult{}, nil, fmt.Errorf("incoming reservation without number or start: %+v", in)
	}
	var days []time.Time
	existing, err := data.ReservationBySBNumber(ctx, tx, in.Number)
	var prev *data.Reservation
	if err == nil {
		prev = &existing.Reservation
		days = append(days, prev.Start)
	} else if !errors.Is(err, data.ErrNotFound) {
		return ApplyResult{}, nil, err
	}
	if in.Kind == IncomingCancel {
		res, err := a.applyCancel(ctx, tx, prev)
		return res, days, err
	}
	days = append(days, in.Start)
	res, err := a.applyBooking(ctx, tx, in, prev)
	return res, days, err
}

func (a *App) applyCancel(ctx context.Context, tx *sql.Tx, prev *data.Reservation) (ApplyResult, error) {
	if prev == nil {
		// Cancelled before we ever saw it (a lost mail): nothing holds a place here.
		return ApplyResult{Outcome: OutcomeUnchanged}, nil
	}
	if !prev.Status.Active() {
		return ApplyResult{ReservationID: prev.ID, Outcome: OutcomeUnchanged}, nil
	}
	r := *prev
	r.Status, r.UpdatedAt = data.StatusCancelled, a.now()
	if err := data.UpdateReservation(ctx, tx, &r); err != nil {
		return ApplyResult{}, err
	}
	// A cancelled reservation needs no transcription any more.
	if _, err := data.ResolveNotifications(ctx, tx, 0, r.ID, a.now()); err != nil {
		return ApplyResult{}, err
	}
	return ApplyResult{ReservationID: r.ID, Outcome: OutcomeCancelled}, nil
}

// applyBooking creates or changes the reservation, or holds the place provisionally.
func (a *App) applyBooking(ctx context.Context, tx *sql.Tx, in Incoming, prev *data.Reservation) (ApplyResult, error) {
	r := a.incomingReservation(in, prev)
	if err := a.linkCustomer(ctx, tx, &r, in); err != nil {
		return ApplyResult{}, err
	}
	staff, err := data.ListStaff(ctx, tx, true)
	if err != nil {
		return ApplyResult{}, err
	}
	staffID, staffOK := matchStaff(staff, in.Staff)
	match, err := matchNames(ctx, tx, in.Coupon, in.Menus)
	reason := ""
	switch {
	case errors.Is(err, errNoMatch) || !staffOK:
		reason = ReasonMismatch
	case err != nil:
		return ApplyResult{}, err
	}
	if reason == "" {
		r.StaffID, r.Designated = staffID, in.Designated && staffID != 0
		r.CouponID, r.MenuIDs = match.CouponID, match.MenuIDs
		r.End = r.Start.Add(in.Duration)
		if in.Duration == 0 {
			menus, coupon, err := a.menusAndCoupon(ctx, tx, match.CouponID)
			if err != nil {
				return ApplyResult{}, err
			}
			d, _ := durationOf(menus, match.MenuIDs, coupon)
			r.End = r.Start.Add(d)
		}
		if err := a.checkFits(ctx, tx, &r); err != nil {
			if ErrorKey(err) == "" {
				return ApplyResult{}, err
			}
			reason = ReasonCapacity
		}
	}
	if reason != "" && settledByStaff(prev, &r) {
		return ApplyResult{ReservationID: prev.ID, Outcome: OutcomeUnchanged}, nil
	}
	if reason != "" {
		return a.holdProvisional(ctx, tx, r, prev, reason)
	}
	if prev != nil && sameBooking(prev, &r) {
		return ApplyResult{ReservationID: prev.ID, Outcome: OutcomeUnchanged}, nil
	}
	r.Status = data.StatusWaiting
	if prev != nil && prev.Status != data.StatusProvisional {
		r.Status = prev.Status
	}
	r.SyncState, r.SyncReason = data.SyncOK, ""
	if err := a.upsert(ctx, tx, &r, prev); err != nil {
		return ApplyResult{}, err
	}
	// It applied after all (a change mail, or a coupon mapped since): the failure is over.
	if _, err := data.ResolveNotifications(ctx, tx, 0, r.ID, a.now()); err != nil {
		return ApplyResult{}, err
	}
	return ApplyResult{ReservationID: r.ID, Outcome: OutcomeApplied}, nil
}

// incomingReservation is the reservation's fields as SALON BOARD sent them.
func (a *App) incomingReservation(in Incoming, prev *data.Reservation) data.Reservation {
	now := a.now()
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
	r.CustomerName, r.CustomerKana, r.CouponName = in.NameKanji, NormalizeKana(in.NameKana), in.Coupon
	if in.Request != "" && r.Memo == "" {
		r.Memo = truncateRunes(in.Request, MaxMemo)
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

// linkCustomer finds the customer by kana (HPB sends no phone) or creates one. Two
// customers with the same kana are left for staff to tell apart.
func (a *App) linkCustomer(ctx context.Context, tx *sql.Tx, r *data.Reservation, in Incoming) error {
	if r.CustomerID != 0 || r.CustomerKana == "" {
		return nil
	}
	found, err := data.SearchCustomers(ctx, tx, data.CustomerFilter{KanaPrefix: r.CustomerKana}, 3, 0)
	if err != nil {
		return err
	}
	var same []data.Customer
	for _, c := range found {
		if c.Kana == r.CustomerKana {
			same = append(same, c)
		}
	}
	switch len(same) {
	case 1:
		r.CustomerID, r.FirstVisit = same[0].ID, same[0].VisitCount == 0
		return nil
	case 0:
		c := data.Customer{Name: in.NameKanji, Kana: r.CustomerKana, Origin: "salonboard"}
		if err := data.InsertCustomer(ctx, tx, &c, a.now()); err != nil {
			return err
		}
		r.CustomerID, r.FirstVisit = c.ID, true
	}
	return nil
}

// holdProvisional keeps the place with the start time only, marks the sync failed and
// raises the notification; a name mismatch also queues the re-read from the web UI.
func (a *App) holdProvisional(ctx context.Context, tx *sql.Tx, r data.Reservation, prev *data.Reservation, reason string) (ApplyResult, error) {
	if prev != nil && prev.Status == data.StatusProvisional && prev.SyncReason == reason &&
		prev.Start.Equal(r.Start) {
		return ApplyResult{ReservationID: prev.ID, Outcome: OutcomeUnchanged, Reason: reason}, nil
	}
	r.End, r.Status = r.Start, data.StatusProvisional
	r.SyncState, r.SyncReason = data.SyncFailed, reason
	r.StaffID, r.Designated, r.CouponID, r.MenuIDs, r.EquipmentID = 0, false, 0, nil, 0
	if err := a.upsert(ctx, tx, &r, prev); err != nil {
		return ApplyResult{}, err
	}
	if _, err := data.ResolveNotifications(ctx, tx, 0, r.ID, a.now()); err != nil {
		return ApplyResult{}, err
	}
	n := data.Notification{CreatedAt: a.now(), Direction: data.DirSBToApp, Reason: reason, ReservationID: r.ID,
		ReservationNo: r.SBNumber, ReservationAt: data.FormatTime(r.Start), Detail: r.CouponName}
	if err := data.InsertNotification(ctx, tx, &n); err != nil {
		return ApplyResult{}, err
	}
	if reason == ReasonMismatch {
		payload, _ := json.Marshal(map[string]any{"reservation_id": r.ID, "sb_number": r.SBNumber})
		if err := data.EnqueueJob(ctx, tx, &data.Job{Kind: JobSBReread, Ref: fmt.Sprintf("reservation:%d", r.ID),
			Payload: string(payload)}, a.now()); err != nil {
			return ApplyResult{}, err
		}
	}
	return ApplyResult{ReservationID: r.ID, Outcome: OutcomeProvisional, Reason: reason}, nil
}

func (a *App) upsert(ctx context.Context, tx *sql.Tx, r *data.Reservation, prev *data.Reservation) error {
	if prev == nil {
		return data.InsertReservation(ctx, tx, r)
	}
	r.ID = prev.ID
	return data.UpdateReservation(ctx, tx, r)
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
func (a *App) HoldUnreadable(ctx context.Context, number string, start time.Time, kana string) (ApplyResult, error) {
	var res ApplyResult
	err := a.store.Tx(ctx, func(tx *sql.Tx) error {
		existing, err := data.ReservationBySBNumber(ctx, tx, number)
		var prev *data.Reservation
		if err == nil {
			prev = &existing.Reservation
		} else if !errors.Is(err, data.ErrNotFound) {
			return err
		}
		r := a.incomingReservation(Incoming{Number: number, Start: start, NameKana: kana}, prev)
		res, err = a.holdProvisional(ctx, tx, r, prev, ReasonTimeout)
		return err
	})
	if err == nil && res.Outcome != OutcomeUnchanged {
		a.events.Publish(ReservationsChanged{Days: []time.Time{start}})
		a.events.Publish(NotificationsChanged{})
	}
	return res, err
}

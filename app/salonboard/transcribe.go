package salonboard

import (
	"context"
	"errors"
	"strings"
	"time"

	"salondesk/app"
	"salondesk/data"
)

// 予約情報登録(転記): a reservation SALON BOARD could not hand over is held here with its
// start time only (仮登録). Staff complete it from what the customer booked; it becomes a
// normal reservation that SALON BOARD already has, so it is never sent there again.

// TranscribeInput is what the 予約情報登録(転記) form submits.
type TranscribeInput struct {
	ReservationID int64
	Start         time.Time // 来店日時 (required)
	CouponID      int64
	MenuIDs       []int64
	StaffID       int64
	Designated    bool
	EquipmentID   int64
	// CustomerID is the customer to link; 0 with NewCustomer nil keeps the customer the
	// reservation is already linked to (matched by kana when it arrived).
	CustomerID  int64
	NewCustomer *app.CustomerInput
	Memo        string
	// Force registers the reservation even though it breaks the salon's own limits
	// (受付可能数, opening hours, a staff member's day off): SALON BOARD has already accepted
	// this customer, who will come whatever the app thinks. Without it, such a refusal comes
	// back as a *FitWarning for staff to confirm, and nothing is written.
	Force bool
}

// FitWarning says the transcribed reservation does not fit the salon's limits. Staff may
// register it anyway (TranscribeInput.Force) after reading Err. ErrorKey works on it.
type FitWarning struct{ Err *app.UserError }

func (w *FitWarning) Error() string { return w.Err.Error() }
func (w *FitWarning) Unwrap() error { return w.Err }

// overridable are the checkFits refusals a reservation SALON BOARD accepted may override.
// An unknown or retired staff member or machine is not one of them: that is a wrong pick.
var overridable = map[string]bool{
	"error.capacity_salon": true, "error.capacity_staff": true, "error.capacity_equipment": true,
	"error.outside_hours": true, "error.closed_day": true, "error.staff_day_off": true,
}

// Transcribe registers a provisional reservation from SALON BOARD with what staff filled
// in, in one transaction: customer, time, menus, status 受付待ち, 連携状況 転記済み, its
// notifications resolved and, when SALON BOARD's coupon name matched nothing, that name
// recorded as an alias of the chosen coupon. No SALON BOARD job is queued.
func (sb *Room) Transcribe(ctx context.Context, in TranscribeInput) (data.Reservation, error) {
	var saved data.Reservation
	if err := in.validate(); err != nil {
		return saved, err
	}
	err := sb.a.Update(ctx, func(t *app.Tx) error {
		r, err := transcribable(t, in.ReservationID)
		if err != nil {
			return err
		}
		before := r
		if err := fillTranscribed(t, &r, in); err != nil {
			return err
		}
		if err := t.CheckFits(&r); err != nil {
			var ue *app.UserError
			if !errors.As(err, &ue) || !overridable[ue.Key] {
				return err
			}
			if !in.Force {
				return &FitWarning{Err: ue}
			}
		}
		// SaveReservation, not the desk's save: the reservation is in SALON BOARD already,
		// so no hook queues it there.
		if err := t.SaveReservation(&r, &before); err != nil {
			return err
		}
		if err := t.ResolveNotifications(r.ID); err != nil {
			return err
		}
		if r.CouponName != "" && in.CouponID != 0 {
			if err := recordCouponAlias(t, r.CouponName, in.CouponID); err != nil {
				return err
			}
		}
		saved = r
		return nil
	})
	return saved, err
}

func (in *TranscribeInput) validate() error {
	switch {
	case in.Start.IsZero():
		return &app.UserError{Key: "error.start_required"}
	case in.Start.Minute()%5 != 0:
		return &app.UserError{Key: "error.start_grid"}
	case len([]rune(in.Memo)) > app.MaxMemo:
		return &app.UserError{Key: "error.memo_too_long", Args: map[string]any{"Max": app.MaxMemo}}
	case in.NewCustomer != nil:
		return in.NewCustomer.Validate()
	}
	return nil
}

// transcribable reads the reservation and checks it is one SALON BOARD could not hand
// over: it has a SALON BOARD number and is still provisional or failed.
func transcribable(t *app.Tx, id int64) (data.Reservation, error) {
	v, err := t.Reservation(id)
	if errors.Is(err, data.ErrNotFound) {
		return v.Reservation, &app.UserError{Key: "error.reservation_missing"}
	} else if err != nil {
		return v.Reservation, err
	}
	return v.Reservation, CheckTranscribable(v.Reservation)
}

// CheckTranscribable says, as a UserError, why r cannot be transcribed, nil when it can:
// the form checks before it opens, Transcribe again inside its transaction.
func CheckTranscribable(r data.Reservation) error {
	switch {
	case !r.Status.Active() || r.Status == data.StatusPaid:
		return &app.UserError{Key: "error.reservation_closed"}
	case r.SBNumber == "" || (r.Status != data.StatusProvisional && r.SyncState != data.SyncFailed):
		return &app.UserError{Key: "transcribe.error.not_provisional"}
	}
	return nil
}

// fillTranscribed puts staff's choices into r: the customer (linked, chosen or created),
// time and length, staff, machine, coupon and menus, memo, and the registered state.
func fillTranscribed(t *app.Tx, r *data.Reservation, in TranscribeInput) error {
	now := t.Now()
	custID := in.CustomerID
	if custID == 0 && in.NewCustomer == nil {
		custID = r.CustomerID
	}
	cust, err := t.CustomerForInput(custID, in.NewCustomer)
	if err != nil {
		return err
	}
	dur, err := t.Duration(in.MenuIDs, in.CouponID)
	if err != nil {
		return err
	}
	// CustomerName/Kana keep what SALON BOARD sent (the row's own name shows beside it);
	// only a reservation that arrived without them takes the customer's.
	r.CustomerID, r.FirstVisit = cust.ID, cust.VisitCount == 0
	if r.CustomerKana == "" {
		r.CustomerName, r.CustomerKana = cust.Name, cust.Kana
	}
	r.Start, r.End = in.Start, in.Start.Add(dur)
	r.StaffID, r.Designated, r.EquipmentID = in.StaffID, in.Designated && in.StaffID != 0, in.EquipmentID
	r.CouponID, r.MenuIDs, r.Memo = in.CouponID, append([]int64(nil), in.MenuIDs...), strings.TrimSpace(in.Memo)
	if r.Route != data.RouteHPB && r.Route != data.RouteSalonBoard {
		r.Route = data.RouteSalonBoard
	}
	r.Status, r.SyncState, r.SyncReason, r.UpdatedAt = data.StatusWaiting, data.SyncTranscribed, "", now
	return nil
}

// recordCouponAlias maps SALON BOARD's coupon name to the coupon staff chose, so that the
// next reservation with that name applies by itself. Nothing is recorded when the name
// already finds a coupon (the reservation was held for capacity or an unknown staff
// member, not for its name): a different pick then is this visit's choice, not a new
// meaning of the name. Otherwise two keys findCoupon looks up are written: the name
// without its price (HPB prices change) and, more general, also without its [全員]/[新規]
// mark. The specific key is looked up first. Both are free or point at a retired coupon
// here, since the name found nothing through them.
func recordCouponAlias(t *app.Tx, received string, couponID int64) error {
	if _, err := findCoupon(t, received); err == nil {
		return nil
	} else if !errors.Is(err, errNoMatch) {
		return err
	}
	n := NormalizeName(received)
	specific := withoutPrice(n)
	general := withoutPrice(targetPrefix.ReplaceAllString(n, ""))
	for _, key := range dedupe([]string{specific, general}) {
		if err := t.SaveAlias(&data.Alias{Kind: "coupon", NameNorm: key, CouponID: couponID}); err != nil {
			return err
		}
	}
	return nil
}

// settledByStaff reports whether a reservation SALON BOARD sends again (a duplicate mail,
// the periodic reconciliation) was already completed here, by 転記 or by the re-read, at
// the same start: a name that still matches nothing, or a slot still over its 受付可能数,
// must not turn it back into a provisional one with a new notification.
func settledByStaff(prev, r *data.Reservation) bool {
	return prev != nil && prev.SyncState == data.SyncTranscribed && prev.Status.Active() &&
		prev.Start.Equal(r.Start)
}

// SuggestCoupon is the coupon SALON BOARD's coupon name finds (by name or alias), 0 when
// none: the 転記 form preselects it (a reservation held for capacity has a known coupon).
func (sb *Room) SuggestCoupon(ctx context.Context, received string) (int64, error) {
	if strings.TrimSpace(received) == "" {
		return 0, nil
	}
	var id int64
	err := sb.a.View(ctx, func(t *app.Tx) error {
		c, err := findCoupon(t, received)
		if errors.Is(err, errNoMatch) {
			return nil
		}
		id = c.ID
		return err
	})
	return id, err
}

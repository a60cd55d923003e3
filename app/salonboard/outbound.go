package salonboard

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"salondesk/app"
	"salondesk/data"
	"salondesk/sync/outbox"
	"salondesk/sync/salonboard/web"
)

// Writer is what registering desk reservations needs of SALON BOARD's web UI
// (*web.Client has it).
type Writer interface {
	Register(ctx context.Context, in web.RegisterInput) (web.RegisterResult, error)
	FindReservations(ctx context.Context, start time.Time, staffName, kana string) ([]web.ListRow, error)
	Change(ctx context.Context, id string, in web.ChangeInput) error
	Cancel(ctx context.Context, id string) error
}

// reasonedError carries the failure reason the seed shows: 予約受付可能数を超えています for
// capacity, 例外またはタイムアウトが発生しました for everything else.
type reasonedError struct {
	err       error
	reason    string
	permanent bool
}

func (e *reasonedError) Error() string   { return e.err.Error() }
func (e *reasonedError) Unwrap() error   { return e.err }
func (e *reasonedError) Reason() string  { return e.reason }
func (e *reasonedError) Permanent() bool { return e.permanent }
func (e *reasonedError) Offline() bool {
	var o interface{ Offline() bool }
	return errors.As(e.err, &o) && o.Offline()
}

// writeFailure maps a web write error to the seed's reasons, keeping whether it is
// permanent (capacity, input rules, an ambiguous match) or worth retrying.
func writeFailure(err error) error {
	if err == nil {
		return nil
	}
	reason := data.ReasonTimeout
	var r interface{ Reason() string }
	if errors.As(err, &r) && r.Reason() == data.ReasonCapacity {
		reason = data.ReasonCapacity
	}
	return &reasonedError{err: err, reason: reason, permanent: !web.IsTransient(err) && !loginHeld(err)}
}

// errAmbiguous: SALON BOARD holds more than one reservation that could be ours.
var errAmbiguous = errors.New("SALON BOARDに同じ日時・スタッフ・お名前の予約が複数あります")

// RegisterHandler registers a desk reservation in SALON BOARD. Before any retry it looks
// for the reservation there (same start, staff and kana): one found is linked, not
// registered again; more than one is left to a person. A reservation that came from
// SALON BOARD, was transcribed, or is linked already is never registered.
func (sb *Room) RegisterHandler(w Writer) outbox.Handler {
	return func(ctx context.Context, job outbox.Job) error {
		r, ok, err := sb.jobReservation(ctx, job)
		if err != nil || !ok || !needsRegistration(r) {
			return err
		}
		in, err := sb.registerInput(ctx, r)
		if err != nil {
			return &reasonedError{err: err, reason: data.ReasonTimeout, permanent: true}
		}
		if job.Attempts > 1 {
			rows, err := w.FindReservations(ctx, in.Start, sb.sbStaffName(ctx, in.StaffID), in.SeiKana+" "+in.MeiKana)
			if err != nil {
				return writeFailure(err)
			}
			switch len(rows) {
			case 0:
			case 1:
				return sb.linkRegistered(ctx, r.ID, rows[0].ID)
			default:
				return &reasonedError{err: errAmbiguous, reason: data.ReasonTimeout, permanent: true}
			}
		}
		res, err := w.Register(ctx, in)
		if err != nil {
			return writeFailure(err)
		}
		return sb.linkRegistered(ctx, r.ID, res.ID)
	}
}

// ChangeHandler carries a desk change to SALON BOARD for a reservation registered there.
func (sb *Room) ChangeHandler(w Writer) outbox.Handler {
	return func(ctx context.Context, job outbox.Job) error {
		r, ok, err := sb.jobReservation(ctx, job)
		if err != nil || !ok || !strings.HasPrefix(r.SBNumber, "YG") || !r.Status.Active() {
			return err // not registered yet: the register job sends the current state
		}
		in, err := sb.registerInput(ctx, r)
		if err != nil {
			return &reasonedError{err: err, reason: data.ReasonTimeout, permanent: true}
		}
		err = w.Change(ctx, r.SBNumber, web.ChangeInput{StaffID: in.StaffID, EquipmentID: in.EquipmentID,
			Start: in.Start, Duration: in.Duration, Designated: in.Designated, SeiKana: in.SeiKana,
			MeiKana: in.MeiKana, Sei: in.Sei, Mei: in.Mei, Tel: in.Tel, Memo: in.Memo,
			Menus: in.Menus, Coupon: in.Coupon, Aliases: in.Aliases})
		if err != nil {
			return writeFailure(err)
		}
		return sb.markSynced(ctx, r.ID)
	}
}

// CancelHandler cancels in SALON BOARD a reservation registered there.
func (sb *Room) CancelHandler(w Writer) outbox.Handler {
	return func(ctx context.Context, job outbox.Job) error {
		r, ok, err := sb.jobReservation(ctx, job)
		if err != nil || !ok || !strings.HasPrefix(r.SBNumber, "YG") {
			return err
		}
		if err := w.Cancel(ctx, r.SBNumber); err != nil {
			return writeFailure(err)
		}
		return sb.markSynced(ctx, r.ID)
	}
}

func (sb *Room) jobReservation(ctx context.Context, job outbox.Job) (data.Reservation, bool, error) {
	var p jobPayload
	if err := json.Unmarshal([]byte(job.Payload), &p); err != nil {
		return data.Reservation{}, false, outbox.Permanent(fmt.Errorf("payload %q: %w", job.Payload, err))
	}
	v, err := sb.a.Reservation(ctx, p.ReservationID)
	if errors.Is(err, data.ErrNotFound) {
		return data.Reservation{}, false, nil // deleted since: nothing to send
	}
	return v.Reservation, err == nil, err
}

func needsRegistration(r data.Reservation) bool {
	return r.SBNumber == "" && r.Status.Active() && r.Route != data.RouteHPB && r.Route != data.RouteSalonBoard &&
		r.SyncState != data.SyncTranscribed && !r.TranscribedCheck
}

// registerInput is the reservation as SALON BOARD's form takes it. SALON BOARD books
// every reservation on a staff row: one without 指名 goes on the first staff member
// working that day (not designated). Its menus and coupon go by name (bookedNames); the
// change form takes the same.
func (sb *Room) registerInput(ctx context.Context, r data.Reservation) (web.RegisterInput, error) {
	var in web.RegisterInput
	err := sb.a.View(ctx, func(t *app.Tx) error {
		var err error
		in, err = registerInput(t, r)
		return err
	})
	return in, err
}

func registerInput(t *app.Tx, r data.Reservation) (web.RegisterInput, error) {
	staff, err := t.Staff()
	if err != nil {
		return web.RegisterInput{}, err
	}
	var row *data.Staff
	for i := range staff {
		s := &staff[i]
		if s.SBID == "" || !s.Active {
			continue
		}
		if s.ID == r.StaffID || (r.StaffID == 0 && row == nil && app.WorksOn(*s, r.Start)) {
			row = s
		}
	}
	if row == nil {
		return web.RegisterInput{}, errors.New("SALON BOARDのスタッフIDが設定されたスタッフがいません")
	}
	in := web.RegisterInput{StaffID: row.SBID, Start: r.Start, Duration: r.End.Sub(r.Start),
		Designated: r.Designated && row.ID == r.StaffID, Memo: r.Memo, Route: web.RoutePhoneOwn}
	if r.Route == data.RouteWalkIn {
		in.Route = web.RouteWalkIn
	}
	if in.Duration <= 0 {
		salon, _ := t.Salon()
		in.Duration = time.Duration(salon.SlotMinutes) * time.Minute
	}
	if r.EquipmentID != 0 {
		eq, err := t.Equipment()
		if err != nil {
			return in, err
		}
		for _, e := range eq {
			if e.ID == r.EquipmentID {
				in.EquipmentID = e.SBID
			}
		}
	}
	kana, name := r.CustomerKana, r.CustomerName
	if r.CustomerID != 0 {
		c, err := data.GetCustomer(t.Ctx(), t.Q(), r.CustomerID)
		if err == nil {
			kana, name, in.Tel = c.Kana, c.Name, c.Phone
			in.CustomerNo = fmt.Sprint(c.Number)
		}
	}
	in.SeiKana, in.MeiKana = splitName(kana)
	in.Sei, in.Mei = splitName(name)
	in.Menus, in.Coupon, in.Aliases, err = bookedNames(t, r)
	return in, err
}

// splitName splits "ヤマダ　ハナコ" / "山田 花子" into family and given name.
func splitName(s string) (string, string) {
	f := strings.Fields(strings.ReplaceAll(s, "　", " "))
	switch len(f) {
	case 0:
		return "", ""
	case 1:
		return f[0], ""
	}
	return f[0], strings.Join(f[1:], "")
}

func (sb *Room) sbStaffName(ctx context.Context, sbID string) string {
	var staff []data.Staff
	_ = sb.a.View(ctx, func(t *app.Tx) error {
		var err error
		staff, err = t.Staff()
		return err
	})
	for _, s := range staff {
		if s.SBID == sbID {
			if s.SBName != "" {
				return s.SBName
			}
			return s.Name
		}
	}
	return ""
}

// linkRegistered records SALON BOARD's number: 連携状況 成功.
func (sb *Room) linkRegistered(ctx context.Context, id int64, sbNumber string) error {
	return sb.updateSync(ctx, id, func(r *data.Reservation) { r.SBNumber = sbNumber })
}

// markSynced records that SALON BOARD holds the change: 連携状況 成功.
func (sb *Room) markSynced(ctx context.Context, id int64) error {
	return sb.updateSync(ctx, id, func(*data.Reservation) {})
}

func (sb *Room) updateSync(ctx context.Context, id int64, edit func(*data.Reservation)) error {
	return sb.a.Update(ctx, func(t *app.Tx) error {
		v, err := t.Reservation(id)
		if err != nil {
			return err
		}
		r := v.Reservation
		edit(&r)
		r.SyncState, r.SyncReason, r.UpdatedAt = data.SyncOK, "", t.Now()
		return t.SaveReservation(&r, nil)
	})
}

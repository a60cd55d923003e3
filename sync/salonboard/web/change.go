package web

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// Changing and cancelling a reservation registered in SALON BOARD (YG…):
// both start on its detail page, opened from the list as a person would,
// and both are verified by reading the reservation back.

const (
	changeConfirmPage  = "changeConfirm"
	changeCompletePage = "changeComplete"
	cancelConfirmPage  = "cancelConfirm"
	cancelCompletePage = "cancelComplete"
)

// ChangeInput is the whole new state of a reservation (the fields the
// change form holds; route and customer number stay as they are).
type ChangeInput struct {
	StaffID     string
	EquipmentID string // "" for none
	Start       time.Time
	Duration    time.Duration
	Designated  bool
	SeiKana     string
	MeiKana     string
	Sei         string
	Mei         string
	Tel         string // never logged
	Memo        string
}

// Change gives reservation id the state in (sanitised like a
// registration) and verifies it on the detail page. Only YG reservations
// can be changed here; a cancelled or unknown one is a permanent input
// error. Errors are *WriteError, classified as for Register; a change
// sent twice is harmless (the second sets the same values).
func (c *Client) Change(ctx context.Context, id string, in ChangeInput) error {
	if err := writableID("change", id); err != nil {
		return err
	}
	ri, err := Sanitize(RegisterInput{StaffID: in.StaffID, EquipmentID: in.EquipmentID,
		Start: in.Start.In(c.cfg.Location), Duration: in.Duration, Designated: in.Designated,
		SeiKana: in.SeiKana, MeiKana: in.MeiKana, Sei: in.Sei, Mei: in.Mei, Tel: in.Tel, Memo: in.Memo})
	if err != nil {
		return relabel(err, "change")
	}
	err = c.withStaleRetries(ctx, "change", func(ctx context.Context) error { return c.changeOnce(ctx, id, ri) })
	if err == nil {
		c.log.Info("salonboard: changed and read back", "id", id, "start", ri.Start)
	}
	return err
}

// Cancel cancels reservation id (the cancel page's default kind, お客様
// キャンセル) and verifies the cancel status in the list. A reservation
// already cancelled is left alone and counts as done.
func (c *Client) Cancel(ctx context.Context, id string) error {
	if err := writableID("cancel", id); err != nil {
		return err
	}
	err := c.withStaleRetries(ctx, "cancel", func(ctx context.Context) error { return c.cancelOnce(ctx, id) })
	if err == nil {
		c.log.Info("salonboard: cancelled and read back", "id", id)
	}
	return err
}

func writableID(op, id string) error {
	if !ValidReservationID(id) || !strings.HasPrefix(id, "YG") {
		return inputError(op, "%q is not a reservation registered in SALON BOARD (YG + 8 digits)", id)
	}
	return nil
}

func relabel(err error, op string) error {
	var we *WriteError
	if errors.As(err, &we) {
		we.Op = op
	}
	return err
}

// withStaleRetries runs one write operation: a stale stamp reloads and
// retries up to maxStaleRetries times, an expired session logs in once.
func (c *Client) withStaleRetries(ctx context.Context, op string, once func(context.Context) error) error {
	err := c.run(ctx, func(ctx context.Context) error {
		for stale := 0; ; stale++ {
			err := once(ctx)
			var st *ErrStale
			if !errors.As(err, &st) || stale == maxStaleRetries {
				return err
			}
			c.log.Info("salonboard: stale lock stamp, reloading", "op", op, "retry", stale+1)
		}
	})
	if errors.Is(err, ErrNotFound) {
		return &WriteError{Op: op, Why: ReasonInput, Fatal: true, Detail: "not in the reservation list", Err: err}
	}
	return classify(op, err)
}

// changeOnce: detail → change form → confirm → doComplete → detail again.
func (c *Client) changeOnce(ctx context.Context, id string, in RegisterInput) error {
	d, dp, err := c.openDetail(ctx, id)
	if err != nil {
		return err
	}
	if IsCancelled(StatusCode(d.Status)) {
		return &WriteError{Op: "change", Why: ReasonInput, Fatal: true, Detail: id + " is cancelled in SALON BOARD", Err: ErrInput}
	}
	acts, err := ParseDetailActions(dp.body)
	if err != nil {
		return err
	}
	if acts.Change == "" {
		return pageChanged(detailPage, "no 変更 link on %s", id)
	}
	fp, err := c.get(ctx, changeFormPage, acts.Change, dp.url, dp.url)
	if err != nil {
		return err
	}
	form, err := ParseChangeForm(fp.body)
	if err != nil {
		return err
	}
	if form.ReserveID != id {
		return pageChanged(changeFormPage, "asked for %s, the form changes %s", id, form.ReserveID)
	}
	staff, _ := optionByValue(form.Staff, in.StaffID)
	vals, err := fillForm("change", form, in)
	if err != nil {
		return err
	}
	if _, err := c.submit(ctx, "change", changeConfirmPage, changeCompletePage, fp, form.Action, vals, in.Tel, func() {}); err != nil {
		return err
	}
	after, _, err := c.openDetail(ctx, id)
	if err != nil {
		return err
	}
	if why := changeMismatch(after, in, staff.Label); why != "" {
		return &WriteError{Op: "change", Why: ReasonTimeout, Detail: why, Err: ErrNotSaved}
	}
	return nil
}

// changeMismatch says how the detail page differs from the change asked
// for, "" when it shows it.
func changeMismatch(d Detail, in RegisterInput, staff string) string {
	switch {
	case !d.Start.Equal(in.Start) || !d.End.Equal(in.Start.Add(in.Duration)):
		return fmt.Sprintf("the detail shows %s～%s", d.Start.Format("01/02 15:04"), d.End.Format("15:04"))
	case len(d.Staff) == 0 || !sameName(d.Staff[0].Name, staff):
		return "the detail shows another staff"
	case d.Staff[0].Designated != in.Designated:
		return "the detail shows another 指名"
	case !sameName(d.NameKana, in.SeiKana+in.MeiKana):
		return "the detail shows another kana name"
	}
	return ""
}

// cancelOnce: detail → cancel page (its confirmation) → doComplete → list.
func (c *Client) cancelOnce(ctx context.Context, id string) error {
	d, dp, err := c.openDetail(ctx, id)
	if err != nil {
		return err
	}
	if IsCancelled(StatusCode(d.Status)) {
		return nil // already cancelled: done
	}
	acts, err := ParseDetailActions(dp.body)
	if err != nil {
		return err
	}
	if acts.Cancel == "" {
		return pageChanged(detailPage, "no キャンセル link on %s", id)
	}
	cp, err := c.get(ctx, cancelConfirmPage, acts.Cancel, dp.url, dp.url)
	if err != nil {
		return err
	}
	conf, err := ParseSubmitResult(cancelConfirmPage, cp.body)
	if err != nil {
		return err
	}
	if conf.Kind != SubmitConfirm {
		return refusal("cancel", cancelConfirmPage, conf, "")
	}
	if _, err := c.commit(ctx, "cancel", cancelCompletePage, cp, conf, "", func() {}); err != nil {
		return err
	}
	day := dayOf(d.Start.In(c.cfg.Location))
	rows, err := c.search(ctx, day, day, url.Values{"reserveId": {id}})
	if err != nil {
		return err
	}
	for _, r := range rows {
		if r.ID == id && IsCancelled(r.StatusCode) {
			return nil
		}
	}
	return &WriteError{Op: "cancel", Why: ReasonTimeout, Detail: id + " is not cancelled in the list", Err: ErrNotSaved}
}

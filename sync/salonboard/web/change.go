package web

import (
	"context"
	"errors"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Changing and cancelling a reservation registered in SALON BOARD (YG…),
// as the spec records the real site: both start on its detail page, opened
// from the list as a person would. A change opens the change form
// (extReserveChange), posts it straight to doComplete and reads the day's
// schedule again; a cancellation posts the detail page's own form to
// doCancel and reads the list again (the row stays, with a cancel status).
// Both look before they write: a reservation that already is as asked
// (the change form shows the values, or the detail a cancel status) is not
// written again, so a retry after a timeout never changes or cancels twice.

const (
	changeCompletePage = "changeComplete"
	cancelPage         = "cancel"
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
	// What was booked, as for RegisterInput. With neither menus nor coupon
	// the form's own selection stays.
	Menus   []string
	Coupon  string
	Aliases map[string]string
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
		SeiKana: in.SeiKana, MeiKana: in.MeiKana, Sei: in.Sei, Mei: in.Mei, Tel: in.Tel, Memo: in.Memo,
		Menus: in.Menus, Coupon: in.Coupon, Aliases: in.Aliases})
	if err != nil {
		return relabel(err, "change")
	}
	err = c.withStaleRetries(ctx, "change", func(ctx context.Context) error { return c.changeOnce(ctx, id, ri) })
	if err == nil {
		c.log.Info("salonboard: changed and read back", "id", id, "start", ri.Start)
	}
	return err
}

// Cancel cancels reservation id from its detail page (SALON BOARD records
// it as サロンキャンセル) and verifies the cancel status in the list. A
// reservation already cancelled is left alone and counts as done.
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

// changeOnce: detail → change form → doComplete → schedule. When the form
// already holds what would be posted, the change is there (an earlier post
// that timed out, or nothing to change): nothing is posted.
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
	if form.ReserveID != "" && form.ReserveID != id {
		return pageChanged(changeFormPage, "asked for %s, the form changes %s", id, form.ReserveID)
	}
	vals, ch, err := fillForm("change", form, in)
	if err != nil {
		return err
	}
	if sameWrite(form.Values, vals) {
		c.log.Info("salonboard: the change form already shows the change, nothing posted", "id", id)
		return nil
	}
	ap, err := c.post(ctx, changeCompletePage, form.Action, fp.url, vals, fp.url)
	if err != nil {
		return err
	}
	res, err := ParseSubmitResult(changeCompletePage, ap.body)
	var sx *ErrSiteError
	var pc *ErrPageChanged
	switch {
	case errors.As(err, &sx), errors.As(err, &pc):
		c.log.Warn("salonboard: unclear answer to the change, reading back", "id", id, "err", err)
	case err != nil:
		return err // stale or session: the next round looks at the form first
	case res.Kind == SubmitRefused || res.Kind == SubmitNotSaved:
		return refusal("change", changeCompletePage, res, in.Tel)
	}
	c.log.Info("salonboard: change posted", "id", id, "options", len(ch.chosen), "in_memo", len(ch.inMemo()))
	return c.verifyChange(ctx, in, err)
}

// writeKeys are the fields a change sets; the rest is posted as read.
var writeKeys = []string{"staffId", "equipmentId", "rsvdate", "rsvtime", "rsvTermHour", "rsvTermMinute",
	"rsvRouteId", "rsvType", "nmSeiKana", "nmMeiKana", "nmSei", "nmMei", "tel", "customerNo", "rsvEtc",
	"menuIdList", "netCouponId", "extCouponIdList"}

// sameWrite reports whether posting vals would set nothing the form does
// not already show.
func sameWrite(shown, vals url.Values) bool {
	for _, k := range writeKeys {
		a, b := slices.Clone(shown[k]), slices.Clone(vals[k])
		if k == "rsvEtc" {
			for i := range a {
				a[i] = strings.TrimSpace(strings.ReplaceAll(a[i], "\r\n", "\n"))
			}
		}
		slices.Sort(a)
		slices.Sort(b)
		if !slices.Equal(a, b) && !(len(a) == 0 && len(b) == 1 && b[0] == "") && !(len(b) == 0 && len(a) == 1 && a[0] == "") {
			return false
		}
	}
	return true
}

// verifyChange reads the schedule of the new day: the staff's row must hold
// a block at the new start and end, with the customer's name and the 指名
// asked for. (Schedule blocks carry no number; the name and the slot are
// what a person checks too.) answerErr is an unclear answer to the post,
// returned when the change is not there.
func (c *Client) verifyChange(ctx context.Context, in RegisterInput, answerErr error) error {
	day := dayOf(in.Start)
	sp, err := c.get(ctx, schedulePage, pathSchedule+"?date="+day.Format("20060102"), nil, c.referer())
	if err != nil {
		return err
	}
	sched, err := ParseSchedule(sp.body, day)
	if err != nil {
		return err
	}
	end := in.Start.Add(in.Duration)
	for _, st := range sched.Staff {
		if st.ID != in.StaffID {
			continue
		}
		for _, b := range st.Blocks {
			if b.Start.Equal(in.Start) && b.End.Equal(end) && b.Designated == in.Designated &&
				(sameName(b.Name, in.Sei+in.Mei) || sameName(b.Name, in.SeiKana+in.MeiKana)) {
				return nil
			}
		}
	}
	detail := "the schedule does not show the change"
	if answerErr != nil {
		detail += " (" + answerErr.Error() + ")"
	}
	return &WriteError{Op: "change", Why: ReasonTimeout, Detail: detail, Err: ErrNotSaved}
}

// cancelOnce: detail → doCancel (its own form) → list. A reservation the
// detail shows cancelled is done: nothing is posted again.
func (c *Client) cancelOnce(ctx context.Context, id string) error {
	d, dp, err := c.openDetail(ctx, id)
	if err != nil {
		return err
	}
	if IsCancelled(StatusCode(d.Status)) {
		return nil // already cancelled (perhaps by an earlier post that timed out): done
	}
	acts, err := ParseDetailActions(dp.body)
	if err != nil {
		return err
	}
	if acts.Cancel == nil {
		return pageChanged(detailPage, "no cancel form (#extReserveDetail) on %s", id)
	}
	ap, err := c.post(ctx, cancelPage, acts.Cancel.Action, dp.url, acts.Cancel.Values, dp.url)
	if err != nil {
		return err
	}
	answer := cancelAnswer(ap.body)
	var st *ErrStale
	var se *ErrSessionExpired
	if errors.As(answer, &st) || errors.As(answer, &se) || errors.Is(answer, ErrCaptcha) {
		return answer // the next round opens the detail again and looks first
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
	detail := id + " is not cancelled in the list"
	if answer != nil {
		detail += " (" + answer.Error() + ")"
	}
	return &WriteError{Op: "cancel", Why: ReasonTimeout, Detail: detail, Err: ErrNotSaved}
}

// cancelAnswer reads the answer to doCancel only for what ends the round
// (a stale token, a lost session, an error page); whatever it says
// otherwise, the list decides.
func cancelAnswer(body []byte) error {
	doc, err := parseHTML(body)
	if err != nil {
		return pageChanged(cancelPage, "unparsable HTML")
	}
	return checkSession(cancelPage, doc)
}

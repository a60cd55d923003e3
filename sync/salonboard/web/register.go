package web

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// Registering a phone or walk-in reservation (spec §2, "Registering a
// reservation"): the schedule of the day (a fresh rlastupdate), the form
// opened from it as a person would, confirm, doComplete, and then the
// reservation list read back, because a POST can be accepted and silently
// discarded. Only a reservation found again is a success.

const (
	pathRegist         = "/KLP/reserve/ext/extReserveRegist/"
	registConfirmPage  = "registConfirm"
	registCompletePage = "registComplete"
	// maxStaleRetries is how often a stale lock stamp (KPCL017V01) reloads
	// the form inside one call.
	maxStaleRetries = 3
)

// RegisterInput is a reservation to register in SALON BOARD.
type RegisterInput struct {
	StaffID     string // W…, the staff of the schedule row
	EquipmentID string // EQ…, "" for none
	Start       time.Time
	Duration    time.Duration
	Route       string // RoutePhoneOwn (default), RoutePhoneHPB or RouteWalkIn
	Designated  bool   // 指名
	SeiKana     string
	MeiKana     string
	Sei         string // kanji family name; the kana when empty
	Mei         string
	Tel         string // never logged
	CustomerNo  string
	Memo        string // 予約時メモ, at most MemoMax characters are sent
	// What was booked, by name: chosen from the form's own options when a
	// name (or its alias) matches one, otherwise written at the head of
	// 予約時メモ. See chooseMenus.
	Menus   []string
	Coupon  string
	Aliases map[string]string // a local menu or coupon name → the SALON BOARD option's label or value
}

// RegisterResult is a registration found again in SALON BOARD.
type RegisterResult struct {
	ID     string   // YG + 8 digits
	Chosen []string // labels of the menu and coupon options filled in
	InMemo []string // booked menus and coupon no option took: at the head of 予約時メモ
}

// registration is one Register call's progress, kept across the stale
// retries and the one re-login, so that a write already sent is looked for
// before it is sent again.
type registration struct {
	in        RegisterInput
	staffName string
	posted    bool   // doComplete was sent
	shownID   string // the number its answer showed
	menus     menuChoice
}

// Register registers in (sanitised first, see Sanitize) and returns the
// number SALON BOARD gave it, after finding it in the reservation list.
// Errors are *WriteError: ErrOffGrid and input rules, capacity (Reason
// "capacity") and ErrAmbiguous are permanent; ErrNotRegistered, timeouts
// and everything else are transient. After a transient error the write MAY
// have been saved (a timeout after the commit): call FindReservations
// before registering again.
func (c *Client) Register(ctx context.Context, in RegisterInput) (RegisterResult, error) {
	if in.Route == "" {
		in.Route = RoutePhoneOwn
	}
	in.Start = in.Start.In(c.cfg.Location)
	in, err := Sanitize(in)
	if err != nil {
		return RegisterResult{}, err
	}
	r := &registration{in: in}
	var id string
	err = c.withStaleRetries(ctx, "register", func(ctx context.Context) error {
		var err error
		id, err = c.registerOnce(ctx, r)
		return err
	})
	if err != nil {
		c.log.Warn("salonboard: registration failed", "start", in.Start, "staff", in.StaffID, "err", err)
		return RegisterResult{}, err
	}
	c.log.Info("salonboard: registered and found again", "id", id, "start", in.Start, "staff", in.StaffID,
		"options", len(r.menus.chosen), "in_memo", len(r.menus.inMemo()))
	return RegisterResult{ID: id, Chosen: r.menus.chosen, InMemo: r.menus.inMemo()}, nil
}

// registerOnce runs the flow once. When an earlier round already sent
// doComplete, it first reads the list: found means done, and only "not
// there" lets it register again.
func (c *Client) registerOnce(ctx context.Context, r *registration) (string, error) {
	if r.posted {
		id, err := c.verifyRegistration(ctx, r)
		if !errors.Is(err, ErrNotSaved) {
			return id, err
		}
		r.posted, r.shownID = false, ""
	}
	in := r.in
	day := dayOf(in.Start)
	sp, err := c.get(ctx, schedulePage, pathSchedule+"?date="+day.Format("20060102"), nil, c.referer())
	if err != nil {
		return "", err
	}
	sched, err := ParseSchedule(sp.body, day)
	if err != nil {
		return "", err
	}
	if r.staffName = staffName(sched, in.StaffID); r.staffName == "" {
		return "", inputError("register", "staff %s is not on the SALON BOARD schedule of %s", in.StaffID, day.Format("2006-01-02"))
	}
	link := fmt.Sprintf("%s?staffId=%s&date=%s&rsvHour=%02d&rsvMinute=%02d&rlastupdate=%s", pathRegist,
		url.QueryEscape(in.StaffID), day.Format("20060102"), in.Start.Hour(), in.Start.Minute(), sched.LastUpdate)
	fp, err := c.get(ctx, registFormPage, link, sp.url, sp.url)
	if err != nil {
		return "", err
	}
	form, err := ParseRegistForm(fp.body)
	if err != nil {
		return "", err
	}
	vals, ch, err := fillForm("register", form, in)
	if err != nil {
		return "", err
	}
	r.menus = ch
	done, err := c.submit(ctx, "register", registConfirmPage, registCompletePage, fp, form.Action, vals, in.Tel, func() { r.posted = true })
	if err != nil {
		return "", err
	}
	r.shownID = done.ID
	return c.verifyRegistration(ctx, r)
}

// submit posts a write form, confirms it, posts doComplete (calling
// beforeCommit just before) and returns the completion page. Refusals come
// back as *WriteError; an unreadable completion page is returned as a
// completion without a number, for the read-back to decide.
func (c *Client) submit(ctx context.Context, op, confirmPage, completePage string, from loaded,
	action string, vals url.Values, tel string, beforeCommit func()) (SubmitResult, error) {
	cp, err := c.post(ctx, confirmPage, action, from.url, vals, from.url)
	if err != nil {
		return SubmitResult{}, err
	}
	conf, err := ParseSubmitResult(confirmPage, cp.body)
	if err != nil {
		return SubmitResult{}, err
	}
	switch conf.Kind {
	case SubmitConfirm:
		return c.commit(ctx, op, completePage, cp, conf, tel, beforeCommit)
	case SubmitDone: // saved without a confirmation step: the read-back decides
		beforeCommit()
		return conf, nil
	}
	return SubmitResult{}, refusal(op, confirmPage, conf, tel)
}

// commit posts a confirmation's doComplete form.
func (c *Client) commit(ctx context.Context, op, completePage string, cp loaded, conf SubmitResult,
	tel string, beforeCommit func()) (SubmitResult, error) {
	beforeCommit()
	dp, err := c.post(ctx, completePage, conf.Action, cp.url, conf.Values, cp.url)
	if err != nil {
		return SubmitResult{}, err
	}
	done, err := ParseSubmitResult(completePage, dp.body)
	var pc *ErrPageChanged
	switch {
	case errors.As(err, &pc):
		c.log.Warn("salonboard: unknown answer to doComplete, reading back", "page", completePage, "err", err)
		return SubmitResult{Kind: SubmitDone}, nil
	case err != nil:
		return SubmitResult{}, err
	case done.Kind != SubmitDone:
		return SubmitResult{}, refusal(op, completePage, done, tel)
	}
	return done, nil
}

// refusal turns a submit's answer other than the expected one into a
// *WriteError. Messages are scrubbed of the phone number.
func refusal(op, page string, res SubmitResult, tel string) error {
	msg := scrub(strings.Join(res.Messages, " / "), tel)
	switch res.Kind {
	case SubmitNotSaved:
		return &WriteError{Op: op, Why: ReasonTimeout, Detail: page + ": " + msg, Err: ErrNotSaved}
	case SubmitRefused:
		if res.Capacity {
			return &WriteError{Op: op, Why: ReasonCapacity, Fatal: true, Detail: msg, Err: ErrCapacity}
		}
		return &WriteError{Op: op, Why: ReasonInput, Fatal: true, Detail: msg, Err: ErrInput}
	case SubmitDone:
		return pageChanged(page, "a completion page before the confirmation")
	default:
		return pageChanged(page, "a second confirmation")
	}
}

var longNumberRe = regexp.MustCompile(`[0-9０-９][0-9０-９\-－ー]{7,}`)

// scrub keeps the phone number out of messages that may be logged.
func scrub(s, tel string) string {
	if tel != "" {
		s = strings.ReplaceAll(s, tel, "***")
	}
	return longNumberRe.ReplaceAllString(s, "***")
}

// fillForm sets the reservation on a registration or change form, over
// the values the form would send untouched (its token fields among them).
// A value the form does not offer (staff, equipment, route, time,
// duration) is an input error. It returns the menu choice it made.
func fillForm(op string, f ReserveForm, in RegisterInput) (url.Values, menuChoice, error) {
	vals := url.Values{}
	for k, v := range f.Values {
		vals[k] = append([]string(nil), v...)
	}
	if _, ok := optionByValue(f.Staff, in.StaffID); !ok {
		return nil, menuChoice{}, inputError(op, "the form offers no staff %s", in.StaffID)
	}
	vals.Set("staffId", in.StaffID)
	if in.EquipmentID != "" {
		if _, ok := optionByValue(f.Equipment, in.EquipmentID); !ok {
			return nil, menuChoice{}, inputError(op, "the form offers no equipment %s", in.EquipmentID)
		}
	}
	if f.Fields["equipmentId"] {
		vals.Set("equipmentId", in.EquipmentID)
	} else if in.EquipmentID != "" {
		return nil, menuChoice{}, pageChanged(registFormPage, "no equipmentId field")
	}
	if in.Route != "" {
		if _, ok := optionByValue(f.Routes, in.Route); !ok {
			return nil, menuChoice{}, inputError(op, "the form offers no route %s", in.Route)
		}
		vals.Set("rsvRouteId", in.Route)
	}
	if err := setWhen(op, vals, f, in); err != nil {
		return nil, menuChoice{}, err
	}
	vals.Del("rsvType") // 指名 is always set explicitly, never left to the form's default
	if in.Designated {
		vals.Set("rsvType", f.Designate)
	}
	vals.Set("nmSeiKana", in.SeiKana)
	vals.Set("nmMeiKana", in.MeiKana)
	vals.Set("nmSei", in.Sei)
	vals.Set("nmMei", in.Mei)
	vals.Set("tel", in.Tel)
	if f.Fields["customerNo"] && (in.CustomerNo != "" || op == "register") {
		vals.Set("customerNo", in.CustomerNo)
	}
	ch := chooseMenus(f, in)
	setMenus(vals, f, ch)
	vals.Set("rsvEtc", composeMemo(ch.unmatched, ch.coupon, in.Memo))
	return vals, ch, nil
}

// setWhen sets the start and the duration: the registration form's rsvHour
// and rsvMinute (its day is fixed by its link), or the change form's
// rsvdate (YYYYMMDD) and rsvtime (HHMM).
func setWhen(op string, vals url.Values, f ReserveForm, in RegisterInput) error {
	type field struct {
		name string
		opts []FormOption
		n    int
	}
	fields := []field{
		{"rsvTermHour", f.TermHours, int(in.Duration / time.Hour)},
		{"rsvTermMinute", f.TermMins, int(in.Duration % time.Hour / time.Minute)},
	}
	if f.Fields["rsvtime"] {
		vals.Set("rsvdate", in.Start.Format("20060102"))
		hhmm := in.Start.Format("1504")
		if _, ok := optionByValue(f.Times, hhmm); len(f.Times) > 0 && !ok {
			return inputError(op, "the form offers no rsvtime %s", hhmm)
		}
		vals.Set("rsvtime", hhmm)
	} else {
		if f.Fields["date"] {
			vals.Set("date", in.Start.Format("20060102"))
		}
		fields = append(fields, field{"rsvHour", f.Hours, in.Start.Hour()}, field{"rsvMinute", f.Minutes, in.Start.Minute()})
	}
	for _, t := range fields {
		v, ok := option(t.opts, t.n)
		if !ok {
			return inputError(op, "the form offers no %s %d", t.name, t.n)
		}
		vals.Set(t.name, v)
	}
	return nil
}

func staffName(s Schedule, id string) string {
	for _, st := range s.Staff {
		if st.ID == id {
			return st.Name
		}
	}
	return ""
}

// verifyRegistration reads the list back: the reservation must be there
// (same start, staff and kana; the number the completion page showed, when
// it showed one).
func (c *Client) verifyRegistration(ctx context.Context, r *registration) (string, error) {
	rows, err := c.findRows(ctx, r.in.Start, r.in.StaffID, r.staffName, r.in.SeiKana, r.in.MeiKana)
	if err != nil {
		return "", err
	}
	if r.shownID != "" {
		for _, row := range rows {
			if row.ID == r.shownID {
				return row.ID, nil
			}
		}
		return "", &WriteError{Op: "register", Why: ReasonTimeout,
			Detail: fmt.Sprintf("SALON BOARD answered %s, but the list does not hold it", r.shownID), Err: ErrNotSaved}
	}
	switch len(rows) {
	case 1:
		return rows[0].ID, nil
	case 0:
		return "", &WriteError{Op: "register", Why: ReasonTimeout, Detail: "not in the list", Err: ErrNotSaved}
	}
	ids := make([]string, len(rows))
	for i, row := range rows {
		ids[i] = row.ID
	}
	return "", &WriteError{Op: "register", Why: ReasonAmbiguous, Fatal: true,
		Detail: strings.Join(ids, ", "), Err: ErrAmbiguous}
}

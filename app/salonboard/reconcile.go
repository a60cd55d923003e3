package salonboard

import (
	"context"
	"errors"
	"time"

	"salondesk/app"
	"salondesk/data"
	"salondesk/sync/salonboard/web"
)

// Reconciliation reads SALON BOARD's reservation list and applies what the mails missed:
// lost mails, changes and cancellations (spam filters drop mails). A pass reads the list
// of a window once, with the statuses that hold a slot only; a day whose rows are new or
// moved here reads that day's schedule page for their time slots (one request for the
// whole day), and only what the two cannot settle opens a detail page. A reservation
// that is here but no longer in the list is confirmed with one search of the
// cancellations (found within the same pass).

// activeStatuses are the list statuses that hold a slot: the pass reads only these.
var activeStatuses = []int{web.StatusPending, web.StatusWaiting, web.StatusInTreatment, web.StatusAwaitingVisit,
	web.StatusDone, web.StatusPaid}

// cancelStatuses are the ones a reservation that left the list is looked for among.
var cancelStatuses = []int{web.StatusRefused, web.StatusCustomerCancel, web.StatusSalonCancel, web.StatusNoShow,
	web.StatusAutoCancel}

// ReconcileResult counts what a pass over SALON BOARD's reservation list found.
type ReconcileResult struct {
	Rows      int // rows read
	Added     int // reservations whose mail never came
	Changed   int // moved in SALON BOARD without a change mail
	Cancelled int // cancelled without a cancellation mail
	Failed    int // rows that could not be applied (their detail could not be read)
	Days      int // days settled
}

func (r *ReconcileResult) add(o ReconcileResult) {
	r.Rows, r.Added, r.Changed = r.Rows+o.Rows, r.Added+o.Added, r.Changed+o.Changed
	r.Cancelled, r.Failed, r.Days = r.Cancelled+o.Cancelled, r.Failed+o.Failed, r.Days+o.Days
}

// pass is one reading of the list over [from, to] (calendar days).
type pass struct {
	sb       *Room
	w        Web
	from, to time.Time
	// stopAfter ends the reading once a row after this day appears (bring-in reads the
	// near days first); zero reads to the end.
	stopAfter time.Time
	// dayDone is told after each settled day (bring-in keeps its progress there).
	dayDone func(day time.Time, rows int) error
	// remaining is told the first page's estimate of the rows left in [from, to].
	remaining func(n int)
	// read, when set, are the rows already read (through that day) by an earlier run cut
	// off before it settled them: the pass settles them without reading the list again.
	read *readRows
	// onRead is told what was read, before any day is settled (bring-in keeps it).
	onRead func(readRows) error
}

// readRows are the list rows read by a pass, by day, the last day read whole, and when
// the reading began.
type readRows struct {
	days    map[time.Time][]web.ListRow
	through time.Time
	at      time.Time
}

// Reconcile reads SALON BOARD's reservation list for [from, to] and applies what the
// mails missed.
func (sb *Room) Reconcile(ctx context.Context, w Web, from, to time.Time) (ReconcileResult, error) {
	p := pass{sb: sb, w: w, from: data.DayStart(from), to: data.DayStart(to)}
	return p.run(ctx)
}

// run reads the list, settles each day it read whole, then confirms what disappeared.
func (p *pass) run(ctx context.Context) (ReconcileResult, error) {
	var res ReconcileResult
	rr, err := p.rows(ctx)
	if err != nil {
		return res, err
	}
	days, through := rr.days, rr.through
	seen := map[string]bool{}
	for _, rows := range days {
		for _, r := range rows {
			seen[r.ID] = true
		}
	}
	var missing []data.ReservationView
	for day := p.from; !day.After(through); day = day.AddDate(0, 0, 1) {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		gone, err := p.sb.settleDay(ctx, p.w, day, days[day], seen, &res)
		if err != nil {
			return res, err
		}
		for _, v := range gone {
			// One saved here since the list was read (a mail that came meanwhile) is not gone.
			if v.UpdatedAt.Before(rr.at) {
				missing = append(missing, v)
			}
		}
		res.Days++
		if p.dayDone != nil {
			if err := p.dayDone(day, len(days[day])); err != nil {
				return res, err
			}
		}
	}
	err = p.sb.confirmGone(ctx, p.w, p.from, through, missing, &res)
	return res, err
}

// rows are the rows read before, or else the list read now (and told to onRead).
func (p *pass) rows(ctx context.Context) (readRows, error) {
	if p.read != nil {
		return *p.read, nil
	}
	at := p.sb.a.Now()
	days, through, err := p.readList(ctx)
	rr := readRows{days: days, through: through, at: at}
	if err == nil && p.onRead != nil {
		err = p.onRead(rr)
	}
	return rr, err
}

// readList reads the list pages, rows grouped by day, and the last day read whole.
func (p *pass) readList(ctx context.Context) (map[time.Time][]web.ListRow, time.Time, error) {
	days := map[time.Time][]web.ListRow{}
	through := p.to
	first := true
	q := web.ListQuery{From: p.from, To: p.to, Statuses: activeStatuses}
	err := p.w.ListPages(ctx, q, func(pg web.ListPage) error {
		if first && p.remaining != nil {
			p.remaining(estimateRows(pg))
		}
		first = false
		for _, r := range pg.Rows {
			day := data.DayStart(r.Start)
			if !p.stopAfter.IsZero() && day.After(p.stopAfter) {
				through = p.stopAfter
				return web.ErrStopPaging
			}
			days[day] = append(days[day], r)
		}
		return nil
	})
	return days, through, err
}

// estimateRows is the rows a search found, from its first page.
func estimateRows(pg web.ListPage) int {
	if pg.Total > 0 {
		return pg.Total
	}
	if pg.Pages <= 1 {
		return len(pg.Rows)
	}
	return pg.Pages * len(pg.Rows)
}

// settleDay applies one day's rows: unknown or moved ones from the day's schedule (read
// only when there are such rows) or, when the schedule cannot tell, their detail page.
// It returns the reservations held here for the day that the list no longer shows.
func (sb *Room) settleDay(ctx context.Context, w Web, day time.Time, rows []web.ListRow, seen map[string]bool,
	res *ReconcileResult) ([]data.ReservationView, error) {
	res.Rows += len(rows)
	local, err := sb.a.Reservations(ctx, data.ReservationFilter{From: day, To: day.AddDate(0, 0, 1)})
	if err != nil {
		return nil, err
	}
	var gone []data.ReservationView
	for _, v := range local {
		if v.SBNumber != "" && v.Status.Active() && !seen[v.SBNumber] {
			gone = append(gone, v)
		}
	}
	return gone, sb.applyListRows(ctx, w, day, rows, local, res)
}

// applyListRows is where every row the list shows of a day passes (the reservations
// that hold a slot), whether it changes anything here or not: the new and moved ones are
// applied, the others left as they are.
func (sb *Room) applyListRows(ctx context.Context, w Web, day time.Time, rows []web.ListRow,
	local []data.ReservationView, res *ReconcileResult) error {
	sb.noteListNames(ctx, rows)
	todo, err := sb.rowsToApply(ctx, rows, local)
	if err != nil || len(todo) == 0 {
		return err
	}
	ins, err := sb.incomingOf(ctx, w, day, todo, res)
	if err != nil {
		return err
	}
	return sb.applyIncomings(ctx, ins, res)
}

// rowToApply is a list row that is new here or moved in SALON BOARD.
type rowToApply struct {
	row  web.ListRow
	kind string
}

// rowsToApply keeps the rows that change something here: a number not held here (and not
// a desk reservation still being registered), or a held one SALON BOARD moved.
// Provisional ones wait for their re-read or for staff. local is the day as held here.
func (sb *Room) rowsToApply(ctx context.Context, rows []web.ListRow, local []data.ReservationView) ([]rowToApply, error) {
	held := map[string]data.Reservation{}
	for _, v := range local {
		if v.SBNumber != "" {
			held[v.SBNumber] = v.Reservation
		}
	}
	var out []rowToApply
	var staff []data.Staff
	for _, row := range rows {
		r, ok := held[row.ID]
		if !ok { // not on this day here: new, or moved from another day
			v, err := sb.a.ReservationBySBNumber(ctx, row.ID)
			switch {
			case errors.Is(err, data.ErrNotFound):
				// A YG reservation may be one of ours whose registration has not been linked
				// yet: its outbox job links it; importing it would book the customer twice.
				if row.Kind != web.KindExt || !awaitingLink(local, row.Start) {
					out = append(out, rowToApply{row: row, kind: IncomingNew})
				}
				continue
			case err != nil:
				return nil, err
			}
			r = v.Reservation
		}
		if r.Status == data.StatusProvisional || !r.Status.Active() {
			continue
		}
		if staff == nil {
			var err error
			if err := sb.a.View(ctx, func(t *app.Tx) error { staff, err = t.Staff(); return err }); err != nil {
				return nil, err
			}
		}
		// SALON BOARD puts every reservation in some staff's row: one held here without a
		// staff (指名なし, or an equipment booking) has not moved when it shows a staff there.
		id, ok := matchStaff(staff, listStaff(row))
		if r.Start.Equal(row.Start) && (!ok || r.StaffID == 0 || id == r.StaffID) {
			continue
		}
		out = append(out, rowToApply{row: row, kind: IncomingChange})
	}
	return out, nil
}

func listStaff(r web.ListRow) string {
	if r.Staff == "-" {
		return ""
	}
	return r.Staff
}

// incomingOf turns the rows into incoming reservations: paired with the day's schedule
// blocks, or read from their detail page when the pairing cannot settle them.
func (sb *Room) incomingOf(ctx context.Context, w Web, day time.Time, todo []rowToApply, res *ReconcileResult) ([]Incoming, error) {
	sched, err := w.Schedule(ctx, day)
	if err != nil {
		return nil, err
	}
	rows := make([]web.ListRow, len(todo))
	for i, t := range todo {
		rows[i] = t.row
	}
	slots := pairDay(rows, sched)
	ins := make([]Incoming, 0, len(todo))
	for _, t := range todo {
		if s, ok := slots[t.row.ID]; ok {
			ins = append(ins, incomingFromRow(t.row, s, t.kind))
			continue
		}
		d, err := w.ReservationDetail(ctx, t.row.ID)
		if err != nil {
			if web.IsTransient(err) || errors.Is(err, context.Canceled) {
				return nil, err
			}
			res.Failed++
			continue
		}
		in := incomingFromDetail(d, t.kind)
		if in.Start.IsZero() {
			in.Start = t.row.Start
		}
		ins = append(ins, in)
	}
	return ins, nil
}

// applyIncomings applies what the list (with the schedule or a detail page) says, one
// day in one transaction: the desk waits for it no longer than for one save. Every
// reservation the list brings in passes here.
func (sb *Room) applyIncomings(ctx context.Context, ins []Incoming, res *ReconcileResult) error {
	var added, changed, cancelled int
	err := sb.a.Update(ctx, func(t *app.Tx) error {
		added, changed, cancelled = 0, 0, 0
		for _, in := range ins {
			r, err := applyIncoming(t, in)
			if err != nil {
				return err
			}
			switch {
			case r.Outcome == OutcomeUnchanged:
			case r.Outcome == OutcomeCancelled:
				cancelled++
			case in.Kind == IncomingChange:
				changed++
			default:
				added++
			}
		}
		return nil
	})
	if err == nil {
		res.Added, res.Changed, res.Cancelled = res.Added+added, res.Changed+changed, res.Cancelled+cancelled
	}
	return err
}

// confirmGone looks for the reservations the list no longer shows among the
// cancellations of [from, to] (one search); one that is not there either moved out of the
// window or was removed: its detail page says which.
func (sb *Room) confirmGone(ctx context.Context, w Web, from, to time.Time, gone []data.ReservationView,
	res *ReconcileResult) error {
	if len(gone) == 0 {
		return nil
	}
	want := map[string]bool{}
	for _, v := range gone {
		want[v.SBNumber] = true
	}
	var ins []Incoming
	q := web.ListQuery{From: from, To: to, Statuses: cancelStatuses}
	err := w.ListPages(ctx, q, func(pg web.ListPage) error {
		for _, r := range pg.Rows {
			if want[r.ID] {
				delete(want, r.ID)
				ins = append(ins, Incoming{Number: r.ID, Kind: IncomingCancel})
			}
		}
		if len(want) == 0 {
			return web.ErrStopPaging
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, v := range gone {
		if !want[v.SBNumber] {
			continue
		}
		d, err := w.ReservationDetail(ctx, v.SBNumber)
		if err != nil {
			if web.IsTransient(err) || errors.Is(err, context.Canceled) {
				return err
			}
			res.Failed++
			continue
		}
		kind := IncomingChange
		if web.IsCancelled(web.StatusCode(d.Status)) {
			kind = IncomingCancel
		}
		ins = append(ins, incomingFromDetail(d, kind))
	}
	return sb.applyIncomings(ctx, ins, res)
}

// awaitingLink reports whether a desk reservation of the day (local) starting at t is
// still being registered in SALON BOARD (送信待ち or 失敗).
func awaitingLink(local []data.ReservationView, t time.Time) bool {
	for _, v := range local {
		if v.SBNumber == "" && v.Status.Active() && !v.Start.Before(t) && v.Start.Before(t.Add(time.Minute)) &&
			(v.SyncState == data.SyncPending || v.SyncState == data.SyncFailed) {
			return true
		}
	}
	return false
}

package salonboard

import (
	"context"
	"encoding/json"
	"time"

	"salondesk/data"
	"salondesk/sync/salonboard/web"
)

// Bringing a salon in (取り込み): when SalonDesk starts, SALON BOARD already holds every
// future reservation and no mail will come for them. The window today → horizon is read
// once, nearest days first (today → +7, then the far days slice by slice), each day
// settled in its own transaction so the desk keeps working. Progress is kept after every
// day: a restart or a `sync --once` timeout resumes at the first day not yet done, and
// the rows it had read but not settled are kept (for an hour), so no list page is read twice.

const keyBringIn = "salonboard.bringin"

// Near and far: the near window is today → +NearDays; the far days are read in slices of
// FarSliceDays, each within one pass of about a minute at a large salon's 70 a day.
const (
	NearDays     = 7
	FarSliceDays = 14
)

// BringInProgress is how far bringing the salon in has come, for the window's line
// 「SALON BOARDから取り込み中 1,234 / 4,200」.
type BringInProgress struct {
	Active      bool // still bringing in
	Done, Total int  // reservations read so far, of about Total
}

// bringInState is what is kept (as JSON in one setting) between runs.
type bringInState struct {
	Next     string `json:"next"`  // first day not yet done, 2006-01-02; "" before the start
	Until    string `json:"until"` // last day of the window
	Done     int    `json:"done"`
	Total    int    `json:"total"`
	Finished bool   `json:"finished"`
}

// keyBringInRead keeps the rows the last pass read (keptRows), written once per read:
// a run cut off before settling them all settles the rest from here, without reading
// their list pages again, while they are fresh.
const keyBringInRead = "salonboard.bringin.read"

// keptRows are the rows a pass read, through the last day it read whole.
type keptRows struct {
	Through string    `json:"through"`
	At      time.Time `json:"at"`
	Rows    []keptRow `json:"rows"`
}

// keptFor is how long read rows stay good to settle: after that they are read again
// (a reservation may have moved meanwhile).
const keptFor = time.Hour

// keptRow is what settling needs of a list row.
type keptRow struct {
	ID       string    `json:"id"`
	Kind     web.Kind  `json:"kind"`
	Start    time.Time `json:"start"`
	Status   int       `json:"status"`
	Customer string    `json:"customer"`
	Staff    string    `json:"staff,omitempty"`
	Menu     []string  `json:"menu,omitempty"`
}

// keepRead remembers what a pass read until the next pass reads.
func (sb *Room) keepRead(ctx context.Context, rr readRows) error {
	k := keptRows{Through: rr.through.Format(time.DateOnly), At: rr.at}
	for _, rows := range rr.days {
		for _, r := range rows {
			k.Rows = append(k.Rows, keptRow{ID: r.ID, Kind: r.Kind, Start: r.Start, Status: r.StatusCode,
				Customer: r.Customer, Staff: r.Staff, Menu: r.Menu})
		}
	}
	b, _ := json.Marshal(k)
	return sb.a.SetSetting(ctx, keyBringInRead, string(b))
}

// keptFrom are the rows read before of the days from next on, when they are fresh and
// reach that far.
func (sb *Room) keptFrom(ctx context.Context, next time.Time) (readRows, bool) {
	var k keptRows
	v, _ := sb.a.Setting(ctx, keyBringInRead, "")
	if json.Unmarshal([]byte(v), &k) != nil {
		return readRows{}, false
	}
	through, now := parseDay(k.Through), sb.a.Now()
	if through.IsZero() || through.Before(next) || now.Sub(k.At) >= keptFor || now.Before(k.At) {
		return readRows{}, false
	}
	rr := readRows{days: map[time.Time][]web.ListRow{}, through: through, at: k.At}
	for _, r := range k.Rows {
		if day := data.DayStart(r.Start); !day.Before(next) {
			rr.days[day] = append(rr.days[day], web.ListRow{ID: r.ID, Kind: r.Kind, Start: r.Start, StatusCode: r.Status,
				Customer: r.Customer, Staff: r.Staff, Menu: r.Menu})
		}
	}
	return rr, true
}

func (sb *Room) loadBringIn(ctx context.Context) bringInState {
	var st bringInState
	v, _ := sb.a.Setting(ctx, keyBringIn, "")
	_ = json.Unmarshal([]byte(v), &st) // an unreadable value starts again: nothing is read twice
	return st
}

func (sb *Room) saveBringIn(ctx context.Context, st bringInState) error {
	b, _ := json.Marshal(st)
	return sb.a.SetSetting(ctx, keyBringIn, string(b))
}

// BringInProgress is the progress as kept.
func (sb *Room) BringInProgress(ctx context.Context) BringInProgress {
	st := sb.loadBringIn(ctx)
	return st.progress()
}

func (st bringInState) progress() BringInProgress {
	p := BringInProgress{Active: !st.Finished && st.Next != "", Done: st.Done, Total: st.Total}
	if p.Total < p.Done {
		p.Total = p.Done
	}
	return p
}

// BringInFinished reports whether the salon has been brought in (the sync then keeps it
// in step with near and far passes).
func (sb *Room) BringInFinished(ctx context.Context) bool { return sb.loadBringIn(ctx).Finished }

func parseDay(s string) time.Time {
	t, err := time.ParseInLocation(time.DateOnly, s, time.Local)
	if err != nil {
		return time.Time{}
	}
	return t
}

// BringIn brings the window today → today+horizon in, from where it stopped, until it
// is done or ctx ends; report is told after every day.
func (sb *Room) BringIn(ctx context.Context, w Web, horizon int, report func(BringInProgress)) (ReconcileResult, error) {
	var res ReconcileResult
	today := data.DayStart(sb.a.Now())
	st := sb.loadBringIn(ctx)
	if st.Finished {
		return res, nil
	}
	if st.Next == "" {
		st = bringInState{Next: today.Format(time.DateOnly), Until: today.AddDate(0, 0, horizon).Format(time.DateOnly)}
	}
	next, until := parseDay(st.Next), parseDay(st.Until)
	if next.Before(today) || until.IsZero() {
		next = today // days that passed while stopped are history
	}
	if end := today.AddDate(0, 0, horizon); until.Before(end) {
		until = end
	}
	st.Next, st.Until = next.Format(time.DateOnly), until.Format(time.DateOnly)
	for !next.After(until) {
		stop := next.AddDate(0, 0, FarSliceDays-1)
		if near := today.AddDate(0, 0, NearDays); !next.After(near) {
			stop = near
		}
		p := pass{sb: sb, w: w, from: next, to: until, stopAfter: stop,
			remaining: func(n int) { st.Total = st.Done + n },
			onRead:    func(rr readRows) error { return sb.keepRead(context.WithoutCancel(ctx), rr) },
			dayDone: func(day time.Time, rows int) error {
				st.Next, st.Done = day.AddDate(0, 0, 1).Format(time.DateOnly), st.Done+rows
				if report != nil {
					report(st.progress())
				}
				return sb.saveBringIn(context.WithoutCancel(ctx), st)
			}}
		if rr, ok := sb.keptFrom(ctx, next); ok {
			p.read = &rr
		}
		r, err := p.run(ctx)
		res.add(r)
		if err != nil {
			return res, err
		}
		next = parseDay(st.Next)
	}
	st.Finished, st.Total = true, st.Done
	if err := sb.saveBringIn(ctx, st); err != nil {
		return res, err
	}
	if err := sb.a.SetSetting(ctx, keyBringInRead, ""); err != nil {
		return res, err
	}
	// The far window was just read whole: the next far sweep is a day away.
	if err := sb.saveFar(ctx, farState{Swept: sb.a.Now()}); err != nil {
		return res, err
	}
	if report != nil {
		report(st.progress())
	}
	return res, nil
}

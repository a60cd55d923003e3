package salonboard

import (
	"context"
	"encoding/json"
	"time"

	"salondesk/data"
)

// Bringing a salon in (取り込み): when SalonDesk starts, SALON BOARD already holds every
// future reservation and no mail will come for them. The window today → horizon is read
// once, nearest days first (today → +7, then the far days slice by slice), each day
// settled in its own transaction so the desk keeps working. Progress is kept after every
// day: a restart or a `sync --once` timeout resumes at the first day not yet done, and no
// list page of a finished day is read again.

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
			dayDone: func(day time.Time, rows int) error {
				st.Next, st.Done = day.AddDate(0, 0, 1).Format(time.DateOnly), st.Done+rows
				if report != nil {
					report(st.progress())
				}
				return sb.saveBringIn(context.WithoutCancel(ctx), st)
			}}
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
	// The far window was just read whole: the next far sweep is a day away.
	if err := sb.saveFar(ctx, farState{Swept: sb.a.Now()}); err != nil {
		return res, err
	}
	if report != nil {
		report(st.progress())
	}
	return res, nil
}

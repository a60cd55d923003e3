package salonboard

import (
	"context"
	"encoding/json"
	"time"

	"salondesk/data"
)

// Steady state, once the salon is brought in. Mails bring nearly every change at once;
// the passes only catch what a mail missed. Every ReconcileEvery (60 minutes by default)
// the near window (today → +7, where a missed change hurts soon) is read; once a day
// the far days (+8 → horizon) are swept, one slice of FarSliceDays per pass, so that no
// pass reads more than about a minute of pages. Only the statuses that hold a slot are
// read; a row that is new or moved reads its day's schedule; a reservation the near list
// no longer shows is looked up among the cancellations within the same pass.

const keyFar = "salonboard.far"

// FarEvery is how often the far window is swept.
const FarEvery = 24 * time.Hour

// farState is where the far sweep stands (JSON in one setting).
type farState struct {
	Next  string    `json:"next"`  // first far day of the sweep in progress, "" when none is
	Swept time.Time `json:"swept"` // when the last sweep ended
}

func (sb *Room) loadFar(ctx context.Context) farState {
	var st farState
	v, _ := sb.a.Setting(ctx, keyFar, "")
	_ = json.Unmarshal([]byte(v), &st)
	return st
}

func (sb *Room) saveFar(ctx context.Context, st farState) error {
	b, _ := json.Marshal(st)
	return sb.a.SetSetting(ctx, keyFar, string(b))
}

// SteadyPass is one pass once the salon is brought in: the near window, then one slice
// of the far window when a sweep is due or under way.
func (sb *Room) SteadyPass(ctx context.Context, w Web, horizon int) (ReconcileResult, error) {
	today := data.DayStart(sb.a.Now())
	res, err := sb.Reconcile(ctx, w, today, today.AddDate(0, 0, NearDays))
	if err != nil {
		return res, err
	}
	far, err := sb.farSlice(ctx, w, today, horizon)
	res.add(far)
	return res, err
}

// farSlice reads the next slice of the far window when a sweep is due or under way.
func (sb *Room) farSlice(ctx context.Context, w Web, today time.Time, horizon int) (ReconcileResult, error) {
	st := sb.loadFar(ctx)
	first, last := today.AddDate(0, 0, NearDays+1), today.AddDate(0, 0, horizon)
	from := parseDay(st.Next)
	if st.Next == "" {
		if sb.a.Now().Sub(st.Swept) < FarEvery {
			return ReconcileResult{}, nil
		}
		from = first
	}
	if from.Before(first) {
		from = first
	}
	to := from.AddDate(0, 0, FarSliceDays-1)
	if to.After(last) {
		to = last
	}
	var res ReconcileResult
	if !from.After(last) {
		var err error
		if res, err = sb.Reconcile(ctx, w, from, to); err != nil {
			return res, err
		}
	}
	st.Next = to.AddDate(0, 0, 1).Format(time.DateOnly)
	if !to.Before(last) {
		st = farState{Swept: sb.a.Now()}
	}
	return res, sb.saveFar(ctx, st)
}

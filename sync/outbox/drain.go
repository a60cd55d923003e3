package outbox

import (
	"context"
	"time"
)

// Drain is Run for a one-shot process (a command run by cron): it recovers jobs left
// running, sends what is due and returns once nothing more is due before until. At until
// it takes no new job and waits for the ones in flight to finish (each within
// AttemptTimeout), so that a clean run never leaves a job half-sent; only cancelling ctx
// cuts them off (like a crash: they run again at the next start). Drain and Run must not
// run at the same time on one Runner.
func (r *Runner) Drain(ctx context.Context, until time.Time) error {
	return r.serve(ctx, func(d *dispatcher) { d.drain(ctx, until) }, true)
}

// drain dispatches until the deadline, or until no job is in flight and none falls due
// before it.
func (d *dispatcher) drain(ctx context.Context, until time.Time) {
	r := d.r
	for ctx.Err() == nil {
		now := r.opts.Now()
		if !now.Before(until) {
			return
		}
		if free := r.opts.Workers - d.busy; free > 0 {
			d.dispatch(ctx, free)
		}
		r.refresh(ctx)
		r.publish()
		wait := r.opts.PollInterval
		if d.busy == 0 {
			next, err := r.store.NextDue(ctx, r.kinds())
			if err != nil || next.IsZero() || !next.Before(until) {
				return // nothing more to send in time
			}
			wait = max(next.Sub(now), minWait)
		}
		wait = min(wait, max(until.Sub(now), minWait))
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
		case <-r.kick:
		case o := <-d.done:
			d.busy--
			r.note(o)
		case <-timer.C:
		}
		timer.Stop()
	}
}

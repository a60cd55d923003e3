package outbox

import (
	"context"
	"fmt"
	"runtime/debug"
	"time"
)

// outcome is one attempt's result, handed from a worker to the dispatcher.
type outcome struct {
	job     Job
	err     error     // nil: the job succeeded
	at      time.Time // when the attempt ended
	skipped bool      // the runner was stopping: nothing was recorded
	lost    error     // the result could not be written to the store
}

// work runs one claimed job and records what became of it.
func (r *Runner) work(ctx context.Context, j Job) outcome {
	err := r.call(ctx, j)
	if err != nil && ctx.Err() != nil {
		// Stopping. The error is most likely the cancellation itself, so it says nothing
		// about the job: leave it running, and the next Run's RecoverRunning sends it again
		// (the same path as after a crash, which is why handlers are idempotent).
		return outcome{job: j, skipped: true}
	}
	now := r.opts.Now()
	// Bookkeeping must land even if Run is being stopped right now: a success that is
	// not recorded would be sent once more.
	rec := context.WithoutCancel(ctx)
	o := outcome{job: j, err: err, at: now}
	switch {
	case err == nil:
		o.lost = r.record(rec, j, "complete", func(c context.Context) error { return r.store.Complete(c, j.ID, now) })
	case r.failsForGood(j, err):
		if r.opts.OnFailed != nil {
			r.opts.OnFailed(rec, j, err)
		}
		o.lost = r.record(rec, j, "fail", func(c context.Context) error { return r.store.Fail(c, j.ID, err.Error(), now) })
	default:
		at := now.Add(Backoff(j.Attempts, r.opts.BaseDelay, r.opts.MaxDelay, r.opts.Rand()))
		o.lost = r.record(rec, j, "retry", func(c context.Context) error { return r.store.Retry(c, j.ID, at, err.Error(), now) })
	}
	return o
}

// failsForGood decides between a retry and the end. A permanent error ends at once; a
// transient one when the attempts are used up — except an offline one: while the other
// side cannot be reached, trying teaches nothing about the job, and nothing may be lost
// when the network drops, so offline jobs keep waiting (Status.Online shows it) with the
// delay capped at MaxDelay. Their attempt count still grows, so once the network is back
// the first non-offline transient error ends them.
func (r *Runner) failsForGood(j Job, err error) bool {
	if IsPermanent(err) {
		return true
	}
	return j.Attempts >= r.opts.MaxAttempts && !IsOffline(err)
}

// call runs the job's handler with the attempt deadline; a panic becomes a transient
// error so that one bad job cannot take the runner (and the app) down.
func (r *Runner) call(ctx context.Context, j Job) (err error) {
	h := r.handler(j.Kind)
	if h == nil {
		return fmt.Errorf("outbox: no handler for kind %q", j.Kind)
	}
	actx, cancel := context.WithTimeout(ctx, r.opts.AttemptTimeout)
	defer cancel()
	defer func() {
		if v := recover(); v != nil {
			r.opts.Logf("outbox: job %d (%s) panicked: %v\n%s", j.ID, j.Kind, v, debug.Stack())
			err = &panicError{value: v}
		}
	}()
	return h(actx, j)
}

// record writes an attempt's result, trying a few times: if it never lands the job stays
// running (its ref blocked) until the next Run recovers it and sends it again.
func (r *Runner) record(ctx context.Context, j Job, what string, write func(context.Context) error) error {
	var err error
	for try := range 3 {
		if try > 0 {
			time.Sleep(time.Duration(try) * 200 * time.Millisecond)
		}
		if err = write(ctx); err == nil {
			return nil
		}
	}
	r.opts.Logf("outbox: %s job %d (%s): %v", what, j.ID, j.Kind, err)
	return fmt.Errorf("outbox %s job %d: %w", what, j.ID, err)
}

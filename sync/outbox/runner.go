package outbox

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
	"time"
)

// minWait keeps the dispatcher from spinning if the store ever says a job is due that
// Claim does not return.
const minWait = 20 * time.Millisecond

// Runner sends the jobs of a JobStore through the handlers registered per kind.
// One Runner per database: two runners would recover each other's running jobs.
type Runner struct {
	store JobStore
	opts  Options
	kick  chan struct{}
	runs  atomic.Bool

	mu       sync.Mutex
	handlers map[string]Handler
	status   Status

	shown Status // what OnStatus was last told; the dispatcher's alone
}

// New makes a runner over store; register handlers with Handle, then call Run.
func New(store JobStore, opts Options) *Runner {
	return &Runner{store: store, opts: opts.withDefaults(), kick: make(chan struct{}, 1),
		handlers: map[string]Handler{}, status: Status{Online: true}}
}

// Handle registers h for jobs of kind. Jobs of a kind with no handler are not claimed:
// they stay pending (and keep later jobs of their ref waiting) until one is registered.
func (r *Runner) Handle(kind string, h Handler) {
	r.mu.Lock()
	r.handlers[kind] = h
	r.mu.Unlock()
	r.Kick()
}

// Kick wakes the runner now: after writing a job, or when a person asks for fresh data.
// It never blocks; kicks while the runner is busy fold into one.
func (r *Runner) Kick() {
	select {
	case r.kick <- struct{}{}:
	default:
	}
}

// Status is the runner's current state; safe from any goroutine.
func (r *Runner) Status() Status {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.status
}

func (r *Runner) handler(kind string) Handler {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.handlers[kind]
}

func (r *Runner) kinds() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	ks := make([]string, 0, len(r.handlers))
	for k := range r.handlers {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// Run recovers jobs left running, then sends jobs until ctx ends, with Options.Workers
// goroutines. It returns nil after a clean stop (in-flight handlers see ctx cancelled
// and the jobs they leave unfinished run again at the next start), or the error that
// kept it from starting.
func (r *Runner) Run(ctx context.Context) error {
	return r.serve(ctx, func(d *dispatcher) { d.loop(ctx) }, false)
}

// serve is what Run and Drain share: recover the jobs left running, start the workers, let
// dispatch hand them jobs, then wait for the ones in flight and tell the last status
// (recounting the waiting jobs first when recount: Drain's caller reads them; Run's ctx is
// over and its store may be closing).
func (r *Runner) serve(ctx context.Context, dispatch func(d *dispatcher), recount bool) error {
	if !r.runs.CompareAndSwap(false, true) {
		return errors.New("outbox: Run is already running")
	}
	defer r.runs.Store(false)
	if n, err := r.store.RecoverRunning(ctx, r.opts.Now()); err != nil {
		return fmt.Errorf("outbox: recover running jobs: %w", err)
	} else if n > 0 {
		r.opts.Logf("outbox: %d job(s) left running by the last run will run again", n)
	}
	d := &dispatcher{r: r, jobs: make(chan Job), done: make(chan outcome, r.opts.Workers)}
	var wg sync.WaitGroup
	for range r.opts.Workers {
		wg.Go(func() {
			for j := range d.jobs {
				d.done <- r.work(ctx, j)
			}
		})
	}
	dispatch(d)
	close(d.jobs)
	for ; d.busy > 0; d.busy-- {
		r.note(<-d.done)
	}
	wg.Wait()
	if recount {
		r.refresh(context.WithoutCancel(ctx))
	}
	r.publish()
	return nil
}

// dispatcher is Run's loop: it alone claims jobs and reports Status, once per turn, so
// status changes reach OnStatus in order and a burst of jobs does not flood it.
type dispatcher struct {
	r    *Runner
	jobs chan Job
	done chan outcome
	busy int
}

func (d *dispatcher) loop(ctx context.Context) {
	r := d.r
	for ctx.Err() == nil {
		wait := r.opts.PollInterval
		if free := r.opts.Workers - d.busy; free > 0 {
			wait = d.dispatch(ctx, free)
		}
		r.refresh(ctx)
		r.publish()
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

// dispatch claims up to free due jobs, hands them to the workers and says how long to
// sleep: until the next due job, at most PollInterval.
func (d *dispatcher) dispatch(ctx context.Context, free int) time.Duration {
	r := d.r
	kinds := r.kinds()
	if len(kinds) == 0 {
		return r.opts.PollInterval
	}
	jobs, err := r.store.Claim(ctx, r.opts.Now(), kinds, free)
	if err != nil {
		r.storeError(ctx, "claim", err)
		return r.opts.PollInterval
	}
	for _, j := range jobs {
		d.jobs <- j
		d.busy++
	}
	if len(jobs) == free {
		return r.opts.PollInterval // more may be due: a finishing worker wakes the loop
	}
	next, err := r.store.NextDue(ctx, kinds)
	if err != nil {
		r.storeError(ctx, "next due", err)
		return r.opts.PollInterval
	}
	if next.IsZero() {
		return r.opts.PollInterval
	}
	return min(max(next.Sub(r.opts.Now()), minWait), r.opts.PollInterval)
}

// refresh re-counts the waiting jobs.
func (r *Runner) refresh(ctx context.Context) {
	n, err := r.store.CountWaiting(ctx)
	if err != nil {
		r.storeError(ctx, "count", err)
		return
	}
	r.update(func(s *Status) { s.Waiting = n })
}

// update changes the status under the lock.
func (r *Runner) update(fn func(*Status)) {
	r.mu.Lock()
	fn(&r.status)
	r.mu.Unlock()
}

// publish tells OnStatus about a status that changed since it was last told.
func (r *Runner) publish() {
	st := r.Status()
	if st == r.shown {
		return
	}
	r.shown = st
	if r.opts.OnStatus != nil {
		r.opts.OnStatus(st)
	}
}

// note folds one attempt's outcome into the status.
func (r *Runner) note(o outcome) {
	if o.skipped {
		return
	}
	r.update(func(s *Status) {
		switch {
		case o.err == nil:
			s.LastSuccess, s.LastError, s.Online = o.at, "", true
		default:
			s.LastError, s.Online = o.err.Error(), !IsOffline(o.err)
		}
		if o.lost != nil {
			s.LastError = o.lost.Error()
		}
	})
}

func (r *Runner) storeError(ctx context.Context, what string, err error) {
	if ctx.Err() != nil {
		return // stopping: the store calls fail with the cancelled context
	}
	r.opts.Logf("outbox: %s: %v", what, err)
	r.update(func(s *Status) { s.LastError = "outbox " + what + ": " + err.Error() })
}

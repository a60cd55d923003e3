// Package outbox runs durable jobs: a change that must reach another system is written
// as a job in the same database transaction as the change itself, and a Runner sends it
// in the background through the Handler registered for its kind.
//
// The runner knows no database and no business: it speaks to a JobStore it declares
// here, and the caller implements it. What it guarantees:
//
//   - at-least-once: a job runs until its handler succeeds, fails permanently, or runs
//     out of attempts. A job left running by a crash is run again at the next start, so
//     handlers MUST be idempotent (look before you write: "is it already there?").
//   - order per ref: jobs sharing a Ref run one at a time, oldest first; a later job waits
//     while an older one is pending, running or waiting for its retry. A job that failed
//     for good does not hold the later ones back: it will never run again, so waiting for
//     it would stall its ref forever, and its failure has already gone to OnFailed for a
//     person to act on. Handlers therefore act on the current state of what they send
//     (a cancel after a failed registration finds nothing to cancel), not on a snapshot.
//   - transient errors are retried with exponential backoff and full jitter; permanent
//     ones (wrapped with Permanent) and exhausted retries go to Options.OnFailed at once.
//     Offline errors (Offline() bool) never exhaust a job: see Runner.failsForGood.
//   - a handler panic is recovered and retried like a transient error.
package outbox

import (
	"context"
	"log"
	"math/rand/v2"
	"time"
)

// Job is one unit of work as the runner sees it.
type Job struct {
	ID        int64
	Kind      string // selects the Handler
	Ref       string // jobs with the same ref run in order, one at a time
	Payload   string
	Attempts  int // attempts so far, including the one running now
	CreatedAt time.Time
}

// Handler sends one job. It must be idempotent (see the package comment). Return nil on
// success, Permanent(err) when repeating cannot help, and any other error to retry later.
// An error with an Offline() bool method reporting true marks the runner offline.
type Handler func(ctx context.Context, job Job) error

// JobStore is the durable queue the runner works on. Every method is a short transaction
// of its own; the runner calls them from several goroutines.
type JobStore interface {
	// RecoverRunning puts jobs left running (by a crash or a stop mid-send) back to pending
	// and due. Called once when Run starts; it returns how many it recovered.
	RecoverRunning(ctx context.Context, now time.Time) (int, error)
	// Claim marks at most limit due jobs of these kinds running, counting one more attempt
	// each, and returns them (Attempts already counts this attempt). Due means pending,
	// next time reached, and no older job of the same ref pending or running.
	Claim(ctx context.Context, now time.Time, kinds []string, limit int) ([]Job, error)
	// NextDue is the earliest next time of a pending job of these kinds that is not
	// behind an older job of its ref; zero when there is none. The runner sleeps until then.
	NextDue(ctx context.Context, kinds []string) (time.Time, error)
	// Complete marks a running job done.
	Complete(ctx context.Context, id int64, now time.Time) error
	// Retry puts a running job back to pending, due at `at`, remembering the error.
	Retry(ctx context.Context, id int64, at time.Time, lastErr string, now time.Time) error
	// Fail marks a running job failed for good, remembering the error.
	Fail(ctx context.Context, id int64, lastErr string, now time.Time) error
	// CountWaiting counts jobs still to be sent (pending or running).
	CountWaiting(ctx context.Context) (int, error)
}

// Status is what a person is shown about the runner.
type Status struct {
	Waiting     int       // jobs pending or running (送信待ち)
	LastSuccess time.Time // when a job last succeeded; zero before the first
	LastError   string    // the last attempt's error; "" after a success
	Online      bool      // the last attempt did not fail with an offline error
}

// Options tune a Runner. Zero values take the defaults below.
type Options struct {
	Workers        int           // goroutines sending jobs at once (1)
	BaseDelay      time.Duration // first retry's delay ceiling (5s)
	MaxDelay       time.Duration // cap of the delay ceiling (10min)
	MaxAttempts    int           // attempts before a transient error fails the job (8)
	PollInterval   time.Duration // longest sleep without a Kick, for jobs written by others (30s)
	AttemptTimeout time.Duration // one handler call's deadline (3min)

	// Now is the clock (tests inject a fake one); Rand returns [0,1) for the jitter.
	Now  func() time.Time
	Rand func() float64

	// OnFailed is told about a job that failed for good: a permanent error at once, or
	// the last transient error when the attempts are used up. It is called before the
	// job is marked failed, so a crash in between repeats it rather than losing it.
	OnFailed func(ctx context.Context, job Job, err error)
	// OnStatus is called (on the runner's goroutine) whenever Status changes.
	OnStatus func(Status)
	// Logf logs what a person debugging needs (log.Printf).
	Logf func(format string, args ...any)
}

// Defaults.
const (
	DefaultWorkers        = 1
	DefaultBaseDelay      = 5 * time.Second
	DefaultMaxDelay       = 10 * time.Minute
	DefaultMaxAttempts    = 8
	DefaultPollInterval   = 30 * time.Second
	DefaultAttemptTimeout = 3 * time.Minute
)

func (o Options) withDefaults() Options {
	if o.Workers <= 0 {
		o.Workers = DefaultWorkers
	}
	if o.BaseDelay <= 0 {
		o.BaseDelay = DefaultBaseDelay
	}
	if o.MaxDelay <= 0 {
		o.MaxDelay = DefaultMaxDelay
	}
	if o.MaxDelay < o.BaseDelay {
		o.MaxDelay = o.BaseDelay
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = DefaultMaxAttempts
	}
	if o.PollInterval <= 0 {
		o.PollInterval = DefaultPollInterval
	}
	if o.AttemptTimeout <= 0 {
		o.AttemptTimeout = DefaultAttemptTimeout
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Rand == nil {
		o.Rand = rand.Float64
	}
	if o.Logf == nil {
		o.Logf = log.Printf
	}
	return o
}

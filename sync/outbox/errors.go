package outbox

import (
	"errors"
	"fmt"
	"time"
)

// permanentError marks an error that retrying cannot fix.
type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

// Permanent marks err as permanent: the job fails at once, without retries. nil stays nil.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return &permanentError{err: err}
}

// IsPermanent reports whether err (or an error it wraps) was marked with Permanent, or
// says so itself through a Permanent() bool method (adapters that do not import outbox).
// Every other error is transient.
func IsPermanent(err error) bool {
	var p *permanentError
	if errors.As(err, &p) {
		return true
	}
	var says interface{ Permanent() bool }
	return errors.As(err, &says) && says.Permanent()
}

// IsOffline reports whether err says the other side could not be reached at all, through
// an Offline() bool method somewhere in its chain.
func IsOffline(err error) bool {
	var says interface{ Offline() bool }
	return errors.As(err, &says) && says.Offline()
}

// panicError is a handler panic turned into a transient error: the runner survives it
// and the job is retried like after any other unexpected failure.
type panicError struct{ value any }

func (e *panicError) Error() string { return fmt.Sprintf("handler panic: %v", e.value) }

// Backoff is the delay before retry number `attempt` (1 after the first failed attempt):
// full jitter, a uniform draw in [0, min(max, base·2^(attempt-1))). The full jitter
// spreads retries of many jobs that failed together (the network came back) instead of
// sending them all in the same second.
func Backoff(attempt int, base, max time.Duration, rnd float64) time.Duration {
	ceil := base
	for i := 1; i < attempt && ceil < max; i++ {
		ceil *= 2
	}
	if ceil > max {
		ceil = max
	}
	return time.Duration(rnd * float64(ceil))
}

package mailbox

import (
	"math/rand/v2"
	"time"
)

// Clock is time as the reader sees it; tests inject one that does not wait.
type Clock interface {
	Now() time.Time
	After(d time.Duration) <-chan time.Time
}

type realClock struct{}

func (realClock) Now() time.Time                         { return time.Now() }
func (realClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// Backoff says how long to wait before the next attempt after a failure.
type Backoff interface {
	Next() time.Duration
	Reset()
}

// Exponential doubles from Base up to Max with "equal jitter": each wait is
// between half and all of the step, so that several readers (or a reader and
// the salon's own mail client) do not hammer a recovering server in step.
type Exponential struct {
	Base, Max time.Duration
	Rand      func() float64 // [0,1); default math/rand
	attempt   int
}

// NewExponential is the reader's default: 1 s doubling to 5 minutes.
func NewExponential() *Exponential {
	return &Exponential{Base: time.Second, Max: 5 * time.Minute}
}

func (b *Exponential) Next() time.Duration {
	step := b.Base << min(b.attempt, 30)
	if step <= 0 || step > b.Max {
		step = b.Max
	}
	b.attempt++
	r := b.Rand
	if r == nil {
		r = rand.Float64
	}
	half := step / 2
	return half + time.Duration(r()*float64(step-half))
}

func (b *Exponential) Reset() { b.attempt = 0 }

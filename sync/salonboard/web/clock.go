package web

import (
	"context"
	"sync"
	"time"
)

// VirtualClock is a Clock whose sleeps end at once: SleepUntil moves the
// time on instead of waiting. Tests and benchmarks run the client (and the
// double, through its Config.Now) on it to count the pacing a real run
// would spend, without sleeping through it. Safe for concurrent use.
type VirtualClock struct {
	mu    sync.Mutex
	now   time.Time
	slept time.Duration
}

// NewVirtualClock starts a virtual clock at start.
func NewVirtualClock(start time.Time) *VirtualClock { return &VirtualClock{now: start} }

// Now is the virtual time.
func (v *VirtualClock) Now() time.Time {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.now
}

// SleepUntil moves the time on to t (never back) and adds the step to
// Slept. A cancelled ctx still reports its error, as a real sleep would.
func (v *VirtualClock) SleepUntil(ctx context.Context, t time.Time) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if t.After(v.now) {
		v.slept += t.Sub(v.now)
		v.now = t
	}
	return ctx.Err()
}

// Advance moves the time on by d without counting it as slept (time passing
// outside the client: the app's interval between passes, say).
func (v *VirtualClock) Advance(d time.Duration) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if d > 0 {
		v.now = v.now.Add(d)
	}
}

// Slept is the total time SleepUntil moved the clock on: the pacing a real
// run would have waited.
func (v *VirtualClock) Slept() time.Duration {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.slept
}

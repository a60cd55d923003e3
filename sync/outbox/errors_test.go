package outbox

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

func TestBackoffDoublesUpToTheCapWithFullJitter(t *testing.T) {
	base, ceil := 5*time.Second, time.Minute
	for _, c := range []struct {
		attempt int
		rnd     float64
		want    time.Duration
	}{
		{1, 0.5, 2500 * time.Millisecond},
		{2, 0.5, 5 * time.Second},
		{3, 0.5, 10 * time.Second},
		{4, 0.999, 39960 * time.Millisecond},
		{5, 0.5, 30 * time.Second}, // 80s capped at 60s
		{60, 0.5, 30 * time.Second},
		{3, 0, 0}, // full jitter may retry at once
	} {
		if got := Backoff(c.attempt, base, ceil, c.rnd); got != c.want {
			t.Errorf("Backoff(%d, rnd %v) = %v, want %v", c.attempt, c.rnd, got, c.want)
		}
	}
}

type offline struct{}

func (offline) Error() string { return "connection refused" }
func (offline) Offline() bool { return true }

type saysPermanent struct{}

func (saysPermanent) Error() string   { return "input rule" }
func (saysPermanent) Permanent() bool { return true }

func TestErrorClasses(t *testing.T) {
	plain := errors.New("boom")
	if IsPermanent(plain) || IsOffline(plain) {
		t.Fatal("a plain error is transient and online")
	}
	if p := Permanent(plain); !IsPermanent(fmt.Errorf("register: %w", p)) || !errors.Is(p, plain) {
		t.Fatal("Permanent must survive wrapping and keep its cause")
	}
	if Permanent(nil) != nil {
		t.Fatal("Permanent(nil) must stay nil")
	}
	if !IsPermanent(fmt.Errorf("x: %w", saysPermanent{})) {
		t.Fatal("an error saying Permanent() true is permanent")
	}
	if !IsOffline(fmt.Errorf("x: %w", offline{})) || IsPermanent(offline{}) {
		t.Fatal("an Offline() error is offline and transient")
	}
}

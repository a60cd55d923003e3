package demo_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"salondesk/app/demo"
	"salondesk/data"
)

// The window opens the demo database empty, shows itself, and seeds afterwards: Begin
// must hand back an empty salon and the seeding still to do, once a day.
func TestBeginSeedsOnceADay(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "salondesk.db")
	isEmpty := func(s *data.Store) bool {
		t.Helper()
		empty, err := demo.IsEmpty(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		return empty
	}

	s, seed, err := demo.Begin(path, today)
	if err != nil {
		t.Fatal(err)
	}
	if seed == nil || !isEmpty(s) {
		t.Fatalf("a new demo database: seed nil = %v, empty = %v; want a seed still to do on an empty salon", seed == nil, isEmpty(s))
	}
	if err := seed(ctx); err != nil {
		t.Fatal(err)
	}
	if isEmpty(s) {
		t.Fatal("the salon is still empty after seeding")
	}
	s.Close()

	s, seed, err = demo.Begin(path, today.Add(3*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if seed != nil || isEmpty(s) {
		t.Errorf("later the same day: seed nil = %v, empty = %v; want today's salon as it is", seed == nil, isEmpty(s))
	}
	s.Close()

	s, seed, err = demo.Begin(path, today.AddDate(0, 0, 1))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if seed == nil || !isEmpty(s) {
		t.Errorf("the next day: seed nil = %v, empty = %v; want yesterday's salon gone and a seed to do", seed == nil, isEmpty(s))
	}
}

// A seed cut short (the window closed while seeding) leaves no half salon behind for
// the next start: that start empties it and seeds again.
func TestBeginAfterAnInterruptedSeed(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "salondesk.db")
	s, seed, err := demo.Begin(path, today)
	if err != nil {
		t.Fatal(err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if err := seed(cancelled); err == nil {
		t.Fatal("a seed with a cancelled context succeeded")
	}
	s.Close()

	s, seed, err = demo.Begin(path, today)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if seed == nil {
		t.Fatal("after an interrupted seed, Begin has nothing left to do")
	}
	if err := seed(ctx); err != nil {
		t.Fatal(err)
	}
}

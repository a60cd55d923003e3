package main

import (
	"context"
	"slices"
	"testing"
)

// Quitting while the work after the first frame still starts: stop cuts it short, waits
// for it, and only then undoes what it started, the last first (the workers before the
// doubles they talk to), all before the database closes.
func TestLaterStopWaitsAndUndoesInReverse(t *testing.T) {
	l := newLater()
	var order []string
	inside := make(chan struct{})
	l.start(func(ctx context.Context) {
		l.onStop(func() { order = append(order, "doubles") })
		l.onStop(func() { order = append(order, "workers") })
		close(inside)
		<-ctx.Done() // a long seeding, cut short by stop
		order = append(order, "start returned")
	})
	<-inside
	l.stop()
	want := []string{"start returned", "workers", "doubles"}
	if !slices.Equal(order, want) {
		t.Errorf("order = %v, want %v", order, want)
	}
}

// A window that never reached its first frame: stop does not wait, and a late start
// runs nothing.
func TestLaterStopBeforeStart(t *testing.T) {
	l := newLater()
	l.stop()
	ran := false
	l.start(func(context.Context) { ran = true })
	l.stop()
	if ran {
		t.Error("a start after stop ran")
	}
}

// Before the workers run, the window's handle on them answers as for a desk without
// sync, and 最新を表示 does nothing rather than panic.
func TestDeskWorkersBeforeStart(t *testing.T) {
	var w deskWorkers
	w.SyncNow()
	if st := w.Status(); st.Configured || st.Online {
		t.Errorf("status before start = %+v", st)
	}
	if got := w.SmaregiPort(); got != 0 {
		t.Errorf("Smaregi port before start = %d", got)
	}
	if got := w.StateLine(); got != "同期未設定" {
		t.Errorf("state line before start = %q", got)
	}
}

package main

import (
	"os"
	"runtime/debug"
	"testing"
)

// The desk's soft memory limit applies unless the user chose one with GOMEMLIMIT.
func TestLimitMemory(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })

	t.Setenv("GOMEMLIMIT", "1GiB") // read by Go at start-up only: the limit stays as it is
	debug.SetMemoryLimit(before)
	limitMemory()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("with GOMEMLIMIT set, the limit became %d; want it left at %d", got, before)
	}

	os.Unsetenv("GOMEMLIMIT") // t.Setenv restores it afterwards
	limitMemory()
	if got := debug.SetMemoryLimit(-1); got != deskMemoryLimit {
		t.Errorf("without GOMEMLIMIT, the limit is %d; want %d", got, deskMemoryLimit)
	}
}

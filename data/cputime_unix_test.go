//go:build unix

package data_test

import (
	"syscall"
	"time"
)

// cpuTime is the process's CPU time so far: benchmarks on a shared machine report it
// beside wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

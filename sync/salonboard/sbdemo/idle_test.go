package sbdemo_test

import (
	"context"
	"syscall"
	"testing"
	"time"

	"salondesk/sync/salonboard/mailbox"
)

func cpuTime(t *testing.T) time.Duration {
	t.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Between two bookings the demo only waits: with the app's reader idling on the
// mailbox, two seconds cost (almost) no CPU.
func TestIdleCostsNoCPU(t *testing.T) {
	cfg := testConfig(31)
	cfg.Interval, cfg.Now = time.Minute, nil
	d := start(t, cfg)
	online := make(chan struct{}, 10)
	r := mailbox.New(d.MailboxConfig(), mailbox.Cursor{}, func(context.Context, uint32, []byte) error { return nil },
		mailbox.WithStatus(func(s mailbox.Status) {
			if s.Online && s.Idle {
				online <- struct{}{}
			}
		}))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go r.Run(ctx)
	select {
	case <-online:
	case <-time.After(5 * time.Second):
		t.Fatal("the reader never idled on the demo mailbox")
	}
	before := cpuTime(t)
	time.Sleep(2 * time.Second)
	used := cpuTime(t) - before
	t.Logf("CPU while idle: %v in 2 s", used)
	if used > 100*time.Millisecond {
		t.Fatalf("idle demo used %v of CPU in 2 s", used)
	}
}

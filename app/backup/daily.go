package backup

import (
	"context"
	"time"
)

// Daily takes a backup when the newest one is a day old, checking every Every. Run it in
// its own goroutine; it returns when ctx ends.
type Daily struct {
	DBPath string
	Dir    string
	Now    func() time.Time
	Every  time.Duration                 // how often to look; 0 = one hour
	Logf   func(format string, a ...any) // where outcomes go (the app log); may be nil
}

// Run checks at once and then every Every until ctx ends.
func (d *Daily) Run(ctx context.Context) {
	every := d.Every
	if every <= 0 {
		every = time.Hour
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if _, err := d.RunOnce(ctx); err != nil {
			d.logf("daily backup failed: %v", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// RunOnce takes a backup if none was taken in the last 24 hours.
func (d *Daily) RunOnce(ctx context.Context) (taken bool, err error) {
	now := d.Now()
	list, err := List(d.Dir)
	if err != nil {
		return false, err
	}
	if len(list) > 0 && now.Sub(list[0].Time) < 24*time.Hour {
		return false, nil
	}
	b, err := Now(ctx, d.DBPath, d.Dir, now)
	if err != nil {
		return false, err
	}
	d.logf("daily backup: %s (%d bytes)", b.Path, b.Size)
	return true, nil
}

func (d *Daily) logf(format string, a ...any) {
	if d.Logf != nil {
		d.Logf(format, a...)
	}
}

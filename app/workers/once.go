package workers

import (
	"context"
	"time"

	"salondesk/app"
	"salondesk/app/salonboard"
	"salondesk/sync/outbox"
)

// OnceResult is what one headless cycle did, system by system (nil errors where a system
// is not set up: its flag says whether it ran).
type OnceResult struct {
	Mailbox      bool // the reservation mailbox was read
	MailRead     int
	MailErr      error
	SalonBoard   bool // SALON BOARD's list was reconciled
	Reconcile    salonboard.ReconcileResult
	ReconcileErr error
	BringIn      salonboard.BringInProgress // where bringing the salon in stands after the run
	Smaregi      bool                       // Smaregi's transactions were pulled
	Pulled       int
	PullErr      error
	DrainErr     error
	Waiting      int // jobs still waiting after the drain
}

// Once is `salondesk sync --once`: the mailbox read to its end (the same loop as the
// window's reader, the cursor saved after each mail), one reconciliation (while the salon
// is being brought in: as much of it as the deadline allows, kept day by day), Smaregi's new
// transactions pulled, and the outbox drained until deadline: after it no new job is
// taken and the one in flight finishes, so that a clean run cuts no send. sbCfg or sm
// nil leave that system out.
func Once(ctx context.Context, a *app.App, room *salonboard.Room, sbCfg *salonboard.Config, sm *Smaregi,
	deadline time.Time) OnceResult {
	var res OnceResult
	ctx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	runner := a.NewOutboxRunner(outbox.Options{})
	if sbCfg != nil {
		s := room.NewSync(*sbCfg, runner)
		if sbCfg.Mailbox != nil {
			res.Mailbox = true
			res.MailRead, res.MailErr = s.ReadMailOnce(ctx)
		}
		if sbCfg.Web != nil {
			res.SalonBoard = true
			// A bring-in takes what time there is: leave a quarter (at most a minute) to send
			// the desk's jobs. With the default 5 minutes, 4,200 reservations fit (~3.7 min).
			left := time.Until(deadline)
			rctx, cancel := context.WithDeadline(ctx, deadline.Add(-min(left/4, time.Minute)))
			res.Reconcile, res.ReconcileErr = s.ReconcileOnce(rctx)
			cancel()
			res.BringIn = room.BringInProgress(context.WithoutCancel(ctx))
		}
	}
	if sm != nil {
		sm.Room.NewSync(sm.Config, runner)
		res.Smaregi = true
		res.Pulled, res.PullErr = sm.Room.Pull(ctx, sm.Config.Client)
	}
	res.DrainErr = runner.Drain(context.WithoutCancel(ctx), deadline)
	res.Waiting = runner.Status().Waiting
	return res
}

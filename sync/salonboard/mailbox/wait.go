package mailbox

import (
	"context"
)

// wait returns when the mailbox may have news: an EXISTS update during IDLE, the
// IDLE refresh time, or the poll interval. An error means the connection is
// no longer usable. ready is called once the reader is listening (for IDLE:
// once the server has accepted it), so that "online" means "will notice".
func (r *Reader) wait(ctx context.Context, cn *conn, idle bool, ready func()) error {
	if !idle {
		ready()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-cn.c.Closed():
			return classify("poll", errClosed)
		case <-r.clock.After(r.cfg.PollInterval):
			return nil
		}
	}
	cmd, err := cn.c.Idle()
	if err != nil {
		return classify("idle", err)
	}
	r.log.Debug("mailbox: idle")
	ready()
	select {
	case <-ctx.Done():
	case <-cn.changed:
		r.log.Debug("mailbox: mailbox changed")
	case <-r.clock.After(r.cfg.IdleRefresh):
		r.log.Debug("mailbox: idle refresh")
	case <-cn.c.Closed():
		cmd.Close()
		return classify("idle", errClosed)
	}
	if err := cmd.Close(); err != nil {
		return classify("idle", err)
	}
	if err := cmd.Wait(); err != nil {
		return classify("idle", err)
	}
	return ctx.Err()
}

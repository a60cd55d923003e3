package app

import (
	"context"

	"salondesk/data"
)

// countVisit is the one rule of a visit: the arrival time is stamped and the customer's
// visit count, first and last visit move. 受付チェック calls it, and 会計 when the customer
// was checked out without one, so a visit is counted once.
func (a *App) countVisit(ctx context.Context, tx data.Querier, r *data.Reservation) error {
	r.ArrivedAt = data.FormatTime(a.now())
	if r.CustomerID == 0 {
		return nil
	}
	c, err := data.GetCustomer(ctx, tx, r.CustomerID)
	if err != nil {
		return err
	}
	visit := data.FormatDay(r.Start)
	c.VisitCount++
	if c.FirstVisit == "" || visit < c.FirstVisit {
		c.FirstVisit = visit
	}
	if visit > c.LastVisit {
		c.LastVisit = visit
	}
	return data.UpdateCustomer(ctx, tx, &c, a.now())
}

package salonboard

import (
	"context"
	"log/slog"
	"time"

	"salondesk/data"
	"salondesk/sync/salonboard/mailbox"
	"salondesk/sync/salonboard/sbdemo"
	"salondesk/sync/salonboard/web"
)

// StartDemo runs SALON BOARD inside the demo process (its web double and the reservation
// mailbox, in-memory, on loopback ports) with a feed that books a new HPB reservation
// about every minute, a few of them failing in each of the seed's ways. The feed asks the
// core's own rules (opening hours, capacity) where the salon has room. It returns the
// sync's configuration and the function that stops it all.
func (sb *Room) StartDemo(ctx context.Context, logger *slog.Logger) (*Config, func(), error) {
	cfg, err := sb.DemoFeedConfig(ctx)
	if err != nil {
		return nil, nil, err
	}
	cfg.Seed = time.Now().UnixNano()
	cfg.OnEvent = func(e sbdemo.FeedEvent) {
		logger.Info("demo: SALON BOARD booked", "number", e.Number, "kind", e.Kind, "failure", e.Failure)
	}
	d, err := sbdemo.Start(ctx, cfg)
	if err != nil {
		return nil, nil, err
	}
	if err := sb.holdDemoReservations(ctx, d.Double()); err != nil {
		d.Stop()
		return nil, nil, err
	}
	// The in-memory mailbox starts empty with UIDVALIDITY 1 each session: start from its
	// beginning, not from where yesterday's session stopped.
	if err := sb.SaveMailCursor(ctx, mailbox.Cursor{}); err != nil {
		d.Stop()
		return nil, nil, err
	}
	// Desk reservations made in the demo are registered in the double, as they would be
	// in SALON BOARD.
	if err := sb.SetEnabled(ctx, true); err != nil {
		d.Stop()
		return nil, nil, err
	}
	wc := d.WebConfig()
	wc.Logger = logger
	client, err := web.New(wc)
	if err != nil {
		d.Stop()
		return nil, nil, err
	}
	mc := d.MailboxConfig()
	return &Config{Web: client, Mailbox: &mc, ReconcileEvery: 3 * time.Minute, Logger: logger}, d.Stop, nil
}

// DemoFeedConfig describes the demo salon to the SALON BOARD feed: its staff as SALON
// BOARD knows them, the coupons and menus it publishes, its opening hours and the core's
// view of where it is full. The caller sets the seed, clock and event hook.
func (sb *Room) DemoFeedConfig(ctx context.Context) (sbdemo.Config, error) {
	m, err := sb.a.Masters(ctx, false)
	if err != nil {
		return sbdemo.Config{}, err
	}
	cfg := sbdemo.Config{Location: time.Local,
		Hours: func(day time.Time) (time.Time, time.Time, bool) {
			open, closing, closed, err := sb.a.OpeningOn(ctx, day)
			return open, closing, closed || err != nil
		},
		Busy: func(staffID string, start, end time.Time) bool { return sb.demoBusy(ctx, m.Staff, staffID, start, end) }}
	for _, s := range m.Staff {
		name := s.SBName
		if name == "" {
			name = s.Name
		}
		cfg.Staff = append(cfg.Staff, sbdemo.Staff{Name: name, ID: s.SBID, Capacity: s.Capacity, WorkDays: s.WorkDays})
	}
	for _, c := range m.Coupons {
		cfg.Coupons = append(cfg.Coupons, sbdemo.Coupon{Name: c.Name, Minutes: couponMinutes(c, m.Menus), Price: c.Price})
	}
	for _, mn := range m.Menus {
		if mn.DurationMin > 0 {
			cfg.Menus = append(cfg.Menus, sbdemo.Menu{Name: mn.Name, Minutes: mn.DurationMin, Price: mn.Price})
		}
	}
	return cfg, nil
}

func couponMinutes(c data.Coupon, menus []data.Menu) int {
	if c.DurationMin > 0 {
		return c.DurationMin
	}
	total := 0
	for _, id := range c.MenuIDs {
		for _, m := range menus {
			if m.ID == id {
				total += m.DurationMin
			}
		}
	}
	return total
}

// demoBusy tells the feed where the salon has no room (the core's CheckFits), so that
// only its planned capacity failures fail. A staff member SALON BOARD names but the salon
// does not know is busy.
func (sb *Room) demoBusy(ctx context.Context, staff []data.Staff, sbID string, start, end time.Time) bool {
	r := data.Reservation{Start: start, End: end}
	if sbID != "" {
		for _, s := range staff {
			if s.SBID == sbID {
				r.StaffID = s.ID
			}
		}
		if r.StaffID == 0 {
			return true
		}
	}
	return sb.a.CheckFits(ctx, r) != nil
}

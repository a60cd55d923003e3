package main

import (
	"context"
	"log/slog"
	"time"

	"salondesk/app"
	"salondesk/data"
	"salondesk/sync/salonboard/mailbox"
	"salondesk/sync/salonboard/sbdemo"
	"salondesk/sync/salonboard/web"
)

// startDemoSalonBoard runs SALON BOARD inside the demo process (its web double and the
// reservation mailbox, in-memory, on loopback ports) with a feed that books a new HPB
// reservation about every minute, a few of them failing in each of the seed's ways. It
// returns the sync's configuration and the function that stops it all.
func startDemoSalonBoard(ctx context.Context, a *app.App, logger *slog.Logger) (*app.SalonBoardConfig, func(), error) {
	m, err := a.Masters(ctx, false)
	if err != nil {
		return nil, nil, err
	}
	cfg := sbdemo.Config{Seed: time.Now().UnixNano(), Location: time.Local,
		Hours: func(day time.Time) (time.Time, time.Time, bool) { return hoursOn(m.Hours, day) },
		Busy:  func(staffID string, start, end time.Time) bool { return busy(ctx, a, m.Staff, staffID, start, end) },
		OnEvent: func(e sbdemo.FeedEvent) {
			logger.Info("demo: SALON BOARD booked", "number", e.Number, "kind", e.Kind, "failure", e.Failure)
		}}
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
	d, err := sbdemo.Start(ctx, cfg)
	if err != nil {
		return nil, nil, err
	}
	// The in-memory mailbox starts empty with UIDVALIDITY 1 each session: start from its
	// beginning, not from where yesterday's session stopped.
	if err := a.SaveMailCursor(ctx, mailbox.Cursor{}); err != nil {
		d.Stop()
		return nil, nil, err
	}
	// Desk reservations made in the demo are registered in the double, as they would be
	// in SALON BOARD.
	if err := a.SetSalonBoardEnabled(ctx, true); err != nil {
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
	return &app.SalonBoardConfig{Web: client, Mailbox: &mc, ReconcileEvery: 3 * time.Minute, Logger: logger}, d.Stop, nil
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

func hoursOn(hours []data.Hours, day time.Time) (time.Time, time.Time, bool) {
	h := hours[int(day.Weekday())]
	open, _ := time.ParseInLocation(data.TimeLayout, data.FormatDay(day)+" "+h.Open, time.Local)
	closing, _ := time.ParseInLocation(data.TimeLayout, data.FormatDay(day)+" "+h.Close, time.Local)
	return open, closing, h.Closed
}

// busy tells the feed where the salon is already full, so that only its planned capacity
// failures fail.
func busy(ctx context.Context, a *app.App, staff []data.Staff, sbID string, start, end time.Time) bool {
	d, err := a.Schedule(ctx, start)
	if err != nil {
		return true
	}
	var member *data.Staff
	if sbID != "" {
		for i := range staff {
			if staff[i].SBID == sbID {
				member = &staff[i]
			}
		}
		working := false
		for _, s := range d.Staff {
			if member != nil && s.ID == member.ID {
				working = true
			}
		}
		if !working {
			return true
		}
	}
	slot := d.SlotDuration()
	for _, l := range d.Slots {
		if !l.Start.Before(end) || !l.Start.Add(slot).After(start) {
			continue
		}
		if l.Count >= l.Capacity || (member != nil && l.ByStaff[member.ID] >= member.Capacity) {
			return true
		}
	}
	return false
}

package app

import (
	"context"
	"database/sql"
	"time"

	"salondesk/data"
)

// DaySchedule is everything 日次スケジュール shows for one day.
type DaySchedule struct {
	Day          time.Time
	Salon        Salon
	Hours        data.Hours
	Slots        []SlotLoad // one row per slot
	Staff        []data.Staff
	Equipment    []data.Equipment
	Reservations []data.ReservationView // every reservation of the day, cancelled too
	AlertSince   time.Time              // newest unresolved failure; zero when none
}

// SlotDuration is the length of one row.
func (d *DaySchedule) SlotDuration() time.Duration {
	return time.Duration(d.Salon.SlotMinutes) * time.Minute
}

// Schedule reads one day for the schedule screen and the printout.
func (a *App) Schedule(ctx context.Context, day time.Time) (DaySchedule, error) {
	q := a.store.Reader()
	day = data.DayStart(day)
	out := DaySchedule{Day: day}
	var d dayRules
	err := a.View(ctx, func(t *Tx) error {
		var err error
		d, err = t.loadDay(day)
		return err
	})
	if err != nil {
		return out, err
	}
	out.Salon, out.Hours = d.salon, d.hours
	if out.Staff, err = data.ListStaff(ctx, q, false); err != nil {
		return out, err
	}
	out.Staff = workingOn(out.Staff, day)
	if out.Equipment, err = data.ListEquipment(ctx, q, false); err != nil {
		return out, err
	}
	if out.Reservations, err = data.DayReservations(ctx, q, day); err != nil {
		return out, err
	}
	over, err := data.CapacityOverrides(ctx, q, data.FormatDay(day))
	if err != nil {
		return out, err
	}
	var occ []data.Occupant
	for _, r := range out.Reservations {
		if r.Status.Active() {
			occ = append(occ, data.Occupant{ID: r.ID, Start: r.Start, End: r.End, StaffID: r.StaffID,
				EquipmentID: r.EquipmentID})
		}
	}
	out.Slots = Loads(d.slots, out.SlotDuration(), occ, d.salon.Capacity, over)
	out.AlertSince, err = data.LatestUnresolved(ctx, q)
	return out, err
}

func workingOn(staff []data.Staff, day time.Time) []data.Staff {
	out := staff[:0:0]
	for _, s := range staff {
		if worksOn(s, day) {
			out = append(out, s)
		}
	}
	return out
}

// DayCount is one day of the Home screen's two-week strip.
type DayCount struct {
	Day   time.Time
	Count int
}

// Home is the Home screen's summary.
type Home struct {
	Unresolved  map[data.Direction]int
	Days        []DayCount // today and the 13 days after
	Today       []data.ReservationView
	SalesTotal  int
	SalesCount  int
	PendingJobs int
}

// Home reads the Home screen.
func (a *App) Home(ctx context.Context) (Home, error) {
	q := a.store.Reader()
	var h Home
	var err error
	if h.Unresolved, err = data.UnresolvedCounts(ctx, q); err != nil {
		return h, err
	}
	today := data.DayStart(a.now())
	counts, err := data.CountsByDay(ctx, q, today, today.AddDate(0, 0, 14))
	if err != nil {
		return h, err
	}
	for i := 0; i < 14; i++ {
		d := today.AddDate(0, 0, i)
		h.Days = append(h.Days, DayCount{Day: d, Count: counts[data.FormatDay(d)]})
	}
	if h.Today, err = data.ListReservations(ctx, q, data.ReservationFilter{From: today,
		To: today.AddDate(0, 0, 1), ActiveOnly: true}); err != nil {
		return h, err
	}
	if h.SalesTotal, h.SalesCount, err = data.SalesTotal(ctx, q, today, today.AddDate(0, 0, 1)); err != nil {
		return h, err
	}
	h.PendingJobs, err = data.PendingJobCount(ctx, q)
	return h, err
}

// UnresolvedFailures counts the open notifications of every direction (the tray's line):
// one query, not the whole Home.
func (a *App) UnresolvedFailures(ctx context.Context) (int, error) {
	counts, err := data.UnresolvedCounts(ctx, a.store.Reader())
	n := 0
	for _, c := range counts {
		n += c
	}
	return n, err
}

// Notifications lists お知らせ newest first.
func (a *App) Notifications(ctx context.Context, limit int) ([]data.Notification, error) {
	return data.ListNotifications(ctx, a.store.Reader(), limit)
}

// ResolveNotification is 「予約を転記しました」: the alert icon goes.
func (a *App) ResolveNotification(ctx context.Context, id int64) error {
	err := a.store.Tx(ctx, func(tx *sql.Tx) error {
		_, err := data.ResolveNotifications(ctx, tx, id, 0, a.now())
		return err
	})
	if err == nil {
		a.events.Publish(NotificationsChanged{})
	}
	return err
}

// NewArrivals is 新着通知: reservations received since t.
func (a *App) NewArrivals(ctx context.Context, since time.Time) ([]data.ReservationView, error) {
	return data.ReceivedSince(ctx, a.store.Reader(), since, 100)
}

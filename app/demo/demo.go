// Package demo fills an empty database with a believable Japanese salon, so that a
// newcomer without SALON BOARD or Smaregi accounts sees every screen with something real
// on it: masters, a customer book, four weeks of reservations around today in every
// state, sales, and sync failures of each kind the seed pages describe.
//
// The salon is made up and deterministic: the same today gives the same database. Every
// reservation goes through app.SaveReservation, so the salon's rules (opening hours, days
// off, 受付可能数) hold for the demo as they do for real bookings.
package demo

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"salondesk/app"
	"salondesk/data"
)

// ErrNotEmpty is returned by Seed for a database that already holds a salon.
var ErrNotEmpty = errors.New("demo: the database is not empty")

// The fixed seed of the demo's random choices.
const seed1, seed2 = 20261123, 1048

// Days of reservations on either side of today.
const windowDays = 14

// Seed fills an empty database with the demo salon as it stands at today (a moment: the
// reservations before it have happened, those after are still to come).
func Seed(ctx context.Context, s *data.Store, today time.Time) error {
	empty, err := IsEmpty(ctx, s)
	if err != nil {
		return err
	}
	if !empty {
		return ErrNotEmpty
	}
	now := today.In(time.Local).Truncate(time.Minute)
	clock := now
	a := app.New(s, app.WithClock(func() time.Time { return clock }))
	r := rand.New(rand.NewPCG(seed1, seed2))
	m, err := writeMasters(ctx, a)
	if err != nil {
		return fmt.Errorf("demo masters: %w", err)
	}
	used := map[string]bool{}
	customers, err := writeCustomers(ctx, s, r, now, used)
	if err != nil {
		return fmt.Errorf("demo customers: %w", err)
	}
	hours, err := s.Hours(ctx)
	if err != nil {
		return err
	}
	p := &planner{r: r, m: m, hours: hours, customers: customers, now: now, booked: map[int64]bool{}}
	var props []proposal
	first := data.DayStart(now).AddDate(0, 0, -windowDays)
	for d := 0; d <= 2*windowDays; d++ {
		props = append(props, p.day(first.AddDate(0, 0, d))...)
	}
	sd := &seeder{a: a, s: s, clock: &clock, r: r, m: m, now: now, sb: 24_000_000 + r.IntN(1_000_000),
		anyCustomer: customers[0].ID}
	saved, err := sd.saveProposals(ctx, props)
	if err != nil {
		return fmt.Errorf("demo reservations: %w", err)
	}
	if err := sd.playDays(ctx, saved); err != nil {
		return fmt.Errorf("demo visits: %w", err)
	}
	if err := sd.writeFailures(ctx, saved, used); err != nil {
		return fmt.Errorf("demo failures: %w", err)
	}
	return nil
}

// IsEmpty reports whether the database holds no salon yet: no staff, equipment, menus,
// coupons, customers or reservations (settings alone do not count).
func IsEmpty(ctx context.Context, s *data.Store) (bool, error) {
	q := s.Reader()
	staff, err := data.ListStaff(ctx, q, true)
	if err != nil {
		return false, err
	}
	equipment, err := data.ListEquipment(ctx, q, true)
	if err != nil {
		return false, err
	}
	menus, err := data.ListMenus(ctx, q, true)
	if err != nil {
		return false, err
	}
	coupons, err := data.ListCoupons(ctx, q, true)
	if err != nil {
		return false, err
	}
	customers, err := data.CountCustomers(ctx, q, data.CustomerFilter{})
	if err != nil {
		return false, err
	}
	reservations, err := data.ListReservations(ctx, q, data.ReservationFilter{Limit: 1})
	if err != nil {
		return false, err
	}
	return len(staff)+len(equipment)+len(menus)+len(coupons)+customers+len(reservations) == 0, nil
}

// Package app holds the salon's rules and use cases: capacity, durations, reservation
// numbers and status transitions, the master data's checks, and the change events the UI
// subscribes to. It calls data for persistence and, later, the sync adapters.
package app

import (
	"context"
	"database/sql"
	"strconv"
	"time"

	"salondesk/data"
)

// Setting keys of the salon.
const (
	KeySalonName     = "salon.name"
	KeySlotMinutes   = "salon.slot_minutes"
	KeySalonCapacity = "salon.capacity"
	KeySBEnabled     = "salonboard.enabled"
)

// App is the salon's use cases over one store.
type App struct {
	store   *data.Store
	events  *Bus
	now     func() time.Time
	version string
}

// Option changes how New builds the App.
type Option func(*App)

// WithClock replaces time.Now (tests, the demo).
func WithClock(now func() time.Time) Option { return func(a *App) { a.now = now } }

// WithVersion sets the version shown in the top bar.
func WithVersion(v string) Option { return func(a *App) { a.version = v } }

// New builds the App over an open store.
func New(store *data.Store, opts ...Option) *App {
	a := &App{store: store, events: NewBus(), now: time.Now, version: "dev"}
	for _, o := range opts {
		o(a)
	}
	return a
}

// Events is the bus the UI subscribes to.
func (a *App) Events() *Bus { return a.events }

// Now is the app's clock.
func (a *App) Now() time.Time { return a.now() }

// Version is the build's version.
func (a *App) Version() string { return a.version }

// Salon is the salon-wide settings.
type Salon struct {
	Name        string
	SlotMinutes int // 10, 15 or 30
	Capacity    int // salon-wide 受付可能数 per slot
}

// Salon reads the salon-wide settings with their defaults.
func (a *App) Salon(ctx context.Context) (Salon, error) {
	s := Salon{Name: "SalonDesk", SlotMinutes: 30, Capacity: 3}
	name, err := a.store.Setting(ctx, KeySalonName, s.Name)
	if err != nil {
		return s, err
	}
	s.Name = name
	if v, _ := a.store.Setting(ctx, KeySlotMinutes, ""); v != "" {
		s.SlotMinutes, _ = strconv.Atoi(v)
	}
	if v, _ := a.store.Setting(ctx, KeySalonCapacity, ""); v != "" {
		s.Capacity, _ = strconv.Atoi(v)
	}
	return s, nil
}

// SaveSalon validates and writes the salon-wide settings.
func (a *App) SaveSalon(ctx context.Context, s Salon) error {
	if err := checkSalon(s); err != nil {
		return err
	}
	err := a.store.Tx(ctx, func(tx *sql.Tx) error { return writeSalon(ctx, tx, s) })
	if err == nil {
		a.events.Publish(MastersChanged{})
	}
	return err
}

// SalonBoardEnabled reports whether reservations made here are queued for SALON BOARD.
func (a *App) SalonBoardEnabled(ctx context.Context) bool {
	v, _ := a.store.Setting(ctx, KeySBEnabled, "0")
	return v == "1"
}

// SetSalonBoardEnabled turns queueing for SALON BOARD on or off.
func (a *App) SetSalonBoardEnabled(ctx context.Context, on bool) error {
	v := "0"
	if on {
		v = "1"
	}
	return a.store.Tx(ctx, func(tx *sql.Tx) error { return data.SetSetting(ctx, tx, KeySBEnabled, v) })
}

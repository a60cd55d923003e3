// Package app holds the salon's rules and use cases: capacity, durations, reservation
// numbers and status transitions, the master data's checks, and the change events the UI
// subscribes to. It calls data for persistence. Integrations (app/salonboard) work on its
// in-transaction API (Tx) and learn of desk changes through hooks (ReservationHook).
package app

import (
	"context"
	"database/sql"
	"strconv"
	"sync"
	"time"

	"salondesk/data"
)

// Setting keys of the salon.
const (
	KeySalonName     = "salon.name"
	KeySlotMinutes   = "salon.slot_minutes"
	KeySalonCapacity = "salon.capacity"
)

// App is the salon's use cases over one store.
type App struct {
	store   *data.Store
	events  *Bus
	now     func() time.Time
	version string

	wrapQuerier func(data.Querier) data.Querier // WithQuerier
	hooksMu     sync.RWMutex
	resHooks    []ReservationHook
	custHooks   []CustomerHook
	prodHooks   []ProductHook
	jobKinds    map[string]JobKind
}

// Option changes how New builds the App.
type Option func(*App)

// WithClock replaces time.Now (tests, the demo).
func WithClock(now func() time.Time) Option { return func(a *App) { a.now = now } }

// WithQuerier wraps the querier every Tx reads and writes through (tests count queries).
func WithQuerier(wrap func(data.Querier) data.Querier) Option {
	return func(a *App) { a.wrapQuerier = wrap }
}

// WithVersion sets the version shown in the top bar.
func WithVersion(v string) Option { return func(a *App) { a.version = v } }

// New builds the App over an open store.
func New(store *data.Store, opts ...Option) *App {
	a := &App{store: store, events: NewBus(), now: time.Now, version: "dev", jobKinds: map[string]JobKind{}}
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
	return readSalon(func(key, def string) (string, error) { return a.store.Setting(ctx, key, def) })
}

func readSalon(setting func(key, def string) (string, error)) (Salon, error) {
	s := Salon{Name: "SalonDesk", SlotMinutes: 30, Capacity: 3}
	name, err := setting(KeySalonName, s.Name)
	if err != nil {
		return s, err
	}
	s.Name = name
	if v, _ := setting(KeySlotMinutes, ""); v != "" {
		s.SlotMinutes, _ = strconv.Atoi(v)
	}
	if v, _ := setting(KeySalonCapacity, ""); v != "" {
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

// Setting reads one setting; def when unset (integrations keep their own switches there).
func (a *App) Setting(ctx context.Context, key, def string) (string, error) {
	return a.store.Setting(ctx, key, def)
}

// SetSetting writes one setting in its own transaction.
func (a *App) SetSetting(ctx context.Context, key, value string) error {
	return a.Update(ctx, func(t *Tx) error { return t.SetSetting(key, value) })
}

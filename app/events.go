package app

import (
	"sync"
	"time"
)

// Event is something that changed; the UI subscribes and refreshes what it shows.
type Event interface{ isEvent() }

// ReservationsChanged: reservations of these days changed.
type ReservationsChanged struct{ Days []time.Time }

// NotificationsChanged: the お知らせ list or its counts changed.
type NotificationsChanged struct{}

// MastersChanged: staff, equipment, menus, coupons, plans, products, hours or settings changed.
type MastersChanged struct{}

// CustomersChanged: customers were added, changed or deleted.
type CustomersChanged struct{}

// SyncStatusChanged: online/offline, last sync or the waiting jobs changed.
type SyncStatusChanged struct{}

func (ReservationsChanged) isEvent()  {}
func (NotificationsChanged) isEvent() {}
func (MastersChanged) isEvent()       {}
func (CustomersChanged) isEvent()     {}
func (SyncStatusChanged) isEvent()    {}

// Bus delivers events to subscribers synchronously on the publishing goroutine;
// subscribers that touch widgets hop to the UI goroutine themselves (fyne.Do).
type Bus struct {
	mu   sync.Mutex
	next int
	subs map[int]func(Event)
}

// NewBus makes an empty bus.
func NewBus() *Bus { return &Bus{subs: map[int]func(Event){}} }

// Subscribe registers fn and returns the function that removes it.
func (b *Bus) Subscribe(fn func(Event)) (cancel func()) {
	b.mu.Lock()
	defer b.mu.Unlock()
	id := b.next
	b.next++
	b.subs[id] = fn
	return func() {
		b.mu.Lock()
		delete(b.subs, id)
		b.mu.Unlock()
	}
}

// Publish hands e to every subscriber.
func (b *Bus) Publish(e Event) {
	b.mu.Lock()
	fns := make([]func(Event), 0, len(b.subs))
	for _, fn := range b.subs {
		fns = append(fns, fn)
	}
	b.mu.Unlock()
	for _, fn := range fns {
		fn(e)
	}
}

package app

import (
	"context"

	"salondesk/data"
	"salondesk/sync/outbox"
)

// How the core tells integrations about the desk's changes without knowing them: each
// integration registers a hook at wiring time; the core calls it inside the transaction
// of the change, so what the hook queues commits (or rolls back) with the change itself.

// ChangeKind says what a desk use case did to a reservation.
type ChangeKind int

// What a desk use case did.
const (
	ReservationCreated ChangeKind = iota + 1
	ReservationEdited
	ReservationCancelled // 取消 or 無断キャンセル
)

// ReservationChange is one desk change, as hooks see it.
type ReservationChange struct {
	Kind ChangeKind
	// Reservation is what is being saved; it already has its ID. A hook may set its
	// SyncState and SyncReason; the core writes them after the hooks return.
	Reservation *data.Reservation
	// Before is the stored reservation of an edit or a cancellation; nil for a new one.
	Before *data.Reservation
	// CustomerDeleted: the cancellation is part of deleting the customer (お客様情報の削除),
	// which must not be refused for one reservation; a hook that cannot carry it says so
	// in お知らせ instead.
	CustomerDeleted bool
}

// ReservationHook is an integration's part in a desk change: it may set the sync state,
// enqueue jobs through t, or refuse with a *UserError (then nothing is written).
type ReservationHook interface {
	ReservationChanging(t *Tx, c ReservationChange) error
}

// ReservationHookFunc adapts a function to ReservationHook.
type ReservationHookFunc func(t *Tx, c ReservationChange) error

// ReservationChanging calls f.
func (f ReservationHookFunc) ReservationChanging(t *Tx, c ReservationChange) error { return f(t, c) }

// AddReservationHook registers h for every later desk change (wiring, once per integration).
func (a *App) AddReservationHook(h ReservationHook) {
	a.hooksMu.Lock()
	a.resHooks = append(a.resHooks, h)
	a.hooksMu.Unlock()
}

func (a *App) reservationChanging(t *Tx, c ReservationChange) error {
	a.hooksMu.RLock()
	hooks := append([]ReservationHook(nil), a.resHooks...)
	a.hooksMu.RUnlock()
	for _, h := range hooks {
		if err := h.ReservationChanging(t, c); err != nil {
			return err
		}
	}
	return nil
}

// JobKind is what the core's outbox bridge needs to know about an integration's job kind
// when a job of it fails for good.
type JobKind struct {
	// Direction of the お知らせ the failure raises.
	Direction data.Direction
	// QuietWhenOpen: no second お知らせ when the job's reservation already has an open one
	// (that one already asks staff for what the failure leaves them to do).
	QuietWhenOpen bool
	// Failed, when set, reports a failure of the kind itself (e.g. one お知らせ for a
	// configuration problem shared by many jobs); true means it did and the core adds
	// nothing. It runs outside any transaction.
	Failed func(ctx context.Context, job outbox.Job, cause error) bool
}

// DescribeJobKind registers what a job kind's failure means (wiring, once per kind).
// An undescribed kind's failure is a system お知らせ.
func (a *App) DescribeJobKind(kind string, k JobKind) {
	a.hooksMu.Lock()
	a.jobKinds[kind] = k
	a.hooksMu.Unlock()
}

func (a *App) jobKind(kind string) JobKind {
	a.hooksMu.RLock()
	defer a.hooksMu.RUnlock()
	if k, ok := a.jobKinds[kind]; ok {
		return k
	}
	return JobKind{Direction: data.DirSystem}
}

// CustomerChangeKind says what a desk use case did to a customer.
type CustomerChangeKind int

// What a desk use case did to a customer.
const (
	CustomerCreated CustomerChangeKind = iota + 1
	CustomerEdited
	CustomerDeleted
)

// CustomerChange is one change of a customer, as hooks see it.
type CustomerChange struct {
	Kind CustomerChangeKind
	// Customer is what is being saved (it has its ID), or what is being deleted.
	Customer data.Customer
	// Before is the stored customer of an edit; nil otherwise.
	Before *data.Customer
}

// CustomerHook is an integration's part in a customer change (e.g. Smaregi queues the
// customer's upsert), called inside the change's transaction: what it queues commits or
// rolls back with the change. An error aborts the change.
type CustomerHook interface {
	CustomerChanging(t *Tx, c CustomerChange) error
}

// CustomerHookFunc adapts a function to CustomerHook.
type CustomerHookFunc func(t *Tx, c CustomerChange) error

// CustomerChanging calls f.
func (f CustomerHookFunc) CustomerChanging(t *Tx, c CustomerChange) error { return f(t, c) }

// AddCustomerHook registers h for every later customer change (wiring, once per integration).
func (a *App) AddCustomerHook(h CustomerHook) {
	a.hooksMu.Lock()
	a.custHooks = append(a.custHooks, h)
	a.hooksMu.Unlock()
}

// CustomerChanging runs every customer hook in t. Each use case that creates, edits,
// deletes, imports or merges customers calls it after writing the change (an import
// too: the hooks decide what an imported customer means to them).
func (t *Tx) CustomerChanging(c CustomerChange) error {
	t.a.hooksMu.RLock()
	hooks := append([]CustomerHook(nil), t.a.custHooks...)
	t.a.hooksMu.RUnlock()
	for _, h := range hooks {
		if err := h.CustomerChanging(t, c); err != nil {
			return err
		}
	}
	return nil
}

// ProductChangeKind says what a master use case did to a 商品 or 定額プラン.
type ProductChangeKind int

// What a master use case did to a product or plan.
const (
	ProductSaved   ProductChangeKind = iota + 1 // created or changed (retired too: Active false)
	ProductDeleted                              // the row is gone
)

// ProductChange is one change of a 商品 or a 定額プラン (ネット決済マスタ), as hooks see
// it. Exactly one of Product and Plan is set: what is being saved (it has its ID), or,
// for a delete, only the ID of the row being deleted.
type ProductChange struct {
	Kind    ProductChangeKind
	Product *data.Product
	Plan    *data.Plan
}

// ProductHook is an integration's part in a product or plan change (e.g. Smaregi queues
// the product's upsert), called inside the change's transaction like CustomerHook.
type ProductHook interface {
	ProductChanging(t *Tx, c ProductChange) error
}

// ProductHookFunc adapts a function to ProductHook.
type ProductHookFunc func(t *Tx, c ProductChange) error

// ProductChanging calls f.
func (f ProductHookFunc) ProductChanging(t *Tx, c ProductChange) error { return f(t, c) }

// AddProductHook registers h for every later product or plan change (wiring, once per
// integration).
func (a *App) AddProductHook(h ProductHook) {
	a.hooksMu.Lock()
	a.prodHooks = append(a.prodHooks, h)
	a.hooksMu.Unlock()
}

// ProductChanging runs every product hook in t; the master use cases that save or delete
// a product or plan call it after writing the change.
func (t *Tx) ProductChanging(c ProductChange) error {
	t.a.hooksMu.RLock()
	hooks := append([]ProductHook(nil), t.a.prodHooks...)
	t.a.hooksMu.RUnlock()
	for _, h := range hooks {
		if err := h.ProductChanging(t, c); err != nil {
			return err
		}
	}
	return nil
}

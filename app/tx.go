package app

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"salondesk/data"
)

// Tx is one transaction of the salon's core as the integrations (app/salonboard,
// app/smaregi) use it: the core's rules (capacity, durations, customers, notifications,
// jobs) on one *sql.Tx, master data read once per transaction, and the events the
// changes cause, published only after the commit.
type Tx struct {
	ctx    context.Context
	a      *App
	q      data.Querier
	events []Event

	salon   *Salon
	hours   []data.Hours
	staff   []data.Staff
	equip   []data.Equipment
	menus   []data.Menu
	coupons []data.Coupon
	aliases map[string]data.Alias // kind + "\x00" + name_norm
}

// Update runs fn in one write transaction and publishes the events its changes caused
// after the commit; nothing is published when fn fails (and nothing is written).
func (a *App) Update(ctx context.Context, fn func(t *Tx) error) error {
	return a.updateWith(ctx, a.store.Tx, fn)
}

// updateErasing is Update with SQLite's secure delete on and the WAL checkpointed after
// the commit (data.Store.EraseTx): what fn erased is left in neither file.
func (a *App) updateErasing(ctx context.Context, fn func(t *Tx) error) error {
	return a.updateWith(ctx, a.store.EraseTx, fn)
}

// updateWith runs fn as a Tx inside the store's transaction kind run, then publishes.
func (a *App) updateWith(ctx context.Context, run func(context.Context, func(*sql.Tx) error) error,
	fn func(t *Tx) error) error {
	var t *Tx
	err := run(ctx, func(tx *sql.Tx) error {
		t = a.newTx(ctx, tx)
		return fn(t)
	})
	if err != nil {
		return err
	}
	a.publish(t.events)
	return nil
}

// View runs fn over the read-only pool: the same reads and rules (CheckFits) as in Update,
// for questions that write nothing.
func (a *App) View(ctx context.Context, fn func(t *Tx) error) error {
	return fn(a.newTx(ctx, a.store.Reader()))
}

func (a *App) newTx(ctx context.Context, q data.Querier) *Tx {
	if a.wrapQuerier != nil {
		q = a.wrapQuerier(q)
	}
	return &Tx{ctx: ctx, a: a, q: q}
}

// publish hands the collected events to the bus: one ReservationsChanged with every day,
// every other kind once, in the order they first happened.
func (a *App) publish(events []Event) {
	var days []time.Time
	seen := map[string]bool{}
	var out []Event
	for _, e := range events {
		if rc, ok := e.(ReservationsChanged); ok {
			if len(days) == 0 && !seen["days"] {
				out = append(out, nil) // the merged ReservationsChanged goes here
				seen["days"] = true
			}
			days = append(days, rc.Days...)
			continue
		}
		k := fmt.Sprintf("%T", e)
		if !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	for _, e := range out {
		if e == nil {
			e = ReservationsChanged{Days: days}
		}
		a.events.Publish(e)
	}
}

// Ctx is the transaction's context.
func (t *Tx) Ctx() context.Context { return t.ctx }

// Now is the app's clock.
func (t *Tx) Now() time.Time { return t.a.now() }

// App is the app the transaction belongs to.
func (t *Tx) App() *App { return t.a }

// Q is the transaction for reads through data, and for the writes of an integration's own
// records the core has no rule about (processed mails, aliases, its settings).
func (t *Tx) Q() data.Querier { return t.q }

// Publish adds an event to publish after the commit.
func (t *Tx) Publish(e Event) { t.events = append(t.events, e) }

// Setting reads one setting inside the transaction; def when unset.
func (t *Tx) Setting(key, def string) (string, error) { return data.Setting(t.ctx, t.q, key, def) }

// SetSetting writes one setting.
func (t *Tx) SetSetting(key, value string) error { return data.SetSetting(t.ctx, t.q, key, value) }

// RefReservation is the outbox ref of a reservation's jobs: they run in order.
func RefReservation(id int64) string { return fmt.Sprintf("%s%d", refReservation, id) }

// Enqueue writes an outbox job in the transaction; payload is marshalled to JSON.
func (t *Tx) Enqueue(kind, ref string, payload any) error {
	b, err := json.Marshal(payload)
	if err != nil {
		return err
	}
	return data.EnqueueJob(t.ctx, t.q, &data.Job{Kind: kind, Ref: ref, Payload: string(b)}, t.Now())
}

// RaiseNotification writes お知らせ (CreatedAt defaults to now).
func (t *Tx) RaiseNotification(n *data.Notification) error {
	if n.CreatedAt.IsZero() {
		n.CreatedAt = t.Now()
	}
	if err := data.InsertNotification(t.ctx, t.q, n); err != nil {
		return err
	}
	t.Publish(NotificationsChanged{})
	return nil
}

// ResolveNotifications resolves the open お知らせ of a reservation.
func (t *Tx) ResolveNotifications(reservationID int64) error {
	if _, err := data.ResolveNotifications(t.ctx, t.q, 0, reservationID, t.Now()); err != nil {
		return err
	}
	t.Publish(NotificationsChanged{})
	return nil
}

// ResolveByNumber resolves the open お知らせ that carry an external reservation number.
func (t *Tx) ResolveByNumber(number string) error {
	if _, err := data.ResolveByNumber(t.ctx, t.q, number, t.Now()); err != nil {
		return err
	}
	t.Publish(NotificationsChanged{})
	return nil
}

// Reservation reads one reservation in the transaction.
func (t *Tx) Reservation(id int64) (data.ReservationView, error) {
	return data.GetReservation(t.ctx, t.q, id)
}

// SaveReservation inserts r (ID 0) or updates it, as an integration writes what another
// system sent: no hook runs. before is the stored one for a change (its day changes too).
func (t *Tx) SaveReservation(r *data.Reservation, before *data.Reservation) error {
	if r.ID == 0 {
		if err := data.InsertReservation(t.ctx, t.q, r); err != nil {
			return err
		}
	} else if err := data.UpdateReservation(t.ctx, t.q, r); err != nil {
		return err
	}
	days := []time.Time{r.Start}
	if before != nil && !before.Start.Equal(r.Start) {
		days = append(days, before.Start)
	}
	t.Publish(ReservationsChanged{Days: days})
	return nil
}

// CancelReservation sets r 取消 and writes it (an integration's cancellation: no hook).
func (t *Tx) CancelReservation(r *data.Reservation) error {
	r.Status, r.UpdatedAt = data.StatusCancelled, t.Now()
	return t.SaveReservation(r, nil)
}

// LinkCustomerByKana finds r's customer by its kana (HOT PEPPER Beauty sends no phone) or
// creates one with name; two customers with the same kana are left for staff to tell apart.
func (t *Tx) LinkCustomerByKana(r *data.Reservation, name, origin string) error {
	if r.CustomerID != 0 || r.CustomerKana == "" {
		return nil
	}
	found, err := data.SearchCustomers(t.ctx, t.q, data.CustomerFilter{KanaPrefix: r.CustomerKana}, 3, 0)
	if err != nil {
		return err
	}
	var same []data.Customer
	for _, c := range found {
		if c.Kana == r.CustomerKana {
			same = append(same, c)
		}
	}
	switch len(same) {
	case 1:
		r.CustomerID, r.FirstVisit = same[0].ID, same[0].VisitCount == 0
	case 0:
		c := data.Customer{Name: name, Kana: r.CustomerKana, Origin: origin}
		if err := data.InsertCustomer(t.ctx, t.q, &c, t.Now()); err != nil {
			return err
		}
		r.CustomerID, r.FirstVisit = c.ID, true
		t.Publish(CustomersChanged{})
		return t.CustomerChanging(CustomerChange{Kind: CustomerCreated, Customer: c})
	}
	return nil
}

// CustomerForInput returns the customer a form chose, or creates the new one it filled in.
func (t *Tx) CustomerForInput(id int64, nc *CustomerInput) (data.Customer, error) {
	if nc != nil {
		c, err := nc.toCustomer()
		if err != nil {
			return c, err
		}
		if err := data.InsertCustomer(t.ctx, t.q, &c, t.Now()); err != nil {
			return c, err
		}
		t.Publish(CustomersChanged{})
		if err := t.CustomerChanging(CustomerChange{Kind: CustomerCreated, Customer: c}); err != nil {
			return c, err
		}
		id = c.ID
	}
	if id == 0 {
		return data.Customer{}, userErr("error.customer_required")
	}
	c, err := data.GetCustomer(t.ctx, t.q, id)
	if errors.Is(err, data.ErrNotFound) || (err == nil && c.ErasedOn != "") {
		// A deleted customer is an anonymous tombstone: nothing new is booked for it.
		return c, userErr("error.customer_missing")
	}
	return c, err
}

// Validate checks a new customer's fields as the customer form does.
func (in *CustomerInput) Validate() error { return in.validate() }

// ReservationBySBNumber reads the reservation SALON BOARD's number names.
func (a *App) ReservationBySBNumber(ctx context.Context, number string) (data.ReservationView, error) {
	return data.ReservationBySBNumber(ctx, a.store.Reader(), number)
}

// Read runs one read over the read-only pool and returns its result: how the integrations
// read their own records (data's queries on t.Q()) without holding the store.
func Read[T any](ctx context.Context, a *App, fn func(q data.Querier) (T, error)) (T, error) {
	var out T
	err := a.View(ctx, func(t *Tx) error {
		var err error
		out, err = fn(t.q)
		return err
	})
	return out, err
}

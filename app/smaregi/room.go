// Package smaregi is Smaregi's room in the app: every rule about the salon's customers and
// products sent to Smaregi (スマレジ) and the transactions that come back from it
// (contracts and paid visits), the receiver's IDコード tokens, and the problems told in
// お知らせ. It works on the core's in-transaction API (app.Tx), learns of customer changes
// through the core's customer hook, and talks to Smaregi through sync/smaregi, which
// knows nothing of the database.
package smaregi

import (
	"context"

	"salondesk/app"
	"salondesk/app/settings"
	"salondesk/data"
	"salondesk/sync/smaregi"
)

// Outbox job kinds for Smaregi, keyed "customer:<id>", "product:<id>" or "plan:<id>" so
// that one row's jobs run in order.
const (
	JobCustomerUpsert = "smaregi.customer.upsert"
	JobCustomerDelete = "smaregi.customer.delete"
	JobProductUpsert  = "smaregi.product.upsert"
	JobProductDelete  = "smaregi.product.delete"
)

// Kinds lists the room's job kinds (a runner registers a handler for each).
var Kinds = []string{JobCustomerUpsert, JobCustomerDelete, JobProductUpsert, JobProductDelete}

// Client is what the room needs of Smaregi (*smaregi.Client has it).
type Client interface {
	UpsertCustomers(ctx context.Context, rows []smaregi.Customer, sent func([]smaregi.Customer) error) (int, error)
	DeleteCustomers(ctx context.Context, ids []string, sent func([]string) error) (int, error)
	UpsertProducts(ctx context.Context, rows []smaregi.Product, sent func([]smaregi.Product) error) (int, error)
	DeleteProducts(ctx context.Context, ids []string, sent func([]string) error) (int, error)
	PullTransactions(ctx context.Context, after int64, opt smaregi.PullOptions, got func([]smaregi.Transaction) error) (int64, error)
}

// Room is Smaregi's rules over one app.
type Room struct{ a *app.App }

// New is the room over a; it registers nothing (screens and commands use its use cases).
func New(a *app.App) *Room { return &Room{a: a} }

// Install is New plus the room's part in the core, once per app at wiring: the customer
// and product hooks that queue changes for Smaregi while it is on, and what its jobs'
// failures mean.
func Install(a *app.App) *Room {
	r := New(a)
	a.AddCustomerHook(app.CustomerHookFunc(r.customerChanging))
	a.AddProductHook(app.ProductHookFunc(r.productChanging))
	for _, k := range Kinds {
		a.DescribeJobKind(k, app.JobKind{Direction: data.DirAppToSmaregi, Failed: r.jobFailed})
	}
	return r
}

// App is the app the room works on.
func (r *Room) App() *app.App { return r.a }

// Enabled reports whether Smaregi sync is on (設定 > スマレジ 有効).
func (r *Room) Enabled(ctx context.Context) bool {
	v, _ := r.a.Setting(ctx, settings.SmaregiEnabled, "0")
	return v == "1" || v == "true"
}

func enabledIn(t *app.Tx) (bool, error) {
	v, err := t.Setting(settings.SmaregiEnabled, "0")
	return v == "1" || v == "true", err
}

// RefCustomer is the outbox ref of a customer's Smaregi jobs.
func RefCustomer(id int64) string { return "customer:" + itoa(id) }

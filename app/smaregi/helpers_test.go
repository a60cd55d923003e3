package smaregi_test

import (
	"context"
	"database/sql"
	"net/http/httptest"
	"testing"
	"time"

	"salondesk/app"
	"salondesk/app/settings"
	appsm "salondesk/app/smaregi"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/sync/outbox"
	"salondesk/sync/smaregi"
	"salondesk/sync/smaregi/smaregidouble"
)

// fixture is a seeded salon on a real database file with Smaregi on, a fake clock, and
// the Smaregi double on loopback.
type fixture struct {
	t      *testing.T
	ctx    context.Context
	store  *data.Store
	app    *app.App
	room   *appsm.Room
	ids    datatest.Salon
	clock  *datatest.Clock
	double *smaregidouble.Double
	client *smaregi.Client
	runner *outbox.Runner
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	s := datatest.NewStore(t)
	f := &fixture{t: t, ctx: context.Background(), store: s, ids: datatest.Seed(t, s),
		clock: datatest.NewClock(datatest.At("2026-11-20", "09:00"))}
	f.app = app.New(s, app.WithClock(f.clock.Now))
	f.room = appsm.Install(f.app)
	f.double = smaregidouble.New("sd123", "secret-token")
	srv := httptest.NewServer(f.double)
	t.Cleanup(func() { f.double.Close(); srv.Close() })
	var err error
	f.client, err = smaregi.New(smaregi.Config{URL: srv.URL + "/access/", ContractID: "sd123", AccessToken: "secret-token",
		Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]string{settings.SmaregiEnabled: "1", settings.SmaregiProductCode: "reservefee"} {
		if err := f.app.SetSetting(f.ctx, k, v); err != nil {
			t.Fatal(err)
		}
	}
	f.runner = f.app.NewOutboxRunner(outbox.Options{Rand: func() float64 { return 1 }})
	f.runner.Handle(appsm.JobCustomerUpsert, f.room.UpsertHandler(f.client))
	f.runner.Handle(appsm.JobCustomerDelete, f.room.DeleteHandler(f.client))
	return f
}

// drain sends what is due now on the fake clock.
func (f *fixture) drain() {
	f.t.Helper()
	if err := f.runner.Drain(f.ctx, f.clock.Now().Add(time.Second)); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) count(table, where string, args ...any) int {
	f.t.Helper()
	var n int
	if err := f.store.Reader().QueryRowContext(f.ctx, "SELECT COUNT(*) FROM "+table+" WHERE "+where, args...).Scan(&n); err != nil {
		f.t.Fatal(err)
	}
	return n
}

func (f *fixture) customer(name, kana string) data.Customer {
	f.t.Helper()
	c, err := f.app.SaveCustomer(f.ctx, app.CustomerInput{Name: name, Kana: kana, Phone: "090-1234-5678"})
	if err != nil {
		f.t.Fatal(err)
	}
	return c
}

// imported writes n customers as a CSV import would (origin imported), in one transaction.
func (f *fixture) imported(n int) {
	f.t.Helper()
	err := f.store.Tx(f.ctx, func(tx *sql.Tx) error {
		for i := range n {
			c := data.Customer{Name: "取込 太郎", Kana: "トリコミ タロウ", Phone: "0312345678", Origin: data.OriginImported}
			_ = i
			if err := data.InsertCustomer(f.ctx, tx, &c, f.clock.Now()); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		f.t.Fatal(err)
	}
}

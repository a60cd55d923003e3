package workers_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"salondesk/app"
	"salondesk/app/salonboard"
	"salondesk/app/secrets"
	"salondesk/app/settings"
	"salondesk/app/workers"
	"salondesk/data/datatest"
	"salondesk/sync/salonboard/sbdouble"
)

// 「SALON BOARDから取り込む」 reads with a client made from the settings saved now when no
// sync runs (no restart after setting SALON BOARD up), and says in Japanese when SALON
// BOARD is not set up.
func TestMastersReadWithSettingsSavedAfterStart(t *testing.T) {
	keyring.MockInit()
	ctx := context.Background()
	a := app.New(datatest.NewStore(t))
	room := salonboard.Install(a)
	sec := secrets.New()
	m := workers.NewMasters(room, sec, slog.New(slog.NewTextHandler(io.Discard, nil)))

	if _, err := m.ReadMasters(ctx); !errors.Is(err, salonboard.ErrNotConfigured) {
		t.Fatalf("not set up: %v", err)
	}

	d := sbdouble.New(sbdouble.Config{Location: time.Local, Now: time.Now})
	d.SetStaff(sbdouble.SyntheticStaff(8))
	d.SetCatalogue(nil, sbdouble.SyntheticCoupons(12), nil)
	srv := httptest.NewServer(d)
	t.Cleanup(srv.Close)
	// As 設定 > SALON BOARD saves them (the mailbox is not needed to read the masters).
	if err := a.SaveSettings(ctx, map[string]string{settings.SalonBoardEnabled: "1",
		settings.SalonBoardLoginID: "SD0000001", settings.SalonBoardURL: srv.URL}); err != nil {
		t.Fatal(err)
	}
	if err := sec.Set(secrets.SalonBoardPassword, "synthetic-pass"); err != nil {
		t.Fatal(err)
	}
	got, err := m.ReadMasters(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Staff) != 8 {
		t.Fatalf("%d staff", len(got.Staff))
	}
	if _, err := m.ListReservations(ctx, time.Now(), time.Now().AddDate(0, 0, 1)); err != nil {
		t.Fatal(err)
	}
	if n := d.Requests().Logins(); n != 1 {
		t.Fatalf("%d logins for one import: the second read must reuse the client", n)
	}
}

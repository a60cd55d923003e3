package transcribe

import (
	"context"
	"strconv"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/app/salonboard"
	"salondesk/data"
	"salondesk/data/datatest"
	"salondesk/ui/internal/uitest"
)

// testDay is a Saturday: both staff work.
const testDay = "2026-11-21"

type fixture struct {
	a     *app.App
	store *data.Store
	salon datatest.Salon
	win   fyne.Window
	ctx   context.Context
}

// newFixture is the seeded test salon on a real database, the day before testDay, with
// SALON BOARD sync on (so that a job wrongly queued for SALON BOARD would show).
func newFixture(t *testing.T) *fixture {
	t.Helper()
	uitest.NewApp(t)
	store := datatest.NewStore(t)
	salon := datatest.Seed(t, store)
	now := datatest.At("2026-11-20", "09:00")
	a := app.New(store, app.WithClock(func() time.Time { return now }))
	if err := salonboard.Install(a).SetEnabled(context.Background(), true); err != nil {
		t.Fatal(err)
	}
	w := test.NewWindow(widget.NewLabel(""))
	w.Resize(fyne.NewSize(1000, 1400))
	t.Cleanup(w.Close)
	return &fixture{a: a, store: store, salon: salon, win: w, ctx: context.Background()}
}

// incoming is an HPB reservation as the mail reader hands it over.
func incoming(number, start, coupon string) salonboard.Incoming {
	return salonboard.Incoming{Number: number, Kind: salonboard.IncomingNew, Start: datatest.At(testDay, start),
		NameKanji: "山田 花子", NameKana: "ヤマダ ハナコ", Staff: "指名なし", Coupon: coupon,
		ReceivedAt: datatest.At("2026-11-20", "08:14")}
}

// apply applies an incoming reservation and checks what it became.
func (f *fixture) apply(t *testing.T, in salonboard.Incoming, want string) int64 {
	t.Helper()
	res, err := salonboard.New(f.a).ApplyIncoming(f.ctx, in)
	if err != nil || res.Outcome != want {
		t.Fatalf("incoming %s: %+v %v, want %s", in.Number, res, err, want)
	}
	return res.ReservationID
}

// mismatch is the seed's case: a coupon name that matches nothing here.
func (f *fixture) mismatch(t *testing.T) int64 {
	t.Helper()
	return f.apply(t, incoming("BC97459537", "11:00", "[全員]髪質改善TOKIOトリートメント ¥9,900"), salonboard.OutcomeProvisional)
}

func (f *fixture) get(t *testing.T, id int64) data.ReservationView {
	t.Helper()
	v, err := f.a.Reservation(f.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func (f *fixture) unresolved(t *testing.T) int {
	t.Helper()
	h, err := f.a.Home(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	return h.Unresolved[data.DirSBToApp]
}

// jobKinds lists the outbox jobs of a reservation.
func (f *fixture) jobKinds(t *testing.T, id int64) []string {
	t.Helper()
	jobs, err := data.ListJobs(f.ctx, f.store.Reader(), "reservation:"+strconv.FormatInt(id, 10))
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, j := range jobs {
		kinds = append(kinds, j.Kind)
	}
	return kinds
}

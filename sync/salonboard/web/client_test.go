package web_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"salondesk/sync/salonboard/sbdouble"
	"salondesk/sync/salonboard/web"
)

// loginRequests counts the requests of one login (GET /login/, POST
// doLogin, the redirect to /KLP/top/).
const loginRequests = 3

func TestListReservationsPages120(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	for i := range 120 {
		d.AddReservation(sbdouble.Synthetic(i, at(2026, 12, 1+i%30, 10+i%9, 15*(i%4))))
	}
	d.AddReservation(sbdouble.Synthetic(999, at(2027, 1, 1, 10, 0))) // outside the range
	c := newClient(t, base)
	rows, err := c.ListReservations(context.Background(), day(2026, 12, 1), day(2026, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 120 {
		t.Fatalf("%d rows, want 120", len(rows))
	}
	seen := map[string]bool{}
	for _, r := range rows {
		got, ok := d.Reservation(r.ID)
		if !ok || seen[r.ID] || !got.Start.Equal(r.Start) {
			t.Fatalf("row %+v (double has %v)", r, got.Start)
		}
		seen[r.ID] = true
	}
	if n := d.Count(sbdouble.PathListPage); n != 2 {
		t.Errorf("changePage requests = %d, want 2", n)
	}
	total := len(d.Requests())
	if want := loginRequests + 1 + 1 + 2; total != want {
		t.Errorf("requests = %d, want %d (login 3, init, search, 2 pages)", total, want)
	}
	t.Logf("ListReservations of 120 rows: %d HTTP requests including the login (%d without)", total, total-loginRequests)
	if d.MaxConcurrent() != 1 {
		t.Errorf("max concurrent requests = %d", d.MaxConcurrent())
	}
}

func TestListReservationsAcrossNewYear(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	a := d.AddReservation(sbdouble.Synthetic(1, at(2026, 12, 30, 18, 15)))
	b := d.AddReservation(sbdouble.Synthetic(2, at(2027, 1, 2, 9, 0)))
	c := newClient(t, base)
	rows, err := c.ListReservations(context.Background(), day(2026, 12, 28), day(2027, 1, 5))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].ID != a || rows[0].Start.Year() != 2026 || rows[1].ID != b || rows[1].Start.Year() != 2027 {
		t.Fatalf("rows = %+v", rows)
	}
}

func TestListReservationsCancelledStay(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	id := d.AddReservation(sbdouble.Synthetic(1, at(2026, 12, 5, 10, 0)))
	if err := d.CancelReservation(id, sbdouble.StatusCustomerCancel); err != nil {
		t.Fatal(err)
	}
	rows, err := newClient(t, base).ListReservations(context.Background(), day(2026, 12, 1), day(2026, 12, 31))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].StatusCode != web.StatusCustomerCancel || !web.IsCancelled(rows[0].StatusCode) {
		t.Fatalf("rows = %+v", rows)
	}
}

func TestLoginExpiryOneReloginSuccess(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	d.AddReservation(sbdouble.Synthetic(1, at(2026, 12, 5, 10, 0)))
	c := newClient(t, base)
	ctx := context.Background()
	if err := c.Check(ctx); err != nil {
		t.Fatal(err)
	}
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultExpire, Path: sbdouble.PathSchedule})
	s, err := c.Schedule(ctx, day(2026, 12, 5))
	if err != nil {
		t.Fatal(err)
	}
	if blocks := len(s.Staff[0].Blocks) + len(s.Staff[1].Blocks) + len(s.Staff[2].Blocks); blocks != 1 {
		t.Fatalf("schedule after re-login: %+v", s.Staff)
	}
	if n := d.Count(sbdouble.PathDoLogin); n != 2 {
		t.Fatalf("logins = %d, want 2", n)
	}
	if d.Count(sbdouble.PathSchedule) != 2 {
		t.Fatalf("schedule loads = %d, want 2", d.Count(sbdouble.PathSchedule))
	}
}

func TestSessionTakenOverElsewhere(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	c := newClient(t, base)
	ctx := context.Background()
	if err := c.Check(ctx); err != nil {
		t.Fatal(err)
	}
	d.ExpireSessions() // a person logged in elsewhere: our cookie leads to /login/
	if _, err := c.Schedule(ctx, day(2026, 12, 5)); err != nil {
		t.Fatal(err)
	}
	if d.Count(sbdouble.PathDoLogin) != 2 || d.Sessions() != 1 {
		t.Fatalf("logins %d sessions %d", d.Count(sbdouble.PathDoLogin), d.Sessions())
	}
}

func TestExpiryAfterReloginIsTransient(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	c := newClient(t, base)
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultExpire, Path: sbdouble.PathSchedule, Times: 2})
	_, err := c.Schedule(context.Background(), day(2026, 12, 5))
	var se *web.ErrSessionExpired
	if !errors.As(err, &se) || !web.IsTransient(err) {
		t.Fatalf("err = %v", err)
	}
	if n := d.Count(sbdouble.PathDoLogin); n != 2 {
		t.Fatalf("logins = %d, want 2 (one re-login, no loop)", n)
	}
}

func TestCaptchaStopsAtOnce(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultCaptcha, Times: -1})
	c := newClient(t, base)
	ctx := context.Background()
	err := c.Check(ctx)
	if !errors.Is(err, web.ErrCaptcha) || web.IsTransient(err) {
		t.Fatalf("err = %v", err)
	}
	if n := d.Count(sbdouble.PathDoLogin); n != 1 {
		t.Fatalf("login requests = %d, want exactly 1", n)
	}
	before := len(d.Requests())
	if _, err := c.ListReservations(ctx, day(2026, 12, 1), day(2026, 12, 2)); !errors.Is(err, web.ErrCaptcha) {
		t.Fatalf("second call: %v", err)
	}
	if len(d.Requests()) != before {
		t.Fatal("the client asked SALON BOARD again during the CAPTCHA back-off")
	}
}

func TestPasswordChangeAndBadCredentialsStop(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultPasswordChange})
	c := newClient(t, base)
	ctx := context.Background()
	if err := c.Check(ctx); !errors.Is(err, web.ErrPasswordChange) || web.IsTransient(err) {
		t.Fatalf("err = %v", err)
	}
	if err := c.Check(ctx); !errors.Is(err, web.ErrPasswordChange) || d.Count(sbdouble.PathDoLogin) != 1 {
		t.Fatalf("retried: %v, %d logins", err, d.Count(sbdouble.PathDoLogin))
	}

	var logs bytes.Buffer
	wrong := newClient(t, base, func(cfg *web.Config) {
		cfg.Password = "wrong-Secret-42"
		cfg.Logger = slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	})
	err := wrong.Check(ctx)
	if !errors.Is(err, web.ErrBadCredentials) || web.IsTransient(err) {
		t.Fatalf("err = %v", err)
	}
	if strings.Contains(err.Error(), "wrong-Secret-42") || strings.Contains(logs.String(), "wrong-Secret-42") {
		t.Fatal("the password leaked into an error or the log")
	}
	if d.Count(sbdouble.PathDoLogin) != 2 {
		t.Fatalf("logins = %d", d.Count(sbdouble.PathDoLogin))
	}
	wrong.SetPassword("synthetic-pass")
	if err := wrong.Check(ctx); err != nil {
		t.Fatalf("after SetPassword: %v", err)
	}
}

func TestTimeoutIsTransient(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	c := newClient(t, base, func(cfg *web.Config) { cfg.Timeout = 200 * time.Millisecond })
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultDelay, Path: sbdouble.PathSchedule, Delay: 2 * time.Second})
	began := time.Now()
	_, err := c.Schedule(context.Background(), day(2026, 12, 5))
	var ne *web.NetError
	if !errors.As(err, &ne) || !web.IsTransient(err) {
		t.Fatalf("err = %v", err)
	}
	if el := time.Since(began); el > 1500*time.Millisecond {
		t.Fatalf("timeout took %v", el)
	}
}

func TestServerErrorIsTransientAndStaleToo(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	c := newClient(t, base)
	ctx := context.Background()
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultStatus, Path: sbdouble.PathSchedule, Status: 503})
	_, err := c.Schedule(ctx, day(2026, 12, 5))
	var he *web.HTTPError
	if !errors.As(err, &he) || he.Status != 503 || !web.IsTransient(err) {
		t.Fatalf("503: %v", err)
	}
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultStale, Path: sbdouble.PathSchedule})
	_, err = c.Schedule(ctx, day(2026, 12, 5))
	var st *web.ErrStale
	if !errors.As(err, &st) || !web.IsTransient(err) {
		t.Fatalf("stale: %v", err)
	}
	if d.Count(sbdouble.PathDoLogin) != 1 {
		t.Fatal("a stale page is not an expired session: no re-login")
	}
}

func TestChangedPageIsPermanent(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	c := newClient(t, base)
	ctx := context.Background()
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultChanged, Path: sbdouble.PathSchedule})
	_, err := c.Schedule(ctx, day(2026, 12, 5))
	var pc *web.ErrPageChanged
	if !errors.As(err, &pc) || pc.Page != "schedule" || web.IsTransient(err) {
		t.Fatalf("schedule: %v", err)
	}
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultChanged, Path: sbdouble.PathListSearch})
	if _, err = c.ListReservations(ctx, day(2026, 12, 1), day(2026, 12, 2)); !errors.As(err, &pc) || pc.Page != "reserveList" {
		t.Fatalf("list: %v", err)
	}
	d.Inject(sbdouble.Fault{Kind: sbdouble.FaultChanged, Path: sbdouble.PathLogin})
	fresh := newClient(t, base)
	if err = fresh.Check(ctx); !errors.As(err, &pc) || pc.Page != "login" {
		t.Fatalf("login: %v", err)
	}
}

func TestGroupAccountPicksStore(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{Group: true})
	d.AddReservation(sbdouble.Synthetic(1, at(2026, 12, 5, 10, 0)))
	c := newClient(t, base, func(cfg *web.Config) { cfg.StoreID = "H000000102" })
	rows, err := c.ListReservations(context.Background(), day(2026, 12, 1), day(2026, 12, 31))
	if err != nil || len(rows) != 1 {
		t.Fatalf("%v %v", rows, err)
	}
	if d.Count(sbdouble.PathSelectStore) != 1 {
		t.Fatal("the store was not picked")
	}
	other := newClient(t, base, func(cfg *web.Config) { cfg.StoreID = "H999999999" })
	if err := other.Check(context.Background()); !errors.Is(err, web.ErrStoreNotFound) || web.IsTransient(err) {
		t.Fatalf("unknown store: %v", err)
	}
}

func TestReservationDetailFromTheList(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	netR := sbdouble.Synthetic(3, at(2026, 12, 5, 14, 30))
	netR.EquipmentID = "EQ00000002"
	netR.Memo = "合成データ"
	net := d.AddReservation(netR)
	extR := sbdouble.Synthetic(4, at(2026, 12, 6, 11, 0))
	extR.RouteID = sbdouble.RoutePhoneOwn
	ext := d.AddReservation(extR)
	c := newClient(t, base)
	ctx := context.Background()

	got, err := c.ReservationDetail(ctx, net)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := d.Reservation(net)
	if got.ID != net || got.Kind != web.KindNet || got.NameKana != want.KanaSei+" "+want.KanaMei ||
		!got.Start.Equal(want.Start) || !got.End.Equal(want.End) || got.Memo != "合成データ" ||
		len(got.Equipment) != 1 || got.Equipment[0].Name != "ベッド2" || got.Staff[0].Designated != want.Designated {
		t.Fatalf("net detail %+v", got)
	}
	// Opened from the list: init, search by number, detail.
	if n := len(d.Requests()); n != loginRequests+3 {
		t.Fatalf("requests = %d, want %d", n, loginRequests+3)
	}
	for _, r := range d.Requests() {
		if r.Path == sbdouble.PathNetDetail && !strings.Contains(r.Referer, "/KLP/reserve/reserveList/") {
			t.Fatalf("detail opened without the list as referer: %+v", r)
		}
	}

	// After a list read, a row on the last page opens with one request.
	if _, err := c.ListReservations(ctx, day(2026, 12, 1), day(2026, 12, 31)); err != nil {
		t.Fatal(err)
	}
	d.ResetRequests()
	gotExt, err := c.ReservationDetail(ctx, ext)
	if err != nil {
		t.Fatal(err)
	}
	if gotExt.Kind != web.KindExt || gotExt.Staff[0].Designated != extR.Designated || len(d.Requests()) != 1 {
		t.Fatalf("ext detail %+v after %d requests", gotExt, len(d.Requests()))
	}
	if _, err := c.ReservationDetail(ctx, "BC99999999"); !errors.Is(err, web.ErrNotFound) || web.IsTransient(err) {
		t.Fatalf("unknown: %v", err)
	}
}

func TestPacingAndOneRequestAtATime(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	c := newClient(t, base, func(cfg *web.Config) {
		cfg.Pacing = &web.Pacing{PageMin: 40 * time.Millisecond, PageMax: 60 * time.Millisecond, Login: 300 * time.Millisecond}
	})
	ctx := context.Background()
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Schedule(ctx, day(2026, 12, 1+i)); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	reqs := d.Requests()
	for i := 1; i < len(reqs); i++ {
		if gap := reqs[i].At.Sub(reqs[i-1].At); gap < 35*time.Millisecond && reqs[i].Path != sbdouble.PathTop {
			t.Errorf("gap %v before %s", gap, reqs[i].Path) // the redirect to /KLP/top/ is part of the POST
		}
	}
	if d.MaxConcurrent() != 1 {
		t.Errorf("max concurrent = %d", d.MaxConcurrent())
	}
	// Two logins are at least Pacing.Login apart.
	d.ExpireSessions()
	if err := c.Check(ctx); err != nil {
		t.Fatal(err)
	}
	var logins []time.Time
	for _, r := range d.Requests() {
		if r.Path == sbdouble.PathDoLogin {
			logins = append(logins, r.At)
		}
	}
	if len(logins) != 2 || logins[1].Sub(logins[0]) < 300*time.Millisecond {
		t.Fatalf("logins at %v", logins)
	}
}

func TestDefaultsAndConfigHidesPassword(t *testing.T) {
	p := web.DefaultPacing()
	if p.PageMin != time.Second || p.PageMax != 2*time.Second || p.Login != 10*time.Second || p.CaptchaBackoff < 30*time.Minute {
		t.Fatalf("defaults %+v", p)
	}
	cfg := web.Config{BaseURL: "https://salonboard.com", UserID: "u", Password: "p@ss-Secret"}
	if strings.Contains(cfg.String(), "p@ss-Secret") {
		t.Fatal("Config.String shows the password")
	}
	if _, err := web.New(web.Config{BaseURL: "not a url"}); err == nil {
		t.Fatal("bad base URL accepted")
	}
}

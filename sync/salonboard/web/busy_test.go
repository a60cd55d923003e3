package web_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"salondesk/sync/salonboard/sbdouble"
	"salondesk/sync/salonboard/web"
)

// busySalon is a seeded double and a client with the default pacing, both
// on one virtual clock (Tuesday 2026-12-01 11:00 JST): the pacing is
// counted, never slept.
type busySalon struct {
	d      *sbdouble.Double
	c      *web.Client
	clk    *web.VirtualClock
	seeded sbdouble.Seeded
	today  time.Time
}

func newBusySalon(tb testing.TB, n int, edit ...func(*web.Config)) busySalon {
	tb.Helper()
	clk := web.NewVirtualClock(at(2026, 12, 1, 11, 0))
	d, base := newDouble(tb, sbdouble.Config{Now: clk.Now})
	s := d.SeedBusy(sbdouble.BusySalon{Reservations: n, Days: 60, Staff: 8, Seed: 14})
	cfg := web.Config{BaseURL: base, UserID: "SD0000001", Password: "synthetic-pass",
		Timeout: 5 * time.Second, Location: jst, Clock: clk}
	for _, e := range edit {
		e(&cfg)
	}
	c, err := web.New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	return busySalon{d: d, c: c, clk: clk, seeded: s, today: day(2026, 12, 1)}
}

// TestListOf61DaysCostsItsPagesAndOne: 5,000 reservations over 60 days,
// read in one search of today → +60 days: a login, the form, the search
// (which shows page 1) and one request per further page of 50:
// ceil(rows/50) + 1 after the login.
func TestListOf61DaysCostsItsPagesAndOne(t *testing.T) {
	s := newBusySalon(t, 5000)
	var rows, pages, total int
	err := s.c.ListPages(context.Background(), web.ListQuery{From: s.today, To: s.today.AddDate(0, 0, 60)},
		func(p web.ListPage) error {
			pages++
			rows += len(p.Rows)
			total = p.Total
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	if rows != 5000 || total != 5000 {
		t.Fatalf("%d rows (page count says %d), want 5000", rows, total)
	}
	log := s.d.Requests()
	want := (rows+49)/50 + 1 + loginRequests
	if len(log) != want || log.Count(sbdouble.KindListPage) != pages-1 || log.Logins() != 1 {
		t.Errorf("%d requests %v, want %d: ceil(%d/50)+1 and a login of %d", len(log), log.ByKind(), want, rows, loginRequests)
	}
	t.Logf("list of 61 days, %d rows: %d requests, %v of pacing on the virtual clock", rows, len(log), s.clk.Slept())
}

// TestListPagesStatusesAndStop asks for the live statuses only, and stops
// after the second page: no third page is read.
func TestListPagesStatusesAndStop(t *testing.T) {
	s := newBusySalon(t, 1000)
	live := []int{web.StatusPending, web.StatusWaiting, web.StatusAwaitingVisit}
	q := web.ListQuery{From: s.today, To: s.today.AddDate(0, 0, 60), Statuses: live}
	var got []web.ListRow
	err := s.c.ListPages(context.Background(), q, func(p web.ListPage) error {
		got = append(got, p.Rows...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, r := range s.d.Reservations() {
		if r.Status == sbdouble.StatusPending || r.Status == sbdouble.StatusWaiting || r.Status == sbdouble.StatusAwaitingVisit {
			want++
		}
	}
	if len(got) != want || want == 0 || want == 1000 {
		t.Fatalf("%d rows, want the %d of statuses %v", len(got), want, live)
	}
	for _, r := range got {
		if r.StatusCode != web.StatusPending && r.StatusCode != web.StatusWaiting && r.StatusCode != web.StatusAwaitingVisit {
			t.Fatalf("row %s has status %s", r.ID, r.Status)
		}
	}

	s.d.ResetRequests()
	pages := 0
	err = s.c.ListPages(context.Background(), q, func(p web.ListPage) error {
		if pages++; pages == 2 {
			return web.ErrStopPaging
		}
		return nil
	})
	log := s.d.Requests()
	if err != nil || pages != 2 || log.Count(sbdouble.KindListPage) != 1 || len(log) != 3 {
		t.Fatalf("stop after page 2: err %v, %d pages handed, requests %v", err, pages, log.ByKind())
	}
	boom := errors.New("the desk's database is gone")
	err = s.c.ListPages(context.Background(), q, func(web.ListPage) error { return boom })
	if !errors.Is(err, boom) {
		t.Fatalf("an error of each: %v", err)
	}
}

// TestListPagesResumeAfterSessionTaken: someone logs in elsewhere while the
// list is read; the client logs in again, searches again and jumps to the
// next page, so no page is handed over twice and none is missed.
func TestListPagesResumeAfterSessionTaken(t *testing.T) {
	s := newBusySalon(t, 600)
	var seen []int
	ids := map[string]bool{}
	err := s.c.ListPages(context.Background(), web.ListQuery{From: s.today, To: s.today.AddDate(0, 0, 60)},
		func(p web.ListPage) error {
			seen = append(seen, p.Page)
			for _, r := range p.Rows {
				ids[r.ID] = true
			}
			if p.Page == 4 {
				s.d.TakeSession()
			}
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	for i, pn := range seen {
		if pn != i+1 {
			t.Fatalf("pages handed over %v", seen)
		}
	}
	// Pages 2–4, the one that showed the expiry, then (after the login,
	// form and search) a jump to page 5 and 6–12.
	log := s.d.Requests()
	if len(seen) != 12 || len(ids) != 600 || log.Logins() != 2 || log.Count(sbdouble.KindListPage) != 3+1+1+7 {
		t.Fatalf("pages %v, %d rows, requests %v", seen, len(ids), log.ByKind())
	}
}

// TestBusyScheduleMatchesTheList: on a busy day, every live row of the list
// is a block of the schedule in its staff's row, at its start, under its
// name, and the schedule holds no other block. The schedule costs one
// request once the session is open.
func TestBusyScheduleMatchesTheList(t *testing.T) {
	s := newBusySalon(t, 5000)
	ctx := context.Background()
	d := s.today.AddDate(0, 0, 5)
	rows, err := s.c.ListReservations(ctx, d, d)
	if err != nil {
		t.Fatal(err)
	}
	s.d.ResetRequests()
	sched, err := s.c.Schedule(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(s.d.Requests()); n != 1 {
		t.Errorf("the schedule took %d requests, want 1", n)
	}
	type key struct {
		staff, name string
		start       time.Time
	}
	blocks := map[key]int{}
	nBlocks, onBeds := 0, 0
	for _, st := range sched.Staff {
		if st.ID == "" || st.Name == "" {
			t.Fatalf("staff row without id or name: %+v", st)
		}
		for _, b := range st.Blocks {
			if !b.End.After(b.Start) || len(b.Icons) == 0 {
				t.Fatalf("block %+v", b)
			}
			blocks[key{st.Name, b.Name, b.Start}]++
			nBlocks++
		}
	}
	for _, eq := range sched.Equipment {
		onBeds += len(eq.Blocks)
	}
	live := 0
	for _, r := range rows {
		if web.IsCancelled(r.StatusCode) {
			continue
		}
		live++
		k := key{r.Staff, r.Customer, r.Start}
		if blocks[k] == 0 {
			t.Fatalf("row %s (%s, %s, %v) has no block", r.ID, r.Staff, r.Customer, r.Start.Format("15:04"))
		}
		blocks[k]--
	}
	if live != nBlocks || live < 50 || onBeds == 0 || len(sched.Staff) != s.seeded.Staff {
		t.Errorf("%d live rows, %d blocks, %d on beds, %d staff rows (salon has %d)", live, nBlocks, onBeds, len(sched.Staff), s.seeded.Staff)
	}
	t.Logf("%s: %d rows, %d live, %d blocks, %d on beds", d.Format("01/02"), len(rows), live, nBlocks, onBeds)
}

// busySchedulePage is the schedule of a busy day (a seeded salon of 1,000
// reservations, 2026-12-05) as the double renders it: a fuzz seed.
func busySchedulePage(tb testing.TB) []byte {
	clk := web.NewVirtualClock(at(2026, 12, 1, 11, 0))
	d := sbdouble.New(sbdouble.Config{Location: jst, Now: clk.Now})
	d.SeedBusy(sbdouble.BusySalon{Reservations: 1000, Days: 60, Staff: 4, Seed: 5})
	srv := httptest.NewServer(d)
	defer srv.Close()
	b := newBrowser(tb, srv.URL)
	b.login()
	page := b.get("/KLP/schedule/salonSchedule/?date=20261205", "")
	b.hc.CloseIdleConnections()
	return page
}

// TestDetailsFromTheLastListPage: after the list of a day, the details of
// its rows open from that list page (a person goes back to it between two
// details): one request each, not a new search each.
func TestDetailsFromTheLastListPage(t *testing.T) {
	s := newBusySalon(t, 300)
	ctx := context.Background()
	d := s.today.AddDate(0, 0, 3)
	rows, err := s.c.ListReservations(ctx, d, d)
	if err != nil || len(rows) < 3 {
		t.Fatalf("%d rows, %v", len(rows), err)
	}
	s.d.ResetRequests()
	for _, r := range rows[:3] {
		got, err := s.c.ReservationDetail(ctx, r.ID)
		if err != nil || got.ID != r.ID {
			t.Fatalf("detail of %s: %+v, %v", r.ID, got, err)
		}
	}
	if log := s.d.Requests(); len(log) != 3 || log.Count(sbdouble.KindDetail) != 3 {
		t.Fatalf("three details took %v", log.ByKind())
	}
	for _, r := range s.d.Requests() {
		if r.Referer == "" || !strings.Contains(r.Referer, "/KLP/reserve/reserveList/") {
			t.Fatalf("detail %s opened from %q, not from the list", r.Query, r.Referer)
		}
	}
}

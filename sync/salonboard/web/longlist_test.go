package web_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"salondesk/sync/salonboard/sbdouble"
	"salondesk/sync/salonboard/web"
)

// TestListBeyond500Pages: a search of 502 pages (25,100 rows on the real
// site; here 502 rows, one a page, to keep the test light) is read whole:
// the page numbers are the loop guard, not a fixed cap of 500 pages that
// reported "the screen changed".
func TestListBeyond500Pages(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{PageSize: 1})
	d.SeedBusy(sbdouble.BusySalon{Reservations: 502, Days: 60, Staff: 4, Seed: 3, From: day(2026, 12, 1)})
	c := newClient(t, base)
	pages, rows := 0, 0
	err := c.ListPages(context.Background(), web.ListQuery{From: day(2026, 12, 1), To: day(2027, 1, 30)}, func(p web.ListPage) error {
		pages++
		rows += len(p.Rows)
		return nil
	})
	if err != nil || pages != 502 || rows != 502 {
		t.Fatalf("%d pages, %d rows: %v", pages, rows, err)
	}
}

// TestListPageRepeatingItsNumberStops: a 次へ that leads back to the page
// just read (a site loop) stops the search as a changed page, after
// handing over each page once.
func TestListPageRepeatingItsNumberStops(t *testing.T) {
	d := sbdouble.New(sbdouble.Config{Location: jst})
	d.SeedBusy(sbdouble.BusySalon{Reservations: 200, Days: 10, Staff: 4, Seed: 3, From: day(2026, 12, 1)})
	loop := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == sbdouble.PathListPage && r.URL.Query().Get("pn") == "3" {
			r.URL.RawQuery = "pn=2" // the site answers page 2 again
		}
		d.ServeHTTP(w, r)
	})
	srv := httptest.NewServer(loop)
	t.Cleanup(srv.Close)
	var seen []int
	err := newClient(t, srv.URL).ListPages(context.Background(), web.ListQuery{From: day(2026, 12, 1), To: day(2026, 12, 10)},
		func(p web.ListPage) error { seen = append(seen, p.Page); return nil })
	var pc *web.ErrPageChanged
	if !errors.As(err, &pc) || pc.Page != "reserveList" || len(seen) != 2 {
		t.Fatalf("pages %v, err %v", seen, err)
	}
	t.Log(err)
}

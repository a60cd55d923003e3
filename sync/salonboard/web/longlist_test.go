package web_test

import (
	"context"
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

package settings

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"salondesk/app"
	"salondesk/app/salonboard"
	"salondesk/sync/salonboard/sbdouble"
	"salondesk/sync/salonboard/web"
)

// 「SALON BOARDから取り込む」 against the SALON BOARD double (8 staff, 12 coupons; the app's
// tests take 120): the
// preview lists them all as 新規 with prices from the names; a length typed wrong is a
// message and nothing is written; with the lengths filled in, OK adds them all.
func TestImportFromSalonBoardPreviewAndOK(t *testing.T) {
	f := newFixture(t)
	d := sbdouble.New(sbdouble.Config{Location: time.Local, Now: f.a.Now})
	d.SetStaff(sbdouble.SyntheticStaff(8))
	d.SetCatalogue(nil, sbdouble.SyntheticCoupons(12), nil)
	srv := httptest.NewServer(d)
	t.Cleanup(srv.Close)
	client, err := web.New(web.Config{BaseURL: srv.URL, UserID: "SD0000001", Password: "synthetic-pass",
		Pacing: &web.Pacing{}, Location: time.Local})
	if err != nil {
		t.Fatal(err)
	}
	f.deps.SalonBoardMasters = client
	f.open()
	imp := f.s.sb.importer
	test.Tap(imp.btn)
	f.wait()
	p := imp.last
	if p == nil || len(p.rows) != 20 {
		t.Fatalf("preview %+v", p)
	}
	for _, r := range p.rows {
		if r.item.Status != salonboard.ImportNew || !r.include.Checked {
			t.Fatalf("row %+v", r.item)
		}
	}
	coupon := p.rows[8]
	if coupon.price.Text != "4980" || coupon.duration.Text != "" {
		t.Fatalf("prefilled %q %q", coupon.price.Text, coupon.duration.Text)
	}
	staffBefore, couponsBefore := count(f, "staff"), count(f, "coupons")
	coupon.duration.SetText("六十")
	p.confirmed(true)
	f.wantDialog((&app.UserError{Key: "sbimport.error.number", Args: map[string]any{"Name": coupon.item.Name}}).Error())
	if count(f, "staff") != staffBefore || count(f, "coupons") != couponsBefore {
		t.Fatal("a refused import wrote")
	}
	coupon.duration.SetText("")
	p.rows[9].duration.SetText("90")
	p.blank.SetText("６０") // one length for the rows left blank
	test.Tap(p.blankBtn)
	if coupon.duration.Text != "６０" || p.rows[9].duration.Text != "90" {
		t.Fatalf("filled %q %q", coupon.duration.Text, p.rows[9].duration.Text)
	}
	p.confirmed(true)
	if got := count(f, "staff"); got != staffBefore+8 {
		t.Fatalf("%d staff", got)
	}
	if got := count(f, "coupons"); got != couponsBefore+12 {
		t.Fatalf("%d coupons", got)
	}
	if imp.result.Text == "" {
		t.Fatal("no result shown")
	}
}

func count(f *fixture, table string) int {
	f.t.Helper()
	var n int
	if err := f.st.Reader().QueryRowContext(context.Background(), "SELECT COUNT(*) FROM "+table).Scan(&n); err != nil {
		f.t.Fatal(err)
	}
	return n
}

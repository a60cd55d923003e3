package salonboard_test

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"salondesk/app/salonboard"
	"salondesk/data/datatest"
	"salondesk/sync/salonboard/sbdouble"
	"salondesk/sync/salonboard/web"
)

// importDouble is SALON BOARD with 8 staff and 120 HPB coupons (plus two menus and a
// salon coupon), on loopback, and a client logged in to it without pauses.
func importDouble(t *testing.T, f *fixture) (*sbdouble.Double, *web.Client) {
	t.Helper()
	d := sbdouble.New(sbdouble.Config{Location: time.Local, Now: f.app.Now})
	staff := sbdouble.SyntheticStaff(8)
	staff[7].Name = "【店長】" + staff[7].Name // a title SALON BOARD writes in mails too
	d.SetStaff(staff)
	d.SetCatalogue([]sbdouble.MenuItem{{Name: "カット"}, {Name: "ヘッドスパ 30分"}},
		sbdouble.SyntheticCoupons(120), []sbdouble.MenuItem{{Name: "【平日限定】前髪カット"}})
	srv := httptest.NewServer(d)
	t.Cleanup(srv.Close)
	c, err := web.New(web.Config{BaseURL: srv.URL, UserID: "SD0000001", Password: "synthetic-pass",
		Pacing: &web.Pacing{}, Location: time.Local})
	if err != nil {
		t.Fatal(err)
	}
	return d, c
}

// withLengths fills what staff type in the preview: a length for every new coupon
// nothing prefilled.
func withLengths(items []salonboard.ImportItem) []salonboard.ImportItem {
	for i := range items {
		if items[i].Kind == salonboard.ItemCoupon && items[i].DurationMin == 0 && len(items[i].MenuIDs) == 0 {
			items[i].DurationMin = 60
		}
	}
	return items
}

func find(p salonboard.ImportPreview, kind, name string) (salonboard.ImportItem, bool) {
	for _, it := range p.Items {
		if it.Kind == kind && it.Name == name {
			return it, true
		}
	}
	return salonboard.ImportItem{}, false
}

// The import adds SALON BOARD's 8 staff (with their ids) and 120 coupons (with their exact
// names), after which a reservation of every coupon applies with no mismatch; a second
// import adds nothing.
func TestImportMastersFromSalonBoardThenEveryCouponApplies(t *testing.T) {
	f := newFixture(t)
	d, c := importDouble(t, f)
	p, err := f.sb.PreviewMastersImport(f.ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	// Two menus: カット is here already; ヘッドスパ 30分 is new.
	if n := p.Count(salonboard.ImportNew); n != 8+120+1+1 {
		t.Fatalf("%d new items", n)
	}
	if it, _ := find(p, salonboard.ItemMenu, "カット"); it.Status != salonboard.ImportRegistered {
		t.Fatalf("カット: %+v", it)
	}
	// Prefilled: ¥x⇒¥y takes y; a salon coupon named like a menu here takes its length.
	coupons := sbdouble.SyntheticCoupons(120)
	if it, _ := find(p, salonboard.ItemCoupon, coupons[2].Name); !strings.Contains(it.Name, "⇒") ||
		it.Price != 7700 || it.DurationMin != 0 {
		t.Fatalf("price tail: %+v", it)
	}
	if it, _ := find(p, salonboard.ItemCoupon, "【平日限定】前髪カット"); it.Status != salonboard.ImportNew ||
		it.DurationMin != 15 || it.Price != 1000 || len(it.MenuIDs) != 1 || it.MenuIDs[0] != f.ids.Menus["前髪カット"] {
		t.Fatalf("salon coupon named like a menu here: %+v", it)
	}
	res, err := f.sb.ImportMasters(f.ctx, withLengths(p.Items))
	if err != nil {
		t.Fatal(err)
	}
	if res.Staff != 8 || res.Coupons != 121 || res.Menus != 1 || res.Mapped != 0 {
		t.Fatalf("imported %+v", res)
	}
	m, _ := f.app.Masters(f.ctx, false)
	if len(m.Staff) != 10 || m.Staff[2].SBID != "W000000101" || m.Staff[2].SBName != d.Staff()[0].Name {
		t.Fatalf("staff %+v", m.Staff)
	}
	if last := m.Staff[9]; last.SBName != d.Staff()[7].Name || strings.Contains(last.Name, "店長") {
		t.Fatalf("titled staff %+v", last)
	}
	// A reservation of each coupon, each with a designated staff member, applies.
	staff := d.Staff()
	for i, cp := range coupons {
		in := salonboard.Incoming{Number: fmt.Sprintf("BE%08d", 20000000+i), Kind: salonboard.IncomingNew,
			Start: datatest.At("2026-11-21", "10:00").Add(time.Duration(i/8)*24*time.Hour + time.Duration(i%8)*time.Hour), Duration: time.Hour,
			NameKana: "ヤマダ ハナコ", Staff: staff[i%8].Name, Designated: true, Coupon: cp.Name}
		r, err := f.sb.ApplyIncoming(f.ctx, in)
		if err != nil || r.Outcome != salonboard.OutcomeApplied {
			t.Fatalf("%s: %+v %v", cp.Name, r, err)
		}
	}
	// A second import finds everything registered and adds nothing.
	again, err := f.sb.PreviewMastersImport(f.ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	if n := again.Count(salonboard.ImportRegistered); n != len(again.Items) {
		t.Fatalf("%d of %d registered", n, len(again.Items))
	}
	res, err = f.sb.ImportMasters(f.ctx, withLengths(p.Items)) // even the old preview adds nothing
	if err != nil || res != (salonboard.ImportResult{}) {
		t.Fatalf("second import %+v %v", res, err)
	}
}

// A coupon renamed in SALON BOARD in another width and spacing shows as 表記ゆれ next to the
// coupon here, and one call maps it.
func TestRenamedCouponShowsAsVariantAndMapsByOneCall(t *testing.T) {
	f := newFixture(t)
	d, c := importDouble(t, f)
	p, err := f.sb.PreviewMastersImport(f.ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.sb.ImportMasters(f.ctx, withLengths(p.Items)); err != nil {
		t.Fatal(err)
	}
	old := d.NetCoupons()[4].Name
	renamed := strings.Replace(strings.Replace(old, "No.", "Ｎｏ．", 1), "¥", "￥", 1)
	if err := d.RenameNetCoupon(d.NetCoupons()[4].ID, renamed); err != nil {
		t.Fatal(err)
	}
	p, err = f.sb.PreviewMastersImport(f.ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	it, ok := find(p, salonboard.ItemCoupon, renamed)
	if !ok || it.Status != salonboard.ImportVariant || it.LocalName != old {
		t.Fatalf("renamed: %+v", it)
	}
	if p.Count(salonboard.ImportVariant) != 1 || p.Count(salonboard.ImportNew) != 0 {
		t.Fatalf("%d variants, %d new", p.Count(salonboard.ImportVariant), p.Count(salonboard.ImportNew))
	}
	if err := f.sb.MapVariant(f.ctx, it); err != nil {
		t.Fatal(err)
	}
	p, _ = f.sb.PreviewMastersImport(f.ctx, c)
	if it, _ := find(p, salonboard.ItemCoupon, renamed); it.Status != salonboard.ImportRegistered {
		t.Fatalf("after mapping: %+v", it)
	}
	names, _ := f.sb.SalonBoardNames(f.ctx, "coupon", it.LocalID)
	if len(names) != 1 || names[0] != salonboard.NormalizeName(renamed) {
		t.Fatalf("alias %v", names)
	}
}

// A new coupon without a length, or a negative price, is refused with a message and
// nothing is written.
func TestImportRefusesMissingLengthAndWritesNothing(t *testing.T) {
	f := newFixture(t)
	_, c := importDouble(t, f)
	p, err := f.sb.PreviewMastersImport(f.ctx, c)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.sb.ImportMasters(f.ctx, p.Items); err == nil || !strings.Contains(err.Error(), "sbimport.error.duration_required") {
		t.Fatalf("no length: %v", err)
	}
	items := withLengths(p.Items)
	items[9].Price = -1
	if _, err := f.sb.ImportMasters(f.ctx, items); err == nil {
		t.Fatal("negative price accepted")
	}
	if n := f.count(t, "coupons"); n != 2 {
		t.Fatalf("%d coupons after refusals", n)
	}
}

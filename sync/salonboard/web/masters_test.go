package web_test

import (
	"context"
	"testing"

	"salondesk/sync/salonboard/sbdouble"
)

// The registration form of a salon with 8 staff and 120 HPB coupons gives them
// all back, with SALON BOARD's ids and exact names, after opening the form from
// the schedule as a person does.
func TestReadMastersFromTheRegistrationForm(t *testing.T) {
	d, base := newDouble(t, sbdouble.Config{})
	d.SetStaff(sbdouble.SyntheticStaff(8))
	coupons := sbdouble.SyntheticCoupons(120)
	d.SetCatalogue([]sbdouble.MenuItem{{Name: "まつげエクステ 120本"}, {Name: "ジェルネイル ワンカラー"}},
		coupons, []sbdouble.MenuItem{{Name: "ハンドジェル定額コース", Category: "02"}})
	c := newClient(t, base)
	m, err := c.ReadMasters(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Staff) != 8 || m.Staff[0].ID != "W000000101" || m.Staff[0].Name != sbdouble.SyntheticStaff(8)[0].Name {
		t.Fatalf("staff %+v", m.Staff)
	}
	if len(m.NetCoupons) != 120 {
		t.Fatalf("%d coupons", len(m.NetCoupons))
	}
	for i, c := range m.NetCoupons {
		if c.Value != coupons[i].ID || c.Label != coupons[i].Name {
			t.Fatalf("coupon %d: %+v, want %+v", i, c, coupons[i])
		}
	}
	if len(m.Menus) != 2 || m.Menus[1].Label != "ジェルネイル ワンカラー" || len(m.ExtCoupons) != 1 ||
		m.ExtCoupons[0].Category != "02" {
		t.Fatalf("menus %+v ext %+v", m.Menus, m.ExtCoupons)
	}
	if n := d.Count("/KLP/reserve/ext/extReserveRegist/"); n != 1 {
		t.Fatalf("form opened %d times", n)
	}
}

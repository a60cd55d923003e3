package sbdouble

import (
	"fmt"
	"strings"
)

// Setting up what the write forms offer: a salon configured with many staff
// and coupons (the masters import reads them from the registration form), and
// a coupon renamed in SALON BOARD after the salon copied its name.

// SetCatalogue replaces the menus, HPB coupons and salon coupons the write
// forms offer. Missing ids are numbered (MN…, CP…, EC…), missing categories
// and serial numbers default to 01 and 1.
func (d *Double) SetCatalogue(menus []MenuItem, net []NetCoupon, ext []MenuItem) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.st.cat = catalogue{menus: numberItems("MN", menus), extCoupons: numberItems("EC", ext)}
	for i, c := range net {
		if c.ID == "" {
			c.ID = fmt.Sprintf("CP%08d", i+1)
		}
		d.st.cat.netCoupons = append(d.st.cat.netCoupons, c)
	}
	d.st.touch(d.now())
}

func numberItems(prefix string, items []MenuItem) []MenuItem {
	out := make([]MenuItem, len(items))
	for i, it := range items {
		if it.ID == "" {
			it.ID = fmt.Sprintf("%s%08d", prefix, i+1)
		}
		if it.Category == "" {
			it.Category = "01"
		}
		if it.Sno == "" {
			it.Sno = "1"
		}
		out[i] = it
	}
	return out
}

// RenameNetCoupon renames the HPB coupon id, as a salon does in SALON BOARD.
func (d *Double) RenameNetCoupon(id, name string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	for i := range d.st.cat.netCoupons {
		if d.st.cat.netCoupons[i].ID == id {
			d.st.cat.netCoupons[i].Name = name
			d.st.touch(d.now())
			return nil
		}
	}
	return fmt.Errorf("sbdouble: no coupon %s", id)
}

// SyntheticStaff is n made-up staff members (W000000101, …), capacity 1.
func SyntheticStaff(n int) []Staff {
	out := make([]Staff, n)
	for i := range out {
		f := familyNames[i%len(familyNames)]
		g := givenNames[(i/len(familyNames)+i)%len(givenNames)]
		out[i] = Staff{ID: fmt.Sprintf("W%09d", 101+i), Name: f[0] + " " + g[0], Capacity: 1}
	}
	return out
}

// SyntheticCoupons is n made-up HPB coupons in HOT PEPPER Beauty's style
// ([新規]…, a price tail, some with a ⇒ discount), all names different.
func SyntheticCoupons(n int) []NetCoupon {
	targets := []string{"[新規]", "[全員]", "[再来]", "【平日限定】"}
	out := make([]NetCoupon, n)
	for i := range out {
		m := syntheticMenus[i%len(syntheticMenus)]
		base := strings.ReplaceAll(m.menu, " ", "")
		price := m.price + 110*(i/len(syntheticMenus))
		name := fmt.Sprintf("%s%s No.%d ¥%s", targets[i%len(targets)], base, i+1, strings.TrimSuffix(yen(price), "円"))
		if i%3 == 2 {
			name = fmt.Sprintf("%s%s No.%d ¥%d⇒¥%d", targets[i%len(targets)], base, i+1, price*2, price)
		}
		out[i] = NetCoupon{ID: fmt.Sprintf("CP%08d", i+1), Name: name}
	}
	return out
}

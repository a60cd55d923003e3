package sbdouble

import (
	"net/url"
	"strings"
)

// The menus and coupons a write form offers, and reading the lists a form
// posts (menuCategoryCdList, menuIdList, menuSnoList, netCouponId,
// extCouponCategoryCdList, extCouponIdList, extCouponSnoList). The spec
// gives only the field names; how the real page offers the choices was
// never captured. This double offers them as multiple selects whose options
// carry the category code and serial number the parallel lists need
// (data-category-cd, data-sno), and the single select netCouponId.

// MenuItem is a salon menu or one of its own (ext) coupons.
type MenuItem struct {
	ID       string // MN… or EC…
	Category string // menu category code, e.g. 01
	Sno      string
	Name     string
}

// NetCoupon is a HOT PEPPER Beauty coupon.
type NetCoupon struct {
	ID   string // CP…
	Name string
}

// catalogue is the synthetic salon's menus and coupons: the menus and HPB
// coupons of Synthetic, and two coupons of the salon's own.
type catalogue struct {
	menus      []MenuItem
	netCoupons []NetCoupon
	extCoupons []MenuItem
}

func newCatalogue() catalogue {
	var c catalogue
	for i, m := range syntheticMenus {
		code := categoryCode(m.category)
		c.menus = append(c.menus, MenuItem{ID: "MN0000000" + string(rune('1'+i)), Category: code, Sno: "1", Name: m.menu})
		c.netCoupons = append(c.netCoupons, NetCoupon{ID: "CP0000000" + string(rune('1'+i)), Name: m.coupon})
	}
	c.extCoupons = []MenuItem{
		{ID: "EC00000001", Category: "01", Sno: "1", Name: "【平日限定】まつげパーマ＋トリートメント"},
		{ID: "EC00000002", Category: "02", Sno: "1", Name: "ハンドジェル定額コース"},
	}
	return c
}

func categoryCode(label string) string {
	for _, c := range menuCategories {
		if c[1] == label {
			return c[0]
		}
	}
	return ""
}

func categoryLabel(code string) string {
	for _, c := range menuCategories {
		if c[0] == code {
			return c[1]
		}
	}
	return ""
}

// msgMenu is shown when the posted lists do not fit the offered choices.
const msgMenu = "メニュー・クーポンの選択内容が正しくありません。"

// readMenus reads the posted menu and coupon lists into r (Menu, Coupon,
// MenuCategories). Lists that are not parallel, or ids not offered, are a
// form error. Caller holds d.mu.
func (d *Double) readMenus(f url.Values, r *Reservation) []string {
	menus, ok1 := pickItems(d.st.cat.menus, f["menuIdList"], f["menuCategoryCdList"], f["menuSnoList"])
	ext, ok2 := pickItems(d.st.cat.extCoupons, f["extCouponIdList"], f["extCouponCategoryCdList"], f["extCouponSnoList"])
	net, ok3 := NetCoupon{}, true
	if id := strings.TrimSpace(f.Get("netCouponId")); id != "" {
		ok3 = false
		for _, c := range d.st.cat.netCoupons {
			if c.ID == id {
				net, ok3 = c, true
			}
		}
	}
	if !ok1 || !ok2 || !ok3 {
		return []string{msgMenu}
	}
	if len(menus) == 0 && len(ext) == 0 && net.ID == "" {
		return nil // nothing chosen: the reservation keeps what it had (a registration has none)
	}
	r.Menu, r.MenuCategories, r.Coupon = nil, nil, ""
	for _, m := range menus {
		r.Menu = append(r.Menu, m.Name)
		r.MenuCategories = appendNew(r.MenuCategories, categoryLabel(m.Category))
	}
	var coupons []string
	if net.ID != "" {
		coupons = append(coupons, net.Name)
	}
	for _, c := range ext {
		coupons = append(coupons, c.Name)
		r.MenuCategories = appendNew(r.MenuCategories, categoryLabel(c.Category))
	}
	r.Coupon = strings.Join(coupons, " / ")
	return nil
}

// pickItems checks three parallel lists against the offered items.
func pickItems(items []MenuItem, ids, cats, snos []string) ([]MenuItem, bool) {
	if len(cats) != len(ids) || len(snos) != len(ids) {
		return nil, false
	}
	var out []MenuItem
	for i, id := range ids {
		found := false
		for _, it := range items {
			if it.ID == id && it.Category == cats[i] && it.Sno == snos[i] {
				out, found = append(out, it), true
			}
		}
		if !found {
			return nil, false
		}
	}
	return out, true
}

func appendNew(list []string, s string) []string {
	if s == "" || contains(list, s) {
		return list
	}
	return append(list, s)
}

// menuChoices are the options of the form's menu and coupon selects, with
// what res holds selected. Caller holds d.mu.
type menuChoices struct {
	Menus, ExtCoupons []itemOption
	NetCoupons        []option
}

type itemOption struct {
	Value, Category, Sno, Label string
	Checked                     bool
}

func (d *Double) menuChoices(res Reservation) menuChoices {
	var v menuChoices
	coupons := strings.Split(res.Coupon, " / ")
	for _, m := range d.st.cat.menus {
		v.Menus = append(v.Menus, itemOption{Value: m.ID, Category: m.Category, Sno: m.Sno, Label: m.Name, Checked: contains(res.Menu, m.Name)})
	}
	for _, c := range d.st.cat.extCoupons {
		v.ExtCoupons = append(v.ExtCoupons, itemOption{Value: c.ID, Category: c.Category, Sno: c.Sno, Label: c.Name, Checked: contains(coupons, c.Name)})
	}
	for _, c := range d.st.cat.netCoupons {
		v.NetCoupons = append(v.NetCoupons, option{Value: c.ID, Label: c.Name, Checked: contains(coupons, c.Name)})
	}
	return v
}

// Menus returns the menus the write forms offer.
func (d *Double) Menus() []MenuItem {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]MenuItem(nil), d.st.cat.menus...)
}

// NetCoupons returns the HPB coupons the write forms offer.
func (d *Double) NetCoupons() []NetCoupon {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]NetCoupon(nil), d.st.cat.netCoupons...)
}

// ExtCoupons returns the salon's own coupons the write forms offer.
func (d *Double) ExtCoupons() []MenuItem {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]MenuItem(nil), d.st.cat.extCoupons...)
}

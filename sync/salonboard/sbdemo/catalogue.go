package sbdemo

import "salondesk/sync/salonboard/sbdouble"

// setUpCatalogue makes the registration form offer what the salon publishes on HOT
// PEPPER Beauty: its coupons, including the ones it forgot to set up locally (they are
// published, so SALON BOARD offers them), and its menus. The double's own menus and salon
// coupons stay when the configuration names no menus.
func (d *Demo) setUpCatalogue(cfg Config) {
	var menus []sbdouble.MenuItem
	for _, m := range cfg.Menus {
		menus = append(menus, sbdouble.MenuItem{Name: m.Name})
	}
	if len(menus) == 0 {
		menus = d.double.Menus()
	}
	var net []sbdouble.NetCoupon
	for _, c := range cfg.Coupons {
		net = append(net, sbdouble.NetCoupon{Name: c.Name})
	}
	for _, name := range cfg.UnknownCoupons {
		net = append(net, sbdouble.NetCoupon{Name: name})
	}
	d.double.SetCatalogue(menus, net, d.double.ExtCoupons())
}

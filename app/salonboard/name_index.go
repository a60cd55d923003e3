package salonboard

import (
	"salondesk/app"
	"salondesk/data"
)

// nameIndex answers findCoupon's and findMenu's question for many names in one
// transaction: the masters' lookup keys are worked out once, not once per name (a salon
// with 120 coupons would otherwise normalise 480 names for each name looked up).
type nameIndex struct {
	t       *app.Tx
	active  map[int64]data.Coupon
	coupons map[string]data.Coupon // a couponKeys key → the first active coupon with it
	exact   map[string]bool        // active menus' normalised names
	loose   map[string]bool        // … without their price
}

func newNameIndex(t *app.Tx) (*nameIndex, error) {
	x := &nameIndex{t: t, active: map[int64]data.Coupon{}, coupons: map[string]data.Coupon{},
		exact: map[string]bool{}, loose: map[string]bool{}}
	coupons, err := activeCoupons(t)
	if err != nil {
		return nil, err
	}
	for _, c := range coupons {
		x.active[c.ID] = c
		for _, k := range couponKeys(c.Name) {
			if _, ok := x.coupons[k]; !ok {
				x.coupons[k] = c
			}
		}
	}
	menus, err := t.Menus()
	if err != nil {
		return nil, err
	}
	for _, m := range menus {
		if m.Active {
			n := NormalizeName(m.Name)
			x.exact[n], x.loose[withoutPrice(n)] = true, true
		}
	}
	return x, nil
}

// coupon is findCoupon: an alias of any of the name's keys first, then the keys in order.
func (x *nameIndex) coupon(name string) (data.Coupon, bool, error) {
	keys := couponKeys(name)
	for _, k := range keys {
		a, ok, err := x.t.Alias("coupon", k)
		if err != nil {
			return data.Coupon{}, false, err
		}
		if c, found := x.active[a.CouponID]; ok && found {
			return c, true, nil
		}
	}
	for _, k := range keys {
		if c, ok := x.coupons[k]; ok {
			return c, true, nil
		}
	}
	return data.Coupon{}, false, nil
}

// hasMenu is whether findMenu finds the name.
func (x *nameIndex) hasMenu(name string) (bool, error) {
	n := NormalizeName(name)
	if a, ok, err := x.t.Alias("menu", n); err != nil || (ok && a.MenuID != 0) {
		return err == nil, err
	}
	return x.exact[n] || x.loose[withoutPrice(n)], nil
}

// matches is whether an incoming name of kind would find a coupon or menu here.
func (x *nameIndex) matches(kind, name string) (bool, error) {
	if kind == "coupon" {
		_, ok, err := x.coupon(name)
		return ok, err
	}
	return x.hasMenu(name)
}

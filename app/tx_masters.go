package app

import (
	"time"

	"salondesk/data"
)

// Master data as one transaction sees it: each list is read once, on first use, and kept
// for the rest of the transaction (applying one mail asks for staff, menus and coupons
// several times).

// Salon is the salon-wide settings read inside the transaction.
func (t *Tx) Salon() (Salon, error) {
	if t.salon == nil {
		s, err := readSalon(func(key, def string) (string, error) { return t.Setting(key, def) })
		if err != nil {
			return s, err
		}
		t.salon = &s
	}
	return *t.salon, nil
}

// Hours is the opening hours of the seven weekdays.
func (t *Tx) Hours() ([]data.Hours, error) {
	if t.hours == nil {
		h, err := data.ListHours(t.ctx, t.q)
		if err != nil {
			return nil, err
		}
		t.hours = h
	}
	return t.hours, nil
}

// Staff is every staff member, retired ones included (Active says which).
func (t *Tx) Staff() ([]data.Staff, error) {
	if t.staff == nil {
		s, err := data.ListStaff(t.ctx, t.q, true)
		if err != nil {
			return nil, err
		}
		t.staff = nonNil(s)
	}
	return t.staff, nil
}

// Equipment is every machine, retired ones included.
func (t *Tx) Equipment() ([]data.Equipment, error) {
	if t.equip == nil {
		e, err := data.ListEquipment(t.ctx, t.q, true)
		if err != nil {
			return nil, err
		}
		t.equip = nonNil(e)
	}
	return t.equip, nil
}

// Menus is every menu, retired ones included.
func (t *Tx) Menus() ([]data.Menu, error) {
	if t.menus == nil {
		m, err := data.ListMenus(t.ctx, t.q, true)
		if err != nil {
			return nil, err
		}
		t.menus = nonNil(m)
	}
	return t.menus, nil
}

// Coupons is every coupon, retired ones included.
func (t *Tx) Coupons() ([]data.Coupon, error) {
	if t.coupons == nil {
		c, err := data.ListCoupons(t.ctx, t.q, true)
		if err != nil {
			return nil, err
		}
		t.coupons = nonNil(c)
	}
	return t.coupons, nil
}

// Alias is the mapping staff recorded for a normalised name of kind "coupon" or "menu".
func (t *Tx) Alias(kind, nameNorm string) (data.Alias, bool, error) {
	if t.aliases == nil {
		list, err := data.ListAliases(t.ctx, t.q)
		if err != nil {
			return data.Alias{}, false, err
		}
		t.aliases = make(map[string]data.Alias, len(list))
		for _, a := range list {
			t.aliases[a.Kind+"\x00"+a.NameNorm] = a
		}
	}
	a, ok := t.aliases[kind+"\x00"+nameNorm]
	return a, ok, nil
}

// SaveAlias records a mapping of a received name (and keeps the cache in step).
func (t *Tx) SaveAlias(a *data.Alias) error {
	if err := data.SaveAlias(t.ctx, t.q, a, t.Now()); err != nil {
		return err
	}
	if t.aliases != nil {
		t.aliases[a.Kind+"\x00"+a.NameNorm] = *a
	}
	t.Publish(MastersChanged{})
	return nil
}

// Duration is a reservation's length from its menus, else its coupon's; an unknown menu
// or coupon is a UserError.
func (t *Tx) Duration(menuIDs []int64, couponID int64) (time.Duration, error) {
	menus, coupon, err := t.menusAndCoupon(couponID)
	if err != nil {
		return 0, err
	}
	return durationOf(menus, menuIDs, coupon)
}

// CouponByID is a coupon by id, nil when couponID is 0.
func (t *Tx) CouponByID(couponID int64) (*data.Coupon, error) {
	_, c, err := t.menusAndCoupon(couponID)
	return c, err
}

// menusAndCoupon is the menus by id and the coupon chosen (retired ones included: a
// reservation made before a menu was retired keeps its length).
func (t *Tx) menusAndCoupon(couponID int64) (map[int64]data.Menu, *data.Coupon, error) {
	list, err := t.Menus()
	if err != nil {
		return nil, nil, err
	}
	menus := make(map[int64]data.Menu, len(list))
	for _, m := range list {
		menus[m.ID] = m
	}
	if couponID == 0 {
		return menus, nil, nil
	}
	coupons, err := t.Coupons()
	if err != nil {
		return nil, nil, err
	}
	for i := range coupons {
		if coupons[i].ID == couponID {
			c := coupons[i]
			return menus, &c, nil
		}
	}
	return nil, nil, userErr("error.coupon_unknown")
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

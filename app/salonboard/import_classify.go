package salonboard

import (
	"regexp"
	"strconv"
	"strings"

	"salondesk/app"
	"salondesk/data"
	"salondesk/sync/salonboard/web"
)

// How an import item compares with the salon's masters: 登録済み when the same name (or its
// SALON BOARD id, or an alias staff set) is here, 表記ゆれ when a name here differs only in
// spacing or width (NormalizeName equal), 新規 otherwise.

// candidates are the form's staff, coupons and menus, then the names reservations used
// lately that the form does not offer.
func candidates(t *app.Tx, m web.Masters) ([]ImportItem, error) {
	var items []ImportItem
	offered := map[string]bool{}
	add := func(it ImportItem) {
		key := it.Kind + "\x00" + withoutPrice(NormalizeName(it.Name))
		if it.Kind == ItemStaff || !offered[key] {
			offered[key] = true
			items = append(items, it)
		}
	}
	for _, s := range m.Staff {
		add(ImportItem{Kind: ItemStaff, SBID: s.ID, Name: s.Name})
	}
	for _, c := range m.NetCoupons {
		add(ImportItem{Kind: ItemCoupon, SBID: c.Value, Name: c.Label})
	}
	for _, c := range m.ExtCoupons {
		add(ImportItem{Kind: ItemCoupon, SBID: c.Value, Name: c.Label})
	}
	for _, mn := range m.Menus {
		add(ImportItem{Kind: ItemMenu, SBID: mn.Value, Name: mn.Label})
	}
	now := t.Now()
	uses, err := data.NameUses(t.Ctx(), t.Q(), now.Add(-UnmatchedWindow), now, data.StatusProvisional,
		data.ReasonMismatch)
	if err != nil {
		return nil, err
	}
	for _, u := range uses {
		add(ImportItem{Kind: u.Kind, Name: u.Name, Seen: true})
	}
	return items, nil
}

// judge sets it's Status, LocalID and LocalName; x is the transaction's index of names.
func judge(t *app.Tx, x *nameIndex, it *ImportItem) error {
	it.Status, it.LocalID, it.LocalName = ImportNew, 0, ""
	switch it.Kind {
	case ItemStaff:
		return judgeStaff(t, it)
	case ItemCoupon:
		return judgeCoupon(t, x, it)
	case ItemMenu:
		return judgeMenu(t, it)
	}
	return nil
}

func (it *ImportItem) found(s ImportStatus, id int64, name string) {
	it.Status, it.LocalID, it.LocalName = s, id, name
}

func judgeStaff(t *app.Tx, it *ImportItem) error {
	staff, err := t.Staff()
	if err != nil {
		return err
	}
	n := NormalizeName(it.Name)
	for _, s := range staff {
		if s.Active && it.SBID != "" && s.SBID == it.SBID {
			it.found(ImportRegistered, s.ID, s.Name)
			return nil
		}
	}
	for _, s := range staff {
		if !s.Active {
			continue
		}
		if (s.SBName == it.Name || s.Name == it.Name) && (it.SBID == "" || s.SBID == it.SBID) {
			it.found(ImportRegistered, s.ID, s.Name)
			return nil
		}
		if (s.SBName != "" && NormalizeName(s.SBName) == n) || NormalizeName(s.Name) == n {
			it.found(ImportVariant, s.ID, s.Name)
			return nil
		}
	}
	return nil
}

func judgeCoupon(t *app.Tx, x *nameIndex, it *ImportItem) error {
	coupons, err := activeCoupons(t)
	if err != nil {
		return err
	}
	for _, c := range coupons {
		if c.Name == it.Name {
			it.found(ImportRegistered, c.ID, c.Name)
			return nil
		}
	}
	for _, k := range couponKeys(it.Name) {
		a, ok, err := t.Alias("coupon", k)
		if err != nil {
			return err
		}
		for _, c := range coupons {
			if ok && c.ID == a.CouponID {
				it.found(ImportRegistered, c.ID, c.Name)
				return nil
			}
		}
	}
	n := NormalizeName(it.Name)
	for _, c := range coupons {
		if NormalizeName(c.Name) == n {
			it.found(ImportVariant, c.ID, c.Name)
			return nil
		}
	}
	// The same coupon at another price, or without its [新規] mark: mails already apply.
	c, ok, err := x.coupon(it.Name)
	if ok {
		it.found(ImportRegistered, c.ID, c.Name)
	}
	return err
}

func judgeMenu(t *app.Tx, it *ImportItem) error {
	menus, err := t.Menus()
	if err != nil {
		return err
	}
	for _, m := range menus {
		if m.Active && m.Name == it.Name {
			it.found(ImportRegistered, m.ID, m.Name)
			return nil
		}
	}
	n := NormalizeName(it.Name)
	if a, ok, err := t.Alias("menu", n); err != nil {
		return err
	} else if ok && a.MenuID != 0 {
		for _, m := range menus {
			if m.ID == a.MenuID {
				it.found(ImportRegistered, m.ID, m.Name)
				return nil
			}
		}
	}
	for _, m := range menus {
		if m.Active && NormalizeName(m.Name) == n {
			it.found(ImportVariant, m.ID, m.Name)
			return nil
		}
	}
	for _, m := range menus {
		if m.Active && withoutPrice(NormalizeName(m.Name)) == withoutPrice(n) {
			it.found(ImportRegistered, m.ID, m.Name)
			return nil
		}
	}
	return nil
}

// yenAmount is a price in a normalised name: ¥9,900 or 9900円.
var yenAmount = regexp.MustCompile(`¥([0-9][0-9,]*)|([0-9][0-9,]*)円`)

// priceInName is the last price a name shows (the price after a ⇒ discount), 0 for none.
func priceInName(name string) int {
	all := yenAmount.FindAllStringSubmatch(NormalizeName(name), -1)
	if len(all) == 0 {
		return 0
	}
	last := all[len(all)-1]
	n, _ := strconv.Atoi(strings.ReplaceAll(last[1]+last[2], ",", ""))
	return n
}

// prefill suggests what SALON BOARD does not show for a new coupon or menu: the price
// from the name's price tail, the length (and a missing price) from a menu here whose
// name is the coupon's without its mark and price, and a menu's category.
func prefill(t *app.Tx, it *ImportItem) error {
	if it.Status != ImportNew || it.Kind == ItemStaff {
		return nil
	}
	it.Price = priceInName(it.Name)
	menus, err := t.Menus()
	if err != nil {
		return err
	}
	bare := withoutPrice(targetPrefix.ReplaceAllString(NormalizeName(it.Name), ""))
	for _, m := range menus {
		if !m.Active || withoutPrice(NormalizeName(m.Name)) != bare {
			continue
		}
		it.DurationMin = m.DurationMin
		if it.Price == 0 {
			it.Price = m.Price
		}
		if it.Kind == ItemCoupon {
			it.MenuIDs = []int64{m.ID}
		}
		break
	}
	if it.Kind == ItemMenu && it.CategoryID == 0 {
		cats, err := data.ListCategories(t.Ctx(), t.Q())
		if err != nil {
			return err
		}
		if len(cats) > 0 {
			it.CategoryID = cats[0].ID
		}
	}
	return nil
}

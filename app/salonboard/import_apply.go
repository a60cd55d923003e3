package salonboard

import (
	"regexp"
	"strings"

	"salondesk/app"
	"salondesk/data"
)

// Writing an import: new staff with their SALON BOARD id and name, coupons and menus with
// SALON BOARD's exact names, and 表記ゆれ mapped (a staff member's SALON BOARD id and name,
// an alias for a coupon or menu, the one 転記 records).

// importCategory names the menu category new menus go to when the salon has none.
const importCategory = "SALON BOARD"

func addItem(t *app.Tx, it ImportItem, order *int, res *ImportResult) error {
	ctx, q := t.Ctx(), t.Q()
	switch it.Kind {
	case ItemStaff:
		*order++
		s := data.Staff{Name: staffName(it.Name), SBName: it.Name, SBID: it.SBID, Capacity: 1, SortOrder: *order,
			Active: true}
		res.Staff++
		return data.SaveStaff(ctx, q, &s)
	case ItemCoupon:
		c := data.Coupon{Name: it.Name, Target: targetOf(it.Name), Price: it.Price, DurationMin: it.DurationMin,
			MenuIDs: it.MenuIDs, Active: true}
		res.Coupons++
		return data.SaveCoupon(ctx, q, &c)
	case ItemMenu:
		cat := it.CategoryID
		if cat == 0 {
			var err error
			if cat, err = importCategoryID(t); err != nil {
				return err
			}
		}
		m := data.Menu{Name: it.Name, CategoryID: cat, DurationMin: it.DurationMin, Price: it.Price, Active: true}
		res.Menus++
		return data.SaveMenu(ctx, q, &m)
	}
	return nil
}

// titleMark is a staff name's leading title in SALON BOARD, e.g. 【店長】.
var titleMark = regexp.MustCompile(`^\s*【[^】]*】\s*`)

// staffName is the name a staff member gets here: SALON BOARD's without its title mark
// (the exact one stays the SALON BOARD name that mails are matched by).
func staffName(sbName string) string {
	if n := strings.TrimSpace(titleMark.ReplaceAllString(sbName, "")); n != "" {
		return n
	}
	return strings.TrimSpace(sbName)
}

// targetOf is a coupon's 全員 / 新規 / 再来 from its name's mark.
func targetOf(name string) string {
	mark := targetPrefix.FindStringSubmatch(NormalizeName(name))
	if len(mark) > 1 && (mark[1] == "新規" || mark[1] == "再来") {
		return mark[1]
	}
	return "全員"
}

// importCategoryID is the category named importCategory, made when missing.
func importCategoryID(t *app.Tx) (int64, error) {
	cats, err := data.ListCategories(t.Ctx(), t.Q())
	if err != nil {
		return 0, err
	}
	for _, c := range cats {
		if c.Name == importCategory {
			return c.ID, nil
		}
	}
	c := data.Category{Name: importCategory, SortOrder: len(cats)}
	err = data.SaveCategory(t.Ctx(), t.Q(), &c)
	return c.ID, err
}

func mapVariant(t *app.Tx, it ImportItem) error {
	switch it.Kind {
	case ItemStaff:
		staff, err := t.Staff()
		if err != nil {
			return err
		}
		for _, s := range staff {
			if s.ID == it.LocalID {
				s.SBName = it.Name
				if it.SBID != "" {
					s.SBID = it.SBID
				}
				return data.SaveStaff(t.Ctx(), t.Q(), &s)
			}
		}
	case ItemCoupon:
		return t.SaveAlias(&data.Alias{Kind: "coupon", NameNorm: NormalizeName(it.Name), CouponID: it.LocalID})
	case ItemMenu:
		return t.SaveAlias(&data.Alias{Kind: "menu", NameNorm: NormalizeName(it.Name), MenuID: it.LocalID})
	}
	return nil
}

func nextStaffOrder(t *app.Tx) (int, error) {
	staff, err := t.Staff()
	n := 0
	for _, s := range staff {
		n = max(n, s.SortOrder)
	}
	return n, err
}

package salonboard

import (
	"context"
	"strings"
	"unicode/utf8"

	"salondesk/app"
	"salondesk/data"
)

// What a desk reservation booked reaches SALON BOARD by name (spec §2, "Changing and
// cancelling"): the web client chooses each local menu or coupon from the write form's own
// options when its name matches one after normalisation, or when an alias maps it to one,
// and writes what matches nothing at the head of 予約時メモ.
//
// The aliases are the name_aliases staff already keep for incoming names, read the other
// way: a row "SALON BOARD name X means local coupon C" (recorded when staff transcribed a
// reservation whose coupon matched nothing, or set with MapToSalonBoard) also says which
// SALON BOARD option C is. No table or kind of its own is needed.

// bookedNames are r's menus and coupon by their local names, and for those staff mapped to
// a SALON BOARD name, that name (local name → SALON BOARD name).
func bookedNames(t *app.Tx, r data.Reservation) (menus []string, coupon string, aliases map[string]string, err error) {
	all, err := t.Menus()
	if err != nil {
		return nil, "", nil, err
	}
	byID := make(map[int64]string, len(all))
	for _, m := range all {
		byID[m.ID] = m.Name
	}
	for _, id := range r.MenuIDs {
		if n := byID[id]; n != "" {
			menus = append(menus, n)
		}
	}
	coupon = r.CouponName
	if coupon == "" && r.CouponID != 0 {
		if c, err := t.CouponByID(r.CouponID); err == nil && c != nil {
			coupon = c.Name
		}
	}
	if len(menus) == 0 && coupon == "" {
		return nil, "", nil, nil
	}
	list, err := data.ListAliases(t.Ctx(), t.Q())
	if err != nil {
		return nil, "", nil, err
	}
	aliases = map[string]string{}
	for _, id := range r.MenuIDs {
		if sbName := preferredAlias(list, "menu", id); sbName != "" && byID[id] != "" {
			aliases[byID[id]] = sbName
		}
	}
	if sbName := preferredAlias(list, "coupon", r.CouponID); sbName != "" && coupon != "" {
		aliases[coupon] = sbName
	}
	return menus, coupon, aliases, nil
}

// preferredAlias is the SALON BOARD name mapped to local menu or coupon id: of several,
// the longest (a transcription records a coupon's name with and without its [新規]-style
// mark; the marked one names the option more exactly), then the one set last.
func preferredAlias(list []data.Alias, kind string, id int64) string {
	var best data.Alias
	for _, a := range list {
		if a.Kind != kind || id == 0 || aliasTarget(a, kind) != id {
			continue
		}
		if len(a.NameNorm) > len(best.NameNorm) || (len(a.NameNorm) == len(best.NameNorm) && a.ID > best.ID) {
			best = a
		}
	}
	return best.NameNorm
}

// MaxSalonBoardName is the longest SALON BOARD name staff may map, in characters. The
// spec gives no limit for the site's menu and coupon names; this is well above any name
// HOT PEPPER Beauty publishes and keeps a mistaken paste (a whole coupon text) out.
const MaxSalonBoardName = 100

// MapToSalonBoard records, as staff set it once, that local menu (kind "menu") or coupon
// (kind "coupon") id is SALON BOARD's option sbName: desk reservations then choose that
// option, and a reservation arriving with that name applies to id. Bad input is a
// *app.UserError and writes nothing.
func (sb *Room) MapToSalonBoard(ctx context.Context, kind string, id int64, sbName string) error {
	n := NormalizeName(sbName)
	if strings.TrimSpace(sbName) == "" || n == "" {
		return &app.UserError{Key: "sync.alias.name_required"}
	}
	if utf8.RuneCountInString(strings.TrimSpace(sbName)) > MaxSalonBoardName {
		return &app.UserError{Key: "sync.alias.name_too_long", Args: map[string]any{"Max": MaxSalonBoardName}}
	}
	return sb.a.Update(ctx, func(t *app.Tx) error {
		a := data.Alias{Kind: kind, NameNorm: n}
		switch kind {
		case "menu":
			menus, err := t.Menus()
			if err != nil {
				return err
			}
			for _, m := range menus {
				if m.ID == id {
					a.MenuID = id
				}
			}
		case "coupon":
			if c, err := t.CouponByID(id); err == nil && c != nil {
				a.CouponID = id
			}
		}
		if a.MenuID == 0 && a.CouponID == 0 {
			return &app.UserError{Key: "sync.alias.target_unknown"}
		}
		return t.SaveAlias(&a)
	})
}

// SalonBoardNames are the SALON BOARD names (as stored: normalised) mapped to local menu
// (kind "menu") or coupon (kind "coupon") id, the one a desk registration chooses first
// (see preferredAlias), then the rest by name.
func (sb *Room) SalonBoardNames(ctx context.Context, kind string, id int64) ([]string, error) {
	var names []string
	err := sb.a.View(ctx, func(t *app.Tx) error {
		list, err := data.ListAliases(t.Ctx(), t.Q())
		if err != nil {
			return err
		}
		first := preferredAlias(list, kind, id)
		if first == "" {
			return nil
		}
		names = append(names, first)
		for _, a := range list { // ListAliases orders by name
			if a.Kind == kind && aliasTarget(a, kind) == id && a.NameNorm != first {
				names = append(names, a.NameNorm)
			}
		}
		return nil
	})
	return names, err
}

// UnmapSalonBoard removes the mapping of SALON BOARD name sbName to local menu or coupon
// id: desk registrations no longer choose that option for it (its name goes to 予約時メモ
// unless it matches by name), and a reservation arriving with that name is no longer
// applied to id. A name mapped to something else, or to nothing, is left alone.
func (sb *Room) UnmapSalonBoard(ctx context.Context, kind string, id int64, sbName string) error {
	n := NormalizeName(sbName)
	return sb.a.Update(ctx, func(t *app.Tx) error {
		a, ok, err := t.Alias(kind, n)
		if err != nil || !ok || aliasTarget(a, kind) != id {
			return err
		}
		if err := data.DeleteAlias(t.Ctx(), t.Q(), kind, n); err != nil {
			return err
		}
		t.Publish(app.MastersChanged{})
		return nil
	})
}

// aliasTarget is the local menu or coupon an alias of kind maps to.
func aliasTarget(a data.Alias, kind string) int64 {
	if kind == "coupon" {
		return a.CouponID
	}
	return a.MenuID
}

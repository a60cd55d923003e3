package salonboard

import (
	"strings"
	"time"

	"salondesk/data"
	"salondesk/sync/salonboard/web"
)

// The reservation list has every number but no end time; the schedule page has the
// time slot and 指名 but no number (spec §2, Schedule). A list row and a schedule block
// are the same reservation when they share the staff row, the start and the customer's
// name. What that cannot tell apart — two rows or two blocks with the same three, or a
// row without a block — is left to the detail page.

// slot is what the schedule says of one reservation.
type slot struct {
	Start, End time.Time
	Designated bool
}

// pairKey is a row's or block's staff row, start and name, in the form they compare in.
type pairKey struct {
	staff string // "" for a row with no staff (its block sits on an equipment row)
	start time.Time
	name  string
}

func keyOf(staff string, start time.Time, name string) pairKey {
	staff = strings.TrimSpace(staff)
	if staff == "-" {
		staff = ""
	}
	return pairKey{staff: NormalizeName(staff), start: start, name: NormalizeName(name)}
}

// pairDay returns the slot of each row (by reservation number) that exactly one block
// matches and no other row shares; the others are absent from the map.
func pairDay(rows []web.ListRow, s web.Schedule) map[string]slot {
	blocks := map[pairKey][]slot{}
	add := func(staff string, b web.Block) {
		k := keyOf(staff, b.Start, b.Name)
		blocks[k] = append(blocks[k], slot{Start: b.Start, End: b.End, Designated: b.Designated})
	}
	for _, st := range s.Staff {
		for _, b := range st.Blocks {
			add(st.Name, b)
		}
	}
	for _, eq := range s.Equipment {
		for _, b := range eq.Blocks {
			add("", b)
		}
	}
	rowsByKey := map[pairKey]int{}
	for _, r := range rows {
		rowsByKey[keyOf(r.Staff, r.Start, r.Customer)]++
	}
	out := map[string]slot{}
	for _, r := range rows {
		k := keyOf(r.Staff, r.Start, r.Customer)
		if b := blocks[k]; len(b) == 1 && rowsByKey[k] == 1 && b[0].End.After(b[0].Start) {
			out[r.ID] = b[0]
		}
	}
	return out
}

// incomingFromRow is a list row and its schedule slot in the app's words: what a mail
// would have said, without the kana (neither page shows it) and the request text.
func incomingFromRow(r web.ListRow, s slot, kind string) Incoming {
	in := Incoming{Number: r.ID, Kind: kind, Start: r.Start, Duration: s.End.Sub(s.Start), NameKanji: r.Customer,
		Designated: s.Designated, Slot: true}
	if st := strings.TrimSpace(r.Staff); st != "-" {
		in.Staff = st
	}
	in.Coupon, in.Menus = splitCoupon(r.Menu)
	if r.Kind == web.KindExt {
		in.Route = data.RouteSalonBoard
	}
	return in
}

// splitCoupon tells the list's メニュー・クーポン lines apart: an HPB coupon carries its
// [全員] / 【新規】 mark; the other lines are menus. "-" is an empty cell.
func splitCoupon(lines []string) (coupon string, menus []string) {
	for _, l := range lines {
		l = strings.TrimSpace(l)
		switch n := NormalizeName(l); {
		case l == "" || l == "-":
		case coupon == "" && targetPrefix.MatchString(n):
			coupon = l
		default:
			menus = append(menus, l)
		}
	}
	return coupon, menus
}

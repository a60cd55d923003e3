package sbdouble

import (
	"fmt"
	"time"
)

// The made-up customers and bookings of SeedBusy.

// More names than Synthetic's, so that a big salon has a few hundred
// distinct names, yet still some different customers sharing one.
var (
	busyFamily = append(append([][2]string(nil), familyNames...), [][2]string{
		{"山本", "ヤマモト"}, {"井上", "イノウエ"}, {"木村", "キムラ"}, {"林", "ハヤシ"},
		{"斎藤", "サイトウ"}, {"清水", "シミズ"}, {"山口", "ヤマグチ"}, {"森", "モリ"},
		{"池田", "イケダ"}, {"橋本", "ハシモト"}, {"阿部", "アベ"}, {"石川", "イシカワ"},
	}...)
	busyGiven = append(append([][2]string(nil), givenNames...), [][2]string{
		{"真由美", "マユミ"}, {"優子", "ユウコ"}, {"恵", "メグミ"}, {"明美", "アケミ"},
		{"千尋", "チヒロ"}, {"彩花", "アヤカ"}, {"ひかり", "ヒカリ"},
	}...)
)

// customer k's name and phone. Customers k and k+len(family)*len(given)
// share a name but not a phone: two people of one name.
func busyCustomer(k int) (family, given [2]string, phone string) {
	family = busyFamily[k%len(busyFamily)]
	given = busyGiven[(k/len(busyFamily))%len(busyGiven)]
	return family, given, fmt.Sprintf("080-0000-%04d", k%10000)
}

// busyRoute picks a route: most come through HOT PEPPER Beauty, a third by
// phone, a few walk in.
func (sd *seeder) busyRoute() string {
	switch n := sd.rnd.IntN(100); {
	case n < 58:
		return RouteHPB
	case n < 62:
		return RoutePonpare
	case n < 67:
		return RoutePhoneHPB
	case n < 95:
		return RoutePhoneOwn
	}
	return RouteWalkIn
}

// busyStatus: past ones are done or paid, about 5% are cancelled (mostly by
// the customer), a few wait for confirmation, the rest wait for the visit.
func (sd *seeder) busyStatus(start time.Time) int {
	n := sd.rnd.IntN(1000)
	switch {
	case n < 30:
		return StatusCustomerCancel
	case n < 40:
		return StatusSalonCancel
	case n < 45:
		return StatusNoShow
	case n < 48:
		return StatusAutoCancel
	case n < 50:
		return StatusRefused
	case start.Before(sd.now) && n%2 == 0:
		return StatusPaid
	case start.Before(sd.now):
		return StatusDone
	case n < 60:
		return StatusPending
	}
	return StatusWaiting
}

// add books one reservation with st at start, on a free bed for treatments
// that take one.
func (sd *seeder) add(st Staff, start time.Time, dur time.Duration, beds map[string][][2]time.Time) {
	k := sd.rnd.IntN(sd.customers)
	fam, giv, phone := busyCustomer(k)
	m := syntheticMenus[sd.rnd.IntN(len(syntheticMenus))]
	route := sd.busyRoute()
	r := &Reservation{
		ID: sd.d.st.nextID(route == RouteHPB || route == RoutePonpare), Start: start, End: start.Add(dur),
		Status: sd.busyStatus(start), RouteID: route,
		KanjiSei: fam[0], KanjiMei: giv[0], KanaSei: fam[1], KanaMei: giv[1], Phone: phone,
		StaffID: st.ID, Designated: sd.rnd.IntN(2) == 0,
		Menu: []string{m.menu}, MenuCategories: []string{m.category}, Coupon: m.coupon,
		Total: m.price, Points: 100 * sd.rnd.IntN(3), Prepaid: sd.rnd.IntN(20) == 0,
		NewCustomer: sd.first(k) && sd.rnd.IntN(3) == 0,
		Received:    sd.now.Add(-time.Duration(1+sd.rnd.IntN(30*24)) * time.Hour),
	}
	if route != RouteHPB && route != RoutePonpare {
		r.Coupon, r.CustomerNo = "", fmt.Sprintf("C%07d", k)
	}
	if m.category == "エステ" || m.category == "リラク" {
		r.EquipmentID = freeBed(sd.d.st.equipment, beds, r.Start, r.End)
	}
	sd.d.st.res[r.ID] = r
	sd.out.Reservations++
	if cancelled(r.Status) {
		sd.out.Cancelled++
	}
}

// first reports whether customer k books for the first time in this run.
func (sd *seeder) first(k int) bool {
	if sd.visited == nil {
		sd.visited = map[int]bool{}
	}
	seen := sd.visited[k]
	sd.visited[k] = true
	return !seen
}

// freeBed takes the first bed free over [from, to) on this day, "" if none.
func freeBed(eq []Equipment, beds map[string][][2]time.Time, from, to time.Time) string {
	for _, e := range eq {
		free := true
		for _, b := range beds[e.ID] {
			if from.Before(b[1]) && b[0].Before(to) {
				free = false
				break
			}
		}
		if free {
			beds[e.ID] = append(beds[e.ID], [2]time.Time{from, to})
			return e.ID
		}
	}
	return ""
}

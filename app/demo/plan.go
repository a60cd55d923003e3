package demo

import (
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"salondesk/app"
	"salondesk/data"
)

// The reservation generator: for every open day it proposes more reservations than fit,
// each as a customer would book it (a coupon or menus, a staff member or none, a route,
// the moment it was received). The proposals are then saved in the order they were
// received, and app.SaveReservation refuses those that would overfill a slot.

// menuCombos are what customers book without a coupon, by kind of work.
var menuCombos = map[string][][]string{
	workHair: {
		{"カット"}, {"カット", "ケアカラー"}, {"リタッチカラー"}, {"カット", "イルミナカラー"},
		{"カット", "ハイライト"}, {"デジタルパーマ", "カット"}, {"縮毛矯正"}, {"メンズカット"},
		{"前髪カット"}, {"キッズカット"}, {"カット", "超音波トリートメント"}, {"髪質改善 酸性ストレート"},
	},
	workSpa:   {{"極上ヘッドスパ60分"}, {"炭酸ヘッドスパ"}},
	workEsthe: {{"フェイシャル"}, {"毛穴洗浄"}, {"全身脱毛"}, {"キャビテーション痩身"}, {"フェイシャル", "毛穴洗浄"}},
	workNail:  {{"ジェルオフ", "ジェルネイル ワンカラー"}, {"ジェルネイル アート10本"}, {"ハンドケア"}},
	workLash:  {{"まつげパーマ"}, {"まつげエクステ 100本"}, {"眉スタイリング"}, {"まつげパーマ", "眉スタイリング"}},
}

// proposal is one reservation a customer tries to make.
type proposal struct {
	seq      int // order of proposal, to break ties
	in       app.ReservationInput
	received time.Time
}

// planner proposes reservations.
type planner struct {
	r         *rand.Rand
	m         *masters
	hours     []data.Hours
	customers []data.Customer
	now       time.Time
	booked    map[int64]bool // new customers already given their one first reservation
	seq       int
}

// day proposes the reservations customers try to make on one day; none when closed.
func (p *planner) day(day time.Time) []proposal {
	h := p.hours[int(day.Weekday())]
	if h.Closed {
		return nil
	}
	attempts := 16
	if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
		attempts = 23
	}
	// Bookings thin out further ahead: most are made in the last two weeks.
	if ahead := int(day.Sub(data.DayStart(p.now)).Hours() / 24); ahead > 0 {
		attempts = attempts * (30 - ahead) / 30
	}
	seen := map[int64]bool{}
	var out []proposal
	for i := 0; i < attempts; i++ {
		if pr, ok := p.propose(day, h, seen); ok {
			out = append(out, pr)
		}
	}
	return out
}

func (p *planner) propose(day time.Time, h data.Hours, seen map[int64]bool) (proposal, bool) {
	c := p.pickCustomer(seen)
	work := p.pickWork()
	in := app.ReservationInput{CustomerID: c.ID, Route: p.pickRoute()}
	if coupon, ok := p.pickCoupon(work, c, in.Route); ok {
		in.CouponID = coupon.ID
		in.MenuIDs = append([]int64(nil), coupon.MenuIDs...)
	} else {
		for _, name := range pick(p.r, menuCombos[work]) {
			in.MenuIDs = append(in.MenuIDs, p.m.menu(name).ID)
		}
	}
	if work == workHair && p.r.IntN(4) == 0 {
		in.MenuIDs = append(in.MenuIDs, p.m.menu("炭酸泉").ID) // a zero-minute add-on
	}
	in.EquipmentID = p.equipmentFor(in.MenuIDs)
	in.StaffID = p.pickStaff(work, day)
	in.Designated = in.StaffID != 0 && p.r.IntN(100) < 45
	minutes := 0
	for _, id := range in.MenuIDs {
		minutes += p.menuMinutes(id)
	}
	open, _ := clock(day, h.Open)
	closing, _ := clock(day, h.Close)
	last := int(closing.Sub(open).Minutes()-float64(minutes)) / 30
	if last < 0 {
		return proposal{}, false
	}
	in.Start = open.Add(time.Duration(p.r.IntN(last+1)*30) * time.Minute)
	if in.Route == data.RouteWalkIn && in.Start.After(p.now) {
		in.Route = data.RoutePhone // nobody walks in tomorrow
	}
	if p.r.IntN(100) < 15 {
		in.Memo = pick(p.r, reservationMemos)
	}
	if c.VisitCount == 0 {
		p.booked[c.ID] = true
	}
	seen[c.ID] = true
	p.seq++
	return proposal{seq: p.seq, in: in, received: p.receivedAt(in.Route, in.Start)}, true
}

// pickCustomer prefers regulars; a new customer gets only one first reservation.
func (p *planner) pickCustomer(seen map[int64]bool) data.Customer {
	for {
		c := p.customers[p.r.IntN(len(p.customers))]
		if seen[c.ID] || (c.VisitCount == 0 && p.booked[c.ID]) {
			continue
		}
		return c
	}
}

func (p *planner) pickWork() string {
	switch n := p.r.IntN(100); {
	case n < 60:
		return workHair
	case n < 68:
		return workSpa
	case n < 82:
		return workEsthe
	case n < 91:
		return workNail
	default:
		return workLash
	}
}

func (p *planner) pickRoute() data.Route {
	switch n := p.r.IntN(100); {
	case n < 55:
		return data.RouteHPB
	case n < 80:
		return data.RoutePhone
	case n < 88:
		return data.RouteWalkIn
	default:
		return data.RouteSalonBoard
	}
}

// pickCoupon: net reservations mostly come with a coupon, desk ones seldom; 新規 coupons
// go to new customers, 再来 ones to returning customers.
func (p *planner) pickCoupon(work string, c data.Customer, route data.Route) (demoCoupon, bool) {
	chance := 20
	if route == data.RouteHPB {
		chance = 75
	}
	if p.r.IntN(100) >= chance {
		return demoCoupon{}, false
	}
	var fit []demoCoupon
	for _, k := range p.m.coupons {
		newOnly, repeatOnly := k.Target == "新規", k.Target == "再来"
		if k.work != work || (newOnly && c.VisitCount > 0) || (repeatOnly && c.VisitCount == 0) {
			continue
		}
		fit = append(fit, k)
	}
	if len(fit) == 0 {
		return demoCoupon{}, false
	}
	return pick(p.r, fit), true
}

// pickStaff: someone who does this work and works that day; one in five asks for nobody.
func (p *planner) pickStaff(work string, day time.Time) int64 {
	if p.r.IntN(5) == 0 {
		return 0
	}
	var fit []int64
	wd := byte('0' + int(day.Weekday()))
	for _, s := range p.m.staff {
		if slices.Contains(strings.Fields(s.skills), work) && strings.IndexByte(s.WorkDays, wd) >= 0 {
			fit = append(fit, s.ID)
		}
	}
	if len(fit) == 0 {
		return 0
	}
	return pick(p.r, fit)
}

func (p *planner) equipmentFor(menuIDs []int64) int64 {
	for _, id := range menuIDs {
		for _, m := range p.m.menus {
			if m.ID != id {
				continue
			}
			switch m.work {
			case workEsthe:
				return p.m.bed
			case workSpa:
				return p.m.spa
			}
		}
	}
	return 0
}

func (p *planner) menuMinutes(id int64) int {
	for _, m := range p.m.menus {
		if m.ID == id {
			return m.DurationMin
		}
	}
	return 0
}

// receivedAt is when the reservation reached the salon: net reservations at any hour up
// to three weeks ahead, phone ones during opening hours, walk-ins just before they start.
// Nothing is received after now.
func (p *planner) receivedAt(route data.Route, start time.Time) time.Time {
	var t time.Time
	switch route {
	case data.RouteWalkIn:
		t = start.Add(-time.Duration(p.r.IntN(10)) * time.Minute)
	case data.RoutePhone:
		d := data.DayStart(start).AddDate(0, 0, -p.r.IntN(15))
		t = d.Add(10*time.Hour + time.Duration(p.r.IntN(9*60))*time.Minute)
		if !t.Before(start) {
			t = start.Add(-time.Duration(60+p.r.IntN(120)) * time.Minute)
		}
	default:
		t = start.Add(-time.Duration(2*60+p.r.IntN(21*24*60)) * time.Minute)
	}
	if t.After(p.now) {
		t = p.now.Add(-time.Duration(1+p.r.IntN(36*60)) * time.Minute)
	}
	return t.Truncate(time.Minute)
}

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// clock turns 'HH:MM' into that time on day.
func clock(day time.Time, hhmm string) (time.Time, bool) {
	t, err := time.ParseInLocation("15:04", hhmm, time.Local)
	if err != nil {
		return time.Time{}, false
	}
	return data.DayStart(day).Add(time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute), true
}

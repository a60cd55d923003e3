package sbdemo

import (
	"time"
)

// placeOpts narrow where place looks.
type placeOpts struct {
	pool []Staff  // staff to choose from (default: the coupon's, else all)
	skip *booking // a booking being moved: it does not occupy its old slot
}

// place finds a start for b in the coming days' opening hours, on the grid,
// with a staff member who works that day and is not full (by the feed's own
// bookings and Config.Busy). designated makes b name that staff member.
func (p *planner) place(now time.Time, b *booking, designated bool, o *placeOpts) bool {
	if o == nil {
		o = &placeOpts{}
	}
	pool := o.pool
	if pool == nil {
		pool = p.staffFor(b)
	}
	if len(pool) == 0 {
		return false
	}
	minutes := b.minutes
	if minutes <= 0 {
		minutes = 60
	}
	dur := time.Duration(minutes) * time.Minute
	for try := 0; try < 40; try++ {
		start, ok := p.pickStart(now, dur)
		if !ok {
			continue
		}
		end := start.Add(dur)
		free := p.freeStaff(pool, start, end, o.skip)
		if len(free) == 0 {
			continue
		}
		st := free[p.rng.IntN(len(free))]
		if !designated && p.busy("", start, end) {
			continue
		}
		b.start, b.end, b.rowStaffID, b.staff = start, end, st.ID, nil
		if designated {
			b.staff = &st
		}
		return true
	}
	return false
}

// staffFor is who may take b: the coupon's or menu's staff, else everyone.
func (p *planner) staffFor(b *booking) []Staff {
	var ids []string
	for _, c := range p.cfg.Coupons {
		if b.coupon != "" && c.Name == b.coupon {
			ids = c.StaffIDs
		}
	}
	for _, m := range p.cfg.Menus {
		if b.coupon == "" && len(b.menus) > 0 && m.Name == b.menus[0] {
			ids = m.StaffIDs
		}
	}
	if len(ids) == 0 {
		return p.cfg.Staff
	}
	var out []Staff
	for _, s := range p.cfg.Staff {
		for _, id := range ids {
			if s.ID == id {
				out = append(out, s)
			}
		}
	}
	return out
}

// pickStart picks a day (today and tomorrow more often, for the 【当日】 and
// 【明日】 subjects) and a start on the grid that leaves room before closing.
func (p *planner) pickStart(now time.Time, dur time.Duration) (time.Time, bool) {
	var offset int
	switch r := p.rng.IntN(10); {
	case r < 2 || p.cfg.DaysAhead == 1:
		offset = 0
	case r < 4 || p.cfg.DaysAhead == 2:
		offset = 1
	default:
		offset = 2 + p.rng.IntN(p.cfg.DaysAhead-2)
	}
	y, m, d := now.Date()
	day := time.Date(y, m, d+offset, 0, 0, 0, 0, p.cfg.Location)
	open, closing, closed := p.cfg.Hours(day)
	if closed || !closing.After(open) {
		return time.Time{}, false
	}
	earliest := open
	if soon := now.Add(p.cfg.MinLead); soon.After(open) {
		k := (soon.Sub(open) + p.cfg.Grid - 1) / p.cfg.Grid
		earliest = open.Add(k * p.cfg.Grid)
	}
	latest := closing.Add(-dur)
	if latest.Before(earliest) {
		return time.Time{}, false
	}
	n := int(latest.Sub(earliest)/p.cfg.Grid) + 1
	return earliest.Add(time.Duration(p.rng.IntN(n)) * p.cfg.Grid), true
}

// freeStaff is who of pool works at start and has room in [start, end).
func (p *planner) freeStaff(pool []Staff, start, end time.Time, skip *booking) []Staff {
	var out []Staff
	for _, s := range pool {
		if !s.worksOn(start) || p.load(&s, start, end, skip) >= s.Capacity {
			continue
		}
		if p.busy(s.ID, start, end) {
			continue
		}
		out = append(out, s)
	}
	return out
}

// load counts the feed's live ordinary bookings designating s that overlap
// [start, end): the ones the app applied and so counts against s's capacity.
func (p *planner) load(s *Staff, start, end time.Time, skip *booking) int {
	n := 0
	for _, b := range p.bookings {
		if b == skip || b.cancelled || b.failure != FailNone || b.staff == nil || b.staff.ID != s.ID {
			continue
		}
		if b.start.Before(end) && b.end.After(start) {
			n++
		}
	}
	return n
}

// busy asks Config.Busy, when set, whether the salon is full there.
func (p *planner) busy(staffID string, start, end time.Time) bool {
	return p.cfg.Busy != nil && p.cfg.Busy(staffID, start, end)
}

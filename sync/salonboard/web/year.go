package web

import "time"

// inferDate gives a month/day without a year the year that puts it inside
// the search range [from, to] (calendar days, in from's location). A range
// from 12/20 to 01/10 reads 12/28 as this year and 01/03 as the next.
// When no year fits (a row outside the range) the nearest candidate wins;
// ranges longer than a year are split by the client, so at most one
// candidate fits.
func inferDate(month, day int, from, to time.Time) (time.Time, bool) {
	loc := from.Location()
	lo := dayOf(from)
	hi := dayOf(to.In(loc))
	var best time.Time
	var bestDist time.Duration = -1
	for y := lo.Year() - 1; y <= hi.Year()+1; y++ {
		d := time.Date(y, time.Month(month), day, 0, 0, 0, 0, loc)
		if d.Month() != time.Month(month) || d.Day() != day {
			continue // 02/29 in a common year
		}
		if !d.Before(lo) && !d.After(hi) {
			return d, true
		}
		dist := lo.Sub(d)
		if d.After(hi) {
			dist = d.Sub(hi)
		}
		if bestDist < 0 || dist < bestDist {
			best, bestDist = d, dist
		}
	}
	return best, bestDist >= 0
}

// dayOf is midnight of t's day in t's location.
func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

package app

import (
	"time"

	"salondesk/data"
)

// ReservationLength is the 所要時間 the reservation form shows while staff tick menus:
// the same rule SaveReservation applies (the menus' minutes, else the coupon's), so the
// number on screen is the one that will be saved. Unknown menus count as zero.
func ReservationLength(menus []data.Menu, ids []int64, coupon *data.Coupon) time.Duration {
	byID := make(map[int64]data.Menu, len(menus))
	for _, m := range menus {
		byID[m.ID] = m
	}
	known := ids[:0:0]
	for _, id := range ids {
		if _, ok := byID[id]; ok {
			known = append(known, id)
		}
	}
	d, _ := durationOf(byID, known, coupon)
	return d
}

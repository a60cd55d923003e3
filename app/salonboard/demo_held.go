package salonboard

import (
	"context"
	"strings"

	"salondesk/data"
	"salondesk/sync/salonboard/sbdouble"
	"salondesk/sync/salonboard/web"
)

// holdDemoReservations puts the demo salon's SALON BOARD reservations (those with a
// number, from yesterday on) into the demo's SALON BOARD, as the real one holds every
// reservation the desk knows by number. (One with no staff here sits in the first staff's
// row there, as SALON BOARD has no 指名なし row; the desk keeps it 指名なし.) Without them each reconciliation pass took every
// one for gone and opened its detail page: about ten paced minutes a pass.
func (sb *Room) holdDemoReservations(ctx context.Context, d *sbdouble.Double) error {
	m, err := sb.a.Masters(ctx, false)
	if err != nil {
		return err
	}
	sbStaff, sbEquipment := map[int64]string{}, map[int64]string{}
	for _, s := range m.Staff {
		sbStaff[s.ID] = s.SBID
	}
	for _, e := range m.Equipment {
		sbEquipment[e.ID] = e.SBID
	}
	today := data.DayStart(sb.a.Now())
	list, err := sb.a.Reservations(ctx, data.ReservationFilter{From: today.AddDate(0, 0, -1),
		To: today.AddDate(0, 0, 400)})
	if err != nil {
		return err
	}
	for _, v := range list {
		if v.SBNumber == "" {
			continue
		}
		r := demoHeld(v, sbStaff[v.StaffID])
		r.EquipmentID = sbEquipment[v.EquipmentID]
		d.AddReservation(r)
	}
	return nil
}

// demoHeld is a desk reservation as SALON BOARD would hold it.
func demoHeld(v data.ReservationView, staffID string) sbdouble.Reservation {
	r := sbdouble.Reservation{ID: v.SBNumber, Start: v.Start, End: v.End, StaffID: staffID,
		Designated: v.Designated, Menu: v.MenuNames, Received: v.ReceivedAt}
	r.KanaSei, r.KanaMei, _ = strings.Cut(v.CustomerKana, " ")
	r.KanjiSei, r.KanjiMei, _ = strings.Cut(v.CustomerName, " ")
	switch v.Route {
	case data.RouteHPB:
		r.RouteID, r.Coupon = web.RouteHPB, v.CouponTitle
	case data.RouteWalkIn:
		r.RouteID = web.RouteWalkIn
	default:
		r.RouteID = web.RoutePhoneOwn
	}
	switch v.Status {
	case data.StatusCancelled:
		r.Status = web.StatusSalonCancel
	case data.StatusNoShow:
		r.Status = web.StatusNoShow
	case data.StatusPaid:
		r.Status = web.StatusPaid
	default:
		r.Status = web.StatusWaiting
	}
	return r
}

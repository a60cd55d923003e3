package transcribe

import (
	"context"

	"salondesk/app/salonboard"
	"salondesk/ui/reservation"
)

// buildCustomer makes お客様. The customer the reservation was matched to by kana when
// it arrived is chosen already. Otherwise (no match, or two customers with that kana)
// the received kana is searched at once so staff pick among the candidates; when there
// are none, 新規のお客様 opens with what SALON BOARD sent (HPB sends no phone number).
func (f *form) buildCustomer() {
	v := f.view
	f.customer = reservation.NewCustomerPicker(f.a, v.CustomerID)
	f.customer.PrefillNew(v.CustomerName, v.CustomerKana, "", false)
	if v.CustomerID != 0 || v.CustomerKana == "" {
		return
	}
	f.candidates = f.customer.Search(v.CustomerKana)
	if f.candidates == 0 {
		f.customer.PrefillNew(v.CustomerName, v.CustomerKana, "", true)
	}
}

// prefill puts back what the reservation already holds (a failed reservation may carry
// staff or menus) and preselects the coupon SALON BOARD's name finds, if any.
func (f *form) prefill() {
	v := f.view
	couponID := v.CouponID
	if couponID == 0 {
		couponID, _ = salonboard.New(f.a).SuggestCoupon(context.Background(), v.CouponName)
	}
	for _, c := range f.masters.Coupons {
		if c.ID == couponID {
			f.coupon.SetSelected(c.Name)
		}
	}
	for _, id := range v.MenuIDs {
		f.menus.Check(id, true)
	}
	for _, s := range f.masters.Staff {
		if s.ID == v.StaffID {
			f.staff.SetSelected(s.Name)
		}
	}
	f.designated.SetChecked(v.Designated && v.StaffID != 0)
	for _, e := range f.masters.Equipment {
		if e.ID == v.EquipmentID {
			f.equipment.SetSelected(e.Name)
		}
	}
}

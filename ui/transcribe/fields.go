package transcribe

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/data"
	"salondesk/ui/reservation"
)

// buildWhen makes 来店日時: the day (prefilled with the provisional start) and the time,
// chosen from the day's slots or typed in 5-minute steps.
func (f *form) buildWhen() {
	f.day = widget.NewEntry()
	f.day.SetPlaceHolder("2006/01/02")
	f.weekday = widget.NewLabel("")
	f.clock = widget.NewSelectEntry(nil)
	f.clock.SetPlaceHolder("10:00")
	f.day.OnChanged = func(string) { f.dayChanged() }
	f.clock.OnChanged = func(string) { f.updateLength() }
	f.day.SetText(f.view.Start.Format("2006/01/02"))
	f.clock.SetText(f.view.Start.Format("15:04"))
}

func (f *form) dayChanged() {
	d, ok := reservation.ParseDay(f.day.Text)
	if !ok {
		f.weekday.SetText("")
		f.clock.SetOptions(nil)
		f.updateLength()
		return
	}
	f.weekday.SetText("(" + reservation.WeekdayText(d.Weekday()) + ")")
	var opts []string
	if wd := int(d.Weekday()); wd < len(f.masters.Hours) {
		for _, s := range app.Slots(d, f.masters.Hours[wd], f.salon.SlotMinutes) {
			opts = append(opts, s.Format("15:04"))
		}
	}
	f.clock.SetOptions(opts)
	f.updateLength()
}

// start is 来店日時: zero when either part is left empty (app then asks for it), an
// error when a part is there but unreadable.
func (f *form) start() (time.Time, error) {
	if trimmed(f.day.Text) == "" || trimmed(f.clock.Text) == "" {
		return time.Time{}, nil
	}
	d, ok := reservation.ParseDay(f.day.Text)
	if !ok {
		return time.Time{}, &app.UserError{Key: "transcribe.error.day"}
	}
	m, ok := reservation.ParseClock(f.clock.Text)
	if !ok {
		return time.Time{}, &app.UserError{Key: "transcribe.error.time"}
	}
	return d.Add(time.Duration(m) * time.Minute), nil
}

// buildWhat makes クーポン名 (with クーポン内容 under it), メニュー and 所要時間.
func (f *form) buildWhat() {
	f.couponContent = widget.NewLabel("")
	f.couponContent.Wrapping = fyne.TextWrapWord
	f.showCouponContent(nil)
	f.length = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	names := []string{noCoupon()}
	for _, c := range f.masters.Coupons {
		names = append(names, c.Name)
	}
	f.coupon = widget.NewSelect(names, func(string) { f.couponChanged() })
	f.coupon.PlaceHolder = lang.X("transcribe.coupon_placeholder", "クーポン名を選択")
	f.menus = reservation.NewMenuPicker(f.masters.Categories, f.masters.Menus, nil, f.updateLength)
}

func noCoupon() string { return lang.X("transcribe.no_coupon", "クーポンなし") }

func (f *form) selectedCoupon() *data.Coupon {
	for i := range f.masters.Coupons {
		if f.masters.Coupons[i].Name == f.coupon.Selected {
			return &f.masters.Coupons[i]
		}
	}
	return nil
}

// couponChanged shows the coupon's content and ticks its menus in place of the previous
// coupon's (menus ticked by hand stay), since a coupon stands for those menus.
func (f *form) couponChanged() {
	c := f.selectedCoupon()
	if f.lastCoupon != nil {
		for _, id := range f.lastCoupon.MenuIDs {
			f.menus.Check(id, false)
		}
	}
	f.lastCoupon = c
	if c != nil {
		for _, id := range c.MenuIDs {
			f.menus.Check(id, true)
		}
	}
	f.showCouponContent(c)
	f.updateLength()
}

// showCouponContent writes クーポン内容 under the select; without a coupon the line stays
// as the seed's muted (クーポン内容), so the form does not jump as coupons are chosen.
func (f *form) showCouponContent(c *data.Coupon) {
	if c != nil && c.Content != "" {
		f.couponContent.Importance = widget.MediumImportance
		f.couponContent.SetText(lang.X("transcribe.coupon_content", "クーポン内容：{{.Content}}",
			map[string]any{"Content": c.Content}))
	} else {
		f.couponContent.Importance = widget.LowImportance
		f.couponContent.SetText(lang.X("transcribe.coupon_content_none", "(クーポン内容)"))
	}
	if f.scroll != nil {
		f.scroll.Refresh() // a content of several lines makes its row taller
	}
}

// updateLength shows the 所要時間 登録 will give (the rule of app), with the end time.
func (f *form) updateLength() {
	if f.length == nil || f.menus == nil || f.day == nil || f.clock == nil {
		return
	}
	d := app.ReservationLength(f.masters.Menus, f.menus.Selected(), f.selectedCoupon())
	text := reservation.MinutesText(d)
	if start, err := f.start(); err == nil && !start.IsZero() {
		text += "（" + start.Format("15:04") + "〜" + start.Add(d).Format("15:04") + "）"
	}
	f.length.SetText(text)
}

// buildWho makes スタッフ with 指名, and マシン・設備.
func (f *form) buildWho() {
	f.designated = widget.NewCheck(lang.X("transcribe.designated", "指名"), nil)
	staff := []string{noStaff()}
	for _, s := range f.masters.Staff {
		staff = append(staff, s.Name)
	}
	f.staff = widget.NewSelect(staff, func(string) { f.staffChanged() })
	f.staff.SetSelected(noStaff())
	equipment := []string{noEquipment()}
	for _, e := range f.masters.Equipment {
		equipment = append(equipment, e.Name)
	}
	f.equipment = widget.NewSelect(equipment, nil)
	f.equipment.SetSelected(noEquipment())
}

func noStaff() string     { return lang.X("transcribe.no_staff", "指名なし") }
func noEquipment() string { return lang.X("transcribe.no_equipment", "なし") }

func (f *form) staffChanged() {
	if f.staff.Selected == noStaff() {
		f.designated.SetChecked(false)
		f.designated.Disable()
		return
	}
	f.designated.Enable()
}

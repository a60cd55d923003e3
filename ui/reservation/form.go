package reservation

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/app/labels"
	"salondesk/data"
)

// ShowForm opens the reservation form in a dialog over parent: a new reservation when
// in.ID is 0 (in.Start, StaffID… may preset it, e.g. from a schedule slot), else a change
// of that reservation. onSaved runs after a successful save.
func ShowForm(a *app.App, parent fyne.Window, in app.ReservationInput, onSaved func(data.Reservation)) {
	showForm(a, parent, in, onSaved)
}

func showForm(a *app.App, parent fyne.Window, in app.ReservationInput, onSaved func(data.Reservation)) *form {
	var d *dialog.CustomDialog
	f, err := newForm(a, parent, in, func(r data.Reservation) {
		d.Hide()
		if onSaved != nil {
			onSaved(r)
		}
	})
	if err != nil {
		dialog.ShowError(err, parent)
		return nil
	}
	title := lang.X("reservation.form.title_new", "予約登録")
	if in.ID != 0 {
		title = lang.X("reservation.form.title_change", "予約変更")
	}
	d = dialog.NewCustomWithoutButtons(title, f.content(), parent)
	d.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.X("reservation.close", "閉じる"), d.Hide), f.save})
	size := parent.Canvas().Size()
	d.Resize(fyne.NewSize(min(760, size.Width*0.95), min(720, size.Height*0.95)))
	d.Show()
	return f
}

// ChangeInput is the form's input for changing an existing reservation.
func ChangeInput(v data.ReservationView) app.ReservationInput {
	return app.ReservationInput{ID: v.ID, CustomerID: v.CustomerID, Start: v.Start, StaffID: v.StaffID,
		Designated: v.Designated, EquipmentID: v.EquipmentID, CouponID: v.CouponID,
		MenuIDs: append([]int64(nil), v.MenuIDs...), Route: v.Route, Memo: v.Memo}
}

// form is the reservation form (new / change). Its fields are kept for the tests.
type form struct {
	a       *app.App
	win     fyne.Window
	in      app.ReservationInput
	onSaved func(data.Reservation)
	masters app.Masters
	salon   app.Salon

	customer      *customerPicker
	day           *widget.Entry
	weekday       *widget.Label
	clock         *widget.SelectEntry
	times         []string           // the time choices of the day shown
	route         *widget.RadioGroup // new reservations only
	staff         *widget.Select
	designated    *widget.Check
	equipment     *widget.Select
	coupon        *widget.Select
	couponContent *widget.Label
	menus         *menuPicker
	length        *widget.Label
	memo          *widget.Entry
	save          *widget.Button
}

func newForm(a *app.App, win fyne.Window, in app.ReservationInput, onSaved func(data.Reservation)) (*form, error) {
	ctx := context.Background()
	f := &form{a: a, win: win, in: in, onSaved: onSaved}
	var err error
	if f.masters, err = a.Masters(ctx, false); err != nil {
		return nil, err
	}
	if f.salon, err = a.Salon(ctx); err != nil {
		return nil, err
	}
	f.customer = newCustomerPicker(a, in.CustomerID)
	f.buildWhen(in.Start)
	f.buildWho()
	f.buildWhat()
	f.memo = widget.NewMultiLineEntry()
	f.memo.SetMinRowsVisible(3)
	f.memo.SetText(in.Memo)
	label := lang.X("reservation.form.register", "登録する")
	if in.ID != 0 {
		label = lang.X("reservation.form.change", "変更する")
	}
	f.save = widget.NewButtonWithIcon(label, theme.ConfirmIcon(), f.submit)
	f.save.Importance = widget.HighImportance
	f.updateLength()
	return f, nil
}

// buildWhen makes 来店日 (typed, or stepped a day at a time) and 時刻 (the salon's slot
// grid of that day, or any 5-minute step typed by hand).
func (f *form) buildWhen(start time.Time) {
	day := start
	if day.IsZero() {
		day = f.a.Now()
	}
	f.day = widget.NewEntry()
	f.day.SetPlaceHolder("2006/01/02")
	f.weekday = widget.NewLabel("")
	f.clock = widget.NewSelectEntry(nil)
	f.clock.SetPlaceHolder("10:00")
	f.day.OnChanged = func(string) { f.dayChanged() }
	f.clock.OnChanged = func(string) { f.updateLength() }
	f.day.SetText(day.Format("2006/01/02"))
	if !start.IsZero() {
		f.clock.SetText(start.Format("15:04"))
	}
}

func (f *form) dayChanged() {
	d, ok := parseDay(f.day.Text)
	if !ok {
		f.weekday.SetText("")
		f.times = nil
		f.clock.SetOptions(nil)
		return
	}
	f.weekday.SetText("(" + weekdayText(d.Weekday()) + ")")
	var opts []string
	if wd := int(d.Weekday()); wd < len(f.masters.Hours) {
		for _, s := range app.Slots(d, f.masters.Hours[wd], f.salon.SlotMinutes) {
			opts = append(opts, s.Format("15:04"))
		}
	}
	f.times = opts
	f.clock.SetOptions(opts)
}

func (f *form) stepDay(n int) {
	if d, ok := parseDay(f.day.Text); ok {
		f.day.SetText(d.AddDate(0, 0, n).Format("2006/01/02"))
	}
}

// buildWho makes 予約経路 (new only), スタッフ with 指名, and マシン・設備.
func (f *form) buildWho() {
	if f.in.ID == 0 {
		f.route = widget.NewRadioGroup([]string{labels.Route(data.RoutePhone), labels.Route(data.RouteWalkIn)}, nil)
		f.route.Horizontal, f.route.Required = true, true
		f.route.SetSelected(labels.Route(data.RoutePhone))
		if f.in.Route == data.RouteWalkIn {
			f.route.SetSelected(labels.Route(data.RouteWalkIn))
		}
	}
	f.designated = widget.NewCheck(lang.X("reservation.form.designated", "指名"), nil)
	staff := []string{noStaff()}
	selected := noStaff()
	for _, s := range f.masters.Staff {
		staff = append(staff, s.Name)
		if s.ID == f.in.StaffID {
			selected = s.Name
		}
	}
	f.staff = widget.NewSelect(staff, func(string) { f.staffChanged() })
	f.staff.SetSelected(selected)
	f.designated.SetChecked(f.in.Designated && f.in.StaffID != 0)
	equipment := []string{noEquipment()}
	selected = noEquipment()
	for _, e := range f.masters.Equipment {
		equipment = append(equipment, e.Name)
		if e.ID == f.in.EquipmentID {
			selected = e.Name
		}
	}
	f.equipment = widget.NewSelect(equipment, nil)
	f.equipment.SetSelected(selected)
}

func noStaff() string     { return lang.X("reservation.no_staff", "指名なし") }
func noEquipment() string { return lang.X("reservation.no_equipment", "なし") }
func noCoupon() string    { return lang.X("reservation.no_coupon", "クーポンなし") }

func (f *form) staffChanged() {
	if f.staff.Selected == noStaff() {
		f.designated.SetChecked(false)
		f.designated.Disable()
		return
	}
	f.designated.Enable()
}

// buildWhat makes クーポン (with its content under it) and メニュー, and 所要時間.
func (f *form) buildWhat() {
	f.couponContent = widget.NewLabel("")
	f.couponContent.Wrapping = fyne.TextWrapWord
	f.length = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	coupons := []string{noCoupon()}
	selected := noCoupon()
	for _, c := range f.masters.Coupons {
		coupons = append(coupons, c.Name)
		if c.ID == f.in.CouponID {
			selected = c.Name
		}
	}
	f.coupon = widget.NewSelect(coupons, func(string) { f.couponChanged() })
	f.menus = newMenuPicker(f.masters.Categories, f.masters.Menus, f.in.MenuIDs, f.updateLength)
	f.coupon.SetSelected(selected)
}

func (f *form) selectedCoupon() *data.Coupon {
	for i := range f.masters.Coupons {
		if f.masters.Coupons[i].Name == f.coupon.Selected {
			return &f.masters.Coupons[i]
		}
	}
	return nil
}

func (f *form) couponChanged() {
	if c := f.selectedCoupon(); c != nil && c.Content != "" {
		f.couponContent.SetText(c.Content)
		f.couponContent.Show()
	} else {
		f.couponContent.SetText("")
		f.couponContent.Hide()
	}
	f.updateLength()
}

// updateLength shows the 所要時間 the save will give, and the end time once the start is known.
func (f *form) updateLength() {
	if f.length == nil || f.menus == nil {
		return
	}
	d := app.ReservationLength(f.masters.Menus, f.menus.selected(), f.selectedCoupon())
	text := minutesText(d)
	if start, err := f.start(); err == nil {
		text += "（" + start.Format("15:04") + "〜" + start.Add(d).Format("15:04") + "）"
	}
	f.length.SetText(text)
}

func (f *form) content() fyne.CanvasObject {
	label := func(key, fallback string) *widget.Label {
		return widget.NewLabelWithStyle(lang.X(key, fallback), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { f.stepDay(-1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { f.stepDay(1) })
	rows := []fyne.CanvasObject{
		label("reservation.form.customer", "お客様 ●"), f.customer.content(),
		label("reservation.form.day", "来店日 ●"), container.NewHBox(prev, fixedWidth(f.day, 140), next, f.weekday),
		label("reservation.form.time", "時刻 ●"), container.NewHBox(fixedWidth(f.clock, 140)),
	}
	if f.route != nil {
		rows = append(rows, label("reservation.form.route", "予約経路"), f.route)
	} else {
		rows = append(rows, label("reservation.form.route", "予約経路"), widget.NewLabel(labels.Route(f.in.Route)))
	}
	rows = append(rows,
		label("reservation.form.staff", "スタッフ"), container.NewHBox(fixedWidth(f.staff, 200), f.designated),
		label("reservation.form.equipment", "マシン・設備"), container.NewHBox(fixedWidth(f.equipment, 200)),
		label("reservation.form.coupon", "クーポン"), container.NewVBox(f.coupon, f.couponContent),
		label("reservation.form.menus", "メニュー"), f.menus.content(),
		label("reservation.form.length", "所要時間"), f.length,
		label("reservation.form.memo", "予約時メモ"), f.memo,
	)
	return container.NewVScroll(container.New(layout.NewFormLayout(), rows...))
}

// fixedWidth gives an input a sensible width instead of the width of its placeholder.
func fixedWidth(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	return container.New(layout.NewGridWrapLayout(fyne.NewSize(w, o.MinSize().Height)), o)
}

// start is 来店日 + 時刻, or a UserError telling what to fix.
func (f *form) start() (time.Time, error) {
	d, ok := parseDay(f.day.Text)
	if !ok {
		return time.Time{}, &app.UserError{Key: "reservation.error.day"}
	}
	m, ok := parseClock(f.clock.Text)
	if !ok {
		return time.Time{}, &app.UserError{Key: "reservation.error.time"}
	}
	return d.Add(minutes(m)), nil
}

// input is the ReservationInput the fields describe.
func (f *form) input() (app.ReservationInput, error) {
	in := f.in
	start, err := f.start()
	if err != nil {
		return in, err
	}
	in.Start = start
	in.CustomerID, in.NewCustomer = f.customer.input()
	in.StaffID, in.EquipmentID, in.CouponID = 0, 0, 0
	for _, s := range f.masters.Staff {
		if s.Name == f.staff.Selected {
			in.StaffID = s.ID
		}
	}
	in.Designated = in.StaffID != 0 && f.designated.Checked
	for _, e := range f.masters.Equipment {
		if e.Name == f.equipment.Selected {
			in.EquipmentID = e.ID
		}
	}
	if c := f.selectedCoupon(); c != nil {
		in.CouponID = c.ID
	}
	in.MenuIDs = f.menus.selected()
	if f.route != nil {
		in.Route = data.RoutePhone
		if f.route.Selected == labels.Route(data.RouteWalkIn) {
			in.Route = data.RouteWalkIn
		}
	}
	in.Memo = f.memo.Text
	return in, nil
}

// submit saves through app; a refusal (over capacity, a missing カナ…) is shown and nothing
// is written: the fields stay as they are, to be corrected.
func (f *form) submit() {
	in, err := f.input()
	if err != nil {
		showError(err, f.win)
		return
	}
	r, err := f.a.SaveReservation(context.Background(), in)
	if err != nil {
		showError(err, f.win)
		return
	}
	if f.onSaved != nil {
		f.onSaved(r)
	}
}

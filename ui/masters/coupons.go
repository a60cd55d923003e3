package masters

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/app/salonboard"
	"salondesk/data"
)

// Coupon targets as stored (the database default is 全員).
var couponTargets = []string{"全員", "新規", "再来"}

// couponForm is the form of one クーポン: its name must be exactly the one published on
// HOT PEPPER Beauty, since incoming SALON BOARD reservations are matched by it.
type couponForm struct {
	name, content, price, duration *widget.Entry
	target                         *choice
	menus                          *menuChecks
	active                         *widget.Check
	sbName                         *sbNameField
}

func newCouponTab(s *screen, sb *salonboard.Room) (*masterTab[data.Coupon], *couponForm) {
	f := &couponForm{name: widget.NewEntry(), content: widget.NewMultiLineEntry(), price: widget.NewEntry(),
		duration: widget.NewEntry(), menus: newMenuChecks(), active: widget.NewCheck(lang.X("masters.active", "有効"), nil),
		sbName: newSBNameField(sb, s.win, "coupon")}
	labels := make([]string, len(couponTargets))
	for i, v := range couponTargets {
		labels[i] = lang.X("masters.coupon_target."+itoa(i), v)
	}
	f.target = newChoice(couponTargets, labels)
	f.content.Wrapping = fyne.TextWrapWord
	f.content.SetMinRowsVisible(4)
	form := widget.NewForm(
		&widget.FormItem{Text: lang.X("masters.coupon_name", "クーポン名"), Widget: f.name,
			HintText: lang.X("masters.coupon_name_hint", "HOT PEPPER Beautyに掲載している名前と同じにしてください")},
		widget.NewFormItem(lang.X("masters.coupon_target", "対象"), f.target),
		widget.NewFormItem(lang.X("masters.coupon_content", "クーポン内容"), f.content),
		widget.NewFormItem(lang.X("masters.price", "料金"), f.price),
		widget.NewFormItem(lang.X("masters.duration", "所要時間(分)"), f.duration),
		widget.NewFormItem(lang.X("masters.coupon_menus", "対象メニュー"), f.menus.box),
		widget.NewFormItem("", f.active),
		f.sbName.formItem(lang.X("masters.sb_name_coupon_hint",
			"SALON BOARDでは、このクーポンをこの名前のクーポンとして表示します。どのクーポンにも当たらない名前は、予約時メモの先頭に書かれます。")),
	)
	return newMasterTab(s, tabSpec[data.Coupon]{
		table: app.TableCoupons,
		csv:   app.MasterCoupons,
		pick:  func(m app.Masters) []data.Coupon { return m.Coupons },
		id:    func(x data.Coupon) int64 { return x.ID },
		setID: func(x *data.Coupon, id int64) { x.ID = id },
		label: func(x data.Coupon) string { return rowLabel(x.Name, x.Active) },
		blank: func() data.Coupon { return data.Coupon{Target: couponTargets[0], Active: true} },
		show:  f.show,
		read:  f.read,
		save:  func(ctx context.Context, x *data.Coupon) error { return s.a.SaveCoupon(ctx, x) },
		form:  form,
		also: func(m app.Masters) {
			f.menus.setMenus(m.Categories, m.Menus)
			f.sbName.refresh()
		},
	}), f
}

func (f *couponForm) show(x data.Coupon) {
	f.name.SetText(x.Name)
	f.target.SetValue(x.Target)
	f.content.SetText(x.Content)
	f.price.SetText(itoa(x.Price))
	f.duration.SetText(itoa(x.DurationMin))
	f.menus.setSelected(x.MenuIDs)
	f.active.SetChecked(x.Active)
	f.sbName.show(x.ID)
}

func (f *couponForm) read() (data.Coupon, error) {
	var n numbers
	x := data.Coupon{Name: f.name.Text, Target: f.target.Value(), Content: f.content.Text,
		MenuIDs: f.menus.selected(), Active: f.active.Checked}
	x.Price = n.read(lang.X("masters.price", "料金"), f.price)
	x.DurationMin = n.read(lang.X("masters.duration", "所要時間(分)"), f.duration)
	return x, n.err
}

// menuChecks is a checkbox per menu, grouped under its category.
type menuChecks struct {
	box    *fyne.Container
	checks map[int64]*widget.Check
	order  []int64
}

func newMenuChecks() *menuChecks {
	return &menuChecks{box: container.NewVBox(), checks: map[int64]*widget.Check{}}
}

// setMenus rebuilds the boxes for the current menus, keeping what was ticked.
func (c *menuChecks) setMenus(cats []data.Category, menus []data.Menu) {
	keep := c.selected()
	c.box.RemoveAll()
	c.checks, c.order = map[int64]*widget.Check{}, nil
	for _, cat := range cats {
		var group []fyne.CanvasObject
		for _, m := range menus {
			if m.CategoryID != cat.ID {
				continue
			}
			ch := widget.NewCheck(rowLabel(m.Name, m.Active), nil)
			c.checks[m.ID] = ch
			c.order = append(c.order, m.ID)
			group = append(group, ch)
		}
		if len(group) == 0 {
			continue
		}
		c.box.Add(widget.NewLabelWithStyle(cat.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		c.box.Add(container.NewGridWithColumns(3, group...))
	}
	c.setSelected(keep)
}

func (c *menuChecks) setSelected(ids []int64) {
	on := map[int64]bool{}
	for _, id := range ids {
		on[id] = true
	}
	for id, ch := range c.checks {
		ch.SetChecked(on[id])
	}
}

// selected is the ticked menus in display order.
func (c *menuChecks) selected() []int64 {
	var out []int64
	for _, id := range c.order {
		if c.checks[id].Checked {
			out = append(out, id)
		}
	}
	return out
}

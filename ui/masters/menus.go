package masters

import (
	"context"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/app/salonboard"
	"salondesk/data"
)

// categoryForm is the form of one メニューカテゴリ.
type categoryForm struct{ name, sort *widget.Entry }

func newCategoryTab(s *screen) (*masterTab[data.Category], *categoryForm) {
	f := &categoryForm{name: widget.NewEntry(), sort: widget.NewEntry()}
	form := widget.NewForm(
		widget.NewFormItem(lang.X("masters.name", "名前"), f.name),
		widget.NewFormItem(lang.X("masters.sort_order", "表示順"), f.sort),
	)
	return newMasterTab(s, tabSpec[data.Category]{
		table: app.TableCategories,
		csv:   app.MasterCategories,
		pick:  func(m app.Masters) []data.Category { return m.Categories },
		id:    func(x data.Category) int64 { return x.ID },
		setID: func(x *data.Category, id int64) { x.ID = id },
		label: func(x data.Category) string { return x.Name },
		blank: func() data.Category { return data.Category{} },
		show: func(x data.Category) {
			f.name.SetText(x.Name)
			f.sort.SetText(itoa(x.SortOrder))
		},
		read: func() (data.Category, error) {
			var n numbers
			x := data.Category{Name: f.name.Text, SortOrder: n.read(lang.X("masters.sort_order", "表示順"), f.sort)}
			return x, n.err
		},
		save: func(ctx context.Context, x *data.Category) error { return s.a.SaveCategory(ctx, x) },
		form: form,
	}), f
}

// menuForm is the form of one メニュー. Zero-minute menus (e.g. 炭酸泉) are allowed.
type menuForm struct {
	category                    *picker
	name, duration, price, sort *widget.Entry
	active                      *widget.Check
	sbName                      *sbNameField
}

func newMenuTab(s *screen, sb *salonboard.Room) (*masterTab[data.Menu], *menuForm) {
	f := &menuForm{category: newPicker(""), name: widget.NewEntry(), duration: widget.NewEntry(),
		price: widget.NewEntry(), sort: widget.NewEntry(), active: widget.NewCheck(lang.X("masters.active", "有効"), nil),
		sbName: newSBNameField(sb, s.win, "menu")}
	f.category.PlaceHolder = lang.X("masters.category_pick", "カテゴリを選択")
	form := widget.NewForm(
		widget.NewFormItem(lang.X("masters.category", "カテゴリ"), f.category),
		widget.NewFormItem(lang.X("masters.name", "名前"), f.name),
		&widget.FormItem{Text: lang.X("masters.duration", "所要時間(分)"), Widget: f.duration,
			HintText: lang.X("masters.duration_hint", "施術時間ゼロ分のメニューは0を入力してください")},
		widget.NewFormItem(lang.X("masters.price", "料金"), f.price),
		widget.NewFormItem(lang.X("masters.sort_order", "表示順"), f.sort),
		widget.NewFormItem("", f.active),
		f.sbName.formItem(lang.X("masters.sb_name_menu_hint",
			"SALON BOARDでは、このメニューをこの名前のメニューとして表示します。どのメニューにも当たらない名前は、予約時メモの先頭に書かれます。")),
	)
	return newMasterTab(s, tabSpec[data.Menu]{
		table: app.TableMenus,
		csv:   app.MasterMenus,
		pick:  func(m app.Masters) []data.Menu { return m.Menus },
		id:    func(x data.Menu) int64 { return x.ID },
		setID: func(x *data.Menu, id int64) { x.ID = id },
		label: func(x data.Menu) string {
			return rowLabel(lang.X("masters.menu_row", "{{.Category}}｜{{.Name}}",
				map[string]any{"Category": x.CategoryName, "Name": x.Name}), x.Active)
		},
		blank: func() data.Menu { return data.Menu{Active: true} },
		show:  f.show,
		read:  f.read,
		save:  func(ctx context.Context, x *data.Menu) error { return s.a.SaveMenu(ctx, x) },
		form:  form,
		also: func(m app.Masters) {
			setPickerRows(f.category, m.Categories, func(c data.Category) int64 { return c.ID },
				func(c data.Category) string { return c.Name })
			f.sbName.refresh()
		},
	}), f
}

func (f *menuForm) show(x data.Menu) {
	f.category.SetID(x.CategoryID)
	f.name.SetText(x.Name)
	f.duration.SetText(itoa(x.DurationMin))
	f.price.SetText(itoa(x.Price))
	f.sort.SetText(itoa(x.SortOrder))
	f.active.SetChecked(x.Active)
	f.sbName.show(x.ID)
}

func (f *menuForm) read() (data.Menu, error) {
	var n numbers
	x := data.Menu{CategoryID: f.category.ID(), Name: f.name.Text, Active: f.active.Checked}
	x.DurationMin = n.read(lang.X("masters.duration", "所要時間(分)"), f.duration)
	x.Price = n.read(lang.X("masters.price", "料金"), f.price)
	x.SortOrder = n.read(lang.X("masters.sort_order", "表示順"), f.sort)
	return x, n.err
}

package masters

import (
	"context"
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/data"
	"salondesk/ui/kanafield"
)

// equipmentForm is the form of one マシン・設備 (a bed, a machine, a seat).
type equipmentForm struct {
	name, sbID, capacity, sort *widget.Entry
	kana                       *kanafield.Field
	active                     *widget.Check
}

func newEquipmentTab(s *screen) (*masterTab[data.Equipment], *equipmentForm) {
	f := &equipmentForm{name: widget.NewEntry(), kana: kanafield.New(), sbID: widget.NewEntry(),
		capacity: widget.NewEntry(), sort: widget.NewEntry(), active: widget.NewCheck(lang.X("masters.active", "有効"), nil)}
	form := widget.NewForm(
		widget.NewFormItem(lang.X("masters.name", "名前"), f.name),
		widget.NewFormItem(lang.X("masters.kana", "カナ"), f.kana),
		widget.NewFormItem(lang.X("masters.sb_equipment_id", "SALON BOARD設備ID"), f.sbID),
		widget.NewFormItem(lang.X("masters.capacity", "受付可能数"), f.capacity),
		widget.NewFormItem(lang.X("masters.sort_order", "表示順"), f.sort),
		widget.NewFormItem("", f.active),
	)
	return newMasterTab(s, tabSpec[data.Equipment]{
		table: app.TableEquipment,
		csv:   app.MasterEquipment,
		pick:  func(m app.Masters) []data.Equipment { return m.Equipment },
		id:    func(x data.Equipment) int64 { return x.ID },
		setID: func(x *data.Equipment, id int64) { x.ID = id },
		label: func(x data.Equipment) string { return rowLabel(x.Name, x.Active) },
		blank: func() data.Equipment { return data.Equipment{Capacity: 1, Active: true} },
		show:  f.show,
		read:  f.read,
		save:  func(ctx context.Context, x *data.Equipment) error { return s.a.SaveEquipment(ctx, x) },
		form:  form,
	}), f
}

func (f *equipmentForm) show(x data.Equipment) {
	f.name.SetText(x.Name)
	f.kana.SetText(x.Kana)
	f.sbID.SetText(x.SBID)
	f.capacity.SetText(itoa(x.Capacity))
	f.sort.SetText(itoa(x.SortOrder))
	f.active.SetChecked(x.Active)
}

func (f *equipmentForm) read() (data.Equipment, error) {
	var n numbers
	x := data.Equipment{Name: f.name.Text, Kana: f.kana.Text, SBID: strings.TrimSpace(f.sbID.Text),
		Active: f.active.Checked}
	x.Capacity = n.read(lang.X("masters.capacity", "受付可能数"), f.capacity)
	x.SortOrder = n.read(lang.X("masters.sort_order", "表示順"), f.sort)
	return x, n.err
}

package masters

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/data"
	"salondesk/ui/kanafield"
)

// staffForm is the form of one スタッフ.
type staffForm struct {
	name, sbName, sbID  *widget.Entry
	kana                *kanafield.Field
	fee, capacity, sort *widget.Entry
	start, end          *widget.Entry
	days                [7]*widget.Check
	active              *widget.Check
}

func newStaffTab(s *screen) (*masterTab[data.Staff], *staffForm) {
	f := &staffForm{name: widget.NewEntry(), kana: kanafield.New(), sbName: widget.NewEntry(),
		sbID: widget.NewEntry(), fee: widget.NewEntry(), capacity: widget.NewEntry(), sort: widget.NewEntry(),
		start: widget.NewEntry(), end: widget.NewEntry(),
		active: widget.NewCheck(lang.X("masters.active", "有効"), nil)}
	f.start.SetPlaceHolder("10:00")
	f.end.SetPlaceHolder("19:00")
	days := container.NewHBox()
	for wd := range f.days {
		f.days[wd] = widget.NewCheck(weekdayName(wd), nil)
		days.Add(f.days[wd])
	}
	hours := container.NewHBox(container.NewGridWrap(fyne.NewSize(90, f.start.MinSize().Height), f.start),
		widget.NewLabel("〜"), container.NewGridWrap(fyne.NewSize(90, f.end.MinSize().Height), f.end))
	form := widget.NewForm(
		widget.NewFormItem(lang.X("masters.name", "名前"), f.name),
		widget.NewFormItem(lang.X("masters.kana", "カナ"), f.kana),
		widget.NewFormItem(lang.X("masters.sb_staff_name", "SALON BOARDスタッフ名"), f.sbName),
		widget.NewFormItem(lang.X("masters.sb_staff_id", "SALON BOARDスタッフID"), f.sbID),
		widget.NewFormItem(lang.X("masters.designation_fee", "指名料"), f.fee),
		widget.NewFormItem(lang.X("masters.capacity", "受付可能数"), f.capacity),
		widget.NewFormItem(lang.X("masters.work_days", "出勤曜日"), days),
		&widget.FormItem{Text: lang.X("masters.work_hours", "勤務時間"), Widget: hours,
			HintText: lang.X("masters.work_hours_hint", "空欄の場合は営業時間になります")},
		widget.NewFormItem(lang.X("masters.sort_order", "表示順"), f.sort),
		widget.NewFormItem("", f.active),
	)
	return newMasterTab(s, tabSpec[data.Staff]{
		table: app.TableStaff,
		csv:   app.MasterStaff,
		pick:  func(m app.Masters) []data.Staff { return m.Staff },
		id:    func(x data.Staff) int64 { return x.ID },
		setID: func(x *data.Staff, id int64) { x.ID = id },
		label: func(x data.Staff) string { return rowLabel(x.Name, x.Active) },
		blank: func() data.Staff { return data.Staff{Capacity: 1, WorkDays: "0123456", Active: true} },
		show:  f.show,
		read:  f.read,
		save:  func(ctx context.Context, x *data.Staff) error { return s.a.SaveStaff(ctx, x) },
		form:  form,
	}), f
}

func (f *staffForm) show(x data.Staff) {
	f.name.SetText(x.Name)
	f.kana.SetText(x.Kana)
	f.sbName.SetText(x.SBName)
	f.sbID.SetText(x.SBID)
	f.fee.SetText(itoa(x.DesignationFee))
	f.capacity.SetText(itoa(x.Capacity))
	f.start.SetText(x.WorkStart)
	f.end.SetText(x.WorkEnd)
	f.sort.SetText(itoa(x.SortOrder))
	for wd, c := range f.days {
		c.SetChecked(strings.ContainsRune(x.WorkDays, rune('0'+wd)))
	}
	f.active.SetChecked(x.Active)
}

func (f *staffForm) read() (data.Staff, error) {
	var n numbers
	x := data.Staff{Name: f.name.Text, Kana: f.kana.Text, SBName: strings.TrimSpace(f.sbName.Text),
		SBID: strings.TrimSpace(f.sbID.Text), WorkStart: clockText(f.start.Text), WorkEnd: clockText(f.end.Text),
		Active: f.active.Checked}
	x.DesignationFee = n.read(lang.X("masters.designation_fee", "指名料"), f.fee)
	x.Capacity = n.read(lang.X("masters.capacity", "受付可能数"), f.capacity)
	x.SortOrder = n.read(lang.X("masters.sort_order", "表示順"), f.sort)
	var days strings.Builder
	for wd, c := range f.days {
		if c.Checked {
			days.WriteRune(rune('0' + wd))
		}
	}
	x.WorkDays = days.String()
	return x, n.err
}

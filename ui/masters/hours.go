package masters

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/data"
)

// hoursTab is 営業時間: the opening hours of each weekday and the salon-wide settings
// (サロン名, 予約枠の長さ, サロン全体の受付可能数), saved together.
type hoursTab struct {
	s        *screen
	open     [7]*widget.Entry
	close    [7]*widget.Entry
	closed   [7]*widget.Check
	name     *widget.Entry
	slot     *choice
	capacity *widget.Entry
	saveBtn  *widget.Button
	dirty    bool // edited since last filled: a reload must not wipe the edits
	filling  bool
	content  fyne.CanvasObject
}

func newHoursTab(s *screen) *hoursTab {
	t := &hoursTab{s: s, name: widget.NewEntry(), capacity: widget.NewEntry(),
		slot: newChoice([]string{"10", "15", "30"}, []string{minutes(10), minutes(15), minutes(30)})}
	touch := func(string) { t.touched() }
	grid := container.NewGridWithColumns(4, widget.NewLabel(lang.X("masters.weekday_header", "曜日")),
		widget.NewLabel(lang.X("masters.open", "開店")), widget.NewLabel(lang.X("masters.close", "閉店")),
		widget.NewLabel(lang.X("masters.closed_day", "定休日")))
	for wd := range 7 {
		t.open[wd], t.close[wd] = widget.NewEntry(), widget.NewEntry()
		t.open[wd].OnChanged, t.close[wd].OnChanged = touch, touch
		t.closed[wd] = widget.NewCheck("", func(bool) { t.touched() }) // the column header names it
		grid.Add(widget.NewLabel(weekdayName(wd)))
		grid.Add(t.open[wd])
		grid.Add(t.close[wd])
		grid.Add(t.closed[wd])
	}
	t.name.OnChanged, t.capacity.OnChanged = touch, touch
	t.slot.OnChanged = touch
	salon := widget.NewForm(
		widget.NewFormItem(lang.X("masters.salon_name", "サロン名"), t.name),
		widget.NewFormItem(lang.X("masters.slot_length", "予約枠の長さ"), t.slot),
		widget.NewFormItem(lang.X("masters.salon_capacity", "サロン全体の受付可能数"), t.capacity),
	)
	t.saveBtn = widget.NewButton(lang.X("masters.save", "保存"), t.saveTapped)
	t.saveBtn.Importance = widget.HighImportance
	body := container.NewVBox(salon, widget.NewSeparator(), grid)
	t.content = container.NewBorder(nil, container.NewHBox(t.saveBtn), nil, nil, container.NewVScroll(body))
	s.tabs = append(s.tabs, t)
	return t
}

func (t *hoursTab) touched() {
	if !t.filling {
		t.dirty = true
	}
}

// reload shows the stored hours unless the staff are in the middle of editing them.
func (t *hoursTab) reload(m app.Masters) {
	if t.dirty {
		return
	}
	salon, err := t.s.a.Salon(bg())
	if err != nil {
		t.s.showError(err)
		return
	}
	t.fill(salon, m.Hours)
}

func (t *hoursTab) fill(salon app.Salon, week []data.Hours) {
	t.filling = true
	defer func() { t.filling = false }()
	t.name.SetText(salon.Name)
	t.slot.SetValue(itoa(salon.SlotMinutes))
	t.capacity.SetText(itoa(salon.Capacity))
	for _, h := range week {
		t.open[h.Weekday].SetText(h.Open)
		t.close[h.Weekday].SetText(h.Close)
		t.closed[h.Weekday].SetChecked(h.Closed)
	}
	t.dirty = false
}

func (t *hoursTab) read() (app.Salon, []data.Hours, error) {
	var n numbers
	salon := app.Salon{Name: t.name.Text}
	salon.SlotMinutes, _ = parseNumber(t.slot.Value()) // one of the radio's own values
	salon.Capacity = n.read(lang.X("masters.salon_capacity", "サロン全体の受付可能数"), t.capacity)
	week := make([]data.Hours, 7)
	for wd := range week {
		week[wd] = data.Hours{Weekday: wd, Open: clockText(t.open[wd].Text), Close: clockText(t.close[wd].Text),
			Closed: t.closed[wd].Checked}
	}
	return salon, week, n.err
}

func (t *hoursTab) saveTapped() {
	salon, week, err := t.read()
	if err != nil {
		t.s.showError(err)
		return
	}
	// Not dirty any more: the MastersChanged of the save refills the tab with what was stored.
	t.dirty = false
	if err := t.s.a.SaveOpening(bg(), salon, week); err != nil {
		t.dirty = true
		t.s.showError(err)
	}
}

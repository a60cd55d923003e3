package settings

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	asettings "salondesk/app/settings"
)

// salonTab is サロン: the name, a summary of the opening hours (edited on 営業時間), the
// slot length, 消費税 and the UI language (which takes effect at the next start).
type salonTab struct {
	s        *screen
	name     *widget.Entry
	slot     *widget.Select
	hours    *widget.Label
	language *widget.Select
	tax      *taxFields
	saveBtn  *widget.Button
	capacity int // kept as loaded: it is edited on 予約 停止・再開 / 営業時間
	lang     string
	content  fyne.CanvasObject
}

var slotValues = []int{10, 15, 30}

var languages = []string{"ja", "en"}

func newSalonTab(s *screen) *salonTab {
	t := &salonTab{s: s, name: widget.NewEntry(), hours: widget.NewLabel(""), tax: newTaxFields()}
	var slots []string
	for _, m := range slotValues {
		slots = append(slots, lang.X("settings.salon.minutes", "{{.Minutes}}分", map[string]any{"Minutes": m}))
	}
	t.slot = widget.NewSelect(slots, nil)
	t.language = widget.NewSelect([]string{"日本語", "English"}, nil) // each in its own language
	t.hours.Wrapping = fyne.TextWrapWord
	hoursBtn := widget.NewButton(lang.X("settings.salon.edit_hours", "営業時間を変更"), func() {
		if s.deps.ShowHours != nil {
			s.deps.ShowHours()
		}
	})
	if s.deps.ShowHours == nil {
		hoursBtn.Hide()
	}
	note := widget.NewLabel(lang.X("settings.salon.language_note", "表示言語の変更は、アプリを再起動すると反映されます。"))
	note.Importance = widget.LowImportance
	t.saveBtn = widget.NewButton(lang.X("settings.save", "保存"), t.save)
	t.saveBtn.Importance = widget.HighImportance
	form := widget.NewForm(
		widget.NewFormItem(lang.X("settings.salon.name", "サロン名"), t.name),
		widget.NewFormItem(lang.X("settings.salon.hours", "営業時間"), container.NewVBox(t.hours, container.NewHBox(hoursBtn))),
		widget.NewFormItem(lang.X("settings.salon.slot", "予約枠の長さ"), t.slot),
		widget.NewFormItem(lang.X("settings.salon.language", "表示言語"), container.NewVBox(t.language, note)),
	)
	for _, it := range t.tax.items() {
		form.AppendItem(it)
	}
	t.content = container.NewBorder(nil, container.NewHBox(t.saveBtn), nil, nil, container.NewVScroll(container.NewPadded(form)))
	return t
}

func (t *salonTab) fill() error {
	ctx := context.Background()
	salon, err := t.s.a.Salon(ctx)
	if err != nil {
		return err
	}
	g, err := t.s.conf.General(ctx)
	if err != nil {
		return err
	}
	t.name.SetText(salon.Name)
	t.capacity = salon.Capacity
	t.slot.ClearSelected()
	for i, m := range slotValues {
		if m == salon.SlotMinutes {
			t.slot.SetSelectedIndex(i)
		}
	}
	t.lang = g.Language
	t.language.SetSelectedIndex(indexOf(languages, g.Language))
	t.tax.fill(t.s.a.TaxSettings(ctx))
	return t.fillHours(ctx)
}

func indexOf(list []string, v string) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return 0
}

// fillHours sums the week up in one line per distinct set of hours.
func (t *salonTab) fillHours(ctx context.Context) error {
	m, err := t.s.a.Masters(ctx, false)
	if err != nil {
		return err
	}
	var lines []string
	for _, h := range m.Hours {
		day := weekdayName(h.Weekday)
		if h.Closed {
			lines = append(lines, lang.X("settings.salon.hours_closed", "{{.Day}} 定休日", map[string]any{"Day": day}))
			continue
		}
		lines = append(lines, lang.X("settings.salon.hours_line", "{{.Day}} {{.Open}}〜{{.Close}}",
			map[string]any{"Day": day, "Open": h.Open, "Close": h.Close}))
	}
	t.hours.SetText(strings.Join(lines, "　"))
	return nil
}

func weekdayName(wd int) string {
	switch wd {
	case 0:
		return lang.X("settings.weekday.sun", "日")
	case 1:
		return lang.X("settings.weekday.mon", "月")
	case 2:
		return lang.X("settings.weekday.tue", "火")
	case 3:
		return lang.X("settings.weekday.wed", "水")
	case 4:
		return lang.X("settings.weekday.thu", "木")
	case 5:
		return lang.X("settings.weekday.fri", "金")
	}
	return lang.X("settings.weekday.sat", "土")
}

func (t *salonTab) save() {
	ctx := context.Background()
	salon := app.Salon{Name: t.name.Text, Capacity: t.capacity}
	if i := t.slot.SelectedIndex(); i >= 0 {
		salon.SlotMinutes = slotValues[i]
	}
	g := asettings.General{Language: languages[max(t.language.SelectedIndex(), 0)]}
	tax := t.tax.read()
	// The language and the tax are checked before anything is written.
	if err := asettings.CheckGeneral(g); err != nil {
		t.s.showError(err)
		return
	}
	if err := app.CheckTaxSettings(tax); err != nil {
		t.s.showError(err)
		return
	}
	if err := t.s.conf.SaveSalon(ctx, salon); err != nil {
		t.s.showError(err)
		return
	}
	if err := t.s.conf.SaveTax(ctx, tax); err != nil {
		t.s.showError(err)
		return
	}
	if err := t.s.conf.SaveGeneral(ctx, g); err != nil {
		t.s.showError(err)
		return
	}
	msg := lang.X("settings.saved", "保存しました。")
	if g.Language != t.lang {
		msg = lang.X("settings.salon.language_saved", "保存しました。表示言語はアプリを再起動すると切り替わります。")
	}
	t.lang = g.Language
	t.s.showInfo(lang.X("settings.saved_title", "設定"), msg)
}

package reservation

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/data"
)

// The pieces of the reservation form that the 予約情報登録(転記) form (ui/transcribe)
// shares, exported as thin wrappers so that both forms behave the same without copies.

// MenuPicker is メニュー: checkboxes grouped by category, zero-minute menus apart.
type MenuPicker struct{ p *menuPicker }

// NewMenuPicker lists the menus with the selected ones ticked; onChanged runs on every tick.
func NewMenuPicker(cats []data.Category, menus []data.Menu, selected []int64, onChanged func()) *MenuPicker {
	return &MenuPicker{p: newMenuPicker(cats, menus, selected, onChanged)}
}

// Content is the picker's widget.
func (m *MenuPicker) Content() fyne.CanvasObject { return m.p.content() }

// Selected lists the ticked menus in display order (never nil).
func (m *MenuPicker) Selected() []int64 { return m.p.selected() }

// Check ticks or unticks one menu as a person would.
func (m *MenuPicker) Check(id int64, on bool) { m.p.check(id, on) }

// CheckBox is the checkbox of a menu (tests tap it), nil for an unknown menu.
func (m *MenuPicker) CheckBox(id int64) *widget.Check { return m.p.checks[id] }

// CustomerPicker is お客様: search an existing customer, or enter a new one.
type CustomerPicker struct{ p *customerPicker }

// NewCustomerPicker starts with customerID chosen (0: none).
func NewCustomerPicker(a *app.App, customerID int64) *CustomerPicker {
	return &CustomerPicker{p: newCustomerPicker(a, customerID)}
}

// Content is the picker's widget.
func (c *CustomerPicker) Content() fyne.CanvasObject { return c.p.content() }

// Input is the chosen customer's id, or the new customer to create.
func (c *CustomerPicker) Input() (int64, *app.CustomerInput) { return c.p.input() }

// Search lists the customers matching text as if staff had typed it, and tells how many.
func (c *CustomerPicker) Search(text string) int {
	c.p.search.SetText(text)
	return len(c.p.results.Objects)
}

// Results is the box of search results (one button per customer).
func (c *CustomerPicker) Results() *fyne.Container { return c.p.results }

// PrefillNew fills the new customer's 名前, カナ and 電話 and, when show is set, switches
// to 新規のお客様.
func (c *CustomerPicker) PrefillNew(name, kana, phone string, show bool) {
	c.p.name.SetText(name)
	c.p.kana.SetText(kana)
	c.p.phone.SetText(phone)
	if show {
		c.p.mode.SetSelected(modeNew())
	}
}

// Mode is the mode choice (登録済みのお客様 / 新規のお客様).
func (c *CustomerPicker) Mode() *widget.RadioGroup { return c.p.mode }

// ParseDay reads a date typed at the desk (2026/11/10, 2026-11-10, 20261110, full-width).
func ParseDay(s string) (time.Time, bool) { return parseDay(s) }

// ParseClock reads 10:05 (or １０：０５) as minutes after midnight.
func ParseClock(s string) (int, bool) { return parseClock(s) }

// WeekdayText is 月, 火… in the UI language.
func WeekdayText(d time.Weekday) string { return weekdayText(d) }

// MinutesText is 90分.
func MinutesText(d time.Duration) string { return minutesText(d) }

// ShowError shows a refusal in staff words (any other error too, never as a panic).
func ShowError(err error, win fyne.Window) { showError(err, win) }

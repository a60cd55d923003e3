package masters

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"salondesk/app"
	"salondesk/data"
)

// staffScreen is 受付・スタッフ/マシン・設備.
type staffScreen struct {
	screen
	staff     *masterTab[data.Staff]
	staffForm *staffForm
	equipment *masterTab[data.Equipment]
	hours     *hoursTab
	view      *container.AppTabs
}

// NewStaffScreen is the menu item 受付・スタッフ/マシン・設備: staff, equipment and the
// salon's opening hours and capacity.
func NewStaffScreen(a *app.App, win fyne.Window) fyne.CanvasObject {
	return newStaffScreen(a, win).view
}

func newStaffScreen(a *app.App, win fyne.Window) *staffScreen {
	s := &staffScreen{screen: screen{a: a, win: win}}
	s.staff, s.staffForm = newStaffTab(&s.screen)
	s.equipment, _ = newEquipmentTab(&s.screen)
	s.hours = newHoursTab(&s.screen)
	s.view = container.NewAppTabs(
		container.NewTabItem(lang.X("masters.tab.staff", "スタッフ"), s.staff.content),
		container.NewTabItem(lang.X("masters.tab.equipment", "マシン・設備"), s.equipment.content),
		container.NewTabItem(lang.X("masters.tab.hours", "営業時間"), s.hours.content),
	)
	s.reload()
	s.watch()
	return s
}

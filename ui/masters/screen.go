// Package masters holds the screens of the salon's master data (staff, equipment,
// opening hours, menus, coupons, plans, products), 予約 停止・再開, and the basic
// お客様管理 screen. Every screen reads and writes through package app and refreshes
// itself on the app's change events.
package masters

import (
	"context"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"salondesk/app"
)

// screen is what the tabs of one master screen share: the use cases, the window for
// dialogs, and one read of the masters handed to every tab on each change.
type screen struct {
	a    *app.App
	win  fyne.Window
	tabs []interface{ reload(app.Masters) }
}

// The database is local SQLite: reads and writes from the UI goroutine are fast.
func bg() context.Context { return context.Background() }

// reload reads the masters once and hands them to every tab.
func (s *screen) reload() {
	m, err := s.a.Masters(bg(), true)
	if err != nil {
		s.showError(err)
		return
	}
	for _, t := range s.tabs {
		t.reload(m)
	}
}

// watch reloads on MastersChanged. The subscription lives as long as the app: the shell
// builds each screen once.
func (s *screen) watch() {
	s.a.Events().Subscribe(func(e app.Event) {
		if _, ok := e.(app.MastersChanged); ok {
			fyne.Do(s.reload)
		}
	})
}

func (s *screen) showError(err error) { showErr(s.win, err) }

// showErr shows an error; a UserError's text is already the staff's message.
func showErr(win fyne.Window, err error) { dialog.ShowError(err, win) }

// confirmDelete asks before deleting the named row.
func (s *screen) confirmDelete(name string, del func()) {
	dialog.ShowConfirm(lang.X("masters.delete_title", "削除"),
		lang.X("masters.delete_confirm", "「{{.Name}}」を削除します。よろしいですか？", map[string]any{"Name": name}),
		func(ok bool) {
			if ok {
				del()
			}
		}, s.win)
}

// weekdayName is 日, 月, … 土 for 0 (Sunday) to 6.
func weekdayName(wd int) string {
	names := []string{"日", "月", "火", "水", "木", "金", "土"}
	return lang.X("masters.weekday."+strconv.Itoa(wd), names[wd])
}

// dayTitle is "2026年11月2日(月)".
func dayTitle(d time.Time) string {
	return lang.X("masters.day_title", "{{.Year}}年{{.Month}}月{{.Day}}日({{.Weekday}})", map[string]any{
		"Year": d.Year(), "Month": int(d.Month()), "Day": d.Day(), "Weekday": weekdayName(int(d.Weekday()))})
}

// minutes is "60分".
func minutes(n int) string {
	return lang.X("masters.minutes", "{{.Min}}分", map[string]any{"Min": n})
}

// rowLabel is a list row's text: the name, marked when the row is 無効.
func rowLabel(name string, active bool) string {
	if active {
		return name
	}
	return lang.X("masters.inactive_row", "{{.Name}}（無効）", map[string]any{"Name": name})
}

func itoa(n int) string { return strconv.Itoa(n) }

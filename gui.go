package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"salondesk/app"
	"salondesk/app/printout"
	"salondesk/data"
	"salondesk/ui"
	"salondesk/ui/masters"
	"salondesk/ui/reservation"
	"salondesk/ui/schedule"
	"salondesk/ui/transcribe"
)

// runGUI opens the salon's database and the main window.
func runGUI(o options, stderr io.Writer) int {
	if !validPage(o.screen) {
		fmt.Fprintf(stderr, "不明な画面です: %s\n", o.screen)
		return 2
	}
	store, err := openStore(o, time.Now())
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer store.Close()
	a := app.New(store, app.WithVersion(version))
	ui.Run(a, ui.Options{Demo: o.demo, Screens: screens(a), Start: ui.Page(o.screen)})
	return 0
}

// screens wires the screens of the subpackages into the shell.
func screens(a *app.App) ui.Screens {
	var s ui.Screens
	open := func(win fyne.Window) func(int64) {
		return func(id int64) { reservation.ShowDetail(a, win, id) }
	}
	s.OpenReservation = func(win fyne.Window, id int64) { reservation.ShowDetail(a, win, id) }
	s.Transcribe = func(win fyne.Window, id int64) { transcribe.Show(a, win, id, nil) }
	s.Schedule = func(win fyne.Window) ui.ScheduleScreen {
		return schedule.New(a, win, schedule.Callbacks{
			OpenReservation: open(win),
			NewReservation: func(start time.Time, staffID int64) {
				reservation.ShowForm(a, win, app.ReservationInput{Start: start, StaffID: staffID}, nil)
			},
			Print: func(day time.Time) { printDay(a, win, day) },
		})
	}
	s.Reservations = func(win fyne.Window) ui.ReservationList { return reservation.NewList(a, win, open(win)) }
	s.StopResume = func(win fyne.Window) fyne.CanvasObject { return masters.NewStopScreen(a, win) }
	s.Staff = func(win fyne.Window) fyne.CanvasObject { return masters.NewStaffScreen(a, win) }
	s.Menus = func(win fyne.Window) fyne.CanvasObject { return masters.NewMenuScreen(a, win) }
	s.Customers = func(win fyne.Window) fyne.CanvasObject { return masters.NewCustomerScreen(a, win, open(win)) }
	return s
}

// printDay is 印刷: the day's schedule as a PDF beside the database, opened in the
// system's viewer. It runs off the UI goroutine; only an error comes back to it.
func printDay(a *app.App, win fyne.Window, day time.Time) {
	go func() {
		err := func() error {
			d, err := a.Schedule(context.Background(), day)
			if err != nil {
				return err
			}
			dir := filepath.Join(filepath.Dir(a.Store().Path()), "prints")
			if err := os.MkdirAll(dir, 0o700); err != nil {
				return err
			}
			path := filepath.Join(dir, "schedule-"+data.FormatDay(day)+".pdf")
			if err := printout.Schedule(d, path); err != nil {
				return err
			}
			return printout.Open(path)
		}()
		if err != nil {
			fyne.Do(func() { dialog.ShowError(err, win) })
		}
	}()
}

func validPage(p string) bool {
	switch ui.Page(p) {
	case "", ui.PageHome, ui.PageSchedule, ui.PageReservations, ui.PageStopResume, ui.PageStaff, ui.PageMenus,
		ui.PageCustomers, ui.PageNotifications, ui.PageSales, ui.PageSettings:
		return true
	}
	return false
}

package ui

import (
	"database/sql"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"salondesk/app"
	"salondesk/assets"
	"salondesk/data"
	"salondesk/data/datatest"
	stheme "salondesk/ui/theme"
)

// benchShell is a shell on a busy salon: 60 days of 50 reservations and 1,000
// notifications (a third unresolved).
func benchShell(b *testing.B) *Shell {
	test.NewTempApp(b).Settings().SetTheme(stheme.New())
	if err := assets.UseLanguage("ja"); err != nil {
		b.Fatal(err)
	}
	store := datatest.NewStore(b)
	salon := datatest.Seed(b, store)
	ctx := b.Context()
	err := store.Tx(ctx, func(tx *sql.Tx) error {
		for d := -30; d < 30; d++ {
			for i := 0; i < 50; i++ {
				start := data.DayStart(testNow).AddDate(0, 0, d).Add(10*time.Hour + time.Duration(i%18)*30*time.Minute)
				r := data.Reservation{Start: start, End: start.Add(time.Hour), CustomerID: salon.Customers["ヤマダ　ハナコ"],
					CustomerName: "山田 花子", CustomerKana: "ヤマダ　ハナコ", Route: data.RoutePhone, Status: data.StatusWaiting,
					PaymentType: data.PayPerVisit, MenuIDs: []int64{salon.Menus["カット"]}, ReceivedAt: testNow,
					CreatedAt: testNow, UpdatedAt: testNow}
				if err := data.InsertReservation(ctx, tx, &r); err != nil {
					return err
				}
			}
		}
		for i := 0; i < 1000; i++ {
			n := data.Notification{CreatedAt: testNow.Add(-time.Duration(i) * time.Hour), Direction: data.DirAppToSB,
				Reason: "timeout", ReservationNo: "807", ReservationAt: "2025-06-26 11:00"}
			if i%3 != 0 {
				n.ResolvedAt = "2025-06-20 13:00:00"
			}
			if err := data.InsertNotification(ctx, tx, &n); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	a := app.New(store, app.WithClock(func() time.Time { return testNow }))
	w := test.NewWindow(nil)
	w.Resize(fyne.NewSize(1280, 800))
	s := NewShell(a, w, Screens{})
	w.SetContent(s.Content())
	b.Cleanup(func() { s.Close(); w.Close() })
	return s
}

// BenchmarkRefreshHome is what one app event costs while Home is shown (50 reservations
// today, 1,000 notifications).
func BenchmarkRefreshHome(b *testing.B) {
	s := benchShell(b)
	for b.Loop() {
		s.Refresh()
	}
}

// BenchmarkRefreshNotices is the same with the お知らせ list (500 newest rows) shown.
func BenchmarkRefreshNotices(b *testing.B) {
	s := benchShell(b)
	s.Show(PageNotifications)
	for b.Loop() {
		s.Refresh()
	}
}

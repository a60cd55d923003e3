package schedule

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/data"
	"salondesk/data/datatest"
	stheme "salondesk/ui/theme"
)

func newScreen(t *testing.T, f *fixture, cb Callbacks) (*Screen, fyne.Window) {
	t.Helper()
	w := test.NewWindow(nil)
	s := New(f.app, w, cb)
	w.SetContent(s.Content())
	w.Resize(fyne.NewSize(1100, 700))
	t.Cleanup(func() {
		s.Close()
		w.Close()
	})
	return s, w
}

// overlayTexts lists the texts of the top overlay (a dialog), or nil when there is none.
func overlayTexts(w fyne.Window) []string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return nil
	}
	var out []string
	for _, o := range test.LaidOutObjects(top) {
		switch o := o.(type) {
		case *canvas.Text:
			out = append(out, o.Text)
		case *widget.Label:
			out = append(out, o.Text)
		}
	}
	return out
}

func containsPart(texts []string, part string) bool {
	return slices.ContainsFunc(texts, func(s string) bool { return strings.Contains(s, part) })
}

func TestScreenDayNavigation(t *testing.T) {
	f := newFixture(t)
	f.seedDay()
	s, _ := newScreen(t, f, Callbacks{})

	check := func(step, day, title string) {
		t.Helper()
		if got := s.Day(); !got.Equal(dayOf(day)) {
			t.Fatalf("%s: day %v, want %s", step, got, day)
		}
		if s.nav.title.Text != title {
			t.Fatalf("%s: title %q, want %q", step, s.nav.title.Text, title)
		}
		if got := data.FormatDay(s.grid.Schedule().Day); got != day {
			t.Fatalf("%s: grid shows %s", step, got)
		}
	}
	check("start", testDay, "11月23日(月)")
	if len(s.grid.m.badges) == 0 {
		t.Fatal("today's reservations are not drawn")
	}
	test.Tap(s.nav.prev)
	check("前の日", "2026-11-22", "11月22日(日)")
	if len(s.grid.m.badges) != 0 {
		t.Fatal("the previous day shows reservations it does not have")
	}
	test.Tap(s.nav.next)
	test.Tap(s.nav.next)
	check("次の日", "2026-11-24", "11月24日(火)")
	test.Tap(s.nav.today)
	check("今日", testDay, "11月23日(月)")

	// The strip: 5 days each side, the day itself in the middle and highlighted.
	if len(s.nav.strip) != 11 || s.nav.strip[5].Text != "23" || s.nav.strip[0].Text != "18" ||
		s.nav.strip[10].Text != "28" || s.nav.strip[5].Importance != widget.HighImportance {
		t.Fatalf("strip %q…%q…%q", s.nav.strip[0].Text, s.nav.strip[5].Text, s.nav.strip[10].Text)
	}
	test.Tap(s.nav.strip[0])
	check("strip", "2026-11-18", "11月18日(水)")
	// Today stays marked when the strip moves away from it.
	if s.nav.strip[10].Text != "23" || s.nav.strip[10].Importance != widget.MediumImportance {
		t.Fatalf("today in the strip: %q %v", s.nav.strip[10].Text, s.nav.strip[10].Importance)
	}
}

func dayOf(day string) time.Time { return datatest.At(day, "00:00") }

func TestScreenAlertBanner(t *testing.T) {
	f := newFixture(t)
	s, _ := newScreen(t, f, Callbacks{})
	if s.banner.box.Visible() || s.banner.running {
		t.Fatal("banner shown without an unresolved notification")
	}
	ctx := context.Background()
	n := data.Notification{CreatedAt: datatest.At("2026-11-20", "09:15"), Direction: data.DirAppToSB,
		Reason: "timeout", ReservationNo: "807"}
	if err := f.store.Tx(ctx, func(tx *sql.Tx) error { return data.InsertNotification(ctx, tx, &n) }); err != nil {
		t.Fatal(err)
	}
	f.app.Events().Publish(app.NotificationsChanged{}) // as the sync does after writing one
	if !s.banner.box.Visible() || !s.banner.running {
		t.Fatal("banner hidden with an unresolved notification")
	}
	if got, want := s.banner.text.Text, "予約アラート 2026.11.20 09:15 時点"; got != want {
		t.Fatalf("banner %q, want %q", got, want)
	}
	// It blinks: each tick of its timer switches between red on pale and white on red.
	lit := s.banner.text.Color
	s.banner.blink()
	if s.banner.text.Color == lit || s.banner.bg.FillColor != stheme.ColorAlert {
		t.Fatal("banner does not blink")
	}
	if err := f.app.ResolveNotification(ctx, n.ID); err != nil {
		t.Fatal(err)
	}
	if s.banner.box.Visible() || s.banner.running || !s.banner.lit {
		t.Fatal("banner still shown (or blinking) after the notification was resolved")
	}
}

func TestScreenReloadsOnEventsFromAnotherGoroutine(t *testing.T) {
	f := newFixture(t)
	s, _ := newScreen(t, f, Callbacks{})
	if len(s.grid.m.badges) != 0 {
		t.Fatal("empty day has badges")
	}
	// A reservation saved elsewhere (another window, the mail reader) on the publisher's goroutine.
	done := make(chan error)
	go func() {
		_, err := f.app.SaveReservation(context.Background(), app.ReservationInput{
			CustomerID: f.salon.Customers["ヤマダ　ハナコ"], Start: at("15:00"), StaffID: f.salon.Staff["佐藤"],
			MenuIDs: []int64{f.salon.Menus["カット"]}, Route: data.RoutePhone})
		done <- err
	}()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if len(s.grid.m.badges) != 1 || !s.grid.m.badges[0].res.Start.Equal(at("15:00")) {
		t.Fatalf("grid not refreshed: %d badges", len(s.grid.m.badges))
	}
	if !slices.Contains(drawnTexts(s.grid), "山田 花子") {
		t.Fatal("the new badge is not drawn")
	}

	// A change on another day does not reload this one.
	shown := s.sched
	go func() {
		_, err := f.app.SaveReservation(context.Background(), app.ReservationInput{
			CustomerID: f.salon.Customers["タナカ　イチロウ"], Start: at("15:00").AddDate(0, 0, 2),
			MenuIDs: []int64{f.salon.Menus["カット"]}, Route: data.RoutePhone})
		done <- err
	}()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if s.sched != shown {
		t.Fatal("a change on another day reloaded the day")
	}

	// New staff (MastersChanged) gets a column.
	go func() {
		done <- f.app.SaveStaff(context.Background(), &data.Staff{Name: "高橋", Kana: "タカハシ", Capacity: 1,
			WorkDays: "0123456", Active: true})
	}()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(drawnTexts(s.grid), "高橋") {
		t.Fatal("new staff column not drawn after MastersChanged")
	}
}

func TestScreenButtons(t *testing.T) {
	f := newFixture(t)
	var printed []time.Time
	synced := 0
	s, _ := newScreen(t, f, Callbacks{
		Print: func(day time.Time) { printed = append(printed, day) },
		SyncNow: func() {
			synced++
			// What a sync brings in, without an event: 最新を表示 must reload anyway.
			f.insert("synced", data.Reservation{Start: at("12:00"), End: at("13:00"), CustomerName: "同期 花子",
				CustomerKana: "ドウキ　ハナコ", Route: data.RouteHPB})
		},
	})
	test.Tap(s.nav.next)
	test.Tap(s.printBtn)
	if len(printed) != 1 || !printed[0].Equal(dayOf("2026-11-24")) {
		t.Fatalf("Print called with %v", printed)
	}
	test.Tap(s.nav.today)
	test.Tap(s.syncBtn)
	s.syncing.Wait()
	if synced != 1 {
		t.Fatalf("SyncNow called %d times", synced)
	}
	if s.syncBtn.Disabled() || !slices.Contains(drawnTexts(s.grid), "同期 花子") {
		t.Fatal("最新を表示 did not reload the day")
	}

	// Without callbacks the buttons are not offered.
	bare, _ := newScreen(t, f, Callbacks{})
	if bare.printBtn.Visible() || bare.syncBtn.Visible() {
		t.Fatal("印刷 / 最新を表示 shown without a callback")
	}
	test.Tap(bare.grid) // no OnOpen / OnNew: nothing happens, nothing panics
}

func TestScreenNewArrivals(t *testing.T) {
	f := newFixture(t)
	f.seedDay() // only the provisional one arrived in the last 24 hours
	var opened []int64
	s, w := newScreen(t, f, Callbacks{OpenReservation: func(id int64) { opened = append(opened, id) }})
	if s.arrivalsBtn.Text != "新着通知 (1)" {
		t.Fatalf("button %q", s.arrivalsBtn.Text)
	}
	test.Tap(s.arrivalsBtn)
	texts := overlayTexts(w)
	if !containsPart(texts, "スズキ　ハナ 様") || !containsPart(texts, "11/23(月) 11:00") {
		t.Fatalf("新着通知 dialog %q", texts)
	}
	if s.arrivalsBtn.Text != "新着通知" || !s.arrivalsSince.Equal(clock) {
		t.Fatalf("after opening: button %q, since %v", s.arrivalsBtn.Text, s.arrivalsSince)
	}
	var list *widget.List
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.List); ok {
			list = l
		}
	}
	if list == nil {
		t.Fatal("no list in the dialog")
	}
	list.Select(0)
	if len(opened) != 1 || opened[0] != f.ids["provisional"] {
		t.Fatalf("row opened %v, want %d", opened, f.ids["provisional"])
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("dialog still open after opening a reservation")
	}
	// Nothing new since: the dialog says so.
	test.Tap(s.arrivalsBtn)
	if !containsPart(overlayTexts(w), "新着の予約はありません。") {
		t.Fatalf("empty 新着通知 %q", overlayTexts(w))
	}
}

func TestScreenLegend(t *testing.T) {
	f := newFixture(t)
	s, w := newScreen(t, f, Callbacks{})
	test.Tap(s.legendBtn)
	texts := overlayTexts(w)
	for _, want := range []string{"アイコン説明", "×", "仮", "HPB", "指", "新", "連携失敗", "仮登録", "HOT PEPPER Beauty",
		"指名あり", "新規のお客様"} {
		if !containsPart(texts, want) {
			t.Errorf("legend lacks %q: %q", want, texts)
		}
	}
}

func TestScreenLoadErrorShowsDialog(t *testing.T) {
	f := newFixture(t)
	f.seedDay()
	s, w := newScreen(t, f, Callbacks{})
	shown := s.sched
	f.store.Close()
	test.Tap(s.nav.next)
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no error dialog")
	}
	if !s.Day().Equal(dayOf(testDay)) || s.sched != shown || len(s.grid.m.badges) == 0 {
		t.Fatal("the day shown changed although it could not be loaded")
	}
}

package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"salondesk/app"
	"salondesk/data"
	"salondesk/data/datatest"
)

const (
	lineAppToSB = "SalonDeskからSALON BOARDへの予約連携に失敗しました。該当の予約情報のご確認をお願いいたします。(%d件)"
	lineSBToApp = "SALON BOARDからSalonDeskへの予約連携に失敗しました。該当の予約情報のご確認をお願いいたします。(%d件)"
)

func TestHomeLinesPerDirection(t *testing.T) {
	f := newFixture(t)
	f.seedDay()
	f.seedNotifications()
	f.open()
	f.requireText(sprintf(lineAppToSB, 2))
	f.requireText(sprintf(lineSBToApp, 1))
	f.requireText("お知らせ一覧を表示")
	if n := len(f.shell.home.alerts.Objects); n != 2 {
		t.Fatalf("%d lines, want one per direction with failures (2)", n)
	}
	for _, s := range f.texts() {
		if contains(s, "スマレジ") {
			t.Fatalf("a line for a direction without failures: %q", s)
		}
	}
	test.Tap(f.shell.home.alerts.Objects[0].(fyne.Tappable))
	if f.shell.Current() != PageNotifications {
		t.Fatalf("a Home line leads to %q, want the notification list", f.shell.Current())
	}
	test.Tap(f.shell.side.items[PageHome])
	// Resolving the only SALON BOARD → app failure removes its line.
	if err := f.app.ResolveNotification(f.ctx, f.notice["sb_mismatch"]); err != nil {
		t.Fatal(err)
	}
	if f.hasText(sprintf(lineSBToApp, 1)) {
		t.Fatal("the SALON BOARD → app line stayed after it was resolved")
	}
	f.requireText(sprintf(lineAppToSB, 2))
}

func TestHomeWithoutFailuresHasNoLines(t *testing.T) {
	f := newFixture(t)
	f.open()
	for _, s := range f.texts() {
		if contains(s, "失敗しました") {
			t.Fatalf("line without failures: %q", s)
		}
	}
	f.requireText("本日の予約はありません。")
	f.requireText("¥0（0件）")
}

func TestHomeDaysAndToday(t *testing.T) {
	f := newFixture(t)
	f.seedDay()
	f.open()
	h := f.shell.home
	if n := len(h.days.cells.Objects); n != 14 {
		t.Fatalf("%d day cells, want 14", n)
	}
	for _, s := range []string{"6/20", "2 件", "6/27", "6/30", "3 件", "7/3", "金", "木",
		"山田 花子 様", "田中 一郎 様", "10:00〜11:00", "カット＋ケアカラー ¥9,900", "¥5,500（1件）"} {
		f.requireText(s)
	}
	// 6/27 is the eighth cell: it opens the schedule on that day.
	test.Tap(h.days.cells.Objects[7].(fyne.Tappable))
	if f.shell.Current() != PageSchedule || !f.fakes.schedule.day.Equal(datatest.At("2025-06-27", "00:00")) {
		t.Fatalf("day tap: page %q, schedule day %v", f.shell.Current(), f.fakes.schedule.day)
	}
	test.Tap(f.shell.side.items[PageHome])
	test.Tap(h.schedule)
	if f.shell.Current() != PageSchedule || !f.fakes.schedule.day.Equal(datatest.At("2025-06-20", "00:00")) {
		t.Fatalf("本日のスケジュール: page %q, schedule day %v", f.shell.Current(), f.fakes.schedule.day)
	}
	if f.fakes.built[PageSchedule] != 1 {
		t.Fatalf("schedule built %d times", f.fakes.built[PageSchedule])
	}
	test.Tap(f.shell.side.items[PageHome])
	test.Tap(h.today.Objects[1].(fyne.Tappable))
	if len(f.fakes.opened) != 1 || f.fakes.opened[0] != f.resv["tanaka"] {
		t.Fatalf("today's row opened %v, want %d", f.fakes.opened, f.resv["tanaka"])
	}
}

// A reservation saved elsewhere shows on Home without a tap.
func TestHomeFollowsReservations(t *testing.T) {
	f := newFixture(t)
	f.open()
	f.requireText("本日の予約はありません。")
	_, err := f.app.SaveReservation(f.ctx, app.ReservationInput{CustomerID: f.salon.Customers["ヤマダ　ハナコ"],
		Start: datatest.At("2025-06-20", "17:00"), MenuIDs: []int64{f.salon.Menus["カット"]}})
	if err != nil {
		t.Fatal(err)
	}
	f.requireText("山田 花子 様")
}

func TestHomeGolden(t *testing.T) {
	f := newFixture(t)
	f.seedDay()
	f.seedNotifications()
	f.open()
	test.AssertImageMatches(t, "home.png", f.win.Canvas().Capture())
}

// Smaregi's open お知らせ get their own lines, counted per direction, like SALON BOARD's.
func TestHomeSmaregiLines(t *testing.T) {
	f := newFixture(t)
	at := datatest.At("2025-06-03", "10:00")
	f.addNotification("sm_unknown_member", data.Notification{CreatedAt: at, Direction: data.DirSmaregiToApp,
		Reason: "smaregi_unknown_member", Detail: "スマレジの取引 12 の会員は…"})
	f.addNotification("sm_no_reservation", data.Notification{CreatedAt: at, Direction: data.DirSmaregiToApp,
		Reason: "smaregi_no_reservation", Detail: "スマレジの取引 13 の都度決済は…"})
	f.addNotification("sm_config", data.Notification{CreatedAt: at, Direction: data.DirAppToSmaregi,
		Reason: "smaregi_config:23", Detail: "スマレジ: 機能設定で許可されていない機能です。"})
	f.open()
	f.requireText("スマレジからSalonDeskへの連携に失敗しました。該当の情報のご確認をお願いいたします。(2件)")
	f.requireText("SalonDeskからスマレジへの連携に失敗しました。該当の情報のご確認をお願いいたします。(1件)")
	if err := f.app.ResolveNotification(f.ctx, f.notice["sm_config"]); err != nil {
		t.Fatal(err)
	}
	if f.hasText("SalonDeskからスマレジへの連携に失敗しました。該当の情報のご確認をお願いいたします。(1件)") {
		t.Fatal("the app → Smaregi line stayed after its failure was resolved")
	}
	if n := len(f.shell.home.alerts.Objects); n != 1 {
		t.Fatalf("%d lines, want the Smaregi → app one only", n)
	}
}

// While SALON BOARD names map to nothing here, Home says how many, and the line opens
// クーポン・メニュー・定額プラン; with none left the line goes.
func TestHomeLineForUnmatchedNames(t *testing.T) {
	f := newFixture(t)
	f.open()
	if f.hasText("未対応のクーポン名 0件") || len(f.shell.home.alerts.Objects) != 0 {
		t.Fatal("a line without unmatched names")
	}
	f.fakes.unmatched = 3
	f.shell.Refresh()
	f.requireText("未対応のクーポン名 3件")
	test.Tap(f.shell.home.alerts.Objects[0].(fyne.Tappable))
	if f.shell.Current() != PageMenus {
		t.Fatalf("the line leads to %q", f.shell.Current())
	}
	test.Tap(f.shell.side.items[PageHome])
	f.fakes.unmatched = 0
	f.shell.Refresh()
	if f.hasText("未対応のクーポン名 3件") {
		t.Fatal("the line stayed")
	}
}

// A refresh that changes nothing of today's list keeps its rows (a busy salon has ~100
// of them, and every app event refreshes Home); one that changes it rebuilds them.
func TestHomeKeepsTodaysRowsWhileTheyDoNotChange(t *testing.T) {
	f := newFixture(t)
	f.seedDay()
	f.open()
	before := f.shell.home.today.Objects
	if len(before) != 2 {
		t.Fatalf("%d rows for today, want 2", len(before))
	}
	f.seedNotifications() // other data changes, today's list does not
	f.shell.Refresh()
	f.requireText(sprintf(lineAppToSB, 2))
	if after := f.shell.home.today.Objects; len(after) != 2 || after[0] != before[0] || after[1] != before[1] {
		t.Fatal("today's rows were built anew although the list did not change")
	}
	_, err := f.app.SaveReservation(f.ctx, app.ReservationInput{CustomerID: f.salon.Customers["ヤマダ　ハナコ"],
		Start: datatest.At("2025-06-20", "17:00"), MenuIDs: []int64{f.salon.Menus["カット"]}})
	if err != nil {
		t.Fatal(err)
	}
	f.shell.Refresh()
	if after := f.shell.home.today.Objects; len(after) != 3 {
		t.Fatalf("%d rows after a reservation was added today, want 3", len(after))
	}
}

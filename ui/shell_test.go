package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/ui/uifmt"
)

func TestShellShowsMenu(t *testing.T) {
	f := newFixture(t)
	f.open()
	for _, s := range []string{"ホーム", "予約管理", "スケジュール", "予約一覧", "予約 停止・再開",
		"受付・スタッフ/マシン・設備", "クーポン・メニュー・定額プラン", "お客様管理", "お知らせ", "売上管理", "設定",
		"ver.1.0.15", "SalonDesk　テストサロン", "オフライン（同期未設定）　送信待ち 0件"} {
		f.requireText(s)
	}
	if f.shell.Current() != PageHome {
		t.Fatalf("first page = %q, want home", f.shell.Current())
	}
}

// Tapping a menu entry shows its screen, built once on the first visit and kept.
func TestMenuSwapsContentAndKeepsScreens(t *testing.T) {
	f := newFixture(t)
	f.open()
	for _, p := range []Page{PageStaff, PageMenus, PageCustomers, PageStopResume, PageSchedule, PageReservations} {
		test.Tap(f.shell.side.items[p])
		if f.shell.Current() != p {
			t.Fatalf("after tapping %q current = %q", p, f.shell.Current())
		}
		if got := f.shell.body.Objects; len(got) != 1 || got[0] != f.fakes.objects[p] {
			t.Fatalf("%q: body shows %v, want the screen its constructor returned", p, got)
		}
		if !f.shell.side.items[p].selected || f.shell.side.items[PageHome].selected {
			t.Fatalf("%q: the menu does not mark the page shown", p)
		}
	}
	test.Tap(f.shell.side.items[PageHome])
	test.Tap(f.shell.side.items[PageStaff])
	test.Tap(f.shell.side.items[PageSchedule])
	for _, p := range []Page{PageStaff, PageSchedule} {
		if n := f.fakes.built[p]; n != 1 {
			t.Fatalf("%q built %d times, want once", p, n)
		}
	}
	if f.shell.body.Objects[0] != f.fakes.objects[PageSchedule] {
		t.Fatal("the kept schedule is not shown again")
	}
}

// A screen main.go did not wire says so instead of crashing.
func TestMissingScreenSaysSo(t *testing.T) {
	f := newFixture(t)
	f.open()
	f.shell.screens.Menus = nil
	test.Tap(f.shell.side.items[PageMenus])
	f.requireText("この画面は組み込まれていません。")
}

func TestOwnPages(t *testing.T) {
	f := newFixture(t)
	f.seedDay()
	f.open()
	test.Tap(f.shell.side.items[PageSales])
	f.requireText("合計 ¥5,500（1件・内消費税 ¥500）")
	f.requireText("現金")
	f.requireText("　カット")
}

// 設定 (and its システム情報, tested in ui/settings) is the screen main wires; the shell
// has no second システム情報 of its own.
func TestSettingsIsTheWiredScreen(t *testing.T) {
	f := newFixture(t)
	f.open()
	f.shell.screens.Settings = func(fyne.Window) fyne.CanvasObject { return widget.NewLabel("設定の画面") }
	test.Tap(f.shell.side.items[PageSettings])
	f.requireText("設定の画面")
}

func TestSyncText(t *testing.T) {
	cases := []struct {
		st   SyncStatus
		want string
	}{
		{SyncStatus{}, "オフライン（同期未設定）　送信待ち 2件"},
		{SyncStatus{Configured: true, Online: true}, "オンライン　未同期　送信待ち 2件"},
		{SyncStatus{Configured: true, Online: true, LastSync: testNow.Add(-4 * 60e9)}, "オンライン　最終同期 13:15　送信待ち 2件"},
		{SyncStatus{Configured: true, LastSync: testNow.AddDate(0, 0, -1)}, "オフライン　最終同期 6/19 13:19　送信待ち 2件"},
	}
	newFixture(t) // loads the translations
	for _, c := range cases {
		if got := syncText(c.st, 2, testNow); got != c.want {
			t.Errorf("syncText(%+v) = %q, want %q", c.st, got, c.want)
		}
	}
}

func TestSyncStatusInTopBar(t *testing.T) {
	f := newFixture(t)
	f.seedDay()
	f.open()
	f.requireText("オフライン（同期未設定）　送信待ち 1件")
	f.fakes.sync = SyncStatus{Configured: true, Online: true, LastSync: testNow}
	f.app.Events().Publish(app.SyncStatusChanged{})
	f.requireText("オンライン　最終同期 13:19　送信待ち 1件")
}

func TestYen(t *testing.T) {
	for n, want := range map[int]string{0: "¥0", 999: "¥999", 1000: "¥1,000", 1234567: "¥1,234,567", -5500: "-¥5,500"} {
		if got := uifmt.Yen(n); got != want {
			t.Errorf("uifmt.Yen(%d) = %q, want %q", n, got, want)
		}
	}
}

// Started on another screen (--screen), the shell builds that screen and not Home before
// the window's first frame: Home is built when it is first shown.
func TestShellStartsOnItsFirstScreenOnly(t *testing.T) {
	f := newFixture(t)
	f.fakes = newFakeScreens()
	f.win = test.NewWindow(nil)
	f.shell = newShellOn(f.app, f.win, f.fakes.screens(), PageSchedule)
	t.Cleanup(func() { f.shell.Close(); f.win.Close() })
	if f.shell.Current() != PageSchedule || f.fakes.built[PageSchedule] != 1 {
		t.Fatalf("current %q, schedule built %d times", f.shell.Current(), f.fakes.built[PageSchedule])
	}
	if f.shell.home != nil || len(f.shell.pages) != 1 {
		t.Errorf("built before the first frame: %d pages, Home built = %v", len(f.shell.pages), f.shell.home != nil)
	}
	f.shell.Show(PageHome)
	if f.shell.home == nil {
		t.Error("Home not built on its first visit")
	}
}

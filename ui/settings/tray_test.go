package settings

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

type fakeTray struct{ menus []*fyne.Menu }

// shownWindow records that the tray brought the window forward.
type shownWindow struct {
	fyne.Window
	shown, focused int
}

func (w *shownWindow) Show()         { w.shown++ }
func (w *shownWindow) RequestFocus() { w.focused++ }

func (f *fakeTray) SetSystemTrayMenu(m *fyne.Menu) { f.menus = append(f.menus, m) }

func TestTrayMenu(t *testing.T) {
	newFixture(t) // the test app and the Japanese translations
	host := &fakeTray{}
	var notes []*fyne.Notification
	failures, latest, quit := 0, 0, 0
	tw := test.NewWindow(nil)
	defer tw.Close()
	win := &shownWindow{Window: tw}
	tr := newTray(host, func(n *fyne.Notification) { notes = append(notes, n) }, win, TrayActions{
		ShowLatest: func() { latest++ },
		Quit:       func() { quit++ },
		Failures:   func() int { return failures },
	})
	tr.refresh()
	labels := func() []string {
		var out []string
		for _, it := range host.menus[len(host.menus)-1].Items {
			if !it.IsSeparator {
				out = append(out, it.Label)
			}
		}
		return out
	}
	if got := labels(); len(got) != 4 || got[0] != "未解決の連携エラーはありません" || got[1] != "表示" || got[2] != "最新を表示" || got[3] != "終了" {
		t.Fatalf("menu %q", got)
	}
	items := host.menus[0].Items
	if !items[0].Disabled || !items[len(items)-1].IsQuit {
		t.Fatal("the count line is not clickable and 終了 is the menu's quit item")
	}
	// A new failure: the count shows and a desktop notification goes out, once.
	failures = 2
	tr.refresh()
	if labels()[0] != "未解決の連携エラー: 2件" || len(notes) != 1 || notes[0].Content != "連携に失敗したお知らせがあります。お知らせを確認してください。（未解決 2件）" {
		t.Fatalf("after a failure: %q, %d notes", labels()[0], len(notes))
	}
	tr.refresh()
	failures = 1 // one resolved: no notification
	tr.refresh()
	if len(notes) != 1 || labels()[0] != "未解決の連携エラー: 1件" {
		t.Fatalf("after resolving: %q, %d notes", labels()[0], len(notes))
	}
	// The actions.
	items[2].Action() // 表示
	items[3].Action() // 最新を表示
	items[len(items)-1].Action()
	if latest != 1 || quit != 1 || win.shown != 2 || win.focused != 2 {
		t.Fatalf("latest %d quit %d shown %d focused %d", latest, quit, win.shown, win.focused)
	}
}

// Where the app has no tray (the test app), InstallTray changes nothing.
func TestInstallTrayWithoutTray(t *testing.T) {
	a := test.NewTempApp(t)
	win := a.NewWindow("x")
	refresh := InstallTray(a, win, TrayActions{Failures: func() int { return 3 }})
	refresh()
}

// Once the app quits, Fyne closes the tray's D-Bus connection: a menu renewed after that
// (a sync finishing during the shutdown) must not reach the tray at all.
func TestTrayStopsRenewingWhenTheAppQuits(t *testing.T) {
	newFixture(t)
	host := &fakeTray{}
	tw := test.NewWindow(nil)
	defer tw.Close()
	failures := 0
	tr := newTray(host, nil, &shownWindow{Window: tw}, TrayActions{Failures: func() int { failures++; return 1 }})
	tr.refresh()
	tr.stop()
	tr.refresh()
	if len(host.menus) != 1 || failures != 1 {
		t.Fatalf("after stop: %d menus set, failures read %d times", len(host.menus), failures)
	}
}

// The demo salon is seeded after the window is shown: the tray, installed on an empty
// salon, takes the seeded failures in without a notification, and notifies the next
// new one as usual.
func TestTrayTakesABacklogQuietly(t *testing.T) {
	newFixture(t)
	host := &fakeTray{}
	var notes []*fyne.Notification
	failures, backlog := 0, true
	tw := test.NewWindow(nil)
	defer tw.Close()
	tr := newTray(host, func(n *fyne.Notification) { notes = append(notes, n) }, &shownWindow{Window: tw}, TrayActions{
		Failures: func() int { return failures },
		Backlog:  func() bool { b := backlog; backlog = false; return b },
	})
	tr.refresh() // installed on the empty salon
	failures = 7 // seeded
	tr.refresh()
	if len(notes) != 0 {
		t.Fatalf("the seeded backlog raised %d notifications", len(notes))
	}
	if got := host.menus[len(host.menus)-1].Items[0].Label; got != "未解決の連携エラー: 7件" {
		t.Fatalf("count line %q", got)
	}
	failures = 8 // a new failure from the feed
	tr.refresh()
	if len(notes) != 1 {
		t.Fatalf("a new failure after the backlog raised %d notifications, want 1", len(notes))
	}
}

package settings

import (
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"

	"salondesk/ui/lifecycle"
)

// TrayActions are what the tray's menu does; main wires them.
type TrayActions struct {
	ShowLatest func()     // 最新を表示: sync now and show the schedule
	Quit       func()     // 終了 (nil: the app's one way to quit, lifecycle.Hub.Quit)
	Failures   func() int // unresolved failures, shown as the menu's first line; must return at once
	// Backlog, when set, is asked at each refresh after the first: true means the count
	// changed by a backlog, not by new failures (the demo salon seeded after the window
	// was shown), and the tray takes it in without a desktop notification.
	Backlog func() bool
}

// trayHost is the part of desktop.App the tray uses (a fake in tests).
type trayHost interface {
	SetSystemTrayMenu(menu *fyne.Menu)
}

// tray keeps the menu and the last count, to notify only when failures grow.
type tray struct {
	host    trayHost
	notify  func(*fyne.Notification)
	win     fyne.Window
	actions TrayActions
	status  *fyne.MenuItem
	menu    *fyne.Menu
	last    int
	started bool
	// stopped is set when the app starts quitting: Fyne then closes the tray's D-Bus
	// connection, and a menu renewed after that (a sync still finishing) would only log
	// "connection closed by user". Read from any goroutine.
	stopped atomic.Bool
}

// InstallTray puts SalonDesk in the system tray: closing the window hides it (syncing
// goes on), and the menu offers 表示 / 最新を表示 / 終了 under a line with the count of
// unresolved failures. A new failure raises a desktop notification. Call the returned
// refresh (from any goroutine) when the notifications change. Where the platform has
// no tray, nothing changes and refresh does nothing.
func InstallTray(fa fyne.App, win fyne.Window, actions TrayActions) (refresh func()) {
	desk, ok := fa.(desktop.App)
	if !ok {
		return func() {}
	}
	hub := lifecycle.Of(fa)
	if actions.Quit == nil {
		actions.Quit = hub.Quit
	}
	t := newTray(desk, fa.SendNotification, win, actions)
	hub.OnQuit(t.stop)
	desk.SetSystemTrayWindow(win) // closing the window now hides it; a tap on the icon shows it
	t.refresh()
	return func() {
		if !t.stopped.Load() {
			fyne.Do(t.refresh)
		}
	}
}

// stop ends the menu's renewals, before Fyne closes the tray's connection.
func (t *tray) stop() { t.stopped.Store(true) }

func newTray(host trayHost, notify func(*fyne.Notification), win fyne.Window, actions TrayActions) *tray {
	t := &tray{host: host, notify: notify, win: win, actions: actions}
	t.status = fyne.NewMenuItem("", nil)
	t.status.Disabled = true
	show := fyne.NewMenuItem(lang.X("settings.tray.show", "表示"), t.show)
	latest := fyne.NewMenuItem(lang.X("settings.tray.latest", "最新を表示"), func() {
		t.show()
		if t.actions.ShowLatest != nil {
			t.actions.ShowLatest()
		}
	})
	quit := fyne.NewMenuItem(lang.X("settings.tray.quit", "終了"), actions.Quit)
	quit.IsQuit = true // Fyne adds no Quit of its own then
	t.menu = fyne.NewMenu("SalonDesk", t.status, fyne.NewMenuItemSeparator(), show, latest, fyne.NewMenuItemSeparator(), quit)
	return t
}

func (t *tray) show() {
	t.win.Show()
	t.win.RequestFocus()
}

// refresh rereads the count, renews the menu, and notifies when the count grew.
func (t *tray) refresh() {
	if t.stopped.Load() {
		return
	}
	n := 0
	if t.actions.Failures != nil {
		n = t.actions.Failures()
	}
	if n > 0 {
		t.status.Label = lang.X("settings.tray.failures", "未解決の連携エラー: {{.Count}}件", map[string]any{"Count": n})
	} else {
		t.status.Label = lang.X("settings.tray.no_failures", "未解決の連携エラーはありません")
	}
	backlog := t.started && t.actions.Backlog != nil && t.actions.Backlog()
	if t.started && !backlog && n > t.last && t.notify != nil {
		t.notify(fyne.NewNotification(lang.X("settings.tray.notify_title", "SalonDesk: 連携エラー"),
			lang.X("settings.tray.notify_body", "連携に失敗したお知らせがあります。お知らせを確認してください。（未解決 {{.Count}}件）",
				map[string]any{"Count": n})))
	}
	t.started, t.last = true, n
	t.host.SetSystemTrayMenu(t.menu)
}

package lifecycle

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// focusHooks are the getters of Fyne's lifecycle: what its driver calls when the window
// gains or loses the input focus.
type focusHooks interface {
	OnEnteredForeground() func()
	OnExitedForeground() func()
}

func TestHubFansForegroundOut(t *testing.T) {
	fa := test.NewTempApp(t)
	h := Of(fa)
	if Of(fa) != h {
		t.Fatal("a second Hub for the same app: it would take over Fyne's callbacks")
	}
	if !h.InFront() {
		t.Fatal("an app just started counts as in front")
	}
	var a, b []bool
	cancelA := h.OnFront(func(in bool) { a = append(a, in) })
	h.OnFront(func(in bool) { b = append(b, in) })
	hooks := fa.Lifecycle().(focusHooks)
	hooks.OnExitedForeground()()
	if h.InFront() || len(a) != 1 || a[0] || len(b) != 1 || b[0] {
		t.Fatalf("leaving the foreground: in front %v, listeners %v %v", h.InFront(), a, b)
	}
	cancelA()
	hooks.OnEnteredForeground()()
	if !h.InFront() || len(a) != 1 || len(b) != 2 || !b[1] {
		t.Fatalf("entering the foreground: in front %v, listeners %v %v", h.InFront(), a, b)
	}
}

func TestHubQuitStopsListenersFirstAndOnce(t *testing.T) {
	fa := test.NewTempApp(t)
	h := Of(fa)
	var order []string
	h.OnQuit(func() { order = append(order, "tray") })
	h.OnQuit(func() { order = append(order, "shell") })
	if h.Quitting() {
		t.Fatal("quitting before Quit")
	}
	h.Quit()
	h.Quit() // SIGTERM after 終了: nothing runs twice
	if !h.Quitting() || len(order) != 2 || order[0] != "tray" || order[1] != "shell" {
		t.Fatalf("quit ran %v", order)
	}
}

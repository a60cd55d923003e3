// Package lifecycle fans Fyne's app lifecycle out to the parts of SalonDesk that follow
// it. Fyne keeps one callback per event (SetOnExitedForeground …), but several parts need
// them: the schedule's 予約アラート blinks only while the window is in front, and the tray
// must stop touching its D-Bus connection before Fyne closes it at quit.
//
// Fyne 2.7.1 reports no minimise or hide of a window as such; a window that is minimised
// or hidden (closed to the tray) loses the input focus, which Fyne reports as the app
// leaving the foreground. So "in front" here means: the app has the focus, or has not been
// told otherwise since it started.
package lifecycle

import (
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
)

// Hub is the lifecycle of one fyne.App.
type Hub struct {
	fa       fyne.App
	mu       sync.Mutex
	back     bool // the app left the foreground (unfocused, minimised or hidden)
	next     int
	front    map[int]func(inFront bool)
	quit     []func()
	quitting atomic.Bool
}

// hubs holds one Hub per fyne.App: Fyne's lifecycle is itself one per app, and the
// screens that need it are built far from where the app is made.
var hubs sync.Map // fyne.App → *Hub

// Of returns the Hub of fa, installing Fyne's lifecycle callbacks on first use. Nothing
// else may set fa's foreground callbacks.
func Of(fa fyne.App) *Hub {
	if h, ok := hubs.Load(fa); ok {
		return h.(*Hub)
	}
	h := &Hub{fa: fa, front: map[int]func(bool){}}
	if prev, loaded := hubs.LoadOrStore(fa, h); loaded {
		return prev.(*Hub)
	}
	fa.Lifecycle().SetOnEnteredForeground(func() { h.setFront(true) })
	fa.Lifecycle().SetOnExitedForeground(func() { h.setFront(false) })
	return h
}

// InFront says whether the app is in front of the user (see the package comment).
func (h *Hub) InFront() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return !h.back
}

// OnFront calls f (on the UI goroutine) whenever the app enters or leaves the foreground,
// until cancel.
func (h *Hub) OnFront(f func(inFront bool)) (cancel func()) {
	h.mu.Lock()
	defer h.mu.Unlock()
	id := h.next
	h.next++
	h.front[id] = f
	return func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		delete(h.front, id)
	}
}

func (h *Hub) setFront(inFront bool) {
	h.mu.Lock()
	h.back = !inFront
	fs := make([]func(bool), 0, len(h.front))
	for _, f := range h.front {
		fs = append(fs, f)
	}
	h.mu.Unlock()
	for _, f := range fs {
		f(inFront)
	}
}

// OnQuit calls f on the UI goroutine when Quit is asked, before Fyne stops: the last
// moment the window, the tray and their connections all still work.
func (h *Hub) OnQuit(f func()) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.quit = append(h.quit, f)
}

// Quitting says whether Quit has been asked; safe from any goroutine.
func (h *Hub) Quitting() bool { return h.quitting.Load() }

// Quit ends the app: the OnQuit functions first, then Fyne. UI goroutine only; it is the
// one way SalonDesk quits (終了 in the tray, SIGTERM, Ctrl+C).
func (h *Hub) Quit() {
	if h.quitting.Swap(true) {
		return
	}
	h.mu.Lock()
	fs := append([]func(){}, h.quit...)
	h.mu.Unlock()
	for _, f := range fs {
		f()
	}
	h.fa.Quit()
}

// Command bareprobe is the baseline of scripts/perf-desk.sh: the barest Fyne window
// (Fyne's own theme, one label, nothing focused, nothing ticking) at the size of
// SalonDesk's main window, built with the same (patched) GLFW. What SalonDesk costs on
// top of Fyne itself is measured against it: idle CPU, resident memory, cold start.
//
// Usage: bareprobe (ends on SIGTERM or SIGINT)
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

// title is what the script waits for with xdotool.
const title = "bareprobe"

func main() {
	a := fyneapp.NewWithID("jp.salondesk.bareprobe")
	w := a.NewWindow(title)
	w.SetContent(widget.NewLabel(title))
	w.Resize(fyne.NewSize(1280, 800))
	// Fyne paints the first frame while showing the window, then starts its loop: the
	// script times the drawn window by this line (SalonDesk logs "window drawn").
	a.Lifecycle().SetOnStarted(func() { fmt.Println("bareprobe: window drawn") })
	// Closing the window under Xvfb raises a GLX error: the script ends us with SIGTERM.
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ch
		fyne.Do(a.Quit)
	}()
	w.ShowAndRun()
}

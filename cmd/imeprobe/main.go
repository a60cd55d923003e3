// Command imeprobe is the test program of scripts/ime-test.sh: a Fyne window with one
// text field, built with the same (patched) GLFW as the app, that a real input method
// types into. It writes what the field holds, how often OnSubmitted ran and which keys
// and characters reached the field to a state file on every change, so the script can
// assert what staff would see.
//
// Usage: imeprobe --state FILE [--text INITIAL] [--kana]
//
// --kana uses the app's kana field (ui/kanafield) instead of a plain entry, with a
// second entry to move the focus to (Tab).
package main

import (
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	stheme "salondesk/ui/theme"
)

// title is what the script waits for with xdotool.
const title = "imeprobe"

func main() {
	statePath := flag.String("state", "", "file that receives the field's state on every change")
	initial := flag.String("text", "", "text the field starts with (caret at its end)")
	kana := flag.Bool("kana", false, "use the kana field instead of a plain entry")
	flag.Parse()
	if *statePath == "" {
		fmt.Fprintln(os.Stderr, "usage: imeprobe --state FILE [--text INITIAL] [--kana]")
		os.Exit(2)
	}

	a := fyneapp.NewWithID("jp.salondesk.imeprobe")
	a.Settings().SetTheme(stheme.New())
	w := a.NewWindow(title)
	st := newState(*statePath)
	field := newField(*kana, st)
	w.SetContent(container.NewVBox(field.object(), widget.NewEntry()))
	w.Resize(fyne.NewSize(400, 120))

	a.Lifecycle().SetOnStarted(func() {
		field.SetText(*initial)
		field.setCaretAtEnd()
		w.Canvas().Focus(field.focusable())
		st.ready()
	})
	quitOnSignal(a)
	w.ShowAndRun()
}

// quitOnSignal ends the app cleanly on SIGTERM or SIGINT (closing the window under
// Xvfb raises a GLX error; see the toolchain notes).
func quitOnSignal(a fyne.App) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		<-ch
		fyne.Do(a.Quit)
	}()
}

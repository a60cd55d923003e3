package settings

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// busyBar is an infinite progress bar that exists only while something runs.
//
// Fyne's ProgressBarInfinite starts running when its renderer is made (CreateRenderer
// sets it running), even when it was stopped and hidden before, and a running bar's
// animation ticks every frame while hidden: with its three hidden bars the settings
// screen idled at 2.1% CPU, and Fyne's loop could never sleep. So the bar is made on
// start and dropped, stopped, on stop.
type busyBar struct {
	box *fyne.Container // holds the bar while running; empty and hidden (no gap in a VBox) otherwise
}

func newBusyBar() *busyBar {
	b := &busyBar{box: container.NewStack()}
	b.box.Hide()
	return b
}

// start shows a running bar. UI goroutine only.
func (b *busyBar) start() {
	if b.running() {
		return
	}
	b.box.Objects = []fyne.CanvasObject{widget.NewProgressBarInfinite()}
	b.box.Show()
	b.box.Refresh()
}

// stop stops the bar and takes it away. UI goroutine only.
func (b *busyBar) stop() {
	for _, o := range b.box.Objects {
		o.(*widget.ProgressBarInfinite).Stop()
	}
	b.box.Objects = nil
	b.box.Hide()
}

func (b *busyBar) running() bool { return len(b.box.Objects) > 0 }

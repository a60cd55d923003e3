package settings

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"salondesk/ui/internal/uitest"
)

// Why busyBar exists: Fyne's infinite bar, stopped and hidden, runs again as soon as
// its renderer is made, and a running bar animates every frame even while hidden. If a
// Fyne update fixes this, busyBar can go back to a plain bar.
func TestFyneInfiniteBarRunsAgainWhenRendered(t *testing.T) {
	uitest.NewApp(t)
	bar := widget.NewProgressBarInfinite()
	bar.Stop()
	bar.Hide()
	test.WidgetRenderer(bar)
	if !bar.Running() {
		t.Skip("Fyne no longer restarts a stopped infinite bar: busyBar is not needed any more")
	}
}

// A busyBar holds a running bar only between start and stop, and takes no room otherwise.
func TestBusyBarRunsOnlyWhileBusy(t *testing.T) {
	uitest.NewApp(t)
	b := newBusyBar()
	above, below := widget.NewLabel("上"), widget.NewLabel("下")
	w := test.NewWindow(container.NewVBox(above, b.box, below))
	defer w.Close()
	w.Resize(fyne.NewSize(300, 200))
	gap := below.Position().Y - above.Position().Y

	b.start()
	b.start() // a second start keeps the one bar
	if len(b.box.Objects) != 1 || !b.box.Visible() {
		t.Fatalf("started: %d bars, visible %v", len(b.box.Objects), b.box.Visible())
	}
	bar := b.box.Objects[0].(*widget.ProgressBarInfinite)
	test.WidgetRenderer(bar)
	if !bar.Running() {
		t.Fatal("the bar of a started busyBar does not run")
	}

	b.stop()
	if bar.Running() {
		t.Error("the bar still runs after stop")
	}
	if len(b.box.Objects) != 0 || b.box.Visible() {
		t.Errorf("stopped: %d bars, visible %v", len(b.box.Objects), b.box.Visible())
	}
	w.Content().Refresh()
	if got := below.Position().Y - above.Position().Y; got != gap {
		t.Errorf("a stopped busyBar takes room: labels %v apart, %v before start", got, gap)
	}
}

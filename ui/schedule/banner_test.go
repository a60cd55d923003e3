package schedule

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// focusHooks are the getters of Fyne's lifecycle: what its driver calls when the
// window gains or loses the input focus (minimised, hidden, another app in front).
type focusHooks interface {
	OnEnteredForeground() func()
	OnExitedForeground() func()
}

func TestAlertBannerBlinksOnlyInFront(t *testing.T) {
	fa := test.NewTempApp(t)
	hooks := fa.Lifecycle().(focusHooks)
	b := newAlertBanner()
	defer b.close()
	b.show(time.Date(2026, 11, 20, 9, 15, 0, 0, time.Local))
	if !b.running || !b.box.Visible() {
		t.Fatal("an alert shown in front does not blink")
	}
	b.blink() // white on red when the focus goes
	fyne.DoAndWait(hooks.OnExitedForeground())
	if b.running {
		t.Fatal("still blinking with the app in the background (minimised or hidden)")
	}
	if !b.lit || !b.box.Visible() {
		t.Fatal("in the background the alert must stay shown, red on pale")
	}
	fyne.DoAndWait(hooks.OnEnteredForeground())
	if !b.running {
		t.Fatal("back in front the alert does not blink again")
	}
	for i := 0; i < blinkFlips; i++ {
		b.blink()
	}
	if b.running || !b.lit || !b.box.Visible() {
		t.Fatal("after its burst the alert must stay shown, lit, without a timer")
	}
	b.show(time.Date(2026, 11, 20, 9, 45, 0, 0, time.Local))
	if !b.running {
		t.Fatal("a newer failure does not blink")
	}
	b.show(time.Time{})
	if b.running || b.box.Visible() {
		t.Fatal("a resolved alert still blinks")
	}
	fyne.DoAndWait(hooks.OnEnteredForeground())
	if b.running {
		t.Fatal("coming to the front starts a blink without an alert")
	}
}

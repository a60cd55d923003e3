package schedule

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	"salondesk/ui/lifecycle"
	stheme "salondesk/ui/theme"
)

// blinkHalf is half a blink: the banner changes colour twice every 1.2 s. Each change
// repaints the whole window (Fyne has no partial redraw), which on a PC without a GPU
// costs tens of milliseconds: blinking all day would cost ~7% CPU. So the banner blinks
// blinkFlips times (12 s) when it appears, when a newer failure comes, and when the app
// comes back to the front, and then stays lit, red on pale, until resolved.
const (
	blinkHalf  = 600 * time.Millisecond
	blinkFlips = 20
)

// alertBanner is 「予約アラート YYYY.MM.DD HH:MM 時点」, blinking while a failure is
// unresolved (the seed: 連携失敗した予約がある場合、スケジュール画面上部のアラートが点滅します).
// It blinks only while the app is in front: minimised, hidden in the tray or behind
// another app it stays lit (red on pale) and its timer is stopped, so a desk PC that
// runs SalonDesk all day in the background pays nothing for it.
type alertBanner struct {
	text *canvas.Text
	bg   *canvas.Rectangle
	box  *fyne.Container

	alert   bool      // an unresolved failure is shown
	since   time.Time // its time: a newer one blinks again
	flips   int       // colour changes left in this burst
	inFront bool
	lit     bool          // red on pale; false: white on red
	running bool          // the blink timer runs
	stop    chan struct{} // closes the running timer's goroutine
	unwatch func()        // ends the foreground subscription
}

func newAlertBanner() *alertBanner {
	b := &alertBanner{lit: true, inFront: true, unwatch: func() {}}
	b.text = canvas.NewText("", stheme.ColorAlert)
	b.text.TextStyle = fyne.TextStyle{Bold: true}
	b.bg = canvas.NewRectangle(stheme.ColorAlertSoft)
	b.bg.StrokeColor, b.bg.StrokeWidth, b.bg.CornerRadius = stheme.ColorAlert, 1, 4
	b.box = container.NewStack(b.bg, container.NewPadded(b.text))
	b.box.Hide()
	if fa := fyne.CurrentApp(); fa != nil {
		hub := lifecycle.Of(fa)
		b.inFront = hub.InFront()
		b.unwatch = hub.OnFront(func(inFront bool) {
			b.inFront = inFront
			if inFront {
				b.flips = blinkFlips
			}
			b.update()
		})
	}
	return b
}

// show shows the banner for the newest unresolved failure, or hides it (zero time).
func (b *alertBanner) show(since time.Time) {
	b.alert = !since.IsZero()
	if !since.Equal(b.since) {
		b.since, b.flips = since, blinkFlips
	}
	if b.alert {
		b.text.Text = lang.X("schedule.alert", "予約アラート {{.Time}} 時点",
			map[string]any{"Time": since.Format("2006.01.02 15:04")})
		b.text.Refresh()
		b.box.Show()
	} else {
		b.box.Hide()
	}
	b.update()
}

// close stops the blinking for good (the screen is dropped).
func (b *alertBanner) close() {
	b.show(time.Time{})
	b.unwatch()
}

// update starts the timer when the banner should blink and stops it (lit) otherwise.
// UI goroutine only.
func (b *alertBanner) update() {
	blink := b.alert && b.inFront && b.flips > 0
	if blink == b.running {
		return
	}
	b.running = blink
	if !blink {
		close(b.stop)
		b.stop = nil
		b.setLit(true)
		return
	}
	b.stop = make(chan struct{})
	go b.tick(b.stop)
}

// tick asks the UI goroutine to switch the colours every half blink until stop closes.
func (b *alertBanner) tick(stop chan struct{}) {
	t := time.NewTicker(blinkHalf)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			fyne.Do(func() {
				if b.stop == stop { // not a tick of a timer stopped meanwhile
					b.blink()
				}
			})
		}
	}
}

// blink is one half of a blink; the last of a burst leaves the banner lit.
func (b *alertBanner) blink() {
	b.setLit(!b.lit)
	if b.flips--; b.flips <= 0 {
		b.update()
	}
}

// setLit switches between red on pale (lit) and white on red.
func (b *alertBanner) setLit(lit bool) {
	if lit == b.lit {
		return
	}
	b.lit = lit
	if lit {
		b.text.Color, b.bg.FillColor = stheme.ColorAlert, stheme.ColorAlertSoft
	} else {
		b.text.Color, b.bg.FillColor = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}, stheme.ColorAlert
	}
	b.text.Refresh()
	b.bg.Refresh()
}

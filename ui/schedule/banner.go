package schedule

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"

	stheme "salondesk/ui/theme"
)

// alertBanner is 「予約アラート YYYY.MM.DD HH:MM 時点」, blinking while a failure is
// unresolved (the seed: 連携失敗した予約がある場合、スケジュール画面上部のアラートが点滅します).
type alertBanner struct {
	text    *canvas.Text
	bg      *canvas.Rectangle
	box     *fyne.Container
	anim    *fyne.Animation
	running bool
	lit     bool // red on pale; false: white on red
}

func newAlertBanner() *alertBanner {
	b := &alertBanner{}
	b.text = canvas.NewText("", stheme.ColorAlert)
	b.text.TextStyle = fyne.TextStyle{Bold: true}
	b.bg = canvas.NewRectangle(stheme.ColorAlertSoft)
	b.bg.StrokeColor, b.bg.StrokeWidth, b.bg.CornerRadius = stheme.ColorAlert, 1, 4
	b.box = container.NewStack(b.bg, container.NewPadded(b.text))
	b.box.Hide()
	// The animation ticks on the UI goroutine every frame, but the banner only changes (and
	// so only asks for a repaint) twice a cycle: a blink, not a 60 fps fade of the window.
	b.anim = fyne.NewAnimation(1200*time.Millisecond, func(v float32) { b.setLit(v < 0.5) })
	b.anim.RepeatCount = fyne.AnimationRepeatForever
	b.anim.Curve = fyne.AnimationLinear
	b.lit = true
	return b
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

// show shows the banner for the newest unresolved failure, or hides it (zero time) and
// stops the animation so that a hidden banner costs nothing.
func (b *alertBanner) show(since time.Time) {
	if since.IsZero() {
		if b.running {
			b.anim.Stop()
			b.running = false
		}
		b.setLit(true)
		b.box.Hide()
		return
	}
	b.text.Text = lang.X("schedule.alert", "予約アラート {{.Time}} 時点",
		map[string]any{"Time": since.Format("2006.01.02 15:04")})
	b.text.Refresh()
	b.box.Show()
	if !b.running {
		b.running = true
		b.anim.Start()
	}
}

package ui

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	stheme "salondesk/ui/theme"
)

// bellIcon is Material Design's "notifications" icon (Apache License 2.0, the icon set
// Fyne's own icons come from); Fyne has no bell.
var bellIcon = theme.NewThemedResource(fyne.NewStaticResource("bell.svg", []byte(
	`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#000000" d="M12 22c1.1 0 2-.9 2-2h-4c0 1.1.89 2 2 2zm6-6v-5c0-3.07-1.64-5.64-4.5-6.32V4c0-.83-.67-1.5-1.5-1.5s-1.5.67-1.5 1.5v.68C7.63 5.36 6 7.92 6 11v5l-2 2v1h16v-1l-2-2z"/></svg>`)))

// bellCounter is the top bar's お知らせ button: a bell, the word, and a red badge with the
// number of unresolved notifications (hidden at zero).
type bellCounter struct {
	widget.BaseWidget
	count   int
	onTap   func()
	hovered bool
}

func newBellCounter(onTap func()) *bellCounter {
	b := &bellCounter{onTap: onTap}
	b.ExtendBaseWidget(b)
	return b
}

// Count is the number on the badge.
func (b *bellCounter) Count() int { return b.count }

func (b *bellCounter) setCount(n int) {
	if b.count != n {
		b.count = n
		b.Refresh()
	}
}

func (b *bellCounter) Tapped(*fyne.PointEvent) {
	if b.onTap != nil {
		b.onTap()
	}
}

func (b *bellCounter) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (b *bellCounter) MouseIn(*desktop.MouseEvent) { b.hovered = true; b.Refresh() }

func (b *bellCounter) MouseMoved(*desktop.MouseEvent) {}

func (b *bellCounter) MouseOut() { b.hovered = false; b.Refresh() }

func (b *bellCounter) CreateRenderer() fyne.WidgetRenderer {
	r := &bellRenderer{b: b,
		bg:        canvas.NewRectangle(color.Transparent),
		icon:      canvas.NewImageFromResource(bellIcon),
		label:     canvas.NewText(lang.X("ui.top.notifications", "お知らせ"), theme.Color(theme.ColorNameForeground)),
		badge:     canvas.NewCircle(stheme.ColorAlert),
		badgeText: canvas.NewText("", color.White),
	}
	r.bg.CornerRadius = theme.InputRadiusSize()
	r.badgeText.TextSize = theme.CaptionTextSize()
	r.badgeText.TextStyle.Bold = true
	r.badgeText.Alignment = fyne.TextAlignCenter
	r.Refresh()
	return r
}

type bellRenderer struct {
	b         *bellCounter
	bg        *canvas.Rectangle
	icon      *canvas.Image
	label     *canvas.Text
	badge     *canvas.Circle
	badgeText *canvas.Text
}

const bellIconSize = 22

func (r *bellRenderer) Layout(s fyne.Size) {
	r.bg.Resize(s)
	pad := theme.Padding()
	r.icon.Move(fyne.NewPos(pad*2, (s.Height-bellIconSize)/2))
	r.icon.Resize(fyne.NewSquareSize(bellIconSize))
	ls := r.label.MinSize()
	// The label starts after the badge's overhang so that the two never touch.
	r.label.Move(fyne.NewPos(pad*3+bellIconSize+r.badgeDiameter()/2, (s.Height-ls.Height)/2))
	r.label.Resize(ls)
	// The badge sits on the bell's upper right, as on a phone.
	d := r.badgeDiameter()
	pos := fyne.NewPos(pad*2+bellIconSize-d/2, (s.Height-bellIconSize)/2-d/3)
	r.badge.Move(pos)
	r.badge.Resize(fyne.NewSize(d, d))
	ts := r.badgeText.MinSize()
	r.badgeText.Move(fyne.NewPos(pos.X, pos.Y+(d-ts.Height)/2))
	r.badgeText.Resize(fyne.NewSize(d, ts.Height))
}

func (r *bellRenderer) badgeDiameter() float32 {
	return fyne.Max(r.badgeText.MinSize().Width+6, r.badgeText.MinSize().Height+2)
}

func (r *bellRenderer) MinSize() fyne.Size {
	pad := theme.Padding()
	ls := r.label.MinSize()
	return fyne.NewSize(pad*5+bellIconSize+r.badgeDiameter()/2+ls.Width,
		fyne.Max(ls.Height, bellIconSize)+pad*2)
}

func (r *bellRenderer) Refresh() {
	n := r.b.count
	r.badgeText.Text = strconv.Itoa(n)
	if n > 99 {
		r.badgeText.Text = "99+"
	}
	r.badge.Hidden, r.badgeText.Hidden = n == 0, n == 0
	if r.b.hovered {
		r.bg.FillColor = theme.Color(theme.ColorNameHover)
	} else {
		r.bg.FillColor = color.Transparent
	}
	r.label.Color = theme.Color(theme.ColorNameForeground)
	r.Layout(r.b.Size())
	canvas.Refresh(r.b)
}

func (r *bellRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.icon, r.label, r.badge, r.badgeText}
}

func (r *bellRenderer) Destroy() {}

// iconAlert marks an unresolved お知らせ. Icons are looked up when used, not at package
// init: theme icons need the running app (and would miss its theme otherwise).
func iconAlert() fyne.Resource { return theme.NewErrorThemedResource(theme.WarningIcon()) }

// iconSyncFailed is the × of a reservation whose sync failed.
func iconSyncFailed() fyne.Resource { return theme.NewErrorThemedResource(theme.CancelIcon()) }

package ui

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/data"
)

// topBar shows the salon, the sync status, the お知らせ counter and the version.
type topBar struct {
	app     *app.App
	sync    func() SyncStatus
	salon   *widget.Label
	dot     *canvas.Circle
	status  *widget.Label
	bringIn *bringInLine
	bell    *bellCounter
	version *widget.Label
	content fyne.CanvasObject
}

var (
	colorOnline  = color.NRGBA{R: 0x2e, G: 0x9d, B: 0x4f, A: 0xff}
	colorOffline = color.NRGBA{R: 0x9e, G: 0x9e, B: 0x9e, A: 0xff}
)

func newTopBar(a *app.App, sync func() SyncStatus, openNotices func()) *topBar {
	t := &topBar{app: a, sync: sync,
		salon:   widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		dot:     canvas.NewCircle(colorOffline),
		status:  widget.NewLabel(""),
		bringIn: newBringInLine(),
		bell:    newBellCounter(openNotices),
		version: widget.NewLabel(lang.X("ui.top.version", "ver.{{.Version}}", map[string]any{"Version": a.Version()})),
	}
	t.version.SizeName = theme.SizeNameCaptionText
	dot := container.NewCenter(container.NewGridWrap(fyne.NewSquareSize(10), t.dot))
	right := container.NewHBox(t.bringIn.content, dot, t.status, widget.NewSeparator(), t.bell, widget.NewSeparator(), t.version)
	bar := container.NewBorder(nil, nil, t.salon, right)
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	t.content = container.NewBorder(nil, widget.NewSeparator(), nil, nil,
		container.NewStack(bg, container.NewPadded(bar)))
	return t
}

// update shows the salon's name and the counts of h (read once by the shell for the
// top bar and Home together).
func (t *topBar) update(salon app.Salon, h app.Home) {
	t.salon.SetText(lang.X("ui.top.title", "SalonDesk　{{.Salon}}", map[string]any{"Salon": salon.Name}))
	t.bell.setCount(unresolvedTotal(h))
	var st SyncStatus
	if t.sync != nil {
		st = t.sync()
	}
	t.status.SetText(syncText(st, h.PendingJobs, t.app.Now()))
	t.bringIn.show(st)
	if st.Configured && st.Online {
		t.dot.FillColor = colorOnline
	} else {
		t.dot.FillColor = colorOffline
	}
	t.dot.Refresh()
}

func unresolvedTotal(h app.Home) int {
	n := 0
	for _, c := range h.Unresolved {
		n += c
	}
	return n
}

// syncText says honestly what the sync is doing: オフライン（同期未設定） when nothing is set up.
func syncText(st SyncStatus, pending int, now time.Time) string {
	args := map[string]any{"Count": pending}
	switch {
	case !st.Configured:
		return lang.X("ui.sync.not_configured", "オフライン（同期未設定）　送信待ち {{.Count}}件", args)
	case st.LastSync.IsZero():
		args["State"] = onlineText(st.Online)
		return lang.X("ui.sync.never", "{{.State}}　未同期　送信待ち {{.Count}}件", args)
	default:
		args["State"] = onlineText(st.Online)
		args["Time"] = st.LastSync.Format("15:04")
		if !data.DayStart(st.LastSync).Equal(data.DayStart(now)) {
			args["Time"] = st.LastSync.Format("1/2 15:04")
		}
		return lang.X("ui.sync.status", "{{.State}}　最終同期 {{.Time}}　送信待ち {{.Count}}件", args)
	}
}

func onlineText(online bool) string {
	if online {
		return lang.X("ui.sync.online", "オンライン")
	}
	return lang.X("ui.sync.offline", "オフライン")
}

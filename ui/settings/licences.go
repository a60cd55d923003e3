package settings

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"salondesk/assets"
)

// showLicences opens the licence notice of everything SalonDesk ships. The notice is
// long (a few thousand lines), so it is a list, which only builds the lines in view.
func showLicences(win fyne.Window) {
	lines := strings.Split(strings.TrimRight(assets.Notice(), "\n"), "\n")
	list := widget.NewList(
		func() int { return len(lines) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[i]) })
	d := dialog.NewCustom(lang.X("settings.info.licences_title", "ライセンス（SalonDesk に含まれるソフトウェアとフォント）"),
		lang.X("settings.close", "閉じる"), list, win)
	d.Resize(fyne.NewSize(820, 600))
	d.Show()
}

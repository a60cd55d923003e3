package reservation

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"salondesk/app"
)

// showError shows a refusal in staff words; any other error (a database failure) is
// shown too, with a sentence saying nothing was saved, never as a panic.
func showError(err error, win fyne.Window) {
	if err == nil || win == nil {
		return
	}
	var ue *app.UserError
	if errors.As(err, &ue) {
		dialog.ShowError(err, win)
		return
	}
	dialog.ShowError(errors.New(lang.X("reservation.error.internal",
		"処理できませんでした。もう一度お試しください。（{{.Error}}）", map[string]any{"Error": err.Error()})), win)
}

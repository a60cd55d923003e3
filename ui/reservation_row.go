package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"salondesk/app/labels"
	"salondesk/data"
)

// newReservationRow is one compact line of a day's reservations: × when syncing failed,
// time, customer, coupon or menus, staff and status. A tap opens the detail window.
func newReservationRow(v data.ReservationView, onTap func()) *tapRow {
	failed := widget.NewIcon(iconSyncFailed())
	failed.Hidden = v.SyncState != data.SyncFailed
	cell := func(text string) *widget.Label {
		l := widget.NewLabel(text)
		l.Truncation = fyne.TextTruncateClip
		return l
	}
	name := cell(lang.X("ui.reservation.customer", "{{.Name}} 様", map[string]any{"Name": v.DisplayName()}))
	status := cell(labels.Status(v.Status))
	if v.Status == data.StatusProvisional {
		status.Importance = widget.WarningImportance
	}
	row := container.New(newColumns(3, theme.IconInlineSize(), 120, 220, 0, 120, 110),
		failed, cell(timeRange(v.Start, v.End)), name, cell(menuSummary(v)), cell(v.StaffName), status)
	return newTapRow(row, onTap)
}

package export

import (
	"context"
	"io"
	"time"

	"fyne.io/fyne/v2/lang"

	"salondesk/app"
	"salondesk/app/labels"
	"salondesk/data"
)

// notification is one お知らせ as JSON.
type notification struct {
	Time          string `json:"time"`
	Direction     string `json:"direction"`
	Reason        string `json:"reason"`
	ReservationNo string `json:"reservation_no"`
	ReservationAt string `json:"reservation_at"`
	Detail        string `json:"detail"`
	Resolved      bool   `json:"resolved"`
	ResolvedAt    string `json:"resolved_at,omitempty"`
}

// Notifications writes every notification, newest first.
func Notifications(ctx context.Context, a *app.App, format string, w io.Writer) error {
	if err := checkFormat(format); err != nil {
		return err
	}
	list, err := a.Notifications(ctx, 1<<30)
	if err != nil {
		return err
	}
	out := make([]notification, 0, len(list))
	for _, n := range list {
		out = append(out, notification{Time: n.CreatedAt.Format(time.RFC3339), Direction: string(n.Direction),
			Reason: n.Reason, ReservationNo: n.ReservationNo, ReservationAt: n.ReservationAt, Detail: n.Detail,
			Resolved: n.Resolved(), ResolvedAt: n.ResolvedAt})
	}
	if format == FormatJSON {
		return writeJSON(w, out)
	}
	header := []string{
		lang.X("export.notification.time", "日時"), lang.X("export.notification.direction", "連携方向"),
		lang.X("export.notification.reason", "理由"), lang.X("export.notification.number", "予約番号"),
		lang.X("export.notification.at", "予約日時"), lang.X("export.notification.resolved", "対応済み"),
	}
	rows := make([][]string, 0, len(out))
	for _, n := range list {
		resolved := ""
		if n.Resolved() {
			resolved = "✓"
		}
		rows = append(rows, []string{data.FormatTime(n.CreatedAt), directionText(n.Direction), labels.Reason(n.Reason),
			n.ReservationNo, n.ReservationAt, resolved})
	}
	return writeCSV(w, header, rows)
}

func directionText(d data.Direction) string {
	switch d {
	case data.DirAppToSB:
		return lang.X("export.direction.app_to_sb", "SalonDesk→SALON BOARD")
	case data.DirSBToApp:
		return lang.X("export.direction.sb_to_app", "SALON BOARD→SalonDesk")
	case data.DirAppToSmaregi:
		return lang.X("export.direction.app_to_smaregi", "SalonDesk→スマレジ")
	case data.DirSmaregiToApp:
		return lang.X("export.direction.smaregi_to_app", "スマレジ→SalonDesk")
	}
	return string(d)
}

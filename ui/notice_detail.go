package ui

import (
	"context"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"salondesk/data"
)

// noticeDetail is the お知らせ詳細 dialog and the buttons of its direction.
type noticeDetail struct {
	dialog     *dialog.CustomDialog
	toList     *widget.Button // 予約一覧へ (app → SALON BOARD)
	resolve    *widget.Button // 予約を転記しました, or 確認しました for other directions
	transcribe *widget.Button // 予約を転記する (SALON BOARD → app)
}

const noticeDetailWidth = 500

// showNoticeDetail opens お知らせ詳細 for n.
func (s *Shell) showNoticeDetail(n data.Notification) *noticeDetail {
	nd := &noticeDetail{}
	// The strut keeps the dialog wide enough for the sentences however short the rest is.
	strut := canvas.NewRectangle(color.Transparent)
	strut.SetMinSize(fyne.NewSize(noticeDetailWidth, 0))
	content := container.NewVBox(strut, noticeLines(n), widget.NewSeparator(), nd.buttons(s, n))
	nd.dialog = dialog.NewCustom(lang.X("ui.notice.detail_title", "お知らせ詳細"),
		lang.X("ui.notice.close", "閉じる"), content, s.win)
	nd.dialog.Show()
	return nd
}

// noticeLines are the dialog's sentences in the seed's order, in tight groups: time;
// what failed and what to do; why; which reservation; whether it was handled.
func noticeLines(n data.Notification) fyne.CanvasObject {
	groups := container.NewVBox()
	group := func(imp widget.Importance, texts ...string) {
		box := container.New(layout.NewCustomPaddedVBoxLayout(0))
		for _, t := range texts {
			if t == "" {
				continue
			}
			l := widget.NewLabel(t)
			l.Importance = imp
			l.Truncation = fyne.TextTruncateClip
			box.Add(l)
		}
		if len(box.Objects) > 0 {
			groups.Add(box)
		}
	}
	group(widget.MediumImportance, n.CreatedAt.Format("2006/01/02 15:04"))
	group(widget.MediumImportance, append([]string{noticeHeadline(n)}, strings.Split(noticeInstruction(n), "\n")...)...)
	group(widget.DangerImportance, noticeReason(n))
	var ref []string
	if n.ReservationNo != "" {
		ref = append(ref, lang.X("ui.notice.number", "予約番号:{{.Number}}", map[string]any{"Number": n.ReservationNo}))
	}
	if n.ReservationAt != "" {
		ref = append(ref, lang.X("ui.notice.at", "予約日時:{{.At}}", map[string]any{"At": n.ReservationAt}))
	}
	group(widget.MediumImportance, ref...)
	if n.Resolved() {
		group(widget.SuccessImportance, lang.X("ui.notice.resolved", "対応済み（{{.Time}}）",
			map[string]any{"Time": data.ParseTime(n.ResolvedAt).Format("2006/01/02 15:04")}))
	}
	return groups
}

// buttons are the actions of n's direction, one per row as in the seed.
func (nd *noticeDetail) buttons(s *Shell, n data.Notification) fyne.CanvasObject {
	box := container.NewVBox()
	switch n.Direction {
	case data.DirAppToSB:
		nd.toList = widget.NewButton(lang.X("ui.notice.to_list", "予約一覧へ"), func() {
			nd.dialog.Hide()
			s.ShowFailedReservations()
		})
		nd.resolve = widget.NewButton(lang.X("ui.notice.resolve", "予約を転記しました"), func() { nd.doResolve(s, n) })
		box.Add(nd.toList)
		box.Add(nd.resolve)
	case data.DirSBToApp:
		// 予約を転記する opens 予約情報登録(転記) for the provisional reservation.
		nd.transcribe = widget.NewButton(lang.X("ui.notice.transcribe", "予約を転記する"), func() {
			nd.dialog.Hide()
			s.screens.Transcribe(s.win, n.ReservationID)
		})
		if n.ReservationID == 0 || n.Resolved() || s.screens.Transcribe == nil {
			nd.transcribe.Disable()
		}
		box.Add(nd.transcribe)
	default:
		nd.resolve = widget.NewButton(lang.X("ui.notice.acknowledge", "確認しました"), func() { nd.doResolve(s, n) })
		box.Add(nd.resolve)
	}
	if nd.resolve != nil {
		nd.resolve.Importance = widget.HighImportance
		if n.Resolved() {
			nd.resolve.Disable()
		}
	}
	if nd.transcribe != nil {
		nd.transcribe.Importance = widget.HighImportance
	}
	return box
}

// doResolve hides the alert icon; the app's event refreshes the list and the counters.
func (nd *noticeDetail) doResolve(s *Shell, n data.Notification) {
	if err := s.app.ResolveNotification(context.Background(), n.ID); err != nil {
		s.showError(err)
		return
	}
	nd.dialog.Hide()
}

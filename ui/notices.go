package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"salondesk/data"
)

// noticeListLimit bounds the list: older notifications are history nobody scrolls to.
const noticeListLimit = 500

// noticeList is 「お知らせ YYYY.MM.DD HH:MM時点」: newest first, an alert icon on the rows
// not yet resolved; a row opens お知らせ詳細.
type noticeList struct {
	shell   *Shell
	title   *widget.Label
	empty   *widget.Label
	list    *widget.List
	items   []data.Notification
	detail  *noticeDetail // the dialog last opened
	content *fyne.Container
}

func newNoticeList(s *Shell) *noticeList {
	l := &noticeList{shell: s}
	l.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.title.SizeName = theme.SizeNameSubHeadingText
	l.empty = widget.NewLabel(lang.X("ui.notices.empty", "お知らせはありません。"))
	l.empty.Importance = widget.LowImportance
	l.list = widget.NewList(
		func() int { return len(l.items) },
		func() fyne.CanvasObject { return newNoticeRow() },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*noticeRow).set(l.items[i]) },
	)
	l.list.OnSelected = func(i widget.ListItemID) {
		l.list.UnselectAll()
		if i >= 0 && i < len(l.items) {
			l.open(l.items[i])
		}
	}
	top := container.NewVBox(l.title, l.empty, widget.NewSeparator())
	l.content = container.NewBorder(container.NewPadded(top), nil, nil, nil, l.list)
	return l
}

// refresh rereads the list and stamps the title with the time it was read.
func (l *noticeList) refresh() error {
	items, err := l.shell.app.Notifications(context.Background(), noticeListLimit)
	if err != nil {
		return err
	}
	l.items = items
	l.title.SetText(lang.X("ui.notices.title", "お知らせ {{.Time}}時点",
		map[string]any{"Time": l.shell.app.Now().Format("2006.01.02 15:04")}))
	if empty := len(items) == 0; empty != l.empty.Visible() {
		l.empty.Hidden = !empty
		l.content.Refresh() // the header's height changed: lay the page out again
	}
	l.list.Refresh()
	return nil
}

func (l *noticeList) open(n data.Notification) {
	l.detail = l.shell.showNoticeDetail(n)
}

// noticeRow is one row of the list: alert icon (kept in place when hidden), time, message.
type noticeRow struct {
	widget.BaseWidget
	id    int64
	alert *widget.Icon
	when  *widget.Label
	msg   *widget.Label
	root  *fyne.Container
}

func newNoticeRow() *noticeRow {
	r := &noticeRow{alert: widget.NewIcon(iconAlert()),
		when: widget.NewLabel("2006/01/02 15:04"), msg: widget.NewLabel("")}
	r.msg.Truncation = fyne.TextTruncateClip
	r.root = container.New(newColumns(2, theme.IconInlineSize(), 150, 0), r.alert, r.when, r.msg)
	r.ExtendBaseWidget(r)
	return r
}

func (r *noticeRow) set(n data.Notification) {
	r.id = n.ID
	r.alert.Hidden = n.Resolved()
	r.when.SetText(n.CreatedAt.Format("2006/01/02 15:04"))
	r.msg.SetText(noticeMessage(n))
	r.root.Refresh()
}

func (r *noticeRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.root) }

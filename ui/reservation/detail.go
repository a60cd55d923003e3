package reservation

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
	"salondesk/data"
)

// ShowDetail opens the reservation detail window (詳細 / 変更 / キャンセル / メモ編集 /
// お客様情報), or brings it forward when it is already open.
func ShowDetail(a *app.App, parent fyne.Window, id int64) {
	title := detailTitle(a, id)
	for _, w := range fyne.CurrentApp().Driver().AllWindows() {
		if w.Title() == title {
			w.RequestFocus()
			return
		}
	}
	newDetail(a, parent, id).win.Show()
}

func detailTitle(a *app.App, id int64) string {
	v, err := a.Reservation(context.Background(), id)
	if err != nil {
		return lang.X("reservation.detail.title", "予約詳細")
	}
	return lang.X("reservation.detail.title_number", "予約詳細（予約番号: {{.Number}}）",
		map[string]any{"Number": numberText(v.Reservation)})
}

// detail is one reservation's window. It reads the reservation again whenever app says
// reservations, customers or masters changed, so what it shows is never stale.
type detail struct {
	a      *app.App
	parent fyne.Window
	win    fyne.Window
	id     int64
	view   data.ReservationView
	found  bool
	closed bool

	tabs                                            *container.AppTabs
	infoTab, changeTab, cancelTab, memoTab, custTab *container.TabItem
	unsubscribe                                     func()

	// widgets of the tabs, kept for the tests
	arrived       *widget.Check
	checkout      *widget.Button
	checkoutDlg   *checkoutDialog
	transcribed   *widget.Check
	transcribeBtn *widget.Button
	form          *form
	cancelKind    *widget.RadioGroup
	cancelBtn     *widget.Button
	memoEntry     *widget.Entry
	memoShown     string // the memo the entry was last filled with
	memoSave      *widget.Button
}

func newDetail(a *app.App, parent fyne.Window, id int64) *detail {
	d := &detail{a: a, parent: parent, id: id}
	d.win = fyne.CurrentApp().NewWindow(lang.X("reservation.detail.title", "予約詳細"))
	d.infoTab = container.NewTabItem(lang.X("reservation.tab.detail", "詳細"), widget.NewLabel(""))
	d.changeTab = container.NewTabItem(lang.X("reservation.tab.change", "変更"), widget.NewLabel(""))
	d.cancelTab = container.NewTabItem(lang.X("reservation.tab.cancel", "キャンセル"), widget.NewLabel(""))
	d.memoTab = container.NewTabItem(lang.X("reservation.tab.memo", "メモ編集"), widget.NewLabel(""))
	d.custTab = container.NewTabItem(lang.X("reservation.tab.customer", "お客様情報"), widget.NewLabel(""))
	d.tabs = container.NewAppTabs(d.infoTab, d.changeTab, d.cancelTab, d.memoTab, d.custTab)
	d.reload()
	d.unsubscribe = a.Events().Subscribe(d.onEvent)
	d.win.SetOnClosed(func() {
		d.closed = true
		d.unsubscribe()
	})
	d.win.SetContent(d.tabs)
	d.win.Resize(fyne.NewSize(760, 700))
	return d
}

// onEvent runs on whatever goroutine published: widgets are touched only inside fyne.Do.
func (d *detail) onEvent(e app.Event) {
	switch e.(type) {
	case app.ReservationsChanged, app.CustomersChanged, app.MastersChanged:
		fyne.Do(d.reload)
	}
}

// reload reads the reservation and rebuilds the tabs. Text being typed is kept: the memo
// entry only follows the stored memo while it was not edited, and the 変更 form is
// rebuilt only while it is not the tab in front.
func (d *detail) reload() {
	if d.closed {
		return
	}
	v, err := d.a.Reservation(context.Background(), d.id)
	if err != nil {
		d.found = false
		msg := err.Error()
		if errors.Is(err, data.ErrNotFound) {
			msg = lang.X("reservation.detail.missing", "予約が見つかりません。削除された可能性があります。")
		}
		d.infoTab.Content = widget.NewLabel(msg)
		for _, t := range []*container.TabItem{d.changeTab, d.cancelTab, d.memoTab, d.custTab} {
			t.Content = widget.NewLabel("")
		}
		d.tabs.Refresh()
		return
	}
	d.view, d.found = v, true
	d.win.SetTitle(lang.X("reservation.detail.title_number", "予約詳細（予約番号: {{.Number}}）",
		map[string]any{"Number": numberText(v.Reservation)}))
	d.infoTab.Content = d.buildInfo()
	d.cancelTab.Content = d.buildCancel()
	d.custTab.Content = d.buildCustomer()
	d.refreshMemo()
	if d.form == nil || d.tabs.Selected() != d.changeTab {
		d.changeTab.Content = d.buildChange()
	}
	d.tabs.Refresh()
}

// changeable reports whether the reservation may still be changed or cancelled.
func (d *detail) changeable() bool {
	return d.view.Status.Active() && d.view.Status != data.StatusPaid
}

// buildChange is the 変更 tab: the reservation form, prefilled.
func (d *detail) buildChange() fyne.CanvasObject {
	d.form = nil
	if !d.changeable() {
		return widget.NewLabel(lang.X("reservation.detail.closed", "キャンセル済み・会計済みの予約は変更できません。"))
	}
	f, err := newForm(d.a, d.win, ChangeInput(d.view), func(data.Reservation) {
		d.form = nil
		d.tabs.Select(d.infoTab)
		d.reload()
	})
	if err != nil {
		return widget.NewLabel(err.Error())
	}
	d.form = f
	return container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), f.save), nil, nil, f.content())
}

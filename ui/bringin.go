package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// bringInLine is the top bar's 「SALON BOARDから取り込み中 1,234 / 4,200」 with a progress
// bar, shown while SALON BOARD's reservations are being brought in (the first sync of a
// salon can take minutes; the desk keeps working meanwhile).
type bringInLine struct {
	label   *widget.Label
	bar     *widget.ProgressBar
	content *fyne.Container
}

func newBringInLine() *bringInLine {
	l := &bringInLine{label: widget.NewLabel(""), bar: widget.NewProgressBar()}
	l.bar.TextFormatter = func() string { return "" }
	l.content = container.NewHBox(l.label, container.NewCenter(container.NewGridWrap(fyne.NewSize(120, 12), l.bar)),
		widget.NewSeparator())
	l.content.Hide()
	return l
}

// show updates the line from st (UI goroutine).
func (l *bringInLine) show(st SyncStatus) {
	if !st.BringIn {
		l.content.Hide()
		return
	}
	l.content.Show()
	if st.BringInTotal == 0 { // the first list page has not been read: no count to show yet
		l.label.SetText(lang.X("ui.sync.bring_in_start", "SALON BOARDから取り込み中…"))
		l.bar.Hide()
		return
	}
	p := message.NewPrinter(language.Japanese)
	l.label.SetText(lang.X("ui.sync.bring_in", "SALON BOARDから取り込み中 {{.Done}} / {{.Total}}", map[string]any{
		"Done": p.Sprintf("%d", st.BringInDone), "Total": p.Sprintf("%d", st.BringInTotal)}))
	l.bar.Max = float64(st.BringInTotal)
	l.bar.SetValue(float64(min(st.BringInDone, st.BringInTotal)))
	l.bar.Show()
}

package settings

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"salondesk/assets"
	"salondesk/ui/internal/uitest"
)

// システム情報's ライセンス button opens the embedded notice, scrolls to its end (the
// last module's licence) and closes with 閉じる.
func TestSystemInfoShowsTheLicences(t *testing.T) {
	f := newFixture(t)
	f.open()
	f.s.tabs.SelectIndex(4)
	f.wait()
	test.Tap(uitest.Button(t, f.s.info.content, "ライセンス"))
	top := uitest.TopOverlay(f.win)
	if top == nil {
		t.Fatal("no dialog opened")
	}
	got := uitest.AllTexts(top)
	uitest.MustContain(t, "ライセンス dialog", got, "ライセンス（SalonDesk に含まれるソフトウェアとフォント）")
	uitest.MustContain(t, "ライセンス dialog", got, "SalonDesk — ライセンス / Third-party notices")

	var list *widget.List
	uitest.Walk(top, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.List); ok {
			list = l
		}
	})
	if list == nil {
		t.Fatal("no list in the dialog")
	}
	lines := strings.Split(strings.TrimRight(assets.Notice(), "\n"), "\n")
	list.ScrollToBottom()
	uitest.MustContain(t, "the notice's end", uitest.AllTexts(top), lines[len(lines)-1])

	uitest.TapInDialog(t, f.win, "閉じる")
	if uitest.TopOverlay(f.win) != nil {
		t.Error("the dialog stayed open")
	}
}

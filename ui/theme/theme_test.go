package theme

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The embedded font must draw Japanese: a label of kanji is wider than a few pixels
// and renders the same everywhere (the golden image would differ with a system font).
func TestThemeDrawsJapanese(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(New())
	l := widget.NewLabel("日次スケジュール 予約アラート")
	w := test.NewWindow(l)
	defer w.Close()
	w.Resize(fyne.NewSize(320, 60))
	if l.MinSize().Width < 200 {
		t.Fatalf("label too narrow for Japanese text: %v", l.MinSize())
	}
	test.AssertImageMatches(t, "japanese_label.png", w.Canvas().Capture())
}

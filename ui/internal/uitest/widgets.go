package uitest

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"salondesk/assets"
	"salondesk/ui/theme"
)

// TopOverlay is the dialog in front, nil when none.
func TopOverlay(w fyne.Window) fyne.CanvasObject { return w.Canvas().Overlays().Top() }

// Button finds the first visible button with this text under o.
func Button(t testing.TB, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	WalkVisible(o, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q in:\n%s", text, DrawnTexts(o))
	}
	return found
}

// TapCheck taps a checkbox on its box: test.Tap's corner may lie outside the active area
// of a check stretched taller than its text.
func TapCheck(c *widget.Check) { test.TapAt(c, fyne.NewPos(4, c.Size().Height/2)) }

// Retype replaces an entry's text the way staff do: clear it, then type.
func Retype(e *widget.Entry, s string) {
	e.SetText("")
	test.Type(e, s)
}

// TakeDialog returns the text (AllTexts) of the dialog on top of the window and closes
// it ("" when no dialog is open).
func TakeDialog(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	s := AllTexts(top)
	w.Canvas().Overlays().Remove(top)
	return s
}

// TapInDialog taps the button with this text in the dialog on top (the last one found,
// hidden ones included).
func TapInDialog(t testing.TB, w fyne.Window, text string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open to tap %q", text)
	}
	var btn *widget.Button
	Walk(top, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && b.Text == text {
			btn = b
		}
	})
	if btn == nil {
		t.Fatalf("no button %q in dialog: %s", text, AllTexts(top))
	}
	test.Tap(btn)
}

// NewApp starts Fyne's test app with the salon's theme and the Japanese translations,
// as every screen test does.
func NewApp(t testing.TB) fyne.App {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(theme.New())
	if err := assets.UseLanguage("ja"); err != nil {
		t.Fatal(err)
	}
	return a
}

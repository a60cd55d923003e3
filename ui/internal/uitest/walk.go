package uitest

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// WalkVisible walks what is drawn: widgets through their (cached) renderers, hidden
// objects skipped.
func WalkVisible(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	fn(o)
	switch c := o.(type) {
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(c).Objects() {
			WalkVisible(child, fn)
		}
	case *fyne.Container:
		for _, child := range c.Objects {
			WalkVisible(child, fn)
		}
	}
}

// Walk visits o and everything inside it, hidden objects included.
func Walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			Walk(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			Walk(c, fn)
		}
	}
}

// DrawnTexts is every visible text drawn under o, one per line.
func DrawnTexts(o fyne.CanvasObject) string {
	var b strings.Builder
	WalkVisible(o, func(o fyne.CanvasObject) {
		if t, ok := o.(*canvas.Text); ok {
			b.WriteString(t.Text)
			b.WriteByte('\n')
		}
	})
	return b.String()
}

// AllTexts is every label and text inside o, hidden ones included, one per line.
func AllTexts(o fyne.CanvasObject) string {
	var b strings.Builder
	Walk(o, func(c fyne.CanvasObject) {
		switch x := c.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *canvas.Text:
			b.WriteString(x.Text + "\n")
		}
	})
	return b.String()
}

// MustContain looks for want in the drawn texts, across the line breaks of wrapped labels.
func MustContain(t testing.TB, where, got, want string) {
	t.Helper()
	if !strings.Contains(got, want) && !strings.Contains(strings.ReplaceAll(got, "\n", ""), want) {
		t.Fatalf("%s: %q not shown in:\n%s", where, want, got)
	}
}

// MustNotContain fails when unwanted is among the drawn texts.
func MustNotContain(t testing.TB, where, got, unwanted string) {
	t.Helper()
	if strings.Contains(got, unwanted) {
		t.Fatalf("%s: %q shown but should not be, in:\n%s", where, unwanted, got)
	}
}

// Package kanafield provides the entry for カナ (reading) fields in the forms.
//
// Staff type a reading through the IME in whatever form it commits (hiragana when they
// confirm with Return before converting, full-width or half-width katakana); the
// field turns it into full-width katakana, the one form the app stores and searches
// (app.NormalizeKana), when it loses focus, and Kana() gives that form at any time.
//
// The reading cannot be filled in from the name field: on Linux GLFW opens its XIM
// input context with XIMPreeditNothing, so the application only ever receives the
// committed text (「山田」), never the reading the IME converted it from, and Fyne
// 2.7 exposes no preedit or reading API on any platform (see docs/ime.md).
package kanafield

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"salondesk/app"
)

// Field is a single-line entry whose text becomes full-width katakana when it loses
// focus. Return and Enter do nothing in it: the Return that confirms an IME
// conversion must never act, so OnSubmitted is never called and forms submit by
// their buttons.
type Field struct {
	widget.Entry
}

// New returns an empty kana field.
func New() *Field {
	f := &Field{}
	f.ExtendBaseWidget(f)
	return f
}

// Kana returns the text as it should be stored: full-width katakana with single
// full-width spaces, whether or not the field has lost focus yet (a save button may
// be pressed while the caret is still in the field).
func (f *Field) Kana() string {
	return app.NormalizeKana(f.Text)
}

// FocusLost normalises the text so that staff see what will be stored.
func (f *Field) FocusLost() {
	f.normalize()
	f.Entry.FocusLost()
}

// TypedKey drops Return and Enter so that nothing is submitted from this field.
func (f *Field) TypedKey(key *fyne.KeyEvent) {
	if key.Name == fyne.KeyReturn || key.Name == fyne.KeyEnter {
		return
	}
	f.Entry.TypedKey(key)
}

// normalize rewrites the text only when it changes, so OnChanged fires only for a
// real change.
func (f *Field) normalize() {
	if kana := f.Kana(); kana != f.Text {
		f.SetText(kana)
	}
}

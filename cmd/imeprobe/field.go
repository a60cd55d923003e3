package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"salondesk/ui/kanafield"
)

// probeField is the field under test: a plain entry that records the keys and
// characters Fyne delivers to it, or the app's kana field.
type probeField struct {
	plain *recordingEntry
	kana  *kanafield.Field
}

func newField(kana bool, st *state) *probeField {
	if kana {
		f := kanafield.New()
		f.OnChanged = st.changed
		f.OnSubmitted = st.submitted
		return &probeField{kana: f}
	}
	e := &recordingEntry{st: st}
	e.ExtendBaseWidget(e)
	e.OnChanged = st.changed
	e.OnSubmitted = st.submitted
	return &probeField{plain: e}
}

func (p *probeField) entry() *widget.Entry {
	if p.kana != nil {
		return &p.kana.Entry
	}
	return &p.plain.Entry
}

// object is what goes into the window, so that focus and rendering find the widget.
func (p *probeField) object() fyne.CanvasObject {
	if p.kana != nil {
		return p.kana
	}
	return p.plain
}

func (p *probeField) focusable() fyne.Focusable {
	if p.kana != nil {
		return p.kana
	}
	return p.plain
}

func (p *probeField) SetText(s string) { p.entry().SetText(s) }

func (p *probeField) setCaretAtEnd() {
	e := p.entry()
	e.CursorColumn = len([]rune(e.Text))
	e.Refresh()
}

// recordingEntry is a widget.Entry that notes every key and character it receives,
// so a failing run shows which keys leaked past the input method.
type recordingEntry struct {
	widget.Entry
	st *state
}

func (e *recordingEntry) TypedKey(k *fyne.KeyEvent) {
	e.st.key(string(k.Name))
	e.Entry.TypedKey(k)
}

func (e *recordingEntry) TypedRune(r rune) {
	e.st.rune(r)
	e.Entry.TypedRune(r)
}

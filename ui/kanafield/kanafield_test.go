package kanafield

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"salondesk/ui/internal/uitest"
)

// form puts a kana field and a second entry in a window, the field focused.
func form(t *testing.T) (*Field, *widget.Entry, fyne.Window) {
	t.Helper()
	uitest.NewApp(t)
	f, other := New(), widget.NewEntry()
	w := test.NewWindow(container.NewVBox(f, other))
	t.Cleanup(w.Close)
	w.Canvas().Focus(f)
	return f, other, w
}

func TestFocusLostTurnsTypedReadingIntoKatakana(t *testing.T) {
	for typed, want := range map[string]string{
		"やまだ はなこ":   "ヤマダ　ハナコ", // hiragana committed with Return, half-width space
		"ﾔﾏﾀﾞ ﾊﾅｺ":  "ヤマダ　ハナコ", // half-width katakana with a voicing mark
		"ヤマダ　ハナコ":   "ヤマダ　ハナコ",
		" すずき  ゆう ": "スズキ　ユウ", // spaces trimmed and folded
	} {
		f, other, w := form(t)
		test.Type(f, typed)
		if f.Text != typed {
			t.Fatalf("while focused the text is %q, want what was typed %q", f.Text, typed)
		}
		w.Canvas().Focus(other)
		if f.Text != want {
			t.Errorf("%q after focus left: %q, want %q", typed, f.Text, want)
		}
	}
}

func TestKanaIsNormalizedBeforeFocusLeaves(t *testing.T) {
	f, _, _ := form(t)
	test.Type(f, "たなか")
	if got := f.Kana(); got != "タナカ" {
		t.Errorf("Kana() = %q, want タナカ", got)
	}
	if f.Text != "たなか" {
		t.Errorf("Kana() changed the text under the caret: %q", f.Text)
	}
}

func TestReturnNeverSubmits(t *testing.T) {
	f, _, w := form(t)
	submits := 0
	f.OnSubmitted = func(string) { submits++ }
	test.Type(f, "やまだ")
	for _, k := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEnter} {
		w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: k})
	}
	if submits != 0 {
		t.Errorf("OnSubmitted ran %d times", submits)
	}
	if f.Text != "やまだ" {
		t.Errorf("Return changed the text: %q", f.Text)
	}
	// Other keys still edit.
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if f.Text != "やま" {
		t.Errorf("BackSpace gave %q, want やま", f.Text)
	}
}

func TestFocusLostWithoutChangeFiresNoOnChanged(t *testing.T) {
	f, other, w := form(t)
	f.SetText("ヤマダ")
	changes := 0
	f.OnChanged = func(string) { changes++ }
	w.Canvas().Focus(other)
	if changes != 0 {
		t.Errorf("OnChanged ran %d times for text that was already katakana", changes)
	}
	w.Canvas().Focus(f)
	test.Type(f, "ﾀ") // the caret is at the start after SetText
	changes = 0
	w.Canvas().Focus(other)
	if f.Text != "タヤマダ" || changes != 1 {
		t.Errorf("got %q with %d OnChanged, want タヤマダ with 1", f.Text, changes)
	}
}

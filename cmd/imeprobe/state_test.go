package main

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func readState(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The file the script parses: typing, a BackSpace and a Return in the plain field.
func TestStateRecordsTextSubmitsKeysAndRunes(t *testing.T) {
	test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "state")
	st := newState(path)
	f := newField(false, st)
	w := test.NewWindow(container.NewVBox(f.object()))
	defer w.Close()
	f.SetText("abc")
	f.setCaretAtEnd()
	st.ready()
	w.Canvas().Focus(f.focusable())

	test.Type(f.focusable(), "山田")
	f.focusable().TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	f.focusable().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})

	want := "ready=1\ntext=abc山\nsubmits=1\nsubmitted=abc山\nkeys=BackSpace,Return\nrunes=山田\n"
	if got := readState(t, path); got != want {
		t.Errorf("state file:\n%s\nwant:\n%s", got, want)
	}
}

// The kana field never submits, and its text becomes katakana when focus leaves.
func TestStateOfKanaField(t *testing.T) {
	test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "state")
	st := newState(path)
	f := newField(true, st)
	other := widget.NewEntry()
	w := test.NewWindow(container.NewVBox(f.object(), other))
	defer w.Close()
	w.Canvas().Focus(f.focusable())

	test.Type(f.focusable(), "やまだ")
	f.focusable().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	w.Canvas().Focus(other)

	want := "ready=0\ntext=ヤマダ\nsubmits=0\nsubmitted=\nkeys=\nrunes=\n"
	if got := readState(t, path); got != want {
		t.Errorf("state file:\n%s\nwant:\n%s", got, want)
	}
}

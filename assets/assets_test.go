package assets

import (
	"testing"

	"fyne.io/fyne/v2/lang"
)

func TestUseLanguage(t *testing.T) {
	t.Setenv("LANG", "C")
	if err := UseLanguage("ja"); err != nil {
		t.Fatal(err)
	}
	if got := lang.L("Cancel"); got != "キャンセル" {
		t.Fatalf("Cancel in ja = %q", got)
	}
	if got := lang.X("error.kana_required", ""); got != "お客様名（カナ）を入力してください。" {
		t.Fatalf("app key in ja = %q", got)
	}
	if err := UseLanguage("en"); err != nil {
		t.Fatal(err)
	}
	if got := lang.L("Cancel"); got != "Cancel" {
		t.Fatalf("Cancel in en = %q", got)
	}
	UseLanguage("ja")
}

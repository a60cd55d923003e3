package transcribe

import (
	"log"
	"os"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"salondesk/ui/internal/uitest"
)

// Every key this package asks for is in transcribe.ja.json (with the code's Japanese as
// its text) and in transcribe.en.json; neither file holds keys nobody asks for.
func TestTranslationsComplete(t *testing.T) {
	used := uitest.KeyPairs(t, uitest.SourceFiles(t, "*.go"), func(key string) bool {
		return strings.HasPrefix(key, "transcribe.")
	})
	if len(used) < 20 {
		t.Fatalf("only %d keys found: the scan is broken", len(used))
	}
	// Keys of UserErrors: app's Transcribe and this form's own.
	errorKey := regexp.MustCompile(`^transcribe\.error\.[a-z_]+$`)
	uitest.CheckComplete(t, "../../assets/translations", "transcribe", used, errorKey)
}

// Using the form end to end asks for no key the translations lack (Fyne logs a "not
// found" for each), the error dialogs included.
func TestNoMissingTranslationAtRunTime(t *testing.T) {
	fx := newFixture(t)
	var logged strings.Builder
	log.SetOutput(&logged)
	defer log.SetOutput(os.Stderr)
	id := fx.mismatch(t)
	f := show(fx.a, fx.win, id, nil)
	f.coupon.SetSelected("カット＋ケアカラー ¥9,900")
	f.day.SetText("2026/13/40")
	test.Tap(f.register)
	f.day.SetText("2026/11/21")
	f.clock.SetText("25:99")
	test.Tap(f.register)
	f.clock.SetText("11:00")
	test.Tap(f.register)
	show(fx.a, fx.win, id, nil) // already registered: explained
	if strings.Contains(logged.String(), "not found") || strings.Contains(logged.String(), "transcribe.") {
		t.Fatalf("missing translations:\n%s", logged.String())
	}
	if v := fx.get(t, id); v.Status != "waiting" {
		t.Fatalf("the last 登録 did not register: %q", v.Status)
	}
}

package ui

import (
	"regexp"
	"testing"

	"salondesk/ui/internal/uitest"
)

var uiKey = regexp.MustCompile(`^ui\.[a-z_.]+$`)

// Every key the code uses is in both files, the Japanese text is the code's fallback,
// and neither file carries keys nobody uses.
func TestTranslationsComplete(t *testing.T) {
	used := uitest.KeyPairs(t, uitest.SourceFiles(t, "*.go"), uiKey.MatchString)
	if len(used) < 50 {
		t.Fatalf("found only %d keys: the scan is broken", len(used))
	}
	uitest.CheckComplete(t, "../assets/translations", "ui", used, nil)
}

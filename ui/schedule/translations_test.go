package schedule

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"salondesk/ui/internal/uitest"
)

// Every key the package asks for is in both of its translation files, and nothing else is.
func TestTranslationsComplete(t *testing.T) {
	used := map[string]string{"schedule.weekday.0": "", "schedule.weekday.1": "", "schedule.weekday.2": "",
		"schedule.weekday.3": "", "schedule.weekday.4": "", "schedule.weekday.5": "",
		"schedule.weekday.6": ""} // built from the weekday number
	re := regexp.MustCompile(`lang\.X\("(schedule\.[a-z0-9_.]+)"`)
	for _, f := range uitest.SourceFiles(t, "*.go") {
		for _, m := range re.FindAllStringSubmatch(mustRead(t, f), -1) {
			if !strings.HasSuffix(m[1], ".") { // a prefix completed at run time
				used[m[1]] = ""
			}
		}
	}
	// Keys given as data (the legend) rather than literal lang.X calls.
	for _, m := range regexp.MustCompile(`\{"(schedule\.legend\.[a-z_]+)"`).FindAllStringSubmatch(mustRead(t, "dialogs.go"), -1) {
		used[m[1]] = ""
	}
	// No fallbacks: the scan reads keys only, so only presence is checked.
	uitest.CheckComplete(t, "../../assets/translations", "schedule", used, nil)
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

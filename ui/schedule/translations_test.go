package schedule

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Every key the package asks for is in both of its translation files, and nothing else is.
func TestTranslationsComplete(t *testing.T) {
	used := map[string]bool{"schedule.weekday.0": true, "schedule.weekday.1": true, "schedule.weekday.2": true,
		"schedule.weekday.3": true, "schedule.weekday.4": true, "schedule.weekday.5": true,
		"schedule.weekday.6": true} // built from the weekday number
	files, _ := filepath.Glob("*.go")
	re := regexp.MustCompile(`lang\.X\("(schedule\.[a-z0-9_.]+)"`)
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(src), -1) {
			if !strings.HasSuffix(m[1], ".") { // a prefix completed at run time
				used[m[1]] = true
			}
		}
	}
	// Keys given as data (the legend) rather than literal lang.X calls.
	for _, m := range regexp.MustCompile(`\{"(schedule\.legend\.[a-z_]+)"`).FindAllStringSubmatch(mustRead(t, "dialogs.go"), -1) {
		used[m[1]] = true
	}
	for _, lang := range []string{"ja", "en"} {
		var got map[string]string
		if err := json.Unmarshal([]byte(mustRead(t, "../../assets/translations/schedule."+lang+".json")), &got); err != nil {
			t.Fatal(err)
		}
		for k := range used {
			if got[k] == "" {
				t.Errorf("%s: missing %s", lang, k)
			}
		}
		for k := range got {
			if !used[k] {
				t.Errorf("%s: unused %s", lang, k)
			}
		}
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

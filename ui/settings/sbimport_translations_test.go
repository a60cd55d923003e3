package settings

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"salondesk/ui/internal/uitest"
)

// 「SALON BOARDから取り込む」 and 未対応のクーポン名 span this screen, the menu screen, Home
// and app/salonboard's messages: every "sbimport." key they use is in sbimport.ja.json
// (with the code's Japanese) and sbimport.en.json, and the files hold no other key.
func TestImportTranslationsComplete(t *testing.T) {
	isKey := func(k string) bool { return strings.HasPrefix(k, "sbimport.") }
	used := uitest.KeyPairs(t, uitest.SourceFiles(t, "*.go", "../masters/*.go", "../home.go"), isKey)
	errKey := regexp.MustCompile(`Key: "(sbimport\.error\.[a-z_]+)"`)
	for _, f := range uitest.SourceFiles(t, "../../app/salonboard/*.go") {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range errKey.FindAllStringSubmatch(string(src), -1) {
			used[m[1]] = ""
		}
	}
	// The preview's error for a number typed wrong is raised here, not in app.
	used["sbimport.error.number"] = ""
	if len(used) < 30 {
		t.Fatalf("found only %d keys: the scan is broken", len(used))
	}
	uitest.CheckComplete(t, "../../assets/translations", "sbimport", used, nil)
}

package app_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// Every customers.* key the app's customer use cases raise is in customers.ja.json and
// customers.en.json (the screens' own keys are checked by ui/masters).
func TestCustomerMessagesTranslated(t *testing.T) {
	files, _ := filepath.Glob("customers*.go")
	keyRe := regexp.MustCompile(`"(customers\.(?:error|import)\.[a-z_]+)"`)
	used := map[string]bool{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range keyRe.FindAllStringSubmatch(string(src), -1) {
			used[m[1]] = true
		}
	}
	if len(used) < 10 {
		t.Fatalf("found only %d keys: the scan is broken", len(used))
	}
	for _, lang := range []string{"ja", "en"} {
		b, err := os.ReadFile("../assets/translations/customers." + lang + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var tr map[string]string
		if err := json.Unmarshal(b, &tr); err != nil {
			t.Fatal(err)
		}
		for k := range used {
			if tr[k] == "" {
				t.Errorf("customers.%s.json lacks %s", lang, k)
			}
		}
	}
}

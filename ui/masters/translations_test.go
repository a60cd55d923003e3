package masters

import (
	"encoding/json"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Every key this package asks for is in masters.ja.json (with the code's Japanese as
// its text) and in masters.en.json; and neither file holds keys nobody asks for.
func TestTranslationsComplete(t *testing.T) {
	used := map[string]string{}
	keyRe := regexp.MustCompile(`lang\.X\("([^"]+)",\s*"([^"]*)"`)
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range keyRe.FindAllStringSubmatch(string(src), -1) {
			used[m[1]] = m[2]
		}
	}
	// Keys built at run time: weekdays, coupon targets, statuses, and the UserError key.
	dynamic := regexp.MustCompile(`^masters\.(weekday\.[0-6]|coupon_target\.[0-2]|status\.[a-z]+|error\.[a-z_]+)$`)
	for _, lang := range []string{"ja", "en"} {
		raw, err := os.ReadFile(filepath.Join("..", "..", "assets", "translations", "masters."+lang+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var tr map[string]string
		if err := json.Unmarshal(raw, &tr); err != nil {
			t.Fatalf("masters.%s.json: %v", lang, err)
		}
		for k, fallback := range used {
			v, ok := tr[k]
			switch {
			case !ok:
				t.Errorf("masters.%s.json lacks %s", lang, k)
			case lang == "ja" && v != fallback:
				t.Errorf("masters.ja.json %s = %q, code says %q", k, v, fallback)
			}
		}
		for k := range tr {
			if _, ok := used[k]; !ok && !dynamic.MatchString(k) {
				t.Errorf("masters.%s.json has unused key %s", lang, k)
			}
		}
	}
}

// Building and using every screen asks for no key the translations lack (Fyne logs a
// "not found" for each; keys built at run time escape the source scan above).
func TestNoMissingTranslationAtRunTime(t *testing.T) {
	f := newFixture(t)
	var logged strings.Builder
	log.SetOutput(&logged)
	defer log.SetOutput(os.Stderr)

	staff := newStaffScreen(f.a, f.win)
	f.show(staff.view)
	for i := range staff.view.Items {
		staff.view.SelectIndex(i)
	}
	menus := newMenuScreen(f.a, f.win)
	f.show(menus.view)
	for i := range menus.view.Items {
		menus.view.SelectIndex(i)
	}
	menus.coupons.list.Select(0)
	f.show(newStopScreen(f.a, f.win).view)
	cs := newCustomerScreen(f.a, f.win, nil)
	f.show(cs.view)
	cs.openCustomer(cs.rows[0])

	if strings.Contains(logged.String(), "not found") {
		t.Fatalf("missing translations:\n%s", logged.String())
	}
}

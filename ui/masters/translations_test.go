package masters

import (
	"log"
	"os"
	"regexp"
	"strings"
	"testing"

	"salondesk/app/salonboard"
	"salondesk/ui/internal/uitest"
)

// Every key this package asks for is in masters.ja.json (with the code's Japanese as
// its text) and in masters.en.json; and neither file holds keys nobody asks for.
func TestTranslationsComplete(t *testing.T) {
	used := map[string]string{}
	keyRe := regexp.MustCompile(`lang\.X\("([^"]+)",\s*"([^"]*)"`)
	for _, f := range uitest.SourceFiles(t, "*.go") {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range keyRe.FindAllStringSubmatch(string(src), -1) {
			used[m[1]] = m[2]
		}
	}
	// The customer screen's own keys live in customers.*.json beside the app's customer
	// messages (which app's own test checks).
	customers := map[string]string{}
	for k, v := range used {
		if strings.HasPrefix(k, "customers.ui.") {
			customers[k] = v
			delete(used, k)
		}
	}
	// 未対応のクーポン名 shares sbimport.*.json with 設定's import (checked there).
	for k := range used {
		if strings.HasPrefix(k, "sbimport.") {
			delete(used, k)
		}
	}
	// Keys built at run time: weekdays, coupon targets, statuses, and the UserError key.
	dynamic := regexp.MustCompile(`^masters\.(weekday\.[0-6]|coupon_target\.[0-2]|status\.[a-z]+|error\.[a-z_]+)$`)
	uitest.CheckComplete(t, "../../assets/translations", "masters", used, dynamic)
	uitest.CheckComplete(t, "../../assets/translations", "customers", customers, regexp.MustCompile(`^customers\.(error|import)\.`))
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
	menus := newMenuScreen(f.a, salonboard.New(f.a), f.win)
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

package transcribe

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// Every key this package asks for is in transcribe.ja.json (with the code's Japanese as
// its text) and in transcribe.en.json; neither file holds keys nobody asks for.
func TestTranslationsComplete(t *testing.T) {
	used := usedKeys(t)
	// Keys of UserErrors: app's Transcribe and this form's own.
	errorKey := regexp.MustCompile(`^transcribe\.error\.[a-z_]+$`)
	for _, lang := range []string{"ja", "en"} {
		raw, err := os.ReadFile(filepath.Join("..", "..", "assets", "translations", "transcribe."+lang+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var tr map[string]string
		if err := json.Unmarshal(raw, &tr); err != nil {
			t.Fatalf("transcribe.%s.json: %v", lang, err)
		}
		for k, fallback := range used {
			v, ok := tr[k]
			switch {
			case !ok:
				t.Errorf("transcribe.%s.json lacks %s", lang, k)
			case lang == "ja" && v != fallback:
				t.Errorf("transcribe.ja.json %s = %q, code says %q", k, v, fallback)
			}
		}
		for k := range tr {
			if _, ok := used[k]; !ok && !errorKey.MatchString(k) {
				t.Errorf("transcribe.%s.json has unused key %s", lang, k)
			}
		}
	}
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

// usedKeys finds every ("transcribe.…", "fallback") pair of string literals passed to a
// call in this package's code: lang.X and the small helpers that wrap it.
func usedKeys(t *testing.T) map[string]string {
	t.Helper()
	files, _ := filepath.Glob("*.go")
	keys := map[string]string{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			for i := 0; i+1 < len(call.Args); i++ {
				k, ok1 := call.Args[i].(*ast.BasicLit)
				v, ok2 := call.Args[i+1].(*ast.BasicLit)
				if !ok1 || !ok2 || k.Kind != token.STRING || v.Kind != token.STRING {
					continue
				}
				key, _ := strconv.Unquote(k.Value)
				fallback, _ := strconv.Unquote(v.Value)
				if strings.HasPrefix(key, "transcribe.") {
					keys[key] = fallback
				}
			}
			return true
		})
	}
	if len(keys) < 20 {
		t.Fatalf("only %d keys found: the scan is broken", len(keys))
	}
	return keys
}

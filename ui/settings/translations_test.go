package settings

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

var settingsKey = regexp.MustCompile(`^settings\.[a-z_.]+$`)

// sources are the files of this area: the screen, the packages under app it owns, and
// the support commands in package main.
func sources(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{"*.go", "../../app/settings/*.go", "../../app/secrets/*.go",
		"../../app/backup/*.go", "../../cli_support.go", "../../cli_doctor.go"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range m {
			if !strings.HasSuffix(f, "_test.go") {
				files = append(files, f)
			}
		}
	}
	return files
}

// usedKeys finds every "settings.…" string literal; fallbacks are the literal right after
// a key when the call is lang.X (a Japanese text), none for UserError keys.
func usedKeys(t *testing.T) (keys map[string]string) {
	t.Helper()
	keys = map[string]string{}
	fset := token.NewFileSet()
	for _, name := range sources(t) {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if k, _ := strconv.Unquote(lit.Value); settingsKey.MatchString(k) {
					if _, seen := keys[k]; !seen {
						keys[k] = ""
					}
				}
			}
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "X" || len(call.Args) < 2 {
				return true
			}
			k, ok1 := call.Args[0].(*ast.BasicLit)
			v, ok2 := call.Args[1].(*ast.BasicLit)
			if ok1 && ok2 {
				key, _ := strconv.Unquote(k.Value)
				fallback, _ := strconv.Unquote(v.Value)
				keys[key] = fallback
			}
			return true
		})
	}
	return keys
}

func readTranslations(t *testing.T, lang string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "assets", "translations", "settings."+lang+".json"))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("settings.%s.json: %v", lang, err)
	}
	return m
}

// Every key used is in both files, the Japanese text is the code's fallback where the
// code has one, and neither file holds keys nobody uses.
func TestTranslationsComplete(t *testing.T) {
	used := usedKeys(t)
	if len(used) < 100 {
		t.Fatalf("found only %d keys: the scan is broken", len(used))
	}
	ja, en := readTranslations(t, "ja"), readTranslations(t, "en")
	for key, fallback := range used {
		if ja[key] == "" || (fallback != "" && ja[key] != fallback) {
			t.Errorf("settings.ja.json %s = %q, code says %q", key, ja[key], fallback)
		}
		if en[key] == "" {
			t.Errorf("settings.en.json lacks %s", key)
		}
	}
	for _, m := range []map[string]string{ja, en} {
		for key := range m {
			if _, ok := used[key]; !ok {
				t.Errorf("translation %s is not used", key)
			}
		}
	}
}

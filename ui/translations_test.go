package ui

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

var uiKey = regexp.MustCompile(`^ui\.[a-z_.]+$`)

// usedKeys finds every ("ui.…", "fallback") pair of string literals passed to a call in
// this package's code: lang.X and the helpers that wrap it.
func usedKeys(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
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
				if uiKey.MatchString(key) {
					keys[key] = fallback
				}
			}
			return true
		})
	}
	return keys
}

func readTranslations(t *testing.T, lang string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "assets", "translations", "ui."+lang+".json"))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("ui.%s.json: %v", lang, err)
	}
	return m
}

// Every key the code uses is in both files, the Japanese text is the code's fallback,
// and neither file carries keys nobody uses.
func TestTranslationsComplete(t *testing.T) {
	used := usedKeys(t)
	if len(used) < 50 {
		t.Fatalf("found only %d keys: the scan is broken", len(used))
	}
	ja, en := readTranslations(t, "ja"), readTranslations(t, "en")
	for key, fallback := range used {
		if ja[key] != fallback {
			t.Errorf("ui.ja.json %s = %q, code says %q", key, ja[key], fallback)
		}
		if en[key] == "" {
			t.Errorf("ui.en.json lacks %s", key)
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

package uitest

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

// SourceFiles are the Go files matching the patterns, tests left out.
func SourceFiles(t testing.TB, patterns ...string) []string {
	t.Helper()
	var files []string
	for _, pattern := range patterns {
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

// KeyPairs finds every (key, fallback) pair of string literals passed side by side to a
// call in files, for the keys that match: lang.X and the helpers that wrap it.
func KeyPairs(t testing.TB, files []string, match func(key string) bool) map[string]string {
	t.Helper()
	keys := map[string]string{}
	fset := token.NewFileSet()
	for _, name := range files {
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
				if match(key) {
					keys[key] = fallback
				}
			}
			return true
		})
	}
	return keys
}

// ReadTranslations reads dir/<prefix>.<lang>.json.
func ReadTranslations(t testing.TB, dir, prefix, lang string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, prefix+"."+lang+".json"))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s.%s.json: %v", prefix, lang, err)
	}
	return m
}

// CheckComplete checks an area's translation files in dir (<prefix>.ja.json and
// <prefix>.en.json) against the keys its code uses: every used key has a text in both,
// the Japanese text is the code's fallback where the code gives one (not ""), and
// neither file holds a key nobody uses, except those built at run time (matching
// runtime, which may be nil).
func CheckComplete(t testing.TB, dir, prefix string, used map[string]string, runtime *regexp.Regexp) {
	t.Helper()
	for _, lang := range []string{"ja", "en"} {
		tr := ReadTranslations(t, dir, prefix, lang)
		for k, fallback := range used {
			v := tr[k]
			switch {
			case v == "":
				t.Errorf("%s.%s.json lacks %s", prefix, lang, k)
			case lang == "ja" && fallback != "" && v != fallback:
				t.Errorf("%s.ja.json %s = %q, code says %q", prefix, k, v, fallback)
			}
		}
		for k := range tr {
			if _, ok := used[k]; !ok && (runtime == nil || !runtime.MatchString(k)) {
				t.Errorf("%s.%s.json has unused key %s", prefix, lang, k)
			}
		}
	}
}

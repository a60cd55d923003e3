package settings

import (
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"salondesk/ui/internal/uitest"
)

var settingsKey = regexp.MustCompile(`^settings\.[a-z_.]+$`)

// usedKeys finds every "settings.…" string literal; fallbacks are the literal right after
// a key when the call is lang.X (a Japanese text), none for UserError keys.
func usedKeys(t *testing.T) (keys map[string]string) {
	t.Helper()
	keys = map[string]string{}
	fset := token.NewFileSet()
	// The files of this area: the screen, the packages under app it owns, and the
	// support commands in package cli.
	sources := uitest.SourceFiles(t, "*.go", "../../app/settings/*.go", "../../app/secrets/*.go",
		"../../app/backup/*.go", "../../cli/support.go", "../../cli/doctor.go")
	for _, name := range sources {
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

// Every key used is in both files, the Japanese text is the code's fallback where the
// code has one, and neither file holds keys nobody uses.
func TestTranslationsComplete(t *testing.T) {
	used := usedKeys(t)
	for k := range used {
		if strings.HasPrefix(k, "sbimport.") { // sbimport.*.json: TestImportTranslationsComplete
			delete(used, k)
		}
	}
	if len(used) < 100 {
		t.Fatalf("found only %d keys: the scan is broken", len(used))
	}
	uitest.CheckComplete(t, "../../assets/translations", "settings", used, nil)
}

package uitest

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"testing"
)

// recorder keeps the errors a check reports instead of failing the test.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// CheckComplete reports a missing key, a Japanese text unlike the code's fallback and an
// unused key, and lets keys built at run time pass.
func TestCheckCompleteReportsEachKindOfGap(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("x.ja.json", `{"x.a": "あ", "x.b": "違う", "x.old": "古い", "x.day.1": "月"}`)
	write("x.en.json", `{"x.b": "B", "x.day.1": "Mon"}`)
	used := map[string]string{"x.a": "あ", "x.b": "び"}
	r := &recorder{TB: t}
	CheckComplete(r, dir, "x", used, regexp.MustCompile(`^x\.day\.[0-6]$`))
	sort.Strings(r.errs)
	want := []string{
		`x.en.json lacks x.a`,
		`x.ja.json has unused key x.old`,
		`x.ja.json x.b = "違う", code says "び"`,
	}
	if fmt.Sprint(r.errs) != fmt.Sprint(want) {
		t.Fatalf("errors:\n%q\nwant:\n%q", r.errs, want)
	}
}

// KeyPairs finds the key and fallback side by side in any call, for matching keys only.
func TestKeyPairs(t *testing.T) {
	src := filepath.Join(t.TempDir(), "a.go")
	code := "package a\nfunc f() { _ = x(\"k.one\", \"一\"); _ = y(1, \"k.two\", \"二\"); _ = x(\"other.k\", \"他\") }\n" +
		"func x(a ...any) string { return \"\" }\nfunc y(a ...any) string { return \"\" }\n"
	if err := os.WriteFile(src, []byte(code), 0o644); err != nil {
		t.Fatal(err)
	}
	got := KeyPairs(t, []string{src}, regexp.MustCompile(`^k\.`).MatchString)
	if fmt.Sprint(got) != fmt.Sprint(map[string]string{"k.one": "一", "k.two": "二"}) {
		t.Fatalf("KeyPairs = %v", got)
	}
}

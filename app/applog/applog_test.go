package applog

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRedactPatterns(t *testing.T) {
	r := NewRedactor()
	r.AddSecret("s3cr&t pass")
	r.AddSecret("ab") // too short to hide alone
	for _, c := range []struct{ in, want string }{
		{"login with s3cr&t pass ok", "login with *** ok"},
		{"form userId=sb01&password=hunter22&x=1", "form userId=sb01&password=***&x=1"},
		{"POST body pw=s3cr%26t+pass", "POST body pw=***"}, // the URL-escaped form is registered too
		{"Authorization: Bearer abc.def.ghi", "Authorization: ***"},
		{"authorization=Basic dXNlcjpwYXNz", "authorization=***"},
		{"X_access_token: 0123456789abcdef", "X_access_token: ***"},
		{"x-access-token=tok123 next", "x-access-token=*** next"},
		{`{"password":"p\"q","user":"u"}`, `{"password":"***","user":"u"}`},
		{`{"accessToken": "zzz"}`, `{"accessToken": "***"}`},
		{"imaps://desk:mailpw@imap.example.jp:993", "imaps://desk:***@imap.example.jp:993"},
		{"api_key=K1 secret: topsecret", "api_key=*** secret: ***"},
		{"ab is fine", "ab is fine"},
		{"nothing to hide 予約 BE12345678", "nothing to hide 予約 BE12345678"},
	} {
		if got := r.Redact(c.in); got != c.want {
			t.Errorf("Redact(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestLogRedactsAndRotates(t *testing.T) {
	dir := t.TempDir()
	l, err := Open(dir, Options{MaxBytes: 2000, Keep: 3})
	if err != nil {
		t.Fatal(err)
	}
	const pw = "Kagi-ПАРОЛЬ-パスワード"
	l.AddSecret(pw)
	// A secret split across two writes is still hidden: the writer redacts whole lines.
	fmt.Fprint(l.Writer(), "first half "+pw[:7])
	fmt.Fprint(l.Writer(), pw[7:]+" end\n")
	for i := range 200 {
		l.Printf("line %03d user logged in with %s and token=abc%d", i, pw, i)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(Dir(dir), FileName+"*"))
	if len(files) != 4 {
		t.Fatalf("want the current file and 3 old ones, got %v", files)
	}
	var all strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if st, _ := os.Stat(f); st.Size() > 2000 {
			t.Errorf("%s is %d bytes, over the limit", f, st.Size())
		}
		all.Write(b)
	}
	text := all.String()
	for _, leak := range []string{pw, pw[:7] + pw[7:], "abc1"} {
		if strings.Contains(text, leak) {
			t.Errorf("log holds %q", leak)
		}
	}
	if !strings.Contains(text, "line 199 user logged in with *** and token=***") {
		t.Errorf("newest line missing or not redacted as expected:\n%s", text[len(text)-300:])
	}
	if strings.Contains(text, "line 000") {
		t.Error("the oldest lines should have rotated away")
	}
}

func TestLogPanicRedacts(t *testing.T) {
	dir := t.TempDir()
	l, err := Open(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	l.AddSecret("crashpw123")
	func() {
		defer func() { _ = recover() }()
		defer l.LogPanic()
		panic("could not log in with crashpw123")
	}()
	b, _ := os.ReadFile(l.Path())
	if !strings.Contains(string(b), "panic: could not log in with ***") || strings.Contains(string(b), "crashpw123") {
		t.Fatalf("crash report:\n%s", b)
	}
}

//go:build keyring_integration

package secrets

// Against the real OS keychain (scripts/keyring-test.sh starts a fresh gnome-keyring in
// its own D-Bus session and selects the case with SALONDESK_KEYRING_TEST). It does not
// call keyring.MockInit: it runs in its own `go test` invocation.

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func requireCase(t *testing.T, want string) {
	t.Helper()
	if got := os.Getenv("SALONDESK_KEYRING_TEST"); got != want {
		t.Skipf("SALONDESK_KEYRING_TEST=%q: this case (%s) is run by scripts/keyring-test.sh", got, want)
	}
}

func TestRealSecretService(t *testing.T) {
	requireCase(t, "real")
	var seen []string
	s := New(WithObserver(func(v string) { seen = append(seen, v) }))
	if err := s.Available(); err != nil {
		t.Fatalf("Secret Service: %v (%v)", err, errors.Unwrap(err))
	}
	const v1, v2 = "本物のキーチェーン-Pa55 word!", "second \"value\" ¥&<>"
	if err := s.Set(SalonBoardPassword, v1); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Get(SalonBoardPassword); err != nil || got != v1 {
		t.Fatalf("get: %q %v", got, err)
	}
	// Set again replaces (one item, the new value).
	if err := s.Set(SalonBoardPassword, v2); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get(SalonBoardPassword); got != v2 {
		t.Fatalf("after replace: %q", got)
	}
	// The OS's own tool finds it under service SalonDesk: it is really in the keychain.
	out, err := exec.Command("secret-tool", "lookup", "service", Service, "username", SalonBoardPassword).Output()
	if err != nil || string(out) != v2 {
		t.Fatalf("secret-tool lookup: %q %v", out, err)
	}
	search, _ := exec.Command("secret-tool", "search", "--all", "service", Service).CombinedOutput()
	if n := strings.Count(string(search), "username = "+SalonBoardPassword); n != 1 {
		t.Fatalf("%d items for one key:\n%s", n, search)
	}
	if ok, err := s.Has(MailboxPassword); ok || err != nil {
		t.Fatalf("has an unset key: %v %v", ok, err)
	}
	// On disk the keyring is encrypted: the value's bytes are nowhere in it.
	dir := filepath.Join(os.Getenv("XDG_DATA_HOME"), "keyrings")
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) == 0 {
		t.Fatalf("no keyring files in %s", dir)
	}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		if bytes.Contains(b, []byte(v2)) {
			t.Fatalf("%s holds the password in clear", f)
		}
	}
	if err := s.Set(SalonBoardPassword, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(SalonBoardPassword); !errors.Is(err, ErrNotFound) {
		t.Fatalf("after delete: %v", err)
	}
	if len(seen) < 2 || seen[0] != v1 {
		t.Fatalf("observer saw %q", seen)
	}
}

// No Secret Service on the session bus (or no bus at all): a clear Japanese message, in
// seconds, not a hang.
func TestNoSecretService(t *testing.T) {
	requireCase(t, "none")
	s := New()
	start := time.Now()
	err := s.Available()
	if !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "キーチェーン") {
		t.Fatalf("Available: %v", err)
	}
	if err := s.Set(MailboxPassword, "x"); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("Set: %v", err)
	}
	if d := time.Since(start); d > 2*DefaultTimeout+time.Second {
		t.Fatalf("took %v", d)
	}
	var e *Error
	errors.As(err, &e)
	t.Logf("message: %s | cause: %s", e.Error(), e.Detail())
}

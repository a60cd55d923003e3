package secrets

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"salondesk/assets"
)

func TestSetGetDelete(t *testing.T) {
	keyring.MockInit()
	var seen []string
	s := New(WithObserver(func(v string) { seen = append(seen, v) }))
	if err := s.Available(); err != nil {
		t.Fatalf("mock keychain unavailable: %v", err)
	}
	if _, err := s.Get(SalonBoardPassword); !errors.Is(err, ErrNotFound) {
		t.Fatalf("empty keychain: %v", err)
	}
	if err := s.Set(SalonBoardPassword, "pw-1"); err != nil {
		t.Fatal(err)
	}
	if v, err := s.Get(SalonBoardPassword); err != nil || v != "pw-1" {
		t.Fatalf("get: %q %v", v, err)
	}
	if ok, err := s.Has(MailboxPassword); ok || err != nil {
		t.Fatalf("has mailbox: %v %v", ok, err)
	}
	// An empty value deletes, twice without error.
	for range 2 {
		if err := s.Set(SalonBoardPassword, ""); err != nil {
			t.Fatal(err)
		}
	}
	if ok, _ := s.Has(SalonBoardPassword); ok {
		t.Fatal("still stored after an empty Set")
	}
	if len(seen) == 0 || seen[0] != "pw-1" {
		t.Fatalf("observer saw %q", seen)
	}
	// Only known keys: the CLI cannot be used to put anything else in the keychain.
	err := s.Set("salon.name", "x")
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindUnknownKey {
		t.Fatalf("unknown key: %v", err)
	}
}

func TestUnavailableIsExplained(t *testing.T) {
	if err := assets.UseLanguage("ja"); err != nil {
		t.Fatal(err)
	}
	keyring.MockInitWithError(errors.New("The name org.freedesktop.secrets was not provided by any .service files"))
	defer keyring.MockInit()
	s := New()
	for name, err := range map[string]error{
		"available": s.Available(),
		"set":       s.Set(MailboxPassword, "x"),
		"get":       func() error { _, err := s.Get(MailboxPassword); return err }(),
	} {
		if !errors.Is(err, ErrUnavailable) {
			t.Fatalf("%s: %v is not ErrUnavailable", name, err)
		}
		if !strings.Contains(err.Error(), "キーチェーン") || !strings.Contains(err.Error(), "続けられます") {
			t.Fatalf("%s: message %q", name, err.Error())
		}
		var e *Error
		errors.As(err, &e)
		if !strings.Contains(e.Detail(), "org.freedesktop.secrets") {
			t.Fatalf("%s: detail %q", name, e.Detail())
		}
	}
}

// A keychain that never answers (an unlock prompt nobody sees) fails after the timeout.
func TestTimeout(t *testing.T) {
	keyring.MockInit()
	s := New(WithTimeout(50 * time.Millisecond))
	// A call in progress that never returns. The lock is never released: the timed-out
	// call's goroutine stays parked on it instead of reaching the mock keychain while a
	// later test re-initialises it (a data race under -race).
	s.mu.Lock()
	start := time.Now()
	err := s.Available()
	if !errors.Is(err, ErrUnavailable) || time.Since(start) > 2*time.Second {
		t.Fatalf("timeout: %v after %v", err, time.Since(start))
	}
}

func TestReadValueFromPipe(t *testing.T) {
	for in, want := range map[string]string{"abc\n": "abc", "a b\r\n": "a b", "tok": "tok", "x\n\n": "x\n"} {
		got, err := ReadValue(strings.NewReader(in), &strings.Builder{})
		if err != nil || got != want {
			t.Errorf("ReadValue(%q) = %q, %v", in, got, err)
		}
	}
	for _, in := range []string{"", "\n", strings.Repeat("x", maxValue+1)} {
		if _, err := ReadValue(strings.NewReader(in), &strings.Builder{}); err == nil {
			t.Errorf("ReadValue(%d bytes) accepted", len(in))
		}
	}
}

//go:build keyring_integration

package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// `salondesk secret set` against the real Secret Service (scripts/keyring-test.sh): the
// value read from standard input lands in the keychain, in no output and in no file.
func TestSecretCommandRealKeychain(t *testing.T) {
	if os.Getenv("SALONDESK_KEYRING_TEST") != "real" {
		t.Skip("run by scripts/keyring-test.sh")
	}
	dir := t.TempDir()
	const value = "CLI-real-keychain-値-42"
	code, out, errOut := cli(t, dir, value+"\n", "secret", "set", "mailbox.password")
	if code != 0 || strings.Contains(out+errOut, value) {
		t.Fatalf("secret set: %d %q %q", code, out, errOut)
	}
	got, err := exec.Command("secret-tool", "lookup", "service", "SalonDesk", "username", "mailbox.password").Output()
	if err != nil || string(got) != value {
		t.Fatalf("secret-tool lookup: %q %v", got, err)
	}
	code, out, _ = cli(t, dir, "", "doctor")
	if !strings.Contains(out, "[OK] キーチェーン: 利用できます") || strings.Contains(out, value) {
		t.Fatalf("doctor (%d):\n%s", code, out)
	}
	cli(t, dir, "", "config", "set", "salon.name", "実キーチェーンのサロン")
	filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			if b, _ := os.ReadFile(path); strings.Contains(string(b), value) {
				t.Errorf("%s holds the secret", path)
			}
		}
		return nil
	})
	if code, _, _ := cli(t, dir, "", "secret", "delete", "mailbox.password"); code != 0 {
		t.Fatal("delete")
	}
	if err := exec.Command("secret-tool", "lookup", "service", "SalonDesk", "username", "mailbox.password").Run(); err == nil {
		t.Fatal("still in the keychain after delete")
	}
}

package distcheck

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// scripts/version.sh in a scratch repository: FyneApp.toml's Version until a tag
// vX.Y.Z sits on the commit, the build number counts commits, and a Version that is
// not X.Y.Z stops the build.
func TestVersionComesFromTheTagElseFyneApp(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	script, err := os.ReadFile(filepath.Join("..", "..", "scripts", "version.sh"))
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, text string, mode os.FileMode) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), mode); err != nil {
			t.Fatal(err)
		}
	}
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com"}, args...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	version := func(arg string) (string, error) {
		t.Helper()
		cmd := exec.Command("bash", "scripts/version.sh")
		if arg != "" {
			cmd.Args = append(cmd.Args, arg)
		}
		cmd.Dir = dir
		out, err := cmd.Output()
		return strings.TrimSpace(string(out)), err
	}
	expect := func(arg, want string) {
		t.Helper()
		if got, err := version(arg); err != nil || got != want {
			t.Errorf("version.sh %s = %q (%v), want %q", arg, got, err, want)
		}
	}

	write("scripts/version.sh", string(script), 0o755)
	write("FyneApp.toml", "[Details]\n  Name = \"SalonDesk\"\n  Version = \"1.2.3\"\n  Build = 7\n", 0o644)
	git("init", "-q")
	git("add", ".")
	git("commit", "-qm", "one")
	expect("", "1.2.3")
	expect("--build", "1")
	expect("--win", "1.2.3.1")

	git("tag", "v2.0.0")
	expect("", "2.0.0")
	expect("--win", "2.0.0.1")

	git("commit", "-q", "--allow-empty", "-m", "two") // the tag is no longer on HEAD
	expect("", "1.2.3")
	expect("--build", "2")
	git("tag", "release-candidate") // not vX.Y.Z: ignored
	expect("", "1.2.3")

	write("FyneApp.toml", "[Details]\n  Version = \"1.2\"\n", 0o644)
	if got, err := version(""); err == nil {
		t.Errorf("version.sh accepted Version 1.2 and said %q", got)
	}
}

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The committed notice is what the generator makes of today's go.mod: adding or
// upgrading a module without `go run ./cmd/notices` fails here.
func TestCommittedNoticeIsUpToDate(t *testing.T) {
	root := filepath.Join("..", "..")
	want, err := build(root)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(root, "assets", "licenses", "NOTICE.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Fatal("assets/licenses/NOTICE.txt is stale: run go run ./cmd/notices and commit it")
	}
}

// What the notice must carry whatever the module list: the font's licence, Go's,
// SQLite's binding, GLFW's own C licence (bundled sources) and Fyne marked as modified, and a
// module linked on Windows only.
func TestNoticeCarriesEveryShippedLicence(t *testing.T) {
	text, err := build(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"IPAフォントライセンスv1.0",
		"\nGo standard library\n",
		"\ngithub.com/mattn/go-sqlite3 v",
		" — glfw/LICENSE.md\n",
		"modified: SalonDesk builds it with build/glfw/ime-keys.patch (docs/ime.md)",
		"modified: SalonDesk builds it with build/fyne/idle-loop.patch, build/fyne/font-once.patch, build/fyne/scroll-cull.patch (docs/idle.md)",
		" (Windows) — LICENSE\n",
		" — theme/font/LICENSE_Inter.txt\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("notice lacks %q", want)
		}
	}
	// A tool only the build uses is not shipped.
	if strings.Contains(text, "tc-hib/go-winres") {
		t.Error("notice lists a build tool")
	}
}

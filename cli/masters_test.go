package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"
)

// import/export of masters from the command line: categories before menus, --dry-run
// writes nothing, a bad row imports nothing (exit 1), and a Shift_JIS export imported
// again changes nothing.
func TestImportExportMastersCLI(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		b, err := japanese.ShiftJIS.NewEncoder().String(text)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(b), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	menus := write("menus.csv", "メニュー名,カテゴリ,所要時間(分),料金\r\nカット,カット,60,5000\r\nケアカラー,カラー,90,7000\r\n")
	if code, out, _ := runCLI(t, "--data", dir, "import", "menus", menus); code != 1 ||
		!strings.Contains(out, "2行目\tカテゴリ\tカテゴリ「カット」がありません") {
		t.Fatalf("menus before categories: %d %q", code, out)
	}
	cats := write("cats.csv", "カテゴリ名,表示順\r\nカット,1\r\nカラー,2\r\n")
	if code, out, _ := runCLI(t, "--data", dir, "import", "categories", cats, "--dry-run"); code != 0 ||
		!strings.Contains(out, "新規 2") {
		t.Fatalf("dry run: %d %q", code, out)
	}
	if code, out, _ := runCLI(t, "--data", dir, "export", "categories"); code != 0 || strings.Count(out, "\r\n") != 1 {
		t.Fatalf("--dry-run wrote: %d %q", code, out)
	}
	if code, out, _ := runCLI(t, "--data", dir, "import", "categories", cats); code != 0 || !strings.Contains(out, "新規 2件・更新 0件") {
		t.Fatalf("categories: %d %q", code, out)
	}
	if code, out, _ := runCLI(t, "--data", dir, "import", "menus", menus); code != 0 || !strings.Contains(out, "新規 2件") {
		t.Fatalf("menus: %d %q", code, out)
	}
	code, csv, errOut := runCLI(t, "--data", dir, "export", "menus", "--encoding", "sjis")
	if dec, _ := japanese.ShiftJIS.NewDecoder().String(csv); code != 0 || !strings.Contains(dec, "ケアカラー,カラー,90,7000,0,○") {
		t.Fatalf("export sjis: %d %q %s", code, csv, errOut)
	}
	again := filepath.Join(dir, "again.csv")
	os.WriteFile(again, []byte(csv), 0o600)
	if code, out, _ := runCLI(t, "--data", dir, "import", "menus", again); code != 0 || !strings.Contains(out, "新規 0件・更新 0件") {
		t.Fatalf("re-import: %d %q", code, out)
	}
	if code, out, _ := runCLI(t, "--data", dir, "export", "menus", "--format", "json"); code != 0 || !strings.Contains(out, `"duration": 90`) {
		t.Fatalf("json: %d %q", code, out)
	}
	if code, _, _ := runCLI(t, "--data", dir, "export", "menus", "--format", "xml"); code != 2 {
		t.Fatal("a bad format was accepted")
	}
	if code, _, _ := runCLI(t, "--data", dir, "import", "menus"); code != 2 {
		t.Fatal("import without a file was accepted")
	}
}

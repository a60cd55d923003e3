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
	rename := write("rename.csv", "ID,メニュー名\r\n1,カット（改）\r\n")
	if code, out, _ := runCLI(t, "--data", dir, "import", "menus", rename, "--dry-run"); code != 0 ||
		!strings.Contains(out, "2行目\tID 1\t名前を「カット」から「カット（改）」に変えます") {
		t.Fatalf("rename: %d %q", code, out)
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

// --dry-run writes nothing for any kind: the export has as many lines before and after.
func TestImportMastersDryRunEveryKind(t *testing.T) {
	dir := t.TempDir()
	cats := filepath.Join(dir, "cats.csv")
	os.WriteFile(cats, []byte("カテゴリ名\nカット\n"), 0o600)
	if code, _, errOut := runCLI(t, "--data", dir, "import", "categories", cats); code != 0 {
		t.Fatal(errOut)
	}
	files := map[string]string{
		"staff": "スタッフ名\n佐藤\n", "equipment": "設備名\nベッド\n", "categories": "カテゴリ名\nカラー\n",
		"menus": "メニュー名,カテゴリ\nカット,カット\n", "coupons": "クーポン名\n【新規】カット\n",
		"plans": "プラン名\n月額\n", "products": "商品名\n物販\n",
	}
	for kind, text := range files {
		file := filepath.Join(dir, kind+".csv")
		os.WriteFile(file, []byte(text), 0o600)
		_, before, _ := runCLI(t, "--data", dir, "export", kind)
		if code, out, _ := runCLI(t, "--data", dir, "import", kind, "--dry-run", file); code != 0 || !strings.Contains(out, "新規 1") {
			t.Fatalf("%s: %d %q", kind, code, out)
		}
		if _, after, _ := runCLI(t, "--data", dir, "export", kind); after != before {
			t.Fatalf("%s: --dry-run wrote:\n%s", kind, after)
		}
	}
}

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"
)

// import customers: --dry-run writes nothing, a bad row stops the import (exit 1) unless
// --good-rows-only, and export --encoding sjis → import of the same file adds nobody.
func TestImportExportCustomersCLI(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "in.csv")
	sj, _ := japanese.ShiftJIS.NewEncoder().String("お客様名,お客様名（カナ）,電話番号\r\n山田 花子,ﾔﾏﾀﾞ ﾊﾅｺ,090-1111-2222\r\n壊れ,,\r\n")
	if err := os.WriteFile(file, []byte(sj), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCLI(t, "--data", dir, "import", "customers", file, "--dry-run")
	if code != 1 || !strings.Contains(out, "3行目\tお客様名（カナ）") || !strings.Contains(out, "sjis") {
		t.Fatalf("dry run: %d %q", code, out)
	}
	if code, _, errOut := runCLI(t, "--data", dir, "import", "customers", file); code != 1 || !strings.Contains(errOut, "何も取り込んでいません") {
		t.Fatalf("bad row imported: %d %q", code, errOut)
	}
	if code, out, _ := runCLI(t, "--data", dir, "import", "customers", "--good-rows-only", file); code != 0 || !strings.Contains(out, "新規 1件") {
		t.Fatalf("good rows only: %d %q", code, out)
	}
	code, csv, errOut := runCLI(t, "--data", dir, "export", "customers", "--format", "csv", "--encoding", "sjis")
	if code != 0 || !strings.Contains(csv, "\r\n") {
		t.Fatalf("export sjis: %d %s", code, errOut)
	}
	if dec, _ := japanese.ShiftJIS.NewDecoder().String(csv); !strings.Contains(dec, "ヤマダ　ハナコ") {
		t.Fatalf("export is not Shift_JIS: %q", csv)
	}
	out2 := filepath.Join(dir, "out.csv")
	os.WriteFile(out2, []byte(csv), 0o600)
	if code, out, _ := runCLI(t, "--data", dir, "import", "customers", out2); code != 0 || !strings.Contains(out, "新規 0件・更新 1件") {
		t.Fatalf("re-import: %d %q", code, out)
	}
	if code, _, _ := runCLI(t, "--data", dir, "export", "customers", "--encoding", "latin1"); code != 2 {
		t.Fatal("a bad encoding was accepted")
	}
}

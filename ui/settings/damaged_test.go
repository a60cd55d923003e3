package settings

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"salondesk/app/backup"
	"salondesk/app/demo"
	"salondesk/data"
	"salondesk/ui/internal/uitest"
)

// corruptMiddle overwrites pages in the middle of a database file.
func corruptMiddle(t *testing.T, path string) {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	junk := []byte(strings.Repeat("\xde\xad\xbe\xef", 8*1024))
	if _, err := f.WriteAt(junk, st.Size()/2/4096*4096); err != nil {
		t.Fatal(err)
	}
}

// A corrupted copy of the salon's database is not opened silently: Check reports it,
// the dialog offers the latest good backup, and restoring it leaves a database that
// opens, with the damaged one kept aside.
func TestDamagedDatabaseDialog(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "salondesk.db")
	s, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.Seed(ctx, s, testNow); err != nil {
		t.Fatal(err)
	}
	good, err := backup.Now(ctx, db, backup.Dir(dir), testNow.AddDate(0, 0, -1))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	corruptMiddle(t, db)
	if err := backup.Check(db); !errors.Is(err, backup.ErrDamaged) {
		t.Fatalf("Check: %v", err)
	}

	var result []bool
	ShowDamaged(f.win, db, backup.Dir(dir), testNow, func(ok bool) { result = append(result, ok) })
	top := f.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(uitest.AllTexts(top), "最新の正常なバックアップ（"+good.Time.Format("2006.01.02 15:04")+"）から復元しますか") {
		t.Fatalf("dialog: %v", top)
	}
	uitest.TapInDialog(f.t, f.win, "バックアップから復元")
	if len(result) != 1 || !result[0] {
		t.Fatalf("done %v", result)
	}
	if err := backup.Check(db); err != nil {
		t.Fatalf("after restore: %v", err)
	}
	r, err := data.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if name, _ := r.Setting(ctx, "salon.name", ""); name == "" {
		t.Fatal("the restored database has no salon")
	}
	if _, err := os.Stat(filepath.Join(dir, "damaged", backup.Name(testNow))); err != nil {
		t.Fatalf("the damaged database was not kept: %v", err)
	}
}

func TestDamagedDatabaseWithoutBackup(t *testing.T) {
	f := newFixture(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "salondesk.db")
	os.WriteFile(db, []byte(strings.Repeat("x", 8192)), 0o600)
	var result []bool
	ShowDamaged(f.win, db, backup.Dir(dir), testNow, func(ok bool) { result = append(result, ok) })
	uitest.TapInDialog(f.t, f.win, "OK")
	if len(result) != 1 || result[0] {
		t.Fatalf("done %v", result)
	}
	if b, _ := os.ReadFile(db); len(b) != 8192 {
		t.Fatal("the damaged file was touched")
	}
}

// Quitting from the dialog leaves everything as it was.
func TestDamagedDatabaseQuit(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "salondesk.db")
	s, _ := data.Open(db)
	demo.Seed(ctx, s, testNow)
	backup.Now(ctx, db, backup.Dir(dir), testNow)
	s.Close()
	corruptMiddle(t, db)
	var result []bool
	ShowDamaged(f.win, db, backup.Dir(dir), testNow, func(ok bool) { result = append(result, ok) })
	uitest.TapInDialog(f.t, f.win, "終了")
	if len(result) != 1 || result[0] || !errors.Is(backup.Check(db), backup.ErrDamaged) {
		t.Fatalf("quit: %v", result)
	}
}

package backup

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// PendingPath is where Stage leaves a checked copy for the next start.
func PendingPath(dbPath string) string { return dbPath + ".restore" }

// Stage checks the backup at file (Verify) and leaves a fresh copy of it beside the
// database, to replace it at the next start (ApplyPending). The database itself is not
// touched: the app that has it open asks the user to restart.
func Stage(ctx context.Context, file, dbPath string) error {
	if err := Verify(ctx, file); err != nil {
		return err
	}
	pending := PendingPath(dbPath)
	if err := Copy(ctx, file, pending); err != nil {
		return err
	}
	// The copy is checked again: a disk that corrupts while writing is caught now.
	if err := Check(pending); err != nil {
		_ = os.Remove(pending)
		return err
	}
	return nil
}

// HasPending reports whether a staged restore waits for the next start.
func HasPending(dbPath string) bool {
	_, err := os.Stat(PendingPath(dbPath))
	return err == nil
}

// ApplyPending replaces the database with a staged restore, if there is one. Call it
// before the database is opened. The current database is first copied into backupDir
// like any backup (or, when it cannot be read, moved into DIR/damaged): nothing of the
// salon's data is ever deleted by a restore.
func ApplyPending(dbPath, backupDir string, now time.Time) (applied bool, err error) {
	pending := PendingPath(dbPath)
	if _, err := os.Stat(pending); errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err := Check(pending); err != nil {
		_ = os.Rename(pending, pending+".failed")
		return false, err
	}
	if err := keepCurrent(dbPath, backupDir, now); err != nil {
		return false, fmt.Errorf("restore: keeping the current database: %w", err)
	}
	if err := os.Rename(pending, dbPath); err != nil {
		return false, err
	}
	return true, syncDir(filepath.Dir(dbPath))
}

// keepCurrent saves the database about to be replaced and removes it with its WAL.
func keepCurrent(dbPath, backupDir string, now time.Time) error {
	if _, err := os.Stat(dbPath); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	saved := false
	if Check(dbPath) == nil {
		saved = Copy(context.Background(), dbPath, filepath.Join(backupDir, Name(now))) == nil
	}
	if !saved {
		return MoveAside(dbPath, now)
	}
	for _, sfx := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(dbPath + sfx); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}

// MoveAside moves a database that cannot be copied (and its -wal, -shm) into
// DIR/damaged/, for support to look at, and returns where it went.
func MoveAside(dbPath string, now time.Time) error {
	dir := filepath.Join(filepath.Dir(dbPath), "damaged")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	base := filepath.Join(dir, Name(now))
	for _, sfx := range []string{"", "-wal", "-shm"} {
		if err := os.Rename(dbPath+sfx, base+sfx); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}

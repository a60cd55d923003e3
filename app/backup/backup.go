package backup

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// KeepFor is how long daily backups are kept.
const KeepFor = 30 * 24 * time.Hour

const (
	prefix     = "salondesk-"
	suffix     = ".db"
	nameLayout = "20060102-150405"
)

// ErrNoBackup: there is no good backup to offer.
var ErrNoBackup = errors.New("no good backup")

// Backup is one copy in the backups directory.
type Backup struct {
	Path string
	Time time.Time // when it was taken (from its name, local time)
	Size int64
}

// Dir is the backups directory inside the data directory.
func Dir(dataDir string) string { return filepath.Join(dataDir, "backups") }

// Name is the file name of a backup taken at t: salondesk-YYYYMMDD-HHMMSS.db.
func Name(t time.Time) string { return prefix + t.Format(nameLayout) + suffix }

// parseName is Name's inverse; ok is false for other files.
func parseName(name string) (time.Time, bool) {
	if !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, suffix) {
		return time.Time{}, false
	}
	t, err := time.ParseInLocation(nameLayout, strings.TrimSuffix(strings.TrimPrefix(name, prefix), suffix), time.Local)
	return t, err == nil
}

// Copy writes a consistent copy of the live database at src to dest with VACUUM INTO
// (the app may keep writing meanwhile: the copy is one snapshot). The copy is written
// beside dest and renamed, so a half-written file never carries dest's name.
func Copy(ctx context.Context, src, dest string) error {
	if _, err := os.Stat(src); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dest), 0o700); err != nil {
		return err
	}
	tmp := dest + ".tmp"
	_ = os.Remove(tmp) // left over from a copy that was interrupted
	db, err := openFile(src)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		_ = os.Remove(tmp)
		return classify(src, err)
	}
	if err := syncFile(tmp); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, dest); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	return syncDir(filepath.Dir(dest))
}

// syncFile makes the copy private and durable before it is renamed into place.
func syncFile(path string) error {
	if err := os.Chmod(path, 0o600); err != nil {
		return err
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// syncDir persists a rename (a no-op where directories cannot be synced).
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	_ = d.Sync()
	return nil
}

// Now takes a backup of the database at dbPath into dir and prunes old ones.
func Now(ctx context.Context, dbPath, dir string, now time.Time) (Backup, error) {
	dest := filepath.Join(dir, Name(now))
	if err := Copy(ctx, dbPath, dest); err != nil {
		return Backup{}, fmt.Errorf("backup: %w", err)
	}
	st, err := os.Stat(dest)
	if err != nil {
		return Backup{}, err
	}
	if _, err := Prune(dir, now); err != nil {
		return Backup{}, err
	}
	return Backup{Path: dest, Time: now.Truncate(time.Second), Size: st.Size()}, nil
}

// List returns the backups in dir, newest first (an absent dir has none).
func List(dir string) ([]Backup, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Backup
	for _, e := range entries {
		t, ok := parseName(e.Name())
		if !ok || e.IsDir() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, Backup{Path: filepath.Join(dir, e.Name()), Time: t, Size: info.Size()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Time.After(out[j].Time) })
	return out, nil
}

// Prune removes backups older than KeepFor, but never the newest one: a salon that
// was closed for a month still has a copy to go back to.
func Prune(dir string, now time.Time) (removed []string, err error) {
	list, err := List(dir)
	if err != nil {
		return nil, err
	}
	for i, b := range list {
		if i == 0 || now.Sub(b.Time) <= KeepFor {
			continue
		}
		if err := os.Remove(b.Path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return removed, err
		}
		removed = append(removed, b.Path)
	}
	return removed, nil
}

// LatestGood is the newest backup in dir that passes quick_check (what the damaged-
// database dialog offers); ErrNoBackup when there is none.
func LatestGood(dir string) (Backup, error) {
	list, err := List(dir)
	if err != nil {
		return Backup{}, err
	}
	for _, b := range list {
		if err := Check(b.Path); err == nil {
			return b, nil
		}
	}
	return Backup{}, ErrNoBackup
}

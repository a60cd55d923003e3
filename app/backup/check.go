// Package backup keeps the salon's database safe: consistent online copies with
// VACUUM INTO (daily, kept 30 days, or on demand), checks with PRAGMA quick_check and
// integrity_check, and a restore that checks a copy before it ever replaces the
// database. The restore is staged beside the database and applied at the next start,
// before the database is opened, so that nothing replaces a file the app has open.
package backup

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"strings"
	"sync"

	"fyne.io/fyne/v2/lang"
	sqlite3 "github.com/mattn/go-sqlite3"

	"salondesk/app"
	"salondesk/data"
)

// ErrDamaged matches (errors.Is) a *DamagedError.
var ErrDamaged = errors.New("database damaged")

// DamagedError says that a database file failed its check; Problems are SQLite's words.
type DamagedError struct {
	Path     string
	Problems []string
}

func (e *DamagedError) Error() string {
	return lang.X("settings.backup.damaged", "データベースが壊れています（{{.Path}}）。", map[string]any{"Path": e.Path})
}

// Is makes errors.Is(err, ErrDamaged) hold.
func (e *DamagedError) Is(target error) bool { return target == ErrDamaged }

// Detail is SQLite's report, for the log and `salondesk doctor`.
func (e *DamagedError) Detail() string { return strings.Join(e.Problems, "; ") }

// openFile opens one connection to the database file at path.
func openFile(path string) (*sql.DB, error) {
	q := url.Values{}
	q.Set("_busy_timeout", "5000")
	db, err := sql.Open("sqlite3", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	return db, nil
}

// Check runs PRAGMA quick_check on the database at path: nil when it is fine or does not
// exist yet (a first start), a *DamagedError when SQLite finds it damaged or not a
// database at all, another error when it cannot be read (permissions, locked).
func Check(path string) error { return check(context.Background(), path, "quick_check") }

func check(ctx context.Context, path, pragma string) error {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	db, err := openFile(path)
	if err != nil {
		return err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, "PRAGMA "+pragma)
	if err != nil {
		return classify(path, err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return classify(path, err)
		}
		if s != "ok" {
			problems = append(problems, s)
		}
	}
	if err := rows.Err(); err != nil {
		return classify(path, err)
	}
	if len(problems) > 0 {
		return &DamagedError{Path: path, Problems: problems}
	}
	return nil
}

// classify turns SQLite's "malformed" and "not a database" into a *DamagedError.
func classify(path string, err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB) {
		return &DamagedError{Path: path, Problems: []string{err.Error()}}
	}
	return err
}

// Verify is the full check a copy passes before it may replace the database: quick_check,
// integrity_check, a SalonDesk schema, and a schema version this build can open.
func Verify(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err != nil {
		return err
	}
	for _, pragma := range []string{"quick_check", "integrity_check"} {
		if err := check(ctx, path, pragma); err != nil {
			return err
		}
	}
	db, err := openFile(path)
	if err != nil {
		return err
	}
	defer db.Close()
	var version, tables int
	if err := db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return classify(path, err)
	}
	err = db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table'
		AND name IN ('settings', 'reservations', 'customers')`).Scan(&tables)
	if err != nil {
		return classify(path, err)
	}
	latest, err := SchemaVersion()
	if err != nil {
		return err
	}
	switch {
	case tables != 3 || version < 1:
		return &app.UserError{Key: "settings.backup.not_salondesk", Args: map[string]any{"Path": path}}
	case version > latest:
		return &app.UserError{Key: "settings.backup.too_new",
			Args: map[string]any{"Version": version, "Latest": latest}}
	}
	return nil
}

var schema struct {
	once sync.Once
	v    int
	err  error
}

// SchemaVersion is the schema version this build creates (its last migration), learned
// by migrating an empty in-memory database once.
func SchemaVersion() (int, error) {
	schema.once.Do(func() {
		s, err := data.Open(":memory:")
		if err != nil {
			schema.err = fmt.Errorf("schema version: %w", err)
			return
		}
		defer s.Close()
		schema.v, schema.err = s.SchemaVersion()
	})
	return schema.v, schema.err
}

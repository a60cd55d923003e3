// Package data holds SalonDesk's domain types and its SQLite store: embedded numbered
// migrations, WAL, foreign keys, one writer and a pool of readers. It knows no salon
// rules; those live in package app.
package data

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"sort"
	"strconv"
	"strings"

	_ "github.com/mattn/go-sqlite3" // the SQLite driver
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// ErrNotFound is returned when a row asked for by id or number does not exist.
var ErrNotFound = errors.New("not found")

// Store is the SQLite database of one salon.
type Store struct {
	path string
	rw   *sql.DB // exactly one connection: SQLite allows one writer at a time
	ro   *sql.DB // readers, WAL lets them run beside the writer
}

// Open opens (creating if needed) the database at path and brings its schema up to date.
func Open(path string) (*Store, error) {
	rw, err := sql.Open("sqlite3", dsn(path, false))
	if err != nil {
		return nil, err
	}
	rw.SetMaxOpenConns(1)
	s := &Store{path: path, rw: rw}
	if err := s.migrate(context.Background()); err != nil {
		rw.Close()
		return nil, fmt.Errorf("migrate %s: %w", path, err)
	}
	ro, err := sql.Open("sqlite3", dsn(path, true))
	if err != nil {
		rw.Close()
		return nil, err
	}
	ro.SetMaxOpenConns(4)
	s.ro = ro
	return s, nil
}

func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Set("_journal_mode", "WAL")
	q.Set("_foreign_keys", "on")
	q.Set("_busy_timeout", "5000")
	q.Set("_synchronous", "NORMAL")
	if readOnly {
		q.Set("_query_only", "true")
	} else {
		q.Set("_txlock", "immediate")
	}
	return "file:" + path + "?" + q.Encode()
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Close closes all connections.
func (s *Store) Close() error {
	var errs []error
	if s.ro != nil {
		errs = append(errs, s.ro.Close())
	}
	errs = append(errs, s.rw.Close())
	return errors.Join(errs...)
}

// Tx runs fn in one write transaction: every multi-row change goes through here.
func (s *Store) Tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.rw.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// SchemaVersion is the number of the last applied migration.
func (s *Store) SchemaVersion() (int, error) {
	var v int
	err := s.rw.QueryRow(`PRAGMA user_version`).Scan(&v)
	return v, err
}

// migrate applies the embedded migrations numbered above PRAGMA user_version,
// each in its own transaction together with the version bump.
func (s *Store) migrate(ctx context.Context) error {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return err
	}
	type mig struct {
		n    int
		name string
	}
	var migs []mig
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		n, err := strconv.Atoi(num)
		if !ok || err != nil {
			return fmt.Errorf("migration %q is not numbered", e.Name())
		}
		migs = append(migs, mig{n, e.Name()})
	}
	sort.Slice(migs, func(i, j int) bool { return migs[i].n < migs[j].n })
	cur, err := s.SchemaVersion()
	if err != nil {
		return err
	}
	for _, m := range migs {
		if m.n <= cur {
			continue
		}
		body, err := migrationFS.ReadFile("migrations/" + m.name)
		if err != nil {
			return err
		}
		err = s.Tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return fmt.Errorf("%s: %w", m.name, err)
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.n))
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

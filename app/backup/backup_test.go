package backup

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"salondesk/app/demo"
	"salondesk/data"
	"salondesk/data/datatest"
)

var day = time.Date(2025, 6, 20, 3, 0, 0, 0, time.Local)

func openDB(t *testing.T, path string) *data.Store {
	t.Helper()
	s, err := data.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func setting(t *testing.T, s *data.Store, key string) string {
	t.Helper()
	v, err := s.Setting(context.Background(), key, "")
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestNowListPrune(t *testing.T) {
	s := datatest.NewStore(t)
	datatest.Seed(t, s)
	dir := filepath.Join(t.TempDir(), "backups")
	ctx := context.Background()
	var taken []Backup
	for _, ago := range []int{40, 31, 29, 1, 0} {
		b, err := Now(ctx, s.Path(), dir, day.AddDate(0, 0, -ago))
		if err != nil {
			t.Fatal(err)
		}
		taken = append(taken, b)
	}
	if filepath.Base(taken[4].Path) != "salondesk-20250620-030000.db" {
		t.Fatalf("name %s", taken[4].Path)
	}
	if st, _ := os.Stat(taken[4].Path); st.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, want 0600", st.Mode().Perm())
	}
	// Each Now prunes with its own clock: by the last one, 40 and 31 days ago are gone.
	list, err := List(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 3 || !list[0].Time.Equal(day) || !list[2].Time.Equal(day.AddDate(0, 0, -29)) {
		t.Fatalf("list %+v", list)
	}
	// The newest is kept however old it is.
	removed, err := Prune(dir, day.AddDate(1, 0, 0))
	if err != nil || len(removed) != 2 {
		t.Fatalf("prune a year later: %v %v", removed, err)
	}
	if list, _ := List(dir); len(list) != 1 || list[0].Path != taken[4].Path {
		t.Fatalf("after prune: %+v", list)
	}
	// A backup is a database of its own that opens and holds the salon.
	b := openDB(t, taken[4].Path)
	defer b.Close()
	if got := setting(t, b, "salon.name"); got != "テストサロン" {
		t.Fatalf("backup holds salon.name %q", got)
	}
}

// The restore of a backup taken while another goroutine keeps writing: the copy is one
// consistent snapshot (every pair written in one transaction is there whole or not at
// all), it passes the checks, and after ApplyPending the app opens it; the database it
// replaced is kept as a backup too.
func TestRestoreOfBackupTakenDuringWrites(t *testing.T) {
	dataDir := t.TempDir()
	dbPath := filepath.Join(dataDir, "salondesk.db")
	dir := Dir(dataDir)
	ctx := context.Background()
	s := openDB(t, dbPath)
	datatest.Seed(t, s)

	var written atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			err := s.Tx(ctx, func(tx *sql.Tx) error {
				if err := data.SetSetting(ctx, tx, fmt.Sprintf("pair.%06d.a", i), "x"); err != nil {
					return err
				}
				return data.SetSetting(ctx, tx, fmt.Sprintf("pair.%06d.b", i), "x")
			})
			if err != nil {
				t.Error(err)
				return
			}
			written.Store(int64(i + 1))
		}
	}()
	for written.Load() < 200 {
		time.Sleep(time.Millisecond)
	}
	b, err := Now(ctx, dbPath, dir, day)
	if err != nil {
		t.Fatal(err)
	}
	for n := written.Load(); written.Load() < n+200; {
		time.Sleep(time.Millisecond) // the writer goes on after the copy
	}
	close(stop)
	wg.Wait()
	final := written.Load()

	if err := Stage(ctx, b.Path, dbPath); err != nil {
		t.Fatalf("stage: %v", err)
	}
	if !HasPending(dbPath) {
		t.Fatal("nothing staged")
	}
	s.Close()
	applied, err := ApplyPending(dbPath, dir, day.Add(time.Hour))
	if err != nil || !applied {
		t.Fatalf("apply: %v %v", applied, err)
	}
	if HasPending(dbPath) {
		t.Fatal("the staged copy is still there")
	}
	if err := Verify(ctx, dbPath); err != nil {
		t.Fatalf("restored database: %v", err)
	}
	r := openDB(t, dbPath)
	defer r.Close()
	a, bb := countPairs(t, r)
	t.Logf("backup taken mid-run holds %d of %d pairs written", a, final)
	if a != bb || a < 200 || a >= final {
		t.Fatalf("restored %d a / %d b of %d pairs written: not one consistent snapshot from mid-run", a, bb, final)
	}
	// The replaced database (with every pair) is now the newest backup.
	list, _ := List(dir)
	if len(list) != 2 || !list[0].Time.Equal(day.Add(time.Hour)) {
		t.Fatalf("backups after restore: %+v", list)
	}
	old := openDB(t, list[0].Path)
	defer old.Close()
	if a, _ := countPairs(t, old); a != final {
		t.Fatalf("the database replaced by the restore kept %d of %d pairs", a, final)
	}
}

func countPairs(t *testing.T, s *data.Store) (a, b int64) {
	t.Helper()
	q := s.Reader()
	ctx := context.Background()
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM settings WHERE key LIKE 'pair.%.a'`).Scan(&a); err != nil {
		t.Fatal(err)
	}
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM settings WHERE key LIKE 'pair.%.b'`).Scan(&b); err != nil {
		t.Fatal(err)
	}
	return a, b
}

// corrupt overwrites a run of pages in the middle of a database file with garbage.
func corrupt(t *testing.T, path string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, _ := f.Stat()
	if st.Size() < 64*4096 {
		t.Fatalf("database too small to corrupt meaningfully: %d bytes", st.Size())
	}
	junk := make([]byte, 8*4096)
	for i := range junk {
		junk[i] = byte(i*7 + 13)
	}
	if _, err := f.WriteAt(junk, st.Size()/2/4096*4096); err != nil {
		t.Fatal(err)
	}
}

// A damaged database is reported as ErrDamaged (never opened as if fine), and the latest
// good backup is offered, skipping a newer backup that is damaged too.
func TestCheckFindsDamageAndOffersLatestGood(t *testing.T) {
	ctx := context.Background()
	dataDir := t.TempDir()
	dbPath := filepath.Join(dataDir, "salondesk.db")
	dir := Dir(dataDir)
	s := openDB(t, dbPath)
	if err := demo.Seed(ctx, s, day); err != nil {
		t.Fatal(err)
	}
	good, err := Now(ctx, dbPath, dir, day.Add(-48*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	newer, err := Now(ctx, dbPath, dir, day.Add(-24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	s.Close() // checkpoints the WAL into the file, as after a normal exit
	if err := Check(dbPath); err != nil {
		t.Fatalf("healthy database: %v", err)
	}
	corrupt(t, dbPath)
	corrupt(t, newer.Path)

	err = Check(dbPath)
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("Check of a corrupted database: %v", err)
	}
	var de *DamagedError
	if !errors.As(err, &de) || de.Detail() == "" || de.Path != dbPath {
		t.Fatalf("damage report: %#v", err)
	}
	latest, err := LatestGood(dir)
	if err != nil || latest.Path != good.Path {
		t.Fatalf("latest good = %v, %v; want %s", latest.Path, err, good.Path)
	}
	if err := Stage(ctx, newer.Path, dbPath); !errors.Is(err, ErrDamaged) {
		t.Fatalf("staging a damaged backup: %v", err)
	}
	// The dialog's path: stage the good one, apply it; the damaged file is moved aside.
	if err := Stage(ctx, latest.Path, dbPath); err != nil {
		t.Fatal(err)
	}
	if _, err := ApplyPending(dbPath, dir, day); err != nil {
		t.Fatal(err)
	}
	if err := Check(dbPath); err != nil {
		t.Fatalf("after restore: %v", err)
	}
	aside := filepath.Join(dataDir, "damaged", Name(day))
	if err := Check(aside); !errors.Is(err, ErrDamaged) {
		t.Fatalf("the damaged database was not kept aside: %v", err)
	}
}

func TestCheckNotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db")
	if err := Check(path); err != nil {
		t.Fatalf("missing file (first start): %v", err)
	}
	os.WriteFile(path, []byte("this is a text file, not SQLite, long enough to have a header......................................................"), 0o600)
	if err := Check(path); !errors.Is(err, ErrDamaged) {
		t.Fatalf("text file: %v", err)
	}
}

func TestVerifyRefusesForeignAndNewer(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	foreign := filepath.Join(dir, "other.db")
	db, err := openFile(foreign)
	if err != nil {
		t.Fatal(err)
	}
	db.Exec(`CREATE TABLE notes (x TEXT)`)
	db.Close()
	if err := Verify(ctx, foreign); err == nil || errors.Is(err, ErrDamaged) {
		t.Fatalf("a non-SalonDesk database: %v", err)
	}
	s := datatest.NewStore(t)
	latest, err := SchemaVersion()
	if err != nil || latest < 1 {
		t.Fatalf("schema version %d %v", latest, err)
	}
	if v, _ := s.SchemaVersion(); v != latest {
		t.Fatalf("SchemaVersion %d, a new store has %d", latest, v)
	}
	err = s.Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", latest+1))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	newer := filepath.Join(dir, "newer.db")
	if err := Copy(ctx, s.Path(), newer); err != nil {
		t.Fatal(err)
	}
	if err := Verify(ctx, newer); err == nil {
		t.Fatal("a backup from a newer version was accepted")
	}
	if err := Stage(ctx, newer, filepath.Join(dir, "salondesk.db")); err == nil || HasPending(filepath.Join(dir, "salondesk.db")) {
		t.Fatalf("stage of a newer backup: %v", err)
	}
}

func TestDailyOncePerDay(t *testing.T) {
	s := datatest.NewStore(t)
	now := day
	d := &Daily{DBPath: s.Path(), Dir: filepath.Join(t.TempDir(), "b"), Now: func() time.Time { return now }}
	ctx := context.Background()
	for _, c := range []struct {
		after time.Duration
		want  bool
	}{{0, true}, {time.Hour, false}, {23 * time.Hour, false}, {25 * time.Hour, true}} {
		now = day.Add(c.after)
		got, err := d.RunOnce(ctx)
		if err != nil || got != c.want {
			t.Fatalf("after %v: taken=%v err=%v", c.after, got, err)
		}
	}
	// Run stops with its context.
	ctx2, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { d.Run(ctx2); close(done) }()
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not stop")
	}
}

package store

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	_ "github.com/mattn/go-sqlite3" // the SQLite driver, built with -tags sqlite_fts5
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// sqliteMagic starts every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// DB is an open Sportello database.
type DB struct {
	db   *sql.DB
	path string

	// Now gives the time stamped on records; tests replace it.
	Now func() time.Time
	// KDF sets the cost of new password hashes; tests lower it.
	KDF KDFParams
}

// Options tune Open.
type Options struct {
	// BusyTimeout is how long to wait for a lock held by someone else.
	BusyTimeout time.Duration
}

// Open opens the database at path, creating it (and its folder) when absent,
// and brings its schema up to date. A file that is damaged, read-only,
// written by a newer version or held by another instance gives an
// *OpenError and is left untouched.
func Open(path string, opt Options) (*DB, error) {
	if strings.ContainsAny(path, "?#") {
		return nil, &OpenError{ProblemOther, path, errors.New("the path may not contain ? or #")}
	}
	if opt.BusyTimeout == 0 {
		opt.BusyTimeout = 2 * time.Second
	}
	_, statErr := os.Stat(path)
	absent := errors.Is(statErr, fs.ErrNotExist)
	existing, err := precheck(path)
	if err != nil {
		return nil, err
	}
	if absent {
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, &OpenError{ProblemReadOnly, path, err}
		}
	}
	q := url.Values{}
	q.Set("_busy_timeout", fmt.Sprint(opt.BusyTimeout.Milliseconds()))
	q.Set("_foreign_keys", "1")
	q.Set("_synchronous", "FULL")
	q.Set("_locking_mode", "EXCLUSIVE")
	q.Set("_txlock", "immediate")
	q.Set("_cache_size", "-65536") // 64 MiB of pages: a regional-size desk's indexes stay in memory
	sqldb, err := sql.Open("sqlite3", path+"?"+q.Encode())
	if err != nil {
		return nil, &OpenError{ProblemOther, path, err}
	}
	// One connection: the exclusive lock belongs to it, and SQLite
	// serialises writers anyway.
	sqldb.SetMaxOpenConns(1)
	sqldb.SetConnMaxLifetime(0)
	sqldb.SetConnMaxIdleTime(0)
	d := &DB{db: sqldb, path: path, Now: time.Now, KDF: DefaultKDF}
	if err := d.prepare(existing); err != nil {
		sqldb.Close()
		if absent {
			removeFiles(path)
		}
		return nil, err
	}
	return d, nil
}

// precheck looks at the file before SQLite touches it.
func precheck(path string) (existing bool, err error) {
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, &OpenError{ProblemOther, path, err}
	}
	if st.IsDir() {
		return false, &OpenError{ProblemOther, path, errors.New("is a folder")}
	}
	if st.Mode().Perm()&0o200 == 0 {
		return false, &OpenError{ProblemReadOnly, path, nil}
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return false, &OpenError{ProblemReadOnly, path, err}
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	n, err := io.ReadFull(f, head)
	if n == 0 && (err == io.EOF) {
		return false, nil // an empty file: start a new database in it
	}
	if err != nil || !bytes.Equal(head, sqliteMagic) {
		return false, &OpenError{ProblemCorrupt, path, err}
	}
	if dst, err := os.Stat(filepath.Dir(path)); err == nil && dst.Mode().Perm()&0o200 == 0 {
		return false, &OpenError{ProblemReadOnly, path, errors.New("the folder is read-only")}
	}
	return true, nil
}

// prepare checks version and integrity, then switches to WAL and migrates.
func (d *DB) prepare(existing bool) error {
	ctx := context.Background()
	var version int
	if err := d.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return classify(d.path, err)
	}
	migs, err := migrations()
	if err != nil {
		return &OpenError{ProblemOther, d.path, err}
	}
	if version > len(migs) {
		return &OpenError{ProblemTooNew, d.path, fmt.Errorf("schema version %d, this program knows %d", version, len(migs))}
	}
	if existing {
		var res string
		if err := d.db.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&res); err != nil {
			return classify(d.path, err)
		}
		if res != "ok" {
			return &OpenError{ProblemCorrupt, d.path, errors.New(res)}
		}
	}
	var mode string
	if err := d.db.QueryRowContext(ctx, "PRAGMA journal_mode=WAL").Scan(&mode); err != nil {
		return classify(d.path, err)
	}
	// Take the exclusive lock now, so a second instance is refused at once.
	if _, err := d.db.ExecContext(ctx, "BEGIN EXCLUSIVE; COMMIT"); err != nil {
		return classify(d.path, err)
	}
	for i := version; i < len(migs); i++ {
		if err := d.migrate(ctx, i+1, migs[i]); err != nil {
			return classify(d.path, fmt.Errorf("migration %d: %w", i+1, err))
		}
	}
	return nil
}

type migration struct{ name, sql string }

// migrations lists the embedded migrations in order; file i+1 brings the
// schema to version i+1.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	out := make([]migration, len(names))
	for i, n := range names {
		b, err := migrationFiles.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out[i] = migration{n, string(b)}
	}
	return out, nil
}

// migrate runs one migration and sets the schema version in one transaction.
func (d *DB) migrate(ctx context.Context, version int, m migration) error {
	return d.update(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("%s: %w", m.name, err)
		}
		_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", version))
		return err
	})
}

// update is the one transaction shape for writes: begin, run fn, commit;
// any error rolls everything back.
func (d *DB) update(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// Close closes the database, checkpointing the WAL into the main file.
func (d *DB) Close() error {
	d.db.ExecContext(context.Background(), "PRAGMA wal_checkpoint(TRUNCATE)")
	return d.db.Close()
}

// Path is the database file's path.
func (d *DB) Path() string { return d.path }

// SchemaVersion is the schema version this program writes.
func SchemaVersion() int {
	m, _ := migrations()
	return len(m)
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

func removeFiles(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func parseDay(s string) (time.Time, error) {
	return time.Parse("2006-01-02", s)
}

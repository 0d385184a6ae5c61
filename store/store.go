package store

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/ncruces/go-sqlite3"
	"github.com/ncruces/go-sqlite3/driver"
	"github.com/ncruces/go-sqlite3/ext/fts5"
	_ "github.com/ncruces/go-sqlite3/vfs/adiantum" // the encrypting VFS

	"sportello/model"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// sqliteMagic starts every plain (unencrypted) SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// tempPrefix names the temporary files Sportello writes beside a database
// or a backup; any left by a crash is removed at the next start.
const tempPrefix = ".sportello-tmp-"

// settingDesk is the sealed store's ID, kept inside it: the key file beside
// it must carry the same.
const settingStoreDesk = "store.desk"

// DB is an open Sportello database.
type DB struct {
	db   *sql.DB
	path string
	lock *instanceLock // nil for a shared opening

	key        []byte          // the data key, to wrap new key slots
	desk       string          // the key file's desk ID
	demo       bool            // a demo desk
	scratch    bool            // a store of pseudonymised records, thrown away on Close (OpenScratch)
	scratchDir string          // the scratch store's own directory, removed on Close
	keyMu      *sync.Mutex     // one change of the key file at a time, shared by the handles As makes
	cands      *candidateCache // the candidates of matching, shared by the handles As makes (match_cache.go)

	actor *model.Operator // the operator this handle reads and writes for (see As); nil for the program

	failedBefore []time.Time // wrong passwords for this account before it unlocked, to audit

	// Now gives the time stamped on records; tests replace it.
	Now func() time.Time
	// KDF sets the cost of new password hashes and key slots; tests lower it.
	KDF KDFParams
}

// Options tune the opening of a database.
type Options struct {
	// BusyTimeout is how long to wait for a lock held by someone else.
	BusyTimeout time.Duration
	// KDF is the argon2id cost of new passwords and key slots; zero for
	// DefaultKDF. Tests lower it.
	KDF KDFParams
	// Shared opens a database that a running window may hold (a backup or
	// a check from the command line): no instance lock, no migration.
	Shared bool
	// Demo marks a database made by Create as a demo desk.
	Demo bool
	// CacheMiB is SQLite's page cache in MiB; 0 for 8, the window's share
	// of its 200 MB bound on a 100,000-person desk (Today then takes
	// 0.13 s and a search's p95 18 ms there; 64 MiB: 0.03 s and 13 ms, and
	// 56 MB more). A long job writing many records (sportello demo) reads
	// back fewer pages through the encryption with more.
	CacheMiB int
	// Alone opens the desk for a long job that holds it alone (sportello
	// demo): SQLite takes its file locks once for the connection and keeps
	// the write-ahead log's index in the process's memory, instead of
	// locking a byte of the shared index around each page it writes to
	// the log (two system calls a page). Nobody else, not even a backup
	// from the command line, can read the desk until the job ends.
	Alone bool
}

func (o *Options) defaults() {
	if o.BusyTimeout == 0 {
		o.BusyTimeout = 2 * time.Second
	}
	if o.KDF == (KDFParams{}) {
		o.KDF = DefaultKDF
	}
}

// open opens the encrypted database at path with its data key (nil for a
// plain database, only to seal it), creating it when absent, and brings
// its schema up to date. A file that is damaged, read-only, written by a
// newer version or held by another instance gives an *OpenError and is
// left untouched.
func open(path string, key []byte, desk string, opt Options) (*DB, error) {
	opt.defaults()
	if strings.ContainsAny(path, "?#") {
		return nil, &OpenError{ProblemOther, path, errors.New("the path may not contain ? or #")}
	}
	_, statErr := os.Stat(path)
	absent := errors.Is(statErr, fs.ErrNotExist)
	existing, err := precheck(path, key != nil)
	if err != nil {
		return nil, err
	}
	if absent {
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, &OpenError{ProblemReadOnly, path, err}
		}
		// Made here, so the file is private from its first byte.
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return nil, &OpenError{ProblemReadOnly, path, err}
		}
		f.Close()
	}
	var lock *instanceLock
	if !opt.Shared {
		if lock, err = lockInstance(path); err != nil {
			if absent {
				removeFiles(path)
			}
			return nil, err
		}
	}
	sqldb, err := openSQL(path, key, opt)
	if err != nil {
		lock.release()
		return nil, classify(path, err)
	}
	d := &DB{db: sqldb, path: path, lock: lock, key: key, desk: desk, Now: time.Now, KDF: opt.KDF, keyMu: new(sync.Mutex),
		cands: new(candidateCache)}
	if err := d.prepare(existing, opt.Shared); err != nil {
		sqldb.Close()
		lock.release()
		if absent {
			removeFiles(path)
		}
		return nil, err
	}
	if key != nil {
		if err := d.checkDesk(); err != nil {
			d.Close()
			return nil, err
		}
	}
	if !opt.Shared {
		removeTemps(filepath.Dir(path))
	}
	return d, nil
}

// openSQL opens one connection to the file through the encrypting VFS (or
// the plain one when key is nil). The key is given by PRAGMA, never in the
// file name; FTS5 is registered on the connection.
func openSQL(path string, key []byte, opt Options) (*sql.DB, error) {
	q := url.Values{}
	if key != nil {
		q.Set("vfs", "adiantum")
	}
	q.Set("_txlock", "immediate")
	hexKey := hex.EncodeToString(key)
	busy := opt.BusyTimeout.Milliseconds()
	cache := opt.CacheMiB
	if cache <= 0 {
		cache = 8
	}
	locking := "NORMAL"
	if opt.Alone {
		locking = "EXCLUSIVE"
	}
	connector, err := (&driver.SQLite{}).OpenConnector(fileURI(path) + "?" + q.Encode())
	if err != nil {
		return nil, err
	}
	sqldb := sql.OpenDB(&cachingConnector{inner: connector, init: func(c *sqlite3.Conn) error {
		if key != nil {
			if err := c.Exec("PRAGMA hexkey='" + hexKey + "'"); err != nil {
				return err
			}
		}
		if err := c.Exec(fmt.Sprintf(`PRAGMA locking_mode=%s; PRAGMA busy_timeout=%d; PRAGMA foreign_keys=ON;
			PRAGMA synchronous=FULL; PRAGMA secure_delete=ON; PRAGMA temp_store=MEMORY;
			PRAGMA cache_size=%d`, locking, busy, -1024*cache)); err != nil {
			return err
		}
		return fts5.Register(c)
	}})
	// One connection: SQLite serialises writers anyway, and the key lives
	// only in it.
	sqldb.SetMaxOpenConns(1)
	sqldb.SetConnMaxLifetime(0)
	sqldb.SetConnMaxIdleTime(0)
	return sqldb, nil
}

// fileURI is path as an SQLite URI file name.
func fileURI(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive: file:///C:/...
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// checkDesk makes sure the key file and the database belong together: the
// database keeps the ID of the key file it was sealed with.
func (d *DB) checkDesk() error {
	ctx := context.Background()
	var got string
	err := d.db.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", settingStoreDesk).Scan(&got)
	if errors.Is(err, sql.ErrNoRows) {
		_, err = d.db.ExecContext(ctx, "INSERT INTO settings (key, value) VALUES (?, ?)", settingStoreDesk, d.desk)
		return err
	}
	if err != nil {
		return classify(d.path, err)
	}
	if got != d.desk {
		return &OpenError{ProblemKeyMismatch, d.path, nil}
	}
	return nil
}

// precheck looks at the file before SQLite touches it. An encrypted file
// reads as noise, so only a plain one can be told by its first bytes.
func precheck(path string, encrypted bool) (existing bool, err error) {
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
	plain := err == nil && bytes.Equal(head, sqliteMagic)
	switch {
	case err != nil:
		return false, &OpenError{ProblemCorrupt, path, err}
	case encrypted && plain:
		return false, &OpenError{ProblemPlaintext, path, nil}
	case !encrypted && !plain:
		return false, &OpenError{ProblemCorrupt, path, nil}
	}
	if dst, err := os.Stat(filepath.Dir(path)); err == nil && dst.Mode().Perm()&0o200 == 0 {
		return false, &OpenError{ProblemReadOnly, path, errors.New("the folder is read-only")}
	}
	return true, nil
}

// prepare checks version and integrity, then switches to WAL and migrates.
func (d *DB) prepare(existing, shared bool) error {
	ctx := context.Background()
	var version int
	if err := d.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		if code, _ := sqliteCode(err); code != sqlite3.NOTADB || d.key == nil {
			return classify(d.path, err)
		}
		// The first page does not decrypt: the key is not this file's.
		return &OpenError{ProblemKeyMismatch, d.path, err}
	}
	migs, err := migrations()
	if err != nil {
		return &OpenError{ProblemOther, d.path, err}
	}
	if version > len(migs) {
		return &OpenError{ProblemTooNew, d.path, fmt.Errorf("schema version %d, this program knows %d", version, len(migs))}
	}
	if shared {
		return nil // a reader beside the window, or a backup being checked: nothing is changed
	}
	if existing && d.fileSize() <= quickCheckUpTo {
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
	for i := version; i < len(migs); i++ {
		if err := d.migrate(ctx, i+1, migs[i]); err != nil {
			return classify(d.path, fmt.Errorf("migration %d: %w", i+1, err))
		}
	}
	return nil
}

// quickCheckUpTo is the largest database whose every page is checked when
// it is opened (PRAGMA quick_check reads and decrypts them all: 0.1 s for
// a desk of a thousand persons, 0.6 s for one of 10,000 (181 MB), 6–7 s
// for a regional one of 100,000, which would keep an operator from Today).
// Up to 128 MB a sign-in stays under 1 s with the check. A larger desk is
// checked by `sportello check` and by every backup, and its pages by
// SQLite as they are read: a damaged one gives "the file is damaged" then.
const quickCheckUpTo = 128 << 20

// fileSize is the database file's size in bytes (0 when unknown).
func (d *DB) fileSize() int64 {
	st, err := os.Stat(d.path)
	if err != nil {
		return 0
	}
	return st.Size()
}

type migration struct{ name, sql string }

// afterMigration is the work in Go some migrations need, run in the
// migration's transaction right after its SQL.
var afterMigration = map[int]func(ctx context.Context, d *DB, tx *sql.Tx) error{
	6:  saltTheTrail,
	13: rebuildPersonKeys,
}

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
		if after := afterMigration[version]; after != nil {
			if err := after(ctx, d, tx); err != nil {
				return fmt.Errorf("%s: %w", m.name, err)
			}
		}
		_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", version))
		return err
	})
}

// update is the one transaction shape for writes: begin, run fn, commit;
// any error rolls everything back.
func (d *DB) update(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if tx := batchOf(ctx); tx != nil {
		return inBatch(ctx, tx, fn)
	}
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

// Close closes the database, checkpointing the WAL into the main file, and
// forgets the data key.
func (d *DB) Close() error {
	if d.lock != nil {
		d.db.ExecContext(context.Background(), "PRAGMA wal_checkpoint(TRUNCATE)")
	}
	err := d.db.Close()
	d.lock.release()
	d.lock = nil
	for i := range d.key {
		d.key[i] = 0
	}
	if d.scratchDir != "" {
		if rerr := os.RemoveAll(d.scratchDir); err == nil {
			err = rerr
		}
	}
	return err
}

// IsDemo tells a demo desk, whose data is fictional.
func (d *DB) IsDemo() bool { return d.demo }

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

// removeTemps removes the temporary files a crash may have left in dir:
// halves of backups, key files and sealed copies. They are encrypted, but
// they are copies all the same.
func removeTemps(dir string) {
	for _, pattern := range []string{tempPrefix + "*", backupPrefix + "*"} {
		names, _ := filepath.Glob(filepath.Join(dir, pattern))
		for _, n := range names {
			os.Remove(n)
		}
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

func dirOf(path string) string { return filepath.Dir(path) }

// DeskID is the sealed store's ID, printed on the recovery sheet.
func (d *DB) DeskID() string { return d.desk }

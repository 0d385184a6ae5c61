package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"sportello/model"
)

// backupPrefix names a backup being written; a crash may leave one, which
// the next start (or the next backup to that folder) removes.
const backupPrefix = ".sportello-backup-"

// Backup writes a consistent copy of the live database to out, encrypted
// with the same data key, and the key file beside it as out+".keys": the
// backup opens with the same passwords or the recovery key. It works while
// the window has the database open. The copy is written to a temporary file
// (mode 0600) that is removed whatever happens, checked, then renamed into
// place, so out is never half written. An existing out is not overwritten.
func (d *DB) Backup(ctx context.Context, out string, by int64) error {
	if d.key == nil {
		return errors.New("only a sealed (encrypted) database is backed up")
	}
	for _, p := range []string{out, KeyPath(out)} {
		if _, err := os.Stat(p); err == nil {
			return fmt.Errorf("%s already exists", p)
		}
	}
	dir := filepath.Dir(out)
	removeStaleBackups(dir)
	tmp := filepath.Join(dir, backupPrefix+randomName())
	defer os.Remove(tmp)
	if err := d.copyEncrypted(ctx, tmp, d.key); err != nil {
		return fmt.Errorf("backup to %s: %w", out, err)
	}
	if err := checkCopy(ctx, tmp, d.key, d.desk); err != nil {
		return fmt.Errorf("the backup copy failed its check: %w", err)
	}
	kf, err := os.ReadFile(KeyPath(d.path))
	if err != nil {
		return fmt.Errorf("backup: key file: %w", err)
	}
	if err := writePrivateFile(KeyPath(out), kf); err != nil {
		return fmt.Errorf("backup: key file: %w", err)
	}
	if err := os.Rename(tmp, out); err != nil {
		os.Remove(KeyPath(out))
		return err
	}
	syncDir(dir)
	return d.update(ctx, func(tx *sql.Tx) error {
		return d.audit(ctx, tx, by, model.ActionBackup, "database", 0, out)
	})
}

// copyEncrypted writes a compact copy of the database to path (which must
// not exist), encrypted with key, readable by its owner only.
func (d *DB) copyEncrypted(ctx context.Context, path string, key []byte) error {
	target := fileURI(path) + "?" + url.Values{"vfs": {"adiantum"}, "hexkey": {hex.EncodeToString(key)}}.Encode()
	// Made first, private, so SQLite writes into a file no one else reads.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	if _, err := d.db.ExecContext(ctx, "VACUUM INTO ?", target); err != nil {
		return err
	}
	return os.Chmod(path, 0o600)
}

// checkCopy opens a copy with its key, read only, and checks its integrity
// and that it belongs to desk.
func checkCopy(ctx context.Context, path string, key []byte, desk string) error {
	c, err := openSQL(path, key, Options{Shared: true, BusyTimeout: 1})
	if err != nil {
		return err
	}
	defer c.Close()
	var res string
	if err := c.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res); err != nil {
		return err
	}
	if res != "ok" {
		return errors.New(res)
	}
	var got string
	if err := c.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", settingStoreDesk).Scan(&got); err != nil {
		return fmt.Errorf("desk: %w", err)
	}
	if got != desk {
		return errors.New("the copy belongs to another desk")
	}
	return nil
}

// removeStaleBackups removes the halves of backups a crash left in dir: no
// longer written to for ten minutes (a running backup writes all along).
func removeStaleBackups(dir string) {
	names, _ := filepath.Glob(filepath.Join(dir, backupPrefix+"*"))
	for _, n := range names {
		if st, err := os.Stat(n); err == nil && time.Since(st.ModTime()) > 10*time.Minute {
			os.Remove(n)
		}
	}
}

func randomName() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// copyPrivate copies src to dst, privately and atomically.
func copyPrivate(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	return writePrivate(dst, func(w io.Writer) error {
		_, err := io.Copy(w, in)
		return err
	})
}

// shred overwrites a file with random bytes, syncs it and removes it. On a
// solid-state disk old blocks may survive elsewhere: full-disk encryption
// is still advised.
func shred(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	st, err := f.Stat()
	if err == nil {
		_, err = io.CopyN(f, rand.Reader, st.Size())
	}
	if err == nil {
		err = f.Sync()
	}
	f.Close()
	if rerr := os.Remove(path); err == nil {
		err = rerr
	}
	return err
}

package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"time"

	"sportello/model"
)

// Credentials unlock a desk: an operator's username and password, or the
// recovery key (Username empty).
type Credentials struct {
	Username, Password string
	Recovery           string
}

// unwrap finds the data key in kf with the credentials.
func (c Credentials) unwrap(kf *keyFile) ([]byte, bool) {
	if c.Username == "" {
		s := kf.slot(slotRecovery, slotRecovery)
		if s == nil {
			return nil, false
		}
		return kf.open(s, normaliseRecovery(c.Recovery))
	}
	s := kf.slot(slotPassword, slotID(kf.Desk, c.Username))
	if s == nil {
		return nil, false
	}
	return kf.open(s, c.Password)
}

// RestoreResult tells what a restore did.
type RestoreResult struct {
	Counts   []TableCount // the restored database's tables
	Replaced string       // where the database it replaced was kept, "" if there was none
}

// Restore replaces the database at path with the backup at from (and its
// key file, from+".keys"). The backup is checked first, with a
// coordinator's credentials or the recovery key: that they open it, its
// integrity, its schema version and that it belongs to this desk. The
// database it replaces is kept aside, renamed with the time. The database
// must not be open anywhere.
func Restore(ctx context.Context, path, from string, opt Options, cred Credentials) (*RestoreResult, error) {
	opt.defaults()
	kf, err := readKeyFile(KeyPath(from))
	if err != nil {
		return nil, &OpenError{ProblemNoKeyFile, from, err}
	}
	key, ok := cred.unwrap(kf)
	if !ok {
		return nil, &OpenError{ProblemWrongKey, from, nil}
	}
	counts, err := checkBackup(ctx, from, key, kf, cred)
	if err != nil {
		return nil, err
	}
	if cur, err := readKeyFile(KeyPath(path)); err == nil && cur.Desk != kf.Desk {
		return nil, &OpenError{ProblemKeyMismatch, from, errors.New("the backup belongs to another desk")}
	}
	lock, err := lockInstance(path)
	if err != nil {
		return nil, err
	}
	defer lock.release()
	res := &RestoreResult{Counts: counts}
	if _, err := os.Stat(path); err == nil {
		res.Replaced = path + ".replaced-" + time.Now().UTC().Format("20060102-150405")
		for _, suffix := range []string{"-wal", ".keys", ""} {
			if err := os.Rename(path+suffix, res.Replaced+suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("keep the replaced database aside: %w", err)
			}
		}
		os.Remove(path + "-shm")
	}
	if err := copyPrivate(KeyPath(from), KeyPath(path)); err != nil {
		return nil, fmt.Errorf("restore the key file: %w", err)
	}
	if err := copyPrivate(from, path); err != nil {
		return nil, fmt.Errorf("restore the database: %w", err)
	}
	return res, nil
}

// checkBackup opens a backup read-only with its key and checks it: its
// integrity, its schema, its desk, and that the credentials are a
// coordinator's (or the recovery key). It gives the backup's counts.
func checkBackup(ctx context.Context, from string, key []byte, kf *keyFile, cred Credentials) ([]TableCount, error) {
	if err := checkCopy(ctx, from, key, kf.Desk); err != nil {
		return nil, &OpenError{ProblemCorrupt, from, err}
	}
	d, err := open(from, key, kf.Desk, Options{Shared: true, BusyTimeout: time.Second})
	if err != nil {
		return nil, err
	}
	defer d.Close()
	if cred.Username != "" {
		o, err := d.OperatorByUsername(ctx, cred.Username)
		if err != nil || !o.Active || !checkPassword(cred.Password, o.PasswordHash) {
			return nil, &OpenError{ProblemWrongKey, from, nil}
		}
		if !o.May(model.PermRestore) {
			return nil, model.Refusal(model.PermRestore)
		}
	}
	counts, problems, err := d.Check(ctx)
	if err != nil {
		return nil, err
	}
	if len(problems) > 0 {
		return nil, &OpenError{ProblemCorrupt, from, errors.New(problems[0])}
	}
	return counts, nil
}

// RecordRestore leaves the restore's trace in the restored database.
func (d *DB) RecordRestore(ctx context.Context, by int64, from string) error {
	return d.update(ctx, func(tx *sql.Tx) error {
		return d.audit(ctx, tx, by, model.ActionRestore, "database", 0, from)
	})
}

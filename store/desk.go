package store

import (
	"context"
	"errors"
	"io/fs"
	"os"

	"sportello/model"
)

// DeskState says what is at a database path before anyone signs in.
type DeskState int

const (
	DeskAbsent    DeskState = iota // no database: the first start makes one
	DeskSealed                     // an encrypted database with its key file
	DeskPlaintext                  // an unencrypted database of an earlier version, to seal
	DeskNoKeyFile                  // an encrypted (or unreadable) database without its key file
)

// State looks at path and its key file; it reads no data.
func State(path string) DeskState {
	st, err := os.Stat(path)
	if err != nil || st.Size() == 0 {
		return DeskAbsent
	}
	if isPlain(path) {
		return DeskPlaintext
	}
	if _, err := readKeyFile(KeyPath(path)); err != nil {
		return DeskNoKeyFile
	}
	return DeskSealed
}

// IsDemoDesk tells whether the database at path is a demo desk, from its
// key file; false for anything else, absent included.
func IsDemoDesk(path string) bool {
	if State(path) != DeskSealed {
		return false
	}
	k, err := readKeyFile(KeyPath(path))
	return err == nil && k.Demo
}

// isPlain tells a file that starts as a plain SQLite database.
func isPlain(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	n, _ := f.Read(head)
	return n == len(head) && string(head) == string(sqliteMagic)
}

// Create makes a new, empty, encrypted desk at path with its key file, and
// returns the recovery key, to show once to the coordinator. It refuses a
// path that already holds a database.
func Create(path string, opt Options) (*DB, string, error) {
	opt.defaults()
	if State(path) != DeskAbsent {
		return nil, "", &OpenError{ProblemOther, path, errors.New("a database is already there")}
	}
	if err := os.MkdirAll(dirOf(path), 0o700); err != nil {
		return nil, "", &OpenError{ProblemReadOnly, path, err}
	}
	key, err := newDataKey()
	if err != nil {
		return nil, "", err
	}
	kf, recovery, err := newKeyFile(key, opt.KDF, opt.Demo)
	if err != nil {
		return nil, "", err
	}
	// The key file first: a crash before the database exists leaves only
	// a key file, which the next Create replaces.
	if err := writeKeyFile(KeyPath(path), kf); err != nil {
		return nil, "", &OpenError{ProblemReadOnly, path, err}
	}
	d, err := open(path, key, kf.Desk, opt)
	if err != nil {
		os.Remove(KeyPath(path))
		return nil, "", err
	}
	d.demo = kf.Demo
	return d, recovery, nil
}

// Unlock opens the desk at path for an operator: the password unwraps the
// data key from the operator's slot in the key file, then the account is
// checked (and the login audited) inside. A wrong username or password, or
// an account without a slot, gives ProblemWrongKey; the database is not
// read before.
func Unlock(path string, opt Options, username, password string) (*DB, *model.Operator, error) {
	d, err := unlock(path, opt, Credentials{Username: username, Password: password})
	if err != nil {
		return nil, nil, err
	}
	ctx := context.Background()
	op, err := d.Login(ctx, username, password)
	if err != nil {
		d.Close()
		if model.ErrorCode(err) == model.ErrLogin {
			return nil, nil, &OpenError{ProblemWrongKey, path, nil}
		}
		return nil, nil, err
	}
	if err := d.recordFailures(ctx, op, d.failedBefore); err != nil {
		d.Close()
		return nil, nil, err
	}
	return d, op, nil
}

// UnlockRecovery opens the desk at path with the recovery key, so that a
// coordinator's lost password can be replaced (ResetPassword).
func UnlockRecovery(path string, opt Options, recovery string) (*DB, error) {
	return unlock(path, opt, Credentials{Recovery: recovery})
}

// unlock finds the data key with the credentials and opens the database.
// A key file left pending by an interrupted rekey (.keys.new) is tried
// too, and put in place when it is the one that opens the database.
func unlock(path string, opt Options, cred Credentials) (*DB, error) {
	recoverSwap(path)
	kf, err := keyFileFor(path)
	if err != nil {
		return nil, err
	}
	id := slotRecovery
	if cred.Username != "" {
		id = slotID(kf.Desk, cred.Username)
	}
	now := clock()
	if err := throttled(path, id, now); err != nil {
		return nil, err
	}
	pendingPath := KeyPath(path) + ".new"
	pending, _ := readKeyFile(pendingPath)
	for _, k := range []*keyFile{kf, pending} {
		if k == nil {
			continue
		}
		key, ok := cred.unwrap(k)
		if !ok {
			continue
		}
		d, err := openKeyed(path, key, k, opt)
		var oe *OpenError
		if errors.As(err, &oe) && oe.Problem == ProblemKeyMismatch && k == kf && pending != nil {
			continue
		}
		if err != nil {
			return nil, err
		}
		if k == pending {
			os.Rename(pendingPath, KeyPath(path))
		} else if pending != nil {
			os.Remove(pendingPath)
		}
		d.failedBefore = succeeded(path, id)
		return d, nil
	}
	failed(path, id, now)
	return nil, &OpenError{ProblemWrongKey, path, nil}
}

// keyFileFor reads the key file of the database at path, saying why when
// there is none to use.
func keyFileFor(path string) (*keyFile, error) {
	switch State(path) {
	case DeskAbsent:
		return nil, &OpenError{ProblemOther, path, fs.ErrNotExist}
	case DeskPlaintext:
		return nil, &OpenError{ProblemPlaintext, path, nil}
	}
	kf, err := readKeyFile(KeyPath(path))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &OpenError{ProblemNoKeyFile, path, nil}
	}
	if err != nil {
		return nil, &OpenError{ProblemKeyMismatch, path, err}
	}
	return kf, nil
}

// openKeyed opens the database with a data key unwrapped from kf.
func openKeyed(path string, key []byte, kf *keyFile, opt Options) (*DB, error) {
	d, err := open(path, key, kf.Desk, opt)
	if err != nil {
		return nil, err
	}
	d.demo = kf.Demo
	return d, nil
}

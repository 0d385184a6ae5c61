package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"

	"sportello/model"
)

// Seal encrypts the plain database at path, written by an earlier version
// of Sportello, when a coordinator first opens it with this one: a checked
// encrypted copy is made, the key file written with the coordinator's slot
// and a new recovery key, the copy swapped in, and the plain file
// overwritten and removed. Other accounts have no key slot yet: a
// coordinator sets their passwords again (AccountsWithoutKey lists them).
// It returns the unlocked desk, the coordinator, and the recovery key.
func Seal(path string, opt Options, username, password string) (*DB, *model.Operator, string, error) {
	opt.defaults()
	ctx := context.Background()
	recoverSwap(path)
	if State(path) != DeskPlaintext {
		return nil, nil, "", &OpenError{ProblemOther, path, errors.New("not a plain database")}
	}
	plain, err := open(path, nil, "", opt)
	if err != nil {
		return nil, nil, "", err
	}
	op, err := plain.Login(ctx, username, password)
	if err == nil && !op.IsCoordinator() {
		err = &OpenError{ProblemPlaintext, path, nil}
	}
	if err != nil {
		plain.Close()
		return nil, nil, "", err
	}
	key, err := newDataKey()
	if err != nil {
		plain.Close()
		return nil, nil, "", err
	}
	kf, recovery, err := newKeyFile(key, opt.KDF, false)
	if err == nil {
		err = sealCopy(ctx, plain, path, key, kf, op, password)
	}
	plain.Close()
	if err != nil {
		return nil, nil, "", err
	}
	if err := swapSealed(path); err != nil {
		return nil, nil, "", err
	}
	d, op, err := Unlock(path, opt, username, password)
	return d, op, recovery, err
}

// sealCopy writes the encrypted copy beside path (path+".sealed") and the
// key file (with the coordinator's slot), after recording the seal.
func sealCopy(ctx context.Context, plain *DB, path string, key []byte, kf *keyFile, op *model.Operator, password string) error {
	s, err := kf.seal(slotPassword, slotID(kf.Desk, op.Username), password, key, plain.KDF)
	if err != nil {
		return err
	}
	kf.put(s)
	err = plain.update(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, settingStoreDesk, kf.Desk); err != nil {
			return err
		}
		return plain.audit(ctx, tx, op.ID, model.ActionSeal, "database", 0, "encrypted at rest")
	})
	if err != nil {
		return err
	}
	sealed := path + ".sealed"
	os.Remove(sealed)
	if err := plain.copyEncrypted(ctx, sealed, key); err != nil {
		os.Remove(sealed)
		return err
	}
	if err := checkCopy(ctx, sealed, key, kf.Desk); err != nil {
		os.Remove(sealed)
		return err
	}
	return writeKeyFile(KeyPath(path), kf)
}

// swapSealed puts the sealed copy in place of the plain file, then
// overwrites the plain file and its journal and removes them. Each step
// leaves something recoverSwap can finish.
func swapSealed(path string) error {
	aside := path + ".plaintext"
	if err := os.Rename(path, aside); err != nil {
		return err
	}
	if err := os.Rename(path+".sealed", path); err != nil {
		os.Rename(aside, path)
		return err
	}
	syncDir(filepath.Dir(path))
	for _, p := range []string{aside, path + "-wal", path + "-shm", aside + "-wal"} {
		if err := shred(p); err != nil {
			return err
		}
	}
	return nil
}

// recoverSwap finishes a seal a crash interrupted: a plain file set aside
// goes back when the sealed copy never took its place, and is destroyed
// when it did.
func recoverSwap(path string) {
	aside := path + ".plaintext"
	if _, err := os.Stat(aside); err != nil {
		return
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		os.Rename(aside, path)
		os.Remove(KeyPath(path))
		return
	}
	if !isPlain(path) {
		shred(aside)
	}
}

// AccountsWithoutKey lists the active accounts that cannot unlock the desk:
// their passwords were set before it was sealed or rekeyed. A coordinator
// sets them again (ResetPassword).
func (d *DB) AccountsWithoutKey(ctx context.Context) ([]string, error) {
	ops, err := d.Operators(ctx)
	if err != nil {
		return nil, err
	}
	k, err := readKeyFile(KeyPath(d.path))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, o := range ops {
		if o.Active && o.PasswordHash != "" && k.slot(slotPassword, slotID(k.Desk, o.Username)) == nil {
			out = append(out, o.Username)
		}
	}
	return out, nil
}

// Rekey replaces the data key of the desk at path: the store is copied
// encrypted with a new key and checked, a new key file is written with the
// coordinator's slot and a new recovery key, and both are swapped in. The
// other accounts' slots cannot be rewrapped without their passwords: a
// coordinator sets them again. The desk must not be open elsewhere.
func Rekey(path string, opt Options, username, password string) (recovery string, err error) {
	opt.defaults()
	ctx := context.Background()
	d, op, err := Unlock(path, opt, username, password)
	if err != nil {
		return "", err
	}
	if !op.May(model.PermRekey) {
		d.Close()
		return "", model.Refusal(model.PermRekey)
	}
	key, err := newDataKey()
	if err != nil {
		d.Close()
		return "", err
	}
	kf := &keyFile{Format: keyFileFormat, Version: keyFileVersion, Desk: d.desk, Demo: d.demo}
	recovery, err = NewRecoveryKey()
	if err == nil {
		err = d.rekeyCopy(ctx, op, password, key, kf, recovery)
	}
	d.Close()
	if err != nil {
		os.Remove(path + ".rekeyed")
		return "", err
	}
	if err := writeKeyFile(KeyPath(path)+".new", kf); err != nil {
		os.Remove(path + ".rekeyed")
		return "", err
	}
	os.Remove(path + "-wal")
	os.Remove(path + "-shm")
	if err := os.Rename(path+".rekeyed", path); err != nil {
		return "", err
	}
	if err := os.Rename(KeyPath(path)+".new", KeyPath(path)); err != nil {
		return "", err
	}
	syncDir(filepath.Dir(path))
	return recovery, nil
}

// rekeyCopy records the rekey, fills kf with the coordinator's and the
// recovery slots for key, and writes the checked copy to path+".rekeyed".
func (d *DB) rekeyCopy(ctx context.Context, op *model.Operator, password string, key []byte, kf *keyFile, recovery string) error {
	for _, s := range []struct{ kind, id, secret string }{
		{slotPassword, slotID(kf.Desk, op.Username), password},
		{slotRecovery, slotRecovery, normaliseRecovery(recovery)},
	} {
		slot, err := kf.seal(s.kind, s.id, s.secret, key, d.KDF)
		if err != nil {
			return err
		}
		kf.put(slot)
	}
	if err := d.update(ctx, func(tx *sql.Tx) error {
		return d.audit(ctx, tx, op.ID, model.ActionRekey, "database", 0, "new data key")
	}); err != nil {
		return err
	}
	out := d.path + ".rekeyed"
	os.Remove(out)
	if err := d.copyEncrypted(ctx, out, key); err != nil {
		return err
	}
	return checkCopy(ctx, out, key, kf.Desk)
}

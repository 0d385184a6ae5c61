package store

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/crypto/chacha20poly1305"
)

// The key file sits beside the database, like a disk-encryption header: a
// random 256-bit data key encrypts the store (Adiantum, through the VFS),
// and the key file keeps that data key wrapped once per operator account by
// a key derived from the operator's password (argon2id), and once by the
// recovery key printed for the organisation's safe. Each wrap is an AEAD
// (XChaCha20-Poly1305) bound to the desk and the slot, so a slot cannot be
// moved to another desk or account. The file names no person; accounts
// appear only as a hash of desk and username.

const (
	keyFileFormat  = "sportello-keys"
	keyFileVersion = 1
	dataKeySize    = 32
	slotRecovery   = "recovery"
	slotPassword   = "password"
)

// KeyPath is the key file of the database at dbPath.
func KeyPath(dbPath string) string { return dbPath + ".keys" }

// keyFile is the key file's JSON form.
type keyFile struct {
	Format  string    `json:"format"`
	Version int       `json:"version"`
	Desk    string    `json:"desk"`           // random ID of this sealed store, also kept inside it
	Demo    bool      `json:"demo,omitempty"` // a demo desk, with fictional data and published passwords
	Slots   []keySlot `json:"slots"`
}

// keySlot is the data key wrapped by one secret.
type keySlot struct {
	Kind  string    `json:"kind"` // password or recovery
	ID    string    `json:"id"`   // hash of desk and username; "recovery" for the recovery slot
	KDF   KDFParams `json:"kdf"`
	Salt  []byte    `json:"salt"`
	Nonce []byte    `json:"nonce"`
	Box   []byte    `json:"box"` // the sealed data key
}

// slotID hides a username in the key file.
func slotID(desk, username string) string {
	h := sha256.Sum256([]byte("sportello-slot\x00" + desk + "\x00" + strings.ToLower(username)))
	return hex.EncodeToString(h[:12])
}

func (k *keyFile) ad(s *keySlot) []byte {
	return []byte(fmt.Sprintf("%s/%d\x00%s\x00%s\x00%s", keyFileFormat, keyFileVersion, k.Desk, s.Kind, s.ID))
}

// seal wraps dataKey under secret into a new slot.
func (k *keyFile) seal(kind, id, secret string, dataKey []byte, p KDFParams) (keySlot, error) {
	s := keySlot{Kind: kind, ID: id, KDF: p, Salt: make([]byte, 16), Nonce: make([]byte, chacha20poly1305.NonceSizeX)}
	if _, err := rand.Read(s.Salt); err != nil {
		return s, err
	}
	if _, err := rand.Read(s.Nonce); err != nil {
		return s, err
	}
	aead, err := chacha20poly1305.NewX(idKey(secret, s.Salt, p, chacha20poly1305.KeySize))
	if err != nil {
		return s, err
	}
	s.Box = aead.Seal(nil, s.Nonce, dataKey, k.ad(&s))
	return s, nil
}

// open unwraps the data key from slot s with secret; false when the secret
// is wrong (or the slot was tampered with).
func (k *keyFile) open(s *keySlot, secret string) ([]byte, bool) {
	if s.KDF.Time == 0 || s.KDF.MemKiB == 0 || s.KDF.Threads == 0 || s.KDF.MemKiB > 4<<20 || s.KDF.Time > 64 {
		return nil, false
	}
	aead, err := chacha20poly1305.NewX(idKey(secret, s.Salt, s.KDF, chacha20poly1305.KeySize))
	if err != nil || len(s.Nonce) != aead.NonceSize() {
		return nil, false
	}
	key, err := aead.Open(nil, s.Nonce, s.Box, k.ad(s))
	if err != nil || len(key) != dataKeySize {
		return nil, false
	}
	return key, true
}

// slot finds a slot by kind and ID.
func (k *keyFile) slot(kind, id string) *keySlot {
	for i := range k.Slots {
		if k.Slots[i].Kind == kind && k.Slots[i].ID == id {
			return &k.Slots[i]
		}
	}
	return nil
}

// put replaces the slot with the same kind and ID, or adds s.
func (k *keyFile) put(s keySlot) {
	if old := k.slot(s.Kind, s.ID); old != nil {
		*old = s
		return
	}
	k.Slots = append(k.Slots, s)
}

// drop removes a slot; false when there was none.
func (k *keyFile) drop(kind, id string) bool {
	for i := range k.Slots {
		if k.Slots[i].Kind == kind && k.Slots[i].ID == id {
			k.Slots = append(k.Slots[:i], k.Slots[i+1:]...)
			return true
		}
	}
	return false
}

// readKeyFile reads and checks a key file. A missing file gives an error
// wrapping fs.ErrNotExist.
func readKeyFile(path string) (*keyFile, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var k keyFile
	if err := json.Unmarshal(b, &k); err != nil {
		return nil, fmt.Errorf("key file %s: %w", path, err)
	}
	if k.Format != keyFileFormat || k.Version != keyFileVersion || len(k.Desk) != 32 {
		return nil, fmt.Errorf("key file %s: not a Sportello key file of version %d", path, keyFileVersion)
	}
	return &k, nil
}

// writeKeyFile writes the key file atomically, readable by its owner only:
// a temporary file beside it, synced, then renamed into place.
func writeKeyFile(path string, k *keyFile) error {
	b, err := json.MarshalIndent(k, "", " ")
	if err != nil {
		return err
	}
	return writePrivateFile(path, append(b, '\n'))
}

// writePrivateFile writes data to path with mode 0600 through a temporary
// file that is removed whatever happens.
func writePrivateFile(path string, data []byte) error {
	return writePrivate(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writePrivate writes a file with mode 0600 through a temporary file
// beside it, synced, then renamed into place; the temporary file is
// removed whatever happens.
func writePrivate(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), tempPrefix+"*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil && !errors.Is(err, fs.ErrPermission) {
		tmp.Close()
		return err
	}
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	syncDir(filepath.Dir(path))
	return nil
}

// syncDir makes a rename durable where the system allows it.
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}

// newKeyFile makes a key file for a new data key, with a recovery slot;
// it returns the recovery key to show to the coordinator.
func newKeyFile(dataKey []byte, p KDFParams, demo bool) (*keyFile, string, error) {
	desk := make([]byte, 16)
	if _, err := rand.Read(desk); err != nil {
		return nil, "", err
	}
	k := &keyFile{Format: keyFileFormat, Version: keyFileVersion, Desk: hex.EncodeToString(desk), Demo: demo}
	recovery, err := NewRecoveryKey()
	if err != nil {
		return nil, "", err
	}
	s, err := k.seal(slotRecovery, slotRecovery, normaliseRecovery(recovery), dataKey, p)
	if err != nil {
		return nil, "", err
	}
	k.put(s)
	return k, recovery, nil
}

// recoveryEncoding is base32 without padding: letters and the digits 2-7,
// which read back from paper without doubt.
var recoveryEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// NewRecoveryKey makes a recovery key: 160 random bits as eight groups of
// four characters, e.g. ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567.
func NewRecoveryKey() (string, error) {
	b := make([]byte, 20)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	s := recoveryEncoding.EncodeToString(b)
	var groups []string
	for i := 0; i < len(s); i += 4 {
		groups = append(groups, s[i:i+4])
	}
	return strings.Join(groups, "-"), nil
}

// normaliseRecovery reads a recovery key as typed: any case, with or
// without dashes and spaces; 0, 1 and 8 (not in the alphabet) read as O, I
// and B.
func normaliseRecovery(s string) string {
	s = strings.ToUpper(s)
	s = strings.NewReplacer("-", "", " ", "", "\t", "", "0", "O", "1", "I", "8", "B").Replace(s)
	return s
}

// newDataKey makes a random data key.
func newDataKey() ([]byte, error) {
	k := make([]byte, dataKeySize)
	_, err := rand.Read(k)
	return k, err
}

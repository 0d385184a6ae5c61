package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lukechampine.com/adiantum"

	"sportello/model"
)

// decryptedFile reads a file of the desk (the database or its WAL) as the
// adiantum VFS stores it, 4 KiB blocks each encrypted with the data key
// and its offset as tweak, and gives it decrypted, every byte of it: pages
// in use, free pages, and the slack inside pages.
func decryptedFile(t *testing.T, path string, key []byte) []byte {
	t.Helper()
	raw, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(raw)%4096 != 0 {
		t.Fatalf("%s is %d bytes, not whole 4 KiB blocks", path, len(raw))
	}
	cipher := adiantum.New(key)
	out := make([]byte, 0, len(raw))
	var tweak [8]byte
	for off := 0; off < len(raw); off += 4096 {
		binary.LittleEndian.PutUint64(tweak[:], uint64(off))
		block := append([]byte(nil), raw[off:off+4096]...)
		out = append(out, cipher.Decrypt(block, tweak[:])...)
	}
	return out
}

// found lists the secrets the bytes hold, as written or in lower case (the
// search index folds case).
func found(b []byte, secrets []string) []string {
	var out []string
	for _, s := range secrets {
		if bytes.Contains(b, []byte(s)) || bytes.Contains(b, []byte(strings.ToLower(s))) {
			out = append(out, s)
		}
	}
	return out
}

// The proof the issue asks for: after an erasure, the person's codice
// fiscale (the one rectified away too), names and every other value are
// found nowhere in the database's pages, read decrypted byte by byte, free
// pages included, nor in its WAL; before it, they are. It holds even on a
// connection without secure_delete: the vacuum rewrites the file from the
// rows as they are, and the checkpoint empties the WAL of the pages as they
// were.
func TestErasedValuesAreInNoPageOfTheFile(t *testing.T) {
	for _, secureDelete := range []string{"ON", "OFF"} {
		t.Run("secure_delete "+secureDelete, func(t *testing.T) {
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "sportello.db")
			d := openTest(t, path)
			insider(t, d, "PRAGMA secure_delete = "+secureDelete)
			key := append([]byte(nil), d.key...)
			coord := fixtureOperator(t, d, "coord", model.RoleCoordinator)
			for i := range 40 { // other people, so the file has many pages and the person's sit among them
				fixturePerson(t, d, fmt.Sprintf("Altrapersona%d", i), model.Permit{Number: fmt.Sprintf("KK%07d", i)})
			}
			e := newErasable(t, d, coord)
			plain := decryptedFile(t, path, key)
			if !bytes.HasPrefix(plain, sqliteMagic) {
				t.Fatal("the file does not decrypt to an SQLite database: the test reads it wrong")
			}
			plain = append(plain, decryptedFile(t, path+"-wal", key)...)
			if got := found(plain, e.secrets); len(got) != len(e.secrets) {
				t.Fatalf("before the erasure the file and its WAL hold only %d of %d values: the test cannot see them", len(got), len(e.secrets))
			}
			if err := d.ErasePerson(ctx, e.person.ID, model.Erasure{Reason: model.ErasureConsentWithdrawn}, coord); err != nil {
				t.Fatal(err)
			}
			for _, f := range []string{path, path + "-wal"} {
				if got := found(decryptedFile(t, f, key), e.secrets); len(got) > 0 {
					t.Errorf("%s still holds %q", filepath.Base(f), got)
				}
			}
			if got := found(decryptedFile(t, path, key), []string{"Altrapersona39", "KK0000039"}); len(got) != 2 {
				t.Errorf("the others' values are gone too: only %q found", got)
			}
			d.Close()
			for _, f := range []string{path, path + "-wal"} {
				if got := found(decryptedFile(t, f, key), e.secrets); len(got) > 0 {
					t.Errorf("closed, %s holds %q", filepath.Base(f), got)
				}
			}
		})
	}
}

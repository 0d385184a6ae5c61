package demo

import (
	"path/filepath"
	"testing"

	"sportello/store"
)

// newDesk creates an empty desk in a temporary folder, with a cheap key
// derivation, closed when the test ends.
func newDesk(t *testing.T) *store.DB {
	t.Helper()
	db, _, err := store.Create(filepath.Join(t.TempDir(), "sportello.db"), store.Options{KDF: store.KDFParams{Time: 1, MemKiB: 64, Threads: 1}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

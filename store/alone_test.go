package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"sportello/model"
)

// TestAloneHoldsTheDesk: a desk opened Alone (sportello demo) keeps the
// write-ahead log's index in its own memory, not in the shared -shm file;
// what it writes is committed and read by the next opening; while it is
// open, a backup from the command line (Shared) is refused with an error,
// not left waiting or reading half a write.
func TestAloneHoldsTheDesk(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sportello.db")
	openTest(t, path).Close()
	recovery, _ := recoveryKeys.Load(path)
	alone := Options{BusyTimeout: 100 * time.Millisecond, KDF: testKDF, Alone: true}
	d, err := UnlockRecovery(path, alone, recovery.(string))
	if err != nil {
		t.Fatal(err)
	}
	var mode string
	if err := d.db.QueryRowContext(ctx, "PRAGMA locking_mode").Scan(&mode); err != nil || mode != "exclusive" {
		t.Errorf("locking mode %q (%v)", mode, err)
	}
	p := &model.Person{FamilyName: "Hossain", PreferredLanguage: "bn"}
	if err := d.CreatePerson(ctx, p, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path + "-shm"); err == nil {
		t.Error("a desk opened alone has a shared index file")
	}
	shared := Options{BusyTimeout: 100 * time.Millisecond, KDF: testKDF, Shared: true}
	if s, err := UnlockRecovery(path, shared, recovery.(string)); err == nil {
		_, ferr := s.FindPersons(ctx, model.PersonFilter{Limit: 1})
		s.Close()
		if ferr == nil {
			t.Error("a backup read the desk while a job held it alone")
		}
	}
	d.Close()

	again := openTest(t, path)
	got, err := again.FindPersons(ctx, model.PersonFilter{Limit: 10})
	if err != nil || len(got) != 1 || got[0].FamilyName != "Hossain" {
		t.Fatalf("after the job: %+v %v", got, err)
	}
}

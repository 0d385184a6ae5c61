package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"sportello/model"
)

// fixedNow is the clock of every store test.
var fixedNow = time.Date(2026, 3, 14, 10, 30, 0, 0, time.UTC)

// testKDF keeps password hashing cheap in tests.
var testKDF = KDFParams{Time: 1, MemKiB: 64, Threads: 1}

// recoveryKeys keeps the recovery key of each test desk, by path, so a
// test can open it again.
var recoveryKeys sync.Map

// openTest creates a sealed desk at path, or opens the one a test made
// there with its recovery key.
func openTest(t testing.TB, path string) *DB {
	t.Helper()
	d, err := openTestErr(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	d.Now = func() time.Time { return fixedNow }
	t.Cleanup(func() { d.Close() })
	return d
}

func openTestErr(path string) (*DB, error) {
	opt := Options{BusyTimeout: 100 * time.Millisecond, KDF: testKDF}
	if State(path) == DeskAbsent {
		d, recovery, err := Create(path, opt)
		if err == nil {
			recoveryKeys.Store(path, recovery)
		}
		return d, err
	}
	recovery, _ := recoveryKeys.Load(path)
	r, _ := recovery.(string)
	return UnlockRecovery(path, opt, r)
}

func newTestDB(t testing.TB) *DB {
	return openTest(t, filepath.Join(t.TempDir(), "sportello.db"))
}

func TestOpenCreatesAndMigrates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "dir", "sportello.db")
	d := openTest(t, path)
	var version int
	if err := d.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		t.Fatal(err)
	}
	if version != SchemaVersion() || version == 0 {
		t.Fatalf("user_version = %d, want %d", version, SchemaVersion())
	}
	for pragma, want := range map[string]string{"journal_mode": "wal", "foreign_keys": "1", "synchronous": "2", "secure_delete": "1", "temp_store": "2"} {
		var got string
		if err := d.db.QueryRow("PRAGMA " + pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("PRAGMA %s = %q, want %q", pragma, got, want)
		}
	}
	d.Close()
	// Reopening an up-to-date database changes nothing.
	openTest(t, path)
}

func TestOpenRefusesBadFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte, mode os.FileMode) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, mode); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// A real database, then damaged in its middle pages.
	good := filepath.Join(dir, "good.db")
	d := openTest(t, good)
	for i := 0; i < 300; i++ {
		if err := d.CreatePerson(context.Background(), &model.Person{FamilyName: "Rossi", GivenNames: "Ada"}, 0); err != nil {
			t.Fatal(err)
		}
	}
	d.Close()
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	keys, _ := os.ReadFile(KeyPath(good))
	recovery, _ := recoveryKeys.Load(good)
	damaged := append([]byte(nil), data...)
	for i := 4096 * 2; i < len(damaged)-4096; i++ {
		damaged[i] = 0xA5
	}
	// A database written by a newer version.
	newerPath := filepath.Join(dir, "newer.db")
	nd := openTest(t, newerPath)
	if _, err := nd.db.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion()+5)); err != nil {
		t.Fatal(err)
	}
	nd.Close()
	other := filepath.Join(dir, "other.db")
	openTest(t, other).Close()
	otherKeys, _ := os.ReadFile(KeyPath(other))
	v, _ := recoveryKeys.Load(other)
	otherRecovery := v.(string)

	cases := []struct {
		name string
		path string
		keys []byte // the key file written beside it; nil for none
		rec  string // the recovery key tried; the good desk's when empty
		want OpenProblem
	}{
		{"text file", write("notes.db", []byte("this is not a database, just some notes\n"), 0o600), keys, "", ProblemKeyMismatch},
		{"no key file", write("nokeys.db", data, 0o600), nil, "", ProblemNoKeyFile},
		{"another desk's key file", write("swapped.db", data, 0o600), otherKeys, otherRecovery, ProblemKeyMismatch},
		{"wrong recovery key", write("wrongkey.db", data, 0o600), keys, otherRecovery, ProblemWrongKey},
		{"damaged pages", write("damaged.db", damaged, 0o600), keys, "", ProblemCorrupt},
		{"read-only", write("readonly.db", data, 0o400), keys, "", ProblemReadOnly},
		{"newer version", newerPath, nil, "", ProblemTooNew},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.keys != nil {
				if err := os.WriteFile(KeyPath(c.path), c.keys, 0o600); err != nil {
					t.Fatal(err)
				}
			}
			r := recovery.(string)
			if c.rec != "" {
				r = c.rec
			}
			if c.path == newerPath {
				v, _ := recoveryKeys.Load(newerPath)
				r = v.(string)
			}
			before, _ := os.ReadFile(c.path)
			_, err := UnlockRecovery(c.path, Options{BusyTimeout: 100 * time.Millisecond, KDF: testKDF}, r)
			var oe *OpenError
			if !errors.As(err, &oe) || oe.Problem != c.want {
				t.Fatalf("UnlockRecovery = %v, want problem %s", err, c.want)
			}
			after, _ := os.ReadFile(c.path)
			if !bytes.Equal(before, after) {
				t.Fatal("the file was changed")
			}
			for _, s := range []string{"-wal", "-shm"} {
				if st, err := os.Stat(c.path + s); err == nil && st.Size() > 0 {
					t.Errorf("left %s beside the file", s)
				}
			}
		})
	}
}

func TestOpenRefusesSecondInstance(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sportello.db")
	openTest(t, path)
	_, err := openTestErr(path)
	var oe *OpenError
	if !errors.As(err, &oe) || oe.Problem != ProblemInUse {
		t.Fatalf("second open = %v, want problem in_use", err)
	}
}

func TestMigrationsAreNumberedInOrder(t *testing.T) {
	migs, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range migs {
		want := filepath.Join("migrations", "")
		if filepath.Dir(m.name) != filepath.Clean(want) || m.name[len("migrations/"):len("migrations/")+4] != padded(i+1) {
			t.Errorf("migration %d is %s, want migrations/%s_*.sql", i+1, m.name, padded(i+1))
		}
	}
}

func padded(n int) string {
	b := []byte("0000")
	for i := 3; i >= 0 && n > 0; i-- {
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b)
}

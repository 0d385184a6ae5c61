package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"sportello/model"
)

// fixedNow is the clock of every store test.
var fixedNow = time.Date(2026, 3, 14, 10, 30, 0, 0, time.UTC)

// testKDF keeps password hashing cheap in tests.
var testKDF = KDFParams{Time: 1, MemKiB: 64, Threads: 1}

func openTest(t testing.TB, path string) *DB {
	t.Helper()
	d, err := Open(path, Options{BusyTimeout: 100 * time.Millisecond})
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	d.Now = func() time.Time { return fixedNow }
	d.KDF = testKDF
	t.Cleanup(func() { d.Close() })
	return d
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
	for pragma, want := range map[string]string{"journal_mode": "wal", "foreign_keys": "1", "synchronous": "2"} {
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
	damaged := append([]byte(nil), data...)
	for i := 4096 * 2; i < len(damaged)-4096; i++ {
		damaged[i] = 0xA5
	}
	newer := append([]byte(nil), data...)
	newer[60+3] = byte(SchemaVersion() + 5) // user_version lives at offset 60, big-endian

	cases := []struct {
		name string
		path string
		want OpenProblem
	}{
		{"text file", write("notes.db", []byte("this is not a database, just some notes\n"), 0o600), ProblemCorrupt},
		{"damaged pages", write("damaged.db", damaged, 0o600), ProblemCorrupt},
		{"read-only", write("readonly.db", data, 0o400), ProblemReadOnly},
		{"newer version", write("newer.db", newer, 0o600), ProblemTooNew},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before, _ := os.ReadFile(c.path)
			_, err := Open(c.path, Options{BusyTimeout: 100 * time.Millisecond})
			var oe *OpenError
			if !errors.As(err, &oe) || oe.Problem != c.want {
				t.Fatalf("Open = %v, want problem %s", err, c.want)
			}
			after, _ := os.ReadFile(c.path)
			if !bytes.Equal(before, after) {
				t.Fatal("the file was changed")
			}
			for _, s := range []string{"-wal", "-shm"} {
				if _, err := os.Stat(c.path + s); err == nil {
					t.Errorf("left %s beside the file", s)
				}
			}
		})
	}
}

func TestOpenRefusesSecondInstance(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sportello.db")
	openTest(t, path)
	_, err := Open(path, Options{BusyTimeout: 50 * time.Millisecond})
	var oe *OpenError
	if !errors.As(err, &oe) || oe.Problem != ProblemInUse {
		t.Fatalf("second Open = %v, want problem in_use", err)
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

package privtemp

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestMakeRemovesWhatAKilledJobLeft: a directory of the same prefix left
// two days ago is removed, one of an hour ago (a job still running) and
// one of another prefix are kept; the new directory is this user's only.
func TestMakeRemovesWhatAKilledJobLeft(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	for name, age := range map[string]time.Duration{"sportello-x-old": 48 * time.Hour, "sportello-x-running": time.Hour,
		"other-old": 48 * time.Hour} {
		dir := filepath.Join(tmp, name)
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "data"), []byte("cifrato"), 0o600)
		when := time.Now().Add(-age)
		if err := os.Chtimes(dir, when, when); err != nil {
			t.Fatal(err)
		}
	}
	dir, err := Make("sportello-x-")
	if err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(dir); err != nil || st.Mode().Perm() != 0o700 || filepath.Dir(dir) != tmp {
		t.Errorf("new directory %s: %v %v", dir, st, err)
	}
	for name, want := range map[string]bool{"sportello-x-old": false, "sportello-x-running": true, "other-old": true} {
		if _, err := os.Stat(filepath.Join(tmp, name)); (err == nil) != want {
			t.Errorf("%s: there %v, want %v", name, err == nil, want)
		}
	}
}

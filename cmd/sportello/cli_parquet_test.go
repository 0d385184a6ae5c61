package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportParquetCommand: --format parquet writes a private ZIP of
// Parquet files; an output path that cannot be written is refused with a
// clear message and leaves no file behind.
func TestExportParquetCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	if code, _, errw := sportello(t, "demo", "--db", db, "--persons", "4"); code != 0 {
		t.Fatal(errw)
	}
	t.Setenv("SPORTELLO_PASSWORD", "sportello-demo")
	out := filepath.Join(dir, "region-parquet.zip")
	code, stdout, errw := sportello(t, "export", "--db", db, "--user", "marco", "--format", "parquet", "--pseudonymise", "--out", out)
	if code != 0 || !strings.Contains(stdout, "persons 4") {
		t.Fatalf("parquet export: %d %q %q", code, stdout, errw)
	}
	fi, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("the export's mode is %v, want 0600", fi.Mode().Perm())
	}
	data, _ := os.ReadFile(out)
	if !strings.Contains(string(data), "persons.parquet") || !strings.Contains(string(data), "PAR1") {
		t.Error("the archive holds no persons.parquet")
	}
	for _, bad := range []string{filepath.Join(dir, "missing", "x.zip"), dir} {
		code, _, errw := sportello(t, "export", "--db", db, "--user", "marco", "--format", "parquet", "--pseudonymise", "--out", bad)
		t.Logf("export to %s: %q", bad, errw)
		if code == 0 || errw == "" {
			t.Errorf("export to %s: %d %q", bad, code, errw)
		}
		entries, _ := os.ReadDir(dir)
		up, _ := os.ReadDir(filepath.Dir(dir)) // where the directory's .part would be
		for _, e := range append(entries, up...) {
			if strings.HasSuffix(e.Name(), ".part") {
				t.Errorf("export to %s left %s", bad, e.Name())
			}
		}
		for _, e := range entries {
			if e.Name() != "a.db" && e.Name() != "region-parquet.zip" && !strings.HasPrefix(e.Name(), "a.db") {
				t.Errorf("export to %s left %s", bad, e.Name())
			}
		}
	}
}

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sportello/exchange"
)

// The export and import commands, as the README shows them: a
// pseudonymised export for the region needs no login, a full one needs a
// coordinator's password, and a bundle from one desk merges into another.
func TestExportImportCommands(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	if code, _, errw := sportello(t, "demo", "--db", a, "--persons", "8"); code != 0 {
		t.Fatal(errw)
	}
	if code, _, errw := sportello(t, "demo", "--db", b, "--persons", "3", "--prefix", "PUB"); code != 0 {
		t.Fatal(errw)
	}
	region := filepath.Join(dir, "region.json")
	code, out, errw := sportello(t, "export", "--db", a, "--format", "json", "--pseudonymise", "--out", region)
	if code != 0 || !strings.Contains(out, "persons 8") {
		t.Fatalf("pseudonymised export: %d %q %q", code, out, errw)
	}
	data, _ := os.ReadFile(region)
	if err := exchange.ValidateJSON(data); err != nil || !strings.Contains(string(data), `"mode": "pseudonymised"`) {
		t.Fatalf("the region's file: %v", err)
	}

	bundle := filepath.Join(dir, "a.sportello")
	if code, _, errw := sportello(t, "export", "--db", a, "--out", bundle); code != 1 || !strings.Contains(errw, "role") {
		t.Errorf("a full export without a coordinator: %d %q", code, errw)
	}
	if _, err := os.Stat(bundle); err == nil {
		t.Error("a refused export left a file")
	}
	t.Setenv("SPORTELLO_PASSWORD", "wrong")
	if code, _, errw := sportello(t, "export", "--db", a, "--user", "giulia", "--out", bundle); code != 1 || !strings.Contains(errw, "Wrong username or password") {
		t.Errorf("a wrong password: %d %q", code, errw)
	}
	t.Setenv("SPORTELLO_PASSWORD", "sportello-demo")
	if code, _, errw := sportello(t, "export", "--db", a, "--user", "giulia", "--out", bundle); code != 0 {
		t.Fatalf("bundle: %d %q", code, errw)
	}
	code, out, errw = sportello(t, "import", "--db", b, bundle)
	if code != 0 || !strings.Contains(out, "Merged the bundle") || !strings.Contains(out, "0 conflicts") {
		t.Fatalf("import: %d %q %q", code, out, errw)
	}
	if code, out, _ := sportello(t, "find", "--db", b, "PUA-"); code != 0 || strings.Count(out, "\n") != 8 {
		t.Errorf("the merged persons are not found on the second desk: %q", out)
	}
	// A file that is not a bundle is refused with what to do, and nothing changes.
	code, _, errw = sportello(t, "import", "--db", b, region)
	if code != 1 || !strings.Contains(errw, "not a Sportello bundle") {
		t.Errorf("importing the region's JSON: %d %q", code, errw)
	}
	if code, _, errw := sportello(t, "export", "--db", a, "--since", "yesterday", "--out", region); code != 2 || !strings.Contains(errw, "--since") {
		t.Errorf("a bad --since: %d %q", code, errw)
	}
}

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The regional key and the indicators, as the region uses them: a
// coordinator makes a key at one desk and sets it at another; each desk
// exports pseudonymised; the indicators are counted over both exports, and
// over one desk's own records.
func TestRegionalKeyAndIndicatorsCommands(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	if code, _, errw := sportello(t, "demo", "--db", a, "--persons", "6"); code != 0 {
		t.Fatal(errw)
	}
	// Both desks with the default prefix: the demo gives them the same
	// fictional persons (another prefix would give B persons of its own).
	if code, _, errw := sportello(t, "demo", "--db", b, "--persons", "4"); code != 0 {
		t.Fatal(errw)
	}
	if code, _, errw := sportello(t, "regional-key", "--db", a, "--user", "marco", "--new"); code != 1 || !strings.Contains(errw, "coordinator") {
		t.Errorf("regional-key by an operator: %d %q", code, errw)
	}
	if code, _, errw := sportello(t, "regional-key", "--db", a, "--user", "giulia", "--new", "--forget"); code != 2 {
		t.Errorf("two actions: %d %q", code, errw)
	}
	if code, _, errw := sportello(t, "regional-key", "--db", a, "--user", "giulia", "--set", "not-a-key"); code != 2 || !strings.Contains(errw, "32 bytes") {
		t.Errorf("a bad key: %d %q", code, errw)
	}
	code, out, errw := sportello(t, "regional-key", "--db", a, "--user", "giulia", "--new")
	key := strings.TrimSpace(out)
	if code != 0 || len(key) != 44 || !strings.Contains(errw, "fingerprint") {
		t.Fatalf("regional-key --new: %d %q %q", code, out, errw)
	}
	if code, out, errw := sportello(t, "regional-key", "--db", b, "--user", "giulia", "--set", key); code != 0 || out != "" {
		t.Fatalf("regional-key --set: %d %q %q", code, out, errw)
	}
	_, _, fa := sportello(t, "regional-key", "--db", a, "--user", "giulia")
	_, _, fb := sportello(t, "regional-key", "--db", b, "--user", "giulia")
	if fa != fb || !strings.Contains(fa, "fingerprint") {
		t.Errorf("the two desks' fingerprints: %q %q", fa, fb)
	}
	if code, out, _ := sportello(t, "audit", "--db", b, "--user", "giulia"); code != 0 || !strings.Contains(out, "regional-key --set") ||
		strings.Contains(out, key) {
		t.Errorf("the audit trail should record the command, not the key: %q", out)
	}
	var files []string
	for _, db := range []string{a, b} {
		f := strings.TrimSuffix(db, ".db") + ".json"
		if code, _, errw := sportello(t, "export", "--db", db, "--user", "giulia", "--format", "json", "--pseudonymise", "--out", f); code != 0 {
			t.Fatal(errw)
		}
		files = append(files, f)
	}
	// The demo desks hold the same fictional persons (the demo is
	// deterministic): B's 4 are A's first 4, recognised by codice fiscale
	// or names and birth date, except one born on an unknown day and
	// without a codice fiscale, whom nothing matches: 6 + 1.
	args := append([]string{"indicators", "--from", "01/01/2000", "--to", "2100-12-31"}, files...)
	code, out, errw = sportello(t, args...)
	if code != 0 || !strings.Contains(out, "Over 2 exports") || !strings.Contains(out, " 7 distinct persons") ||
		!strings.Contains(out, "in_charge") || !strings.Contains(out, "Sex:") {
		t.Fatalf("indicators over the exports: %d %q %q", code, out, errw)
	}
	if code, _, errw := sportello(t, "indicators", "--from", "2025-13-01", "--to", "2025-12-31", files[0]); code != 2 || !strings.Contains(errw, "--from") {
		t.Errorf("a bad date: %d %q", code, errw)
	}
	// One export: the singular, and its own key named.
	code, out, errw = sportello(t, "indicators", "--from", "01/01/2000", "--to", "2100-12-31", files[0])
	if code != 0 || !strings.Contains(out, "Over 1 export: ") || !strings.Contains(out, "; regional key ") {
		t.Errorf("indicators over one export: %d %q %q", code, out, errw)
	}
	if code, _, errw := sportello(t, "indicators", "--from", "2025-01-01", "--to", "2025-12-31", filepath.Join(dir, "gone.json")); code != 1 || !strings.Contains(errw, "gone.json") {
		t.Errorf("a file that is not there: %d %q", code, errw)
	}
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("appunti"), 0o600)
	if code, _, errw := sportello(t, "indicators", "--from", "2025-01-01", "--to", "2025-12-31", files[0], notes); code != 1 ||
		!strings.Contains(errw, "notes.txt is not a Sportello export") || strings.Contains(errw, "nexpected") {
		t.Errorf("a file that is not an export: %d %q", code, errw)
	}
	if code, _, errw := sportello(t, "indicators", "--from", "2025-01-01", "--to", "2025-12-31", files[0], files[0]); code != 1 ||
		!strings.Contains(errw, "a.json is of the same desk as another export given") {
		t.Errorf("one desk's export twice: %d %q", code, errw)
	}
	// Over the desk's own records: its coordinator only.
	if code, _, errw := sportello(t, "indicators", "--db", a, "--user", "marco", "--from", "2000-01-01", "--to", "2100-12-31"); code != 1 {
		t.Errorf("indicators by an operator: %d %q", code, errw)
	}
	code, out, errw = sportello(t, "indicators", "--db", a, "--user", "giulia", "--from", "2000-01-01", "--to", "2100-12-31")
	if code != 0 || !strings.Contains(out, "reach") || strings.Contains(out, "Over") {
		t.Errorf("indicators of the desk: %d %q %q", code, out, errw)
	}
	// The same exports as a workbook: the region's report, without opening a desk.
	book := filepath.Join(t.TempDir(), "region.xlsx")
	rargs := append([]string{"report", "--from", "01/01/2000", "--to", "2100-12-31", "--out", book, "--lang", "en"}, files...)
	if code, _, errw := sportello(t, rargs...); code != 0 {
		t.Fatalf("report over exports: %d %q", code, errw)
	}
	if f, err := excelize.OpenFile(book); err != nil {
		t.Error(err)
	} else {
		all, _ := f.GetRows(f.GetSheetList()[0])
		if !strings.Contains(fmt.Sprint(all), "2 desks' exports, 7 distinct persons") {
			t.Errorf("the region's workbook summary does not say what it counted: %v", all)
		}
		f.Close()
	}
	// A desk's own prefix counts its persons; a prefix nobody registers under counts none.
	_, all, _ := sportello(t, "indicators", "--db", a, "--user", "giulia", "--from", "2000-01-01", "--to", "2100-12-31", "--desk", "pua")
	_, none, _ := sportello(t, "indicators", "--db", a, "--user", "giulia", "--from", "2000-01-01", "--to", "2100-12-31", "--desk", "ZZ")
	if all != out || none == out || !strings.Contains(none, "reach") {
		t.Errorf("indicators of desk PUA:\n%s\nof desk ZZ:\n%s\nof all:\n%s", all, none, out)
	}
}

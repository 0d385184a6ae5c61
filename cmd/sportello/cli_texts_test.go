package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sportello/demo"
	"sportello/store"
)

// TestTextsMoveToAnotherDesk: a mediator corrects an Arabic consent
// sentence on desk A; "texts export" writes it to a file; on desk B
// "texts import" shows the difference and changes nothing until --apply,
// then B's consent reads the correction. A file with a broken sentence is
// refused whole; an operator may not import.
func TestTextsMoveToAnotherDesk(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	for _, db := range []string{a, b} {
		if code, _, errw := sportello(t, "demo", "--db", db, "--persons", "2"); code != 0 {
			t.Fatal(errw)
		}
	}
	const key, fixed = "doc.consent.withdraw", "يمكنك سحب موافقتك متى شئت."
	d, op, err := store.Unlock(a, store.Options{}, "samira", demo.Password)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.SaveCorrection(context.Background(), "ar", key, fixed, op.ID); err != nil {
		t.Fatal(err)
	}
	d.Close()

	file := filepath.Join(dir, "ar.toml")
	if code, out, errw := sportello(t, "texts", "export", "--db", a, "--user", "samira", "--lang", "ar", "--out", file); code != 0 ||
		!strings.Contains(out, "1 corrections") {
		t.Fatalf("export: %d %q %q", code, out, errw)
	}
	corrected := func() string {
		t.Helper()
		d, _, err := store.Unlock(b, store.Options{}, "samira", demo.Password)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		layer, err := d.TextLayer(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		return layer.Corrections["ar"][key].Text
	}
	code, out, errw := sportello(t, "texts", "import", "--db", b, "--user", "samira", "--lang", "ar", file)
	if code != 0 || !strings.Contains(out, key) || !strings.Contains(out, "+ "+fixed) || corrected() != "" {
		t.Fatalf("import without --apply: %d %q %q", code, out, errw)
	}
	if code, _, errw := sportello(t, "texts", "import", "--db", b, "--user", "marco", "--lang", "ar", "--apply", file); code == 0 {
		t.Errorf("an operator imported corrections: %q", errw)
	}
	if code, out, errw := sportello(t, "texts", "import", "--db", b, "--user", "samira", "--lang", "ar", "--apply", file); code != 0 ||
		corrected() != fixed {
		t.Fatalf("import --apply: %d %q %q", code, out, errw)
	}
	data, _ := os.ReadFile(file)
	broken := filepath.Join(dir, "broken.toml")
	os.WriteFile(broken, []byte(strings.Replace(string(data), "[doc.consent]", "[doc.consent]\nperson = \"صاحب الموافقة\"", 1)), 0o600)
	if code, _, errw := sportello(t, "texts", "import", "--db", b, "--user", "samira", "--lang", "ar", "--apply", broken); code != 1 ||
		!strings.Contains(errw, "doc.consent.person") {
		t.Errorf("a file with a sentence without its placeholders: %d %q", code, errw)
	}
}

package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"filippo.io/age"

	"sportello/demo"
	"sportello/exchange"
	"sportello/store"
)

// The export and import commands, as the README shows them: every export
// needs an operator's login, a full one a coordinator's, and a bundle from
// one desk merges into another.
func TestExportImportCommands(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	if code, _, errw := sportello(t, "demo", "--db", a, "--persons", "8"); code != 0 {
		t.Fatal(errw)
	}
	if code, _, errw := sportello(t, "demo", "--db", b, "--persons", "3", "--prefix", "PUB"); code != 0 {
		t.Fatal(errw)
	}
	t.Setenv("SPORTELLO_PASSWORD", "sportello-demo")
	region := filepath.Join(dir, "region.json")
	if code, _, errw := sportello(t, "export", "--db", a, "--format", "json", "--pseudonymise", "--out", region); code != 2 || !strings.Contains(errw, "--user") {
		t.Errorf("an export without a login: %d %q", code, errw)
	}
	code, out, errw := sportello(t, "export", "--db", a, "--user", "marco", "--format", "json", "--pseudonymise", "--out", region)
	if code != 0 || !strings.Contains(out, "persons 8") {
		t.Fatalf("pseudonymised export: %d %q %q", code, out, errw)
	}
	data, _ := os.ReadFile(region)
	if err := exchange.ValidateJSON(data); err != nil || !strings.Contains(string(data), `"mode": "pseudonymised"`) {
		t.Fatalf("the region's file: %v", err)
	}

	bundle := filepath.Join(dir, "a.sportello")
	if code, _, errw := sportello(t, "export", "--db", a, "--user", "marco", "--out", bundle); code != 1 || !strings.Contains(errw, "role") {
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
	if code, _, errw := sportello(t, "export", "--db", a, "--user", "giulia", "--plaintext", "--out", bundle); code != 0 {
		t.Fatalf("bundle: %d %q", code, errw)
	}
	// B has never accepted A's key: a coordinator accepts it with --trust.
	if code, _, errw := sportello(t, "import", "--db", b, "--user", "giulia", bundle); code != 1 || !strings.Contains(errw, "--trust") {
		t.Fatalf("a bundle from a desk not accepted yet: %d %q", code, errw)
	}
	code, out, errw = sportello(t, "import", "--db", b, "--user", "giulia", "--trust", bundle)
	if code != 0 || !strings.Contains(out, "Merged the bundle") || !strings.Contains(out, "0 conflicts") {
		t.Fatalf("import: %d %q %q", code, out, errw)
	}
	if code, out, _ := sportello(t, "find", "--db", b, "--user", "giulia", "PUA-"); code != 0 || strings.Count(out, "\n") != 8 {
		t.Errorf("the merged persons are not found on the second desk: %q", out)
	}
	// A file that is not a bundle is refused with what to do, and nothing changes.
	code, _, errw = sportello(t, "import", "--db", b, "--user", "giulia", region)
	if code != 1 || !strings.Contains(errw, "not a Sportello bundle") {
		t.Errorf("importing the region's JSON: %d %q", code, errw)
	}
	if code, _, errw := sportello(t, "export", "--db", a, "--since", "yesterday", "--out", region); code != 2 || !strings.Contains(errw, "--since") {
		t.Errorf("a bad --since: %d %q", code, errw)
	}
}

// A full export names people: without a recipient it is refused with what
// to do, unless a coordinator asks for --plaintext, which warns on stderr
// and writes a file only its account can read.
func TestFullExportIsEncryptedUnlessPlaintext(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	if code, _, errw := sportello(t, "demo", "--db", db, "--persons", "3"); code != 0 {
		t.Fatal(errw)
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	key := id.Recipient().String()
	t.Setenv("SPORTELLO_PASSWORD", "sportello-demo")
	tests := []struct {
		name      string
		args      []string
		code      int
		stderr    string // in it, "" for nothing
		stdout    string
		plaintext bool // a plain full document is written
		sealed    bool // a full document encrypted for key is written
	}{
		{name: "no recipient", args: []string{"--user", "giulia"}, code: 1,
			stderr: "give the recipient's age public key with --recipient or in Settings, or, as a coordinator, use --plaintext"},
		{name: "plaintext and a recipient", args: []string{"--user", "giulia", "--plaintext", "--recipient", key}, code: 2,
			stderr: "--plaintext and --recipient exclude each other"},
		{name: "no login", args: []string{"--pseudonymise"}, code: 2, stderr: "--user"},
		{name: "plaintext without a coordinator", args: []string{"--user", "marco", "--plaintext"}, code: 1, stderr: "role"},
		{name: "plaintext by a coordinator", args: []string{"--user", "giulia", "--plaintext"},
			stderr: "the file names people and is not encrypted", stdout: "Wrote", plaintext: true},
		{name: "encrypted for a recipient", args: []string{"--user", "giulia", "--recipient", key},
			stdout: "Encrypted for " + key, sealed: true},
		{name: "pseudonymised, no recipient", args: []string{"--user", "marco", "--pseudonymise"}, stdout: "pseudonymised"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, fmt.Sprintf("export-%d.json", i))
			args := append([]string{"export", "--db", db, "--format", "json", "--out", out}, tt.args...)
			code, stdout, stderr := sportello(t, args...)
			if code != tt.code || !strings.Contains(stderr, tt.stderr) || !strings.Contains(stdout, tt.stdout) ||
				(tt.stderr == "" && stderr != "") {
				t.Fatalf("exit %d, want %d\nstdout %q\nstderr %q", code, tt.code, stdout, stderr)
			}
			data, err := os.ReadFile(out)
			if tt.code != 0 {
				if err == nil {
					t.Error("a refused export left a file")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if fi, _ := os.Stat(out); runtime.GOOS != "windows" && fi.Mode().Perm() != exchange.PrivateMode {
				t.Errorf("the file's mode is %v, want %v", fi.Mode().Perm(), exchange.PrivateMode)
			}
			if tt.sealed {
				r, err := age.Decrypt(bytes.NewReader(data), id)
				if err != nil {
					t.Fatalf("not encrypted for the recipient: %v", err)
				}
				if data, err = io.ReadAll(r); err != nil {
					t.Fatal(err)
				}
			}
			full := strings.Contains(string(data), `"mode": "full"`)
			if err := exchange.ValidateJSON(data); err != nil || full != (tt.plaintext || tt.sealed) {
				t.Errorf("the document: %v, full %v", err, full)
			}
		})
	}
}

// A plain import of a bundle from a desk not accepted yet prints the desk
// and the fingerprint of its key, says to compare it and use --trust, and
// changes nothing; --trust is a coordinator's, prints the fingerprint,
// accepts the key and merges; the same bundle then merges without it.
func TestImportTrustCommand(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	if code, _, errw := sportello(t, "demo", "--db", a, "--persons", "3"); code != 0 {
		t.Fatal(errw)
	}
	if code, _, errw := sportello(t, "demo", "--db", b, "--persons", "2", "--prefix", "PUB"); code != 0 {
		t.Fatal(errw)
	}
	t.Setenv("SPORTELLO_PASSWORD", demo.Password)
	bundle := filepath.Join(dir, "a.sportello")
	if code, _, errw := sportello(t, "export", "--db", a, "--user", "giulia", "--plaintext", "--out", bundle); code != 0 {
		t.Fatalf("bundle: %d %q", code, errw)
	}
	fingerprint := deskFingerprint(t, a)
	persons := func() int {
		t.Helper()
		_, out, _ := sportello(t, "find", "--db", b, "--user", "giulia", "PUA-")
		return strings.Count(out, "\n")
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string
		stderr []string
		merged bool
	}{
		{name: "plain import", args: []string{"--user", "giulia", bundle}, code: 1,
			stderr: []string{"does not know yet", fingerprint, "Sportello", "--trust " + bundle}},
		{name: "trust by an operator", args: []string{"--user", "marco", "--trust", bundle}, code: 1,
			stderr: []string{"Only a coordinator"}},
		{name: "trust and a file", args: []string{"--user", "giulia", "--trust", bundle, bundle}, code: 2,
			stderr: []string{"--trust FILE or FILE"}},
		{name: "trust by a coordinator", args: []string{"--user", "giulia", "--trust", bundle},
			stdout: []string{"Accepting the key", fingerprint, "Merged the bundle"}, merged: true},
		{name: "the same bundle again", args: []string{"--user", "giulia", bundle},
			stdout: []string{"from Sportello di Latina: 0 new"}, merged: true},
		{name: "trust an accepted desk again", args: []string{"--user", "giulia", "--trust", bundle},
			stdout: []string{"from Sportello di Latina: 0 new"}, merged: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := sportello(t, append([]string{"import", "--db", b}, tc.args...)...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout %q\nstderr %q", code, tc.code, stdout, stderr)
			}
			for _, want := range tc.stdout {
				if !strings.Contains(stdout, want) {
					t.Errorf("stdout lacks %q: %q", want, stdout)
				}
			}
			for _, want := range tc.stderr {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr lacks %q: %q", want, stderr)
				}
			}
			if n := persons(); (n == 3) != tc.merged {
				t.Errorf("%d of A's persons on B; merged: want %v", n, tc.merged)
			}
		})
	}
}

// deskFingerprint is the fingerprint a desk shows in its Settings.
func deskFingerprint(t *testing.T, path string) string {
	t.Helper()
	d, _, err := store.Unlock(path, store.Options{}, demo.Coordinator, demo.Password)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	fp, err := exchange.DeskFingerprint(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	return fp
}

package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"filippo.io/age"

	"sportello/exchange"
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
	code, out, errw = sportello(t, "import", "--db", b, "--user", "giulia", bundle)
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

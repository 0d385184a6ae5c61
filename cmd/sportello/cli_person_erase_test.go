package main

import (
	"bufio"
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"sportello/demo"
	"sportello/locales"
)

// personErase runs "sportello person erase" with args, standard input
// giving the lines of input (the password comes from the environment).
func personErase(t *testing.T, input string, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("SPORTELLO_PASSWORD", demo.Password)
	old := stdin
	stdin = bufio.NewReader(strings.NewReader(input))
	t.Cleanup(func() { stdin = old })
	var out, errw bytes.Buffer
	c := &cli{out: &out, errw: &errw, tr: locales.New("en")}
	code := c.personErase(args)
	return code, out.String(), errw.String()
}

func TestPersonErase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "desk.db")
	if code, _, errw := sportello(t, "demo", "--db", db, "--persons", "3"); code != 0 {
		t.Fatalf("demo: %s", errw)
	}
	_, found, _ := sportello(t, "find", "--db", db, "--user", "giulia", "pua")
	first := strings.Split(strings.Split(found, "\n")[0], "\t")
	caseCode, name := first[0], first[1]
	family := strings.Fields(name)[0]

	for _, tc := range []struct {
		name  string
		input string
		args  []string
		code  int
		says  string
	}{
		{"no case", "", []string{"--db", db, "--user", "giulia", "--reason", "objection"}, 2, "--case"},
		{"unknown reason", "", []string{"--db", db, "--user", "giulia", "--case", caseCode, "--reason", "because"}, 2, "other_ground"},
		{"other without a note", "", []string{"--db", db, "--user", "giulia", "--case", caseCode, "--reason", "other_ground"}, 2, "note"},
		{"an operator", caseCode + "\n", []string{"--db", db, "--user", "marco", "--case", caseCode, "--reason", "objection"}, 1, "coordinator"},
		{"unknown case", "", []string{"--db", db, "--user", "giulia", "--case", "PUA-1999-000001", "--reason", "objection", "--yes"}, 1, "PUA-1999-000001"},
		{"wrong confirmation", "PUA-0000-000000\n", []string{"--db", db, "--user", "giulia", "--case", caseCode, "--reason", "objection"}, 1, "nothing was erased"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errw := personErase(t, tc.input, tc.args...)
			if code != tc.code || !strings.Contains(errw, tc.says) {
				t.Errorf("exit %d, said %q; want %d and %q", code, errw, tc.code, tc.says)
			}
			if _, out, _ := sportello(t, "find", "--db", db, "--user", "giulia", family); !strings.Contains(out, caseCode) {
				t.Fatalf("the person was erased by a refused command: %q", out)
			}
		})
	}
	code, out, errw := personErase(t, strings.ToLower(caseCode)+"\n", "--db", db, "--user", "giulia", "--case", caseCode,
		"--reason", "consent_withdrawn", "--note", "by letter")
	if code != 0 || !strings.Contains(out, caseCode) || !strings.Contains(errw, "Backups made before") {
		t.Fatalf("erase: %d %q %q", code, out, errw)
	}
	if _, out, _ := sportello(t, "find", "--db", db, "--user", "giulia", family); strings.Contains(out, caseCode) {
		t.Errorf("the erased person is found by name: %q", out)
	}
	code, out, _ = sportello(t, "audit", "--db", db, "--user", "giulia", "--action", "erase")
	if code != 0 || !strings.Contains(out, caseCode+"; redacted events") || !strings.Contains(out, "consent_withdrawn (art. 17(1)(b)): by letter") {
		t.Errorf("the erasure in the trail: %q", out)
	}
	if code, _, errw := sportello(t, "check", "--db", db, "--user", "giulia"); code != 0 {
		t.Errorf("check after the erasure: %d %s", code, errw)
	}
	if code, _, errw := personErase(t, "", "--db", db, "--user", "giulia", "--case", caseCode, "--reason", "objection", "--yes"); code != 1 || errw == "" {
		t.Errorf("a second erasure: %d %q", code, errw)
	}
}

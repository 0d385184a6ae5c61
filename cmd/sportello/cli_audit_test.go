package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestAuditCommandForCoordinatorsOnly(t *testing.T) {
	db := filepath.Join(t.TempDir(), "desk.db")
	if code, _, errw := sportello(t, "demo", "--db", db, "--persons", "3"); code != 0 {
		t.Fatalf("demo: %s", errw)
	}
	// marco finds a person: his command is in the trail.
	code, found, errw := sportello(t, "find", "--db", db, "--user", "marco", "pua")
	if code != 0 || found == "" {
		t.Fatalf("find as marco: %s", errw)
	}
	caseCode := strings.Split(found, "\t")[0]

	var out string
	code, out, errw = sportello(t, "audit", "--db", db, "--user", "giulia", "--operator", "marco", "--action", "command")
	if code != 0 {
		t.Fatalf("audit as giulia: %d %q", code, errw)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) != 1 {
		t.Fatalf("want marco's one command, got:\n%s", out)
	}
	cols := strings.Split(lines[0], "\t")
	if len(cols) != 8 || cols[2] != "Marco Albani" || cols[3] != "command" || cols[7] != "find pua" {
		t.Errorf("line %q", lines[0])
	}

	// By case: only that person's events, each with its case code; newest first.
	code, out, errw = sportello(t, "audit", "--db", db, "--user", "giulia", "--case", strings.ToLower(caseCode))
	if code != 0 || out == "" {
		t.Fatalf("audit --case: %d %q %q", code, out, errw)
	}
	last := ""
	for _, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		cols := strings.Split(l, "\t")
		if cols[4] != "person" || cols[6] != caseCode {
			t.Errorf("another record's event: %q", l)
		}
		if last != "" && cols[1] > last {
			t.Errorf("not newest first: %q after %q", cols[1], last)
		}
		last = cols[1]
	}

	// Dates and limits.
	tomorrow := time.Now().AddDate(0, 0, 1).Format("02/01/2006")
	if code, out, _ := sportello(t, "audit", "--db", db, "--user", "giulia", "--from", tomorrow); code != 0 || out != "" {
		t.Errorf("audit from tomorrow: %d %q", code, out)
	}
	if code, out, _ := sportello(t, "audit", "--db", db, "--user", "giulia", "--limit", "2"); code != 0 || strings.Count(out, "\n") != 2 {
		t.Errorf("audit --limit 2: %d %q", code, out)
	}
	if code, _, errw := sportello(t, "audit", "--db", db, "--user", "giulia", "--to", "31/02/2026"); code != 2 || !strings.Contains(errw, "--to") {
		t.Errorf("a bad date: %d %q", code, errw)
	}

	// An operator is refused, and reads nothing.
	code, out, errw = sportello(t, "audit", "--db", db, "--user", "marco")
	if code != 1 || out != "" || !strings.Contains(errw, "Your role does not allow this") {
		t.Errorf("audit as marco: %d %q %q", code, out, errw)
	}
}

func TestAuditHelp(t *testing.T) {
	if code, out, _ := sportello(t, "audit", "--help"); code != 0 || !strings.Contains(out, "Usage: sportello audit") ||
		!strings.Contains(out, "-case") {
		t.Errorf("audit --help: %d %q", code, out)
	}
}

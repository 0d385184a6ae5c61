package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"sportello/exchange"
)

// sportello person export: a coordinator writes the person's PDF and JSON,
// private, and the request is in the audit trail; anyone else is refused.
func TestPersonExport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "desk.db")
	sportello(t, "demo", "--db", db, "--persons", "3")
	_, found, _ := sportello(t, "find", "--db", db, "--user", "giulia", "pua")
	code := strings.Split(found, "\t")[0]
	if !strings.HasPrefix(code, "PUA-") {
		t.Fatalf("no person found: %q", found)
	}
	out := filepath.Join(t.TempDir(), "request")
	for _, args := range [][]string{{"person"}, {"person", "export", "--db", db, "--user", "giulia", "--out", out},
		{"person", "export", "--db", db, "--user", "giulia", "--case", code}} {
		if rc, _, errw := sportello(t, args...); rc != 2 || errw == "" {
			t.Errorf("%v: exit %d %q", args, rc, errw)
		}
	}
	for _, user := range []string{"marco", "samira", "elena", "paolo"} {
		rc, _, errw := sportello(t, "person", "export", "--db", db, "--user", user, "--case", code, "--out", out)
		if rc != 1 || !strings.Contains(errw, "Only a coordinator") {
			t.Errorf("%s: exit %d %q", user, rc, errw)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused request wrote the folder")
	}
	rc, stdout, errw := sportello(t, "person", "export", "--db", db, "--user", "giulia", "--case", code, "--out", out, "--lang", "ur")
	if rc != 0 || !strings.Contains(stdout, "access-"+code+"-ur.pdf") {
		t.Fatalf("export: %d %q %q", rc, stdout, errw)
	}
	pdf, js := exchange.AccessFiles(out, code, "ur")
	var doc exchange.AccessFile
	data, err := os.ReadFile(js)
	if err != nil || json.Unmarshal(data, &doc) != nil || doc.Person.CaseCode != code || len(doc.Cases) == 0 {
		t.Fatalf("the JSON: %v %+v", err, doc.Person)
	}
	last := doc.AuditEvents[len(doc.AuditEvents)-1]
	if last.Action != "export" || last.Detail != "access request" || last.Role != "coordinator" {
		t.Errorf("the request is not the file's last event: %+v", last)
	}
	for _, p := range []string{pdf, js} {
		if fi, err := os.Stat(p); err != nil || (runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600) {
			t.Errorf("%s: %v %v", p, fi, err)
		}
	}
	_, trail, _ := sportello(t, "audit", "--db", db, "--user", "giulia", "--case", code)
	if !strings.Contains(trail, "access request") {
		t.Errorf("the audit trail lacks the request:\n%s", trail)
	}
	rc, _, errw = sportello(t, "person", "export", "--db", db, "--user", "giulia", "--case", code, "--out", out, "--lang", "ti")
	if rc != 0 || !strings.Contains(errw, "English") {
		t.Errorf("a language without the document's text: %d %q", rc, errw)
	}
}

package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sportello/locales"
)

// `sportello check` verifies the audit trail's chain on a sound demo desk,
// says so in the user's language, and counts the chain with the tables.
// (Tampered trails are in store's TestAuditChainFindsTheFirstBadEvent: the
// data key cannot be reached from here.)
func TestCheckVerifiesTheAuditTrail(t *testing.T) {
	db := filepath.Join(t.TempDir(), "desk.db")
	if code, _, errw := sportello(t, "demo", "--db", db, "--persons", "3"); code != 0 {
		t.Fatalf("demo: %s", errw)
	}
	code, out, errw := sportello(t, "check", "--db", db, "--user", "giulia")
	if code != 0 || errw != "" || !strings.Contains(out, "Audit trail: every event is in its place in the chain") {
		t.Fatalf("check: %d %q %q", code, out, errw)
	}
	events, links := rows(out, "audit_events"), rows(out, "audit_chain")
	if events == "" || events == "0" || links != events {
		t.Errorf("%s events, %s links in the chain", events, links)
	}
	t.Setenv("SPORTELLO_LANG", "it")
	var o, e strings.Builder
	if code := run([]string{"check", "--db", db, "--user", "giulia"}, &o, &e); code != 0 ||
		!strings.Contains(o.String(), "Registro delle attività: ogni evento è al suo posto") {
		t.Errorf("check in Italian: %d %q %q", code, o.String(), e.String())
	}
}

// Every message checkDB can print about the audit trail is in Italian and
// in English, with the values it is given.
func TestAuditMessagesTranslate(t *testing.T) {
	src, err := os.ReadFile("cli.go")
	if err != nil {
		t.Fatal(err)
	}
	keys := regexp.MustCompile(`"(cli\.audit_[a-z_]+)"`).FindAllStringSubmatch(string(src), -1)
	if len(keys) < 12 {
		t.Fatalf("only %d audit messages found in cli.go", len(keys))
	}
	args := map[string]any{"Event": 7, "Other": 9, "Trigger": "audit_no_delete", "Problem": "x"}
	for _, lang := range []string{"it", "en"} {
		tr := locales.New(lang)
		for _, k := range keys {
			msg := tr.Tf(k[1], args)
			if msg == k[1] || strings.Contains(msg, "<no value>") || strings.Contains(msg, "{{") {
				t.Errorf("%s: %s gives %q", lang, k[1], msg)
			}
		}
	}
}

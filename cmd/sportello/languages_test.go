package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"sportello/locales"
)

func TestLanguagesJSON(t *testing.T) {
	code, out, errw := sportello(t, "languages", "--json")
	if code != 0 {
		t.Fatalf("languages --json: %d %s", code, errw)
	}
	var rows []struct {
		Tag, Name, Script, Direction string
		Review                       struct{ State, By, Date string }
		Messages                     map[string]struct{ Translated, Total int }
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(rows) != 28 {
		t.Fatalf("%d languages, want 28", len(rows))
	}
	byTag := map[string]int{}
	for i, r := range rows {
		byTag[r.Tag] = i
		for _, area := range []string{"interface", "questionnaire", "documents"} {
			c, ok := r.Messages[area]
			if !ok || c.Translated > c.Total {
				t.Errorf("%s %s: %+v", r.Tag, area, c)
			}
		}
		if d := r.Messages["documents"]; d.Total == 0 || d.Translated != d.Total-accessOnly(t, r.Tag) {
			t.Errorf("%s: documents %d/%d, the texts of every document but the access one should all be there",
				r.Tag, d.Translated, d.Total)
		}
		want := "draft"
		if r.Tag == "it" || r.Tag == "en" {
			want = "reviewed"
		}
		if r.Review.State != want {
			t.Errorf("%s review state %q, want %q", r.Tag, r.Review.State, want)
		}
	}
	for tag, dir := range map[string]string{"ar": "rtl", "fa": "rtl", "ps": "rtl", "ur": "rtl", "pa": "ltr", "zh": "ltr"} {
		if rows[byTag[tag]].Direction != dir {
			t.Errorf("%s direction %s", tag, rows[byTag[tag]].Direction)
		}
	}
	if r := rows[byTag["pa"]]; r.Script != "Guru" || r.Name != "ਪੰਜਾਬੀ" {
		t.Errorf("pa: %+v", r)
	}
	for tag, script := range map[string]string{"si": "Sinh", "ta": "Taml", "ckb": "Arab", "am": "Ethi", "wo": "Latn", "bg": "Cyrl"} {
		if r := rows[byTag[tag]]; r.Script != script || r.Review.State != "draft" || r.Messages["documents"].Translated == 0 {
			t.Errorf("%s: %+v", tag, r)
		}
	}
	if r := rows[byTag["ckb"]]; r.Direction != "rtl" {
		t.Errorf("Sorani is written right to left: %+v", r)
	}
	if r := rows[byTag["it"]]; r.Messages["interface"].Translated != r.Messages["interface"].Total {
		t.Errorf("Italian interface incomplete: %+v", r.Messages)
	}
	// The table form says the same, one line a language.
	_, table, _ := sportello(t, "languages")
	if n := len(strings.Split(strings.TrimSpace(table), "\n")); n != 29 {
		t.Errorf("table has %d lines, want a header and 28", n)
	}
}

func TestPrintLanguages(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "specimen.pdf")
	if code, _, errw := sportello(t, "print", "languages", "--out", out); code != 0 {
		t.Fatalf("print languages: %s", errw)
	}
	b, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatalf("not a PDF: %v", err)
	}
	if pdfinfo, err := exec.LookPath("pdfinfo"); err == nil {
		info, _ := exec.Command(pdfinfo, out).Output()
		if !strings.Contains(strings.Join(strings.Fields(string(info)), " "), "Pages: 28") {
			t.Errorf("pdfinfo:\n%s", info)
		}
	}
	// Bad input: an unknown document, no --out, a folder that does not exist.
	if code, _, errw := sportello(t, "print", "brochure", "--out", out); code != 2 || !strings.Contains(errw, "Unknown document") {
		t.Errorf("unknown document: %d %q", code, errw)
	}
	if code, _, errw := sportello(t, "print", "languages"); code != 2 || !strings.Contains(errw, "--out") {
		t.Errorf("no --out: %d %q", code, errw)
	}
	missing := filepath.Join(dir, "no", "such", "folder", "x.pdf")
	if code, _, errw := sportello(t, "print", "languages", "--out", missing); code != 1 || !strings.Contains(errw, "Cannot write") {
		t.Errorf("unwritable path: %d %q", code, errw)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left files behind: %v", entries)
	}
}

// TestPrintDocuments prints every document of a demo case from the command
// line, and refuses bad input with a message and no file.
func TestPrintDocuments(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if code, _, errw := sportello(t, "demo", "--db", db, "--persons", "12"); code != 0 {
		t.Fatal(errw)
	}
	_, list, _ := sportello(t, "find", "--db", db, "--user", "giulia", "pua")
	var cases []string
	for _, ln := range strings.Split(strings.TrimSpace(list), "\n") {
		cases = append(cases, strings.Split(ln, "\t")[0])
	}
	if len(cases) < 3 {
		t.Fatalf("the demo should have several cases: %q", list)
	}
	caseCode := cases[0]
	args := map[string][]string{
		"rights":  {"--lang", "ar"},
		"notice":  {"--lang", "bn"},
		"consent": {"--case", caseCode, "--lang", "uk", "--purpose", "sharing", "--service", "Sportello legale Diritti (demo)"},
		"slip":    {"--lang", "ti", "--date", "2026-12-03", "--time", "10:30", "--bring", "documents,permit"},
	}
	for doc, extra := range args {
		out := filepath.Join(dir, doc+".pdf")
		login := []string{"--db", db, "--user", "giulia"}
		if doc == "rights" {
			login = nil // the leaflet names nobody: no login
		}
		if code, _, errw := sportello(t, append(append([]string{"print", doc, "--out", out}, login...), extra...)...); code != 0 {
			t.Errorf("print %s: %d %s", doc, code, errw)
			continue
		}
		if b, err := os.ReadFile(out); err != nil || !strings.HasPrefix(string(b), "%PDF-") {
			t.Errorf("print %s: no PDF (%v)", doc, err)
		}
	}
	// Not every demo case has an agreed plan, a sendable referral or a
	// finished interview: a case without one is refused with a message and
	// no file, and some case of the demo must print each.
	for doc, lang := range map[string]string{"plan": "pa", "referral": "ur", "intake": "it"} {
		printed := false
		for _, cc := range cases {
			out := filepath.Join(dir, doc+"-"+cc+".pdf")
			code, _, errw := sportello(t, "print", doc, "--db", db, "--user", "giulia", "--case", cc, "--lang", lang, "--out", out)
			_, statErr := os.Stat(out)
			switch {
			case code == 0 && statErr == nil:
				printed = true
			case code == 0:
				t.Errorf("print %s --case %s: success without a file", doc, cc)
			case errw == "" || statErr == nil:
				t.Errorf("print %s --case %s: refused (%d) without a message or leaving a file: %q", doc, cc, code, errw)
			}
			if printed {
				break
			}
		}
		if !printed {
			t.Errorf("print %s: no case of the demo printed", doc)
		}
	}
	for _, bad := range [][]string{
		{"print", "consent", "--db", db, "--case", "PUA-1999-999999", "--purpose", "sharing", "--out", filepath.Join(dir, "x.pdf")},
		{"print", "rights", "--db", db, "--lang", "sd", "--out", filepath.Join(dir, "y.pdf")},
		{"print", "slip", "--db", db, "--out", filepath.Join(dir, "z.pdf")},
		// No consent to share with employers in the demo: no curriculum.
		{"print", "cv", "--db", db, "--user", "giulia", "--case", caseCode, "--out", filepath.Join(dir, "w.pdf")},
	} {
		if code, _, errw := sportello(t, bad...); code == 0 || errw == "" {
			t.Errorf("%v: %d %q", bad, code, errw)
		}
	}
	for _, f := range []string{"x.pdf", "y.pdf", "z.pdf", "w.pdf"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			t.Errorf("a refused print left %s", f)
		}
	}
}

// accessOnly counts the document texts lang lacks, failing unless each is
// one of the access document's (written in it, en, ar and ur so far; it
// falls back to English in the other languages, and says so).
func accessOnly(t *testing.T, lang string) int {
	t.Helper()
	all, _ := locales.Keys(locales.AreaDocuments, "it")
	have, _ := locales.Keys(locales.AreaDocuments, lang)
	got := map[string]bool{}
	for _, k := range have {
		got[k] = true
	}
	n := 0
	for _, k := range all {
		if got[k] {
			continue
		}
		n++
		// The access document comes in English where a language has no text
		// yet. The skills profile, its CEFR descriptions and the curriculum's
		// record texts are in every person language (drafts beyond it, en);
		// the skills' names come in ESCO's English where a language has none.
		if !strings.HasPrefix(k, "doc.access.") && !strings.HasPrefix(k, "doc.skillname.") {
			t.Errorf("%s lacks the document text %s", lang, k)
		}
	}
	return n
}

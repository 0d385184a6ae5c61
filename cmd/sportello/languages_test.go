package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
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
	if len(rows) != 17 {
		t.Fatalf("%d languages, want 17", len(rows))
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
		if d := r.Messages["documents"]; d.Total == 0 || d.Translated != d.Total {
			t.Errorf("%s: documents %d/%d, the specimen texts should all be there", r.Tag, d.Translated, d.Total)
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
	if r := rows[byTag["it"]]; r.Messages["interface"].Translated != r.Messages["interface"].Total {
		t.Errorf("Italian interface incomplete: %+v", r.Messages)
	}
	// The table form says the same, one line a language.
	_, table, _ := sportello(t, "languages")
	if n := len(strings.Split(strings.TrimSpace(table), "\n")); n != 18 {
		t.Errorf("table has %d lines, want a header and 17", n)
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
		if !strings.Contains(strings.Join(strings.Fields(string(info)), " "), "Pages: 17") {
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

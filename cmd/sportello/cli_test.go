package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sportello/demo"
	"sportello/model"
	"sportello/store"
)

// sportello runs the command line in English and returns exit code, stdout and stderr.
func sportello(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv("SPORTELLO_LANG", "en")
	if os.Getenv("SPORTELLO_PASSWORD") == "" {
		t.Setenv("SPORTELLO_PASSWORD", demo.Password)
	}
	var out, errw bytes.Buffer
	code := run(args, &out, &errw)
	return code, out.String(), errw.String()
}

func TestDemoThenFindWithoutAccents(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, errw := sportello(t, "demo", "--db", db, "--persons", "30"); code != 0 {
		t.Fatalf("demo: %d %s", code, errw)
	}
	// Demo person 9 is from the Mali group, whose family names include Traoré and Keïta.
	code, out, _ := sportello(t, "find", "--db", db, "--user", "giulia", "traore")
	code2, out2, _ := sportello(t, "find", "--db", db, "--user", "giulia", "keita")
	if code != 0 || code2 != 0 || (!strings.Contains(out, "TRAORÉ") && !strings.Contains(out2, "KEÏTA")) {
		t.Fatalf("find traore/keita without accents: %q %q", out, out2)
	}
	for _, line := range strings.Split(strings.TrimSpace(out+out2), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 4 || !strings.HasPrefix(f[0], "PUA-") || len(f[3]) != 4 {
			t.Errorf("find line %q: want case code, name, own-script name, birth year", line)
		}
	}
	// Names in their own script are found too: every demo name in an
	// Arabic, Bengali, Gurmukhi, Ethiopic, Cyrillic or Han script.
	_, all, _ := sportello(t, "find", "--db", db, "--user", "giulia", "pua")
	scripts := 0
	for _, line := range strings.Split(strings.TrimSpace(all), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 4 || f[2] == "" {
			continue
		}
		scripts++
		word := strings.Fields(f[2])[0]
		if _, out, _ := sportello(t, "find", "--db", db, "--user", "giulia", word); !strings.Contains(out, f[0]) {
			t.Errorf("find %q (own script of %s) did not find it: %q", word, f[0], out)
		}
	}
	if scripts < 15 {
		t.Errorf("only %d of 30 demo persons have a name in their own script", scripts)
	}

	// A second run adds nothing.
	_, before, _ := sportello(t, "check", "--db", db, "--user", "giulia")
	if code, out, _ := sportello(t, "demo", "--db", db, "--persons", "30"); code != 0 || !strings.Contains(out, "Added 0 ") {
		t.Fatalf("second demo run: %d %q", code, out)
	}
	_, after, _ := sportello(t, "check", "--db", db, "--user", "giulia")
	if rows(before, "persons") != "30" || rows(after, "persons") != "30" || rows(after, "operators") != "5" ||
		rows(before, "interviews") != rows(after, "interviews") {
		t.Fatalf("demo twice:\n%s\nthen\n%s", before, after)
	}
	// Asking for more adds only the difference.
	sportello(t, "demo", "--db", db, "--persons", "35")
	_, more, _ := sportello(t, "check", "--db", db, "--user", "giulia")
	if rows(more, "persons") != "35" {
		t.Errorf("demo up to 35 gave %s persons", rows(more, "persons"))
	}
}

// rows reads one table's count out of `sportello check` output.
func rows(check, table string) string {
	for _, line := range strings.Split(check, "\n") {
		if f := strings.Split(line, "\t"); len(f) == 2 && f[0] == table {
			return f[1]
		}
	}
	return ""
}

func TestCheckAndBackup(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "desk.db")
	sportello(t, "demo", "--db", db, "--persons", "5")
	code, out, errw := sportello(t, "check", "--db", db, "--user", "giulia")
	if code != 0 || !strings.Contains(out, "no problems") || rows(out, "persons") != "5" {
		t.Fatalf("check: %d %q %q", code, out, errw)
	}
	copyPath := filepath.Join(dir, "copy.db")
	if code, _, errw := sportello(t, "backup", "--db", db, "--user", "giulia", "--out", copyPath); code != 0 {
		t.Fatalf("backup: %s", errw)
	}
	if _, out, _ := sportello(t, "check", "--db", copyPath, "--user", "giulia"); rows(out, "persons") != "5" {
		t.Errorf("the backup holds %q persons", rows(out, "persons"))
	}
	if code, _, errw := sportello(t, "backup", "--db", db, "--user", "giulia", "--out", copyPath); code != 1 || !strings.Contains(errw, "already exists") {
		t.Errorf("backup over an existing file: %d %q", code, errw)
	}
	if code, _, errw := sportello(t, "backup", "--db", db, "--user", "giulia"); code != 2 || !strings.Contains(errw, "--out") {
		t.Errorf("backup without --out: %d %q", code, errw)
	}
}

func TestBadDatabaseFilesGetAClearMessage(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte("shopping list: bread, milk\n"), 0o600)
	ro := filepath.Join(dir, "ro.db")
	sportello(t, "demo", "--db", ro, "--persons", "1")
	os.Chmod(ro, 0o400)
	for _, c := range []struct{ path, want string }{
		{junk, "key file"},
		{ro, "is read-only"},
	} {
		before, _ := os.ReadFile(c.path)
		code, _, errw := sportello(t, "check", "--db", c.path, "--user", "giulia")
		if code != 1 || !strings.Contains(errw, c.want) || strings.Contains(errw, "panic") {
			t.Errorf("check %s: %d %q, want %q", filepath.Base(c.path), code, errw, c.want)
		}
		after, _ := os.ReadFile(c.path)
		if !bytes.Equal(before, after) {
			t.Errorf("%s was changed", c.path)
		}
	}
}

func TestHelpAndUsage(t *testing.T) {
	for _, name := range []string{"demo", "find", "check", "backup", "version", "export", "import"} {
		code, out, _ := sportello(t, name, "--help")
		if code != 0 || !strings.Contains(out, "Usage: sportello "+name) {
			t.Errorf("%s --help: %d %q", name, code, out)
		}
	}
	if code, _, errw := sportello(t, "frobnicate"); code != 2 || !strings.Contains(errw, "Unknown command: frobnicate") {
		t.Errorf("unknown command: %d %q", code, errw)
	}
	if code, out, _ := sportello(t, "version"); code != 0 || !strings.HasPrefix(out, "sportello "+Version) {
		t.Errorf("version: %q", out)
	}
	if code, _, errw := sportello(t, "find", "--db", filepath.Join(t.TempDir(), "x.db"), "--user", "giulia"); code != 2 || errw == "" {
		t.Errorf("find without text: %d %q", code, errw)
	}
}

func TestCommandLineSpeaksItalian(t *testing.T) {
	t.Setenv("SPORTELLO_LANG", "it")
	var out, errw bytes.Buffer
	run([]string{"backup", "--db", "x.db"}, &out, &errw)
	if !strings.Contains(errw.String(), "Indicare il file") {
		t.Errorf("Italian message expected, got %q", errw.String())
	}
}

func TestDemoInterviewsHaveScreenings(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, errw := sportello(t, "demo", "--db", db, "--persons", "40"); code != 0 {
		t.Fatal(errw)
	}
	d, _, err := store.Unlock(db, store.Options{}, demo.Coordinator, demo.Password)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	ctx := context.Background()
	persons, _ := d.FindPersons(ctx, model.PersonFilter{Limit: 100})
	langs, screened, trafficking := map[string]bool{}, 0, 0
	for _, s := range persons {
		cases, _ := d.CasesOf(ctx, s.ID)
		ivs, _ := d.InterviewsOf(ctx, cases[0].ID)
		for _, iv := range ivs {
			rec, err := d.ScreeningOf(ctx, iv.ID)
			if err != nil {
				t.Fatal(err)
			}
			if iv.Status == model.InterviewCompleted && rec != nil {
				langs[iv.Language] = true
				screened++
				if rec.Result.Trafficking {
					trafficking++
				}
			}
		}
	}
	if len(langs) < 8 || screened < 40 || trafficking == 0 {
		t.Errorf("demo: %d screened interviews in %d languages, %d meeting the Delphi rule", screened, len(langs), trafficking)
	}
}

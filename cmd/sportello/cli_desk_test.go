package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"filippo.io/age"

	"sportello/model"
	"sportello/store"
)

func TestDemoNeverEntersARealDesk(t *testing.T) {
	dir := t.TempDir()
	if code, _, errw := sportello(t, "demo"); code != 2 || !strings.Contains(errw, "--db") {
		t.Errorf("demo without --db: %d %q", code, errw)
	}
	real := filepath.Join(dir, "real.db")
	d, _, err := store.Create(real, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
	before, _ := os.ReadFile(real)
	beforeKeys, _ := os.ReadFile(store.KeyPath(real))
	if code, _, errw := sportello(t, "demo", "--db", real, "--persons", "2"); code != 1 || !strings.Contains(errw, "not a demo database") {
		t.Errorf("demo into a real desk: %d %q", code, errw)
	}
	after, _ := os.ReadFile(real)
	afterKeys, _ := os.ReadFile(store.KeyPath(real))
	if !bytes.Equal(before, after) || !bytes.Equal(beforeKeys, afterKeys) {
		t.Error("the real desk was changed")
	}
	junk := filepath.Join(dir, "notes.txt")
	os.WriteFile(junk, []byte("not a database"), 0o600)
	if code, _, _ := sportello(t, "demo", "--db", junk); code != 1 {
		t.Errorf("demo into another file: %d", code)
	}
	demoDB := filepath.Join(dir, "demo.db")
	for i := 0; i < 2; i++ { // made, then added to
		if code, _, errw := sportello(t, "demo", "--db", demoDB, "--persons", "2"); code != 0 {
			t.Fatalf("demo run %d: %s", i, errw)
		}
	}
	if !store.IsDemoDesk(demoDB) {
		t.Error("the demo desk is not marked as such")
	}
}

func TestCommandsNeedALoginAndLeaveATrace(t *testing.T) {
	db := filepath.Join(t.TempDir(), "desk.db")
	sportello(t, "demo", "--db", db, "--persons", "3")
	if code, _, errw := sportello(t, "find", "--db", db, "pua"); code != 2 || !strings.Contains(errw, "--user") {
		t.Errorf("find without --user: %d %q", code, errw)
	}
	t.Setenv("SPORTELLO_PASSWORD", "not the password")
	for i, args := range [][]string{{"find", "pua"}, {"check"}, {"backup", "--out", filepath.Join(t.TempDir(), "b.db")},
		{"print intake", "--case", "PUA-2026-000001", "--out", filepath.Join(t.TempDir(), "i.pdf")}} {
		full := append(append(strings.Fields(args[0]), "--db", db, "--user", "marco"), args[1:]...)
		want := "Wrong username or password"
		if i >= 3 {
			want = "Too many wrong passwords for this account: wait 5 seconds"
		}
		if code, out, errw := sportello(t, full...); code != 1 || out != "" || !strings.Contains(errw, want) {
			t.Errorf("%s with a wrong password: %d %q %q", args[0], code, out, errw)
		}
	}
	t.Setenv("SPORTELLO_PASSWORD", "sportello-demo")
	if code, out, _ := sportello(t, "find", "--db", db, "--user", "elena", "pua"); code != 0 || strings.Count(out, "\n") != 3 {
		t.Fatalf("find as elena: %d %q", code, out)
	}
	// A mediator finds only the persons of the cases she is in the team of:
	// in the demo, those held in Arabic, Urdu or Farsi (one of these three).
	if code, out, _ := sportello(t, "find", "--db", db, "--user", "samira", "pua"); code != 0 || strings.Count(out, "\n") != 1 {
		t.Fatalf("find as samira: %d %q", code, out)
	}
	d, _, err := store.Unlock(db, store.Options{}, "giulia", "sportello-demo")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	trail, err := d.AuditTrail(context.Background(), "database", 0)
	if err != nil {
		t.Fatal(err)
	}
	samira, _ := d.OperatorByUsername(context.Background(), "samira")
	found := false
	for _, e := range trail {
		found = found || (e.Action == model.ActionCommand && e.OperatorID == samira.ID && e.Detail == "find pua")
	}
	if !found {
		t.Errorf("the search is not in the audit trail with samira: %+v", trail)
	}
}

// recoveryIn finds a recovery key in a command's output.
var recoveryIn = regexp.MustCompile(`[A-Z2-7]{4}(-[A-Z2-7]{4}){7}`)

func TestBackupBesideTheWindowRestoreRekeyRecover(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "desk.db")
	sportello(t, "demo", "--db", db, "--persons", "4")
	// The window has the desk open.
	window, _, err := store.Unlock(db, store.Options{}, "giulia", "sportello-demo")
	if err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(dir, "usb", "backup.db")
	os.MkdirAll(filepath.Dir(backup), 0o700)
	if code, out, errw := sportello(t, "backup", "--db", db, "--user", "giulia", "--out", backup); code != 0 || !strings.Contains(out, ".keys") {
		t.Fatalf("backup while the window is open: %d %q %q", code, out, errw)
	}
	for _, p := range []string{backup, store.KeyPath(backup)} {
		if st, err := os.Stat(p); err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v %v, want mode 0600", p, st.Mode().Perm(), err)
		}
	}
	if code, _, errw := sportello(t, "restore", "--db", db, "--user", "giulia", "--from", backup); code != 1 || !strings.Contains(errw, "already open") {
		t.Errorf("restore under the open window: %d %q", code, errw)
	}
	if err := window.CreatePerson(context.Background(), &model.Person{FamilyName: "Dopolabackup"}, 0); err != nil {
		t.Fatal(err)
	}
	window.Close()
	if code, out, errw := sportello(t, "restore", "--db", db, "--user", "marco", "--from", backup); code != 1 {
		t.Errorf("restore by an operator: %d %q %q", code, out, errw)
	}
	code, out, errw := sportello(t, "restore", "--db", db, "--user", "giulia", "--from", backup)
	if code != 0 || rows(out, "persons") != "4" {
		t.Fatalf("restore: %d %q %q", code, out, errw)
	}
	if _, out, _ := sportello(t, "find", "--db", db, "--user", "giulia", "dopolabackup"); out != "" {
		t.Errorf("the change after the backup survived the restore: %q", out)
	}

	// A new data key: the old sheet is useless, other accounts need a new password.
	code, out, errw = sportello(t, "rekey", "--db", db, "--user", "giulia")
	recovery := recoveryIn.FindString(out)
	if code != 0 || recovery == "" || !strings.Contains(errw, "marco") {
		t.Fatalf("rekey: %d %q %q", code, out, errw)
	}
	if code, _, _ := sportello(t, "find", "--db", db, "--user", "marco", "pua"); code != 1 {
		t.Error("marco's old password still opens the desk after the rekey")
	}
	t.Setenv("SPORTELLO_NEW_PASSWORD", "marco's new password")
	if code, _, errw := sportello(t, "password", "--db", db, "--user", "giulia", "--reset", "marco"); code != 0 {
		t.Fatalf("reset marco: %s", errw)
	}
	// Giulia forgets hers: the recovery key replaces it.
	t.Setenv("SPORTELLO_RECOVERY_KEY", strings.ToLower(recovery))
	t.Setenv("SPORTELLO_NEW_PASSWORD", "giulia remembers")
	if code, _, errw := sportello(t, "recover", "--db", db, "--user", "giulia"); code != 0 {
		t.Fatalf("recover: %s", errw)
	}
	t.Setenv("SPORTELLO_PASSWORD", "marco's new password")
	if code, out, _ := sportello(t, "find", "--db", db, "--user", "marco", "pua"); code != 0 || strings.Count(out, "\n") != 4 {
		t.Errorf("marco after the reset: %d %q", code, out)
	}
	t.Setenv("SPORTELLO_PASSWORD", "giulia remembers")
	if code, _, errw := sportello(t, "check", "--db", db, "--user", "giulia"); code != 0 {
		t.Errorf("giulia after recovery: %s", errw)
	}
}

// TestNothingReadableOnDisk runs a session at the desk from the command
// line (demo, search, backup, a full export to the region's key, a printed
// document) and then reads every file it wrote, the temporary folder too:
// no name, own-script name or case code of a person is in any of them,
// except the printed document, which is for the person.
func TestNothingReadableOnDisk(t *testing.T) {
	root := t.TempDir()
	tmp := filepath.Join(root, "tmp")
	os.MkdirAll(tmp, 0o700)
	t.Setenv("TMPDIR", tmp)
	db := filepath.Join(root, "desk", "desk.db")
	if code, _, errw := sportello(t, "demo", "--db", db, "--persons", "6"); code != 0 {
		t.Fatal(errw)
	}
	_, found, _ := sportello(t, "find", "--db", db, "--user", "giulia", "pua")
	secrets := []string{"Fictional demo note"} // an interview's note
	for _, line := range strings.Split(strings.TrimSpace(found), "\n") {
		f := strings.Split(line, "\t")
		secrets = append(secrets, f[0], f[1]) // case code, names
		if f[2] != "" {
			secrets = append(secrets, f[2]) // own-script name
		}
	}
	if len(secrets) < 12 {
		t.Fatalf("too few secrets to look for: %q", found)
	}
	id, _ := age.GenerateX25519Identity()
	out := filepath.Join(root, "out")
	os.MkdirAll(out, 0o700)
	steps := [][]string{
		{"backup", "--db", db, "--user", "giulia", "--out", filepath.Join(out, "backup.db")},
		{"export", "--db", db, "--user", "giulia", "--format", "json", "--recipient", id.Recipient().String(), "--out", filepath.Join(out, "region.json.age")},
		{"export", "--db", db, "--user", "giulia", "--format", "csv", "--recipient", id.Recipient().String(), "--out", filepath.Join(out, "region.zip.age")},
		{"check", "--db", db, "--user", "giulia"},
	}
	for _, s := range steps {
		if code, _, errw := sportello(t, s...); code != 0 {
			t.Fatalf("%s: %s", s[0], errw)
		}
	}
	files := 0
	filepath.WalkDir(root, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		files++
		b, _ := os.ReadFile(p)
		for _, s := range secrets {
			if bytes.Contains(b, []byte(s)) {
				t.Errorf("%s holds %q in plain text", p, s)
			}
		}
		if st, _ := os.Stat(p); st.Mode().Perm()&0o077 != 0 {
			t.Errorf("%s is readable by others: %v", p, st.Mode().Perm())
		}
		return nil
	})
	if files < 6 {
		t.Fatalf("only %d files looked at", files)
	}
}

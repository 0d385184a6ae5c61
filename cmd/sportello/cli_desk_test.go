package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

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
	for _, args := range [][]string{{"find", "pua"}, {"check"}, {"backup", "--out", filepath.Join(t.TempDir(), "b.db")},
		{"print intake", "--case", "PUA-2026-000001", "--out", filepath.Join(t.TempDir(), "i.pdf")}} {
		full := append(append(strings.Fields(args[0]), "--db", db, "--user", "giulia"), args[1:]...)
		if code, out, errw := sportello(t, full...); code != 1 || out != "" || !strings.Contains(errw, "Wrong username or password") {
			t.Errorf("%s with a wrong password: %d %q %q", args[0], code, out, errw)
		}
	}
	t.Setenv("SPORTELLO_PASSWORD", "sportello-demo")
	if code, out, _ := sportello(t, "find", "--db", db, "--user", "samira", "pua"); code != 0 || strings.Count(out, "\n") != 3 {
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

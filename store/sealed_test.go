package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sportello/model"
)

// secrets are recognisable pieces of a person's file: none may appear in
// any file Sportello writes.
var secrets = []string{"Okonkwotestperson", "زينب أوكونكوو", fiscalCodeOf(), "il caporale ci pagava tre euro"}

func fiscalCodeOf() string {
	cf, err := model.ComputeFiscalCode("Okonkwotestperson", "Zainab", model.SexFemale, 1985, 12, 1, "Z335")
	if err != nil {
		panic(err)
	}
	return cf
}

// seedSecrets registers a person with the secrets and an answer.
func seedSecrets(t *testing.T, d *DB) {
	t.Helper()
	ctx := context.Background()
	p := &model.Person{FamilyName: secrets[0], GivenNames: "Zainab", OwnScriptName: secrets[1], FiscalCode: secrets[2],
		Sex: model.SexFemale, BirthDate: model.PartialDate{Year: 1985, Month: 12, Day: 1}, BirthCountry: "NG"}
	if err := d.CreatePerson(ctx, p, 0); err != nil {
		t.Fatal(err)
	}
	cases, _ := d.CasesOf(ctx, p.ID)
	iv := &model.Interview{CaseID: cases[0].ID, Kind: model.InterviewIntake, Place: model.PlaceDesk}
	if err := d.StartInterview(ctx, iv, 0); err != nil {
		t.Fatal(err)
	}
	if err := d.SaveAnswer(ctx, iv.ID, "work.notes", secrets[3]); err != nil {
		t.Fatal(err)
	}
}

// assertNoSecrets reads every file in dir and fails on any secret found.
func assertNoSecrets(t *testing.T, dir string) {
	t.Helper()
	files := 0
	filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files++
		for _, s := range secrets {
			if bytes.Contains(b, []byte(s)) {
				t.Errorf("%s holds %q in plain text", p, s)
			}
		}
		return nil
	})
	if files == 0 {
		t.Fatalf("no file in %s to look at", dir)
	}
}

func cheap() Options { return Options{BusyTimeout: 200 * time.Millisecond, KDF: testKDF} }

func TestNothingReadableAtRest(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "desk", "sportello.db")
	d := openTest(t, path)
	seedSecrets(t, d)
	// While open: the database, its WAL and the key file.
	if st, err := os.Stat(path + "-wal"); err != nil || st.Size() == 0 {
		t.Fatalf("expected a WAL with the new pages: %v", err)
	}
	assertNoSecrets(t, filepath.Dir(path))
	backup := filepath.Join(dir, "usb", "backup.db")
	os.MkdirAll(filepath.Dir(backup), 0o700)
	if err := d.Backup(context.Background(), backup, 0); err != nil {
		t.Fatal(err)
	}
	assertNoSecrets(t, filepath.Dir(backup))
	d.Close()
	assertNoSecrets(t, dir)
	// The data is there all the same, for whoever holds the key.
	d = openTest(t, path)
	if n, _ := d.CountPersons(context.Background(), "okonkwo"); n != 1 {
		t.Fatalf("search finds %d persons, want 1", n)
	}
	for _, p := range []string{path, KeyPath(path), backup, KeyPath(backup)} {
		if st, err := os.Stat(p); err != nil || st.Mode().Perm()&0o077 != 0 {
			t.Errorf("%s is readable by others (%v)", p, err)
		}
	}
}

func TestPasswordsRecoveryAndSlots(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sportello.db")
	d := openTest(t, path)
	coord := &model.Operator{Username: "giulia", FullName: "Giulia", Role: model.RoleCoordinator}
	marco := &model.Operator{Username: "marco", FullName: "Marco", Role: model.RoleOperator}
	for _, o := range []*model.Operator{coord, marco} {
		if err := d.CreateOperator(ctx, o, "password-"+o.Username, 0); err != nil {
			t.Fatal(err)
		}
	}
	d.Close()
	// The pauses after wrong passwords are tested on their own: here each
	// try comes an hour after the one before.
	now := time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)
	old := clock
	clock = func() time.Time { now = now.Add(time.Hour); return now }
	t.Cleanup(func() { clock = old })
	unlock := func(user, pass string) error {
		d, _, err := Unlock(path, cheap(), user, pass)
		if err == nil {
			d.Close()
		}
		return err
	}
	wantProblem := func(err error, p OpenProblem) {
		t.Helper()
		var oe *OpenError
		if !errors.As(err, &oe) || oe.Problem != p {
			t.Fatalf("got %v, want %s", err, p)
		}
	}
	if err := unlock("marco", "password-marco"); err != nil {
		t.Fatal(err)
	}
	wantProblem(unlock("marco", "password-giulia"), ProblemWrongKey)
	wantProblem(unlock("nobody", "password-marco"), ProblemWrongKey)

	// Marco changes his password: only his slot changes.
	d, op, err := Unlock(path, cheap(), "giulia", "password-giulia")
	if err != nil || !op.IsCoordinator() {
		t.Fatal(op, err)
	}
	if err := d.ChangePassword(ctx, "marco", "password-marco", "a new one for marco"); err != nil {
		t.Fatal(err)
	}
	// A coordinator deactivates him: his slot goes.
	if err := d.Deactivate(ctx, "marco", op); err != nil {
		t.Fatal(err)
	}
	if err := d.Deactivate(ctx, "giulia", op); err == nil {
		t.Error("a coordinator deactivated their own account")
	}
	d.Close()
	wantProblem(unlock("marco", "password-marco"), ProblemWrongKey)
	wantProblem(unlock("marco", "a new one for marco"), ProblemWrongKey)
	if err := unlock("giulia", "password-giulia"); err != nil {
		t.Fatal(err)
	}

	// The coordinator forgets her password: the recovery key replaces it.
	recovery, _ := recoveryKeys.Load(path)
	_, err = UnlockRecovery(path, cheap(), "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
	wantProblem(err, ProblemWrongKey)
	typed := " " + string(bytes.ToLower([]byte(recovery.(string)))) + " " // as typed from paper
	d, err = UnlockRecovery(path, cheap(), typed)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.ResetPassword(ctx, "marco", "should not work", nil); err == nil {
		t.Error("the recovery key reset an operator's password")
	}
	if err := d.ResetPassword(ctx, "giulia", "remembered at last", nil); err != nil {
		t.Fatal(err)
	}
	d.Close()
	wantProblem(unlock("giulia", "password-giulia"), ProblemWrongKey)
	d, op, err = Unlock(path, cheap(), "giulia", "remembered at last")
	if err != nil {
		t.Fatal(err)
	}
	// She gives Marco a new password: he is back, with a slot.
	if err := d.ResetPassword(ctx, "marco", "temporary-marco", op); err != nil {
		t.Fatal(err)
	}
	d.Close()
	if err := unlock("marco", "temporary-marco"); err != nil {
		t.Fatal(err)
	}
	// The key file names no account.
	kf, _ := os.ReadFile(KeyPath(path))
	for _, s := range []string{"giulia", "marco", "Giulia"} {
		if bytes.Contains(kf, []byte(s)) {
			t.Errorf("the key file names %q", s)
		}
	}
}

func TestRekey(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sportello.db")
	d := openTest(t, path)
	seedSecrets(t, d)
	for _, o := range []*model.Operator{{Username: "giulia", FullName: "G", Role: model.RoleCoordinator},
		{Username: "samira", FullName: "S", Role: model.RoleMediator}} {
		if err := d.CreateOperator(ctx, o, "password-"+o.Username, 0); err != nil {
			t.Fatal(err)
		}
	}
	d.Close()
	before, _ := os.ReadFile(path)
	if _, err := Rekey(path, cheap(), "samira", "password-samira"); model.ErrorCode(err) != model.ErrPermission {
		t.Fatalf("a mediator rekeyed: %v", err)
	}
	recovery, err := Rekey(path, cheap(), "giulia", "password-giulia")
	if err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(path)
	if bytes.Equal(before[:4096], after[:4096]) {
		t.Error("the first page reads the same: the store was not re-encrypted")
	}
	old, _ := recoveryKeys.Load(path)
	if _, err := UnlockRecovery(path, cheap(), old.(string)); err == nil {
		t.Error("the old recovery key still opens the desk")
	}
	d, err = UnlockRecovery(path, cheap(), recovery)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := d.CountPersons(ctx, "okonkwo"); n != 1 {
		t.Errorf("after rekey search finds %d, want 1", n)
	}
	missing, _ := d.AccountsWithoutKey(ctx)
	if len(missing) != 1 || missing[0] != "samira" {
		t.Errorf("accounts without key = %v, want [samira]", missing)
	}
	d.Close()
	if d, _, err := Unlock(path, cheap(), "giulia", "password-giulia"); err != nil {
		t.Fatal(err)
	} else {
		d.Close()
	}
	assertNoSecrets(t, filepath.Dir(path))
}

func TestSealAPlainDatabase(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "sportello.db")
	// A database as the previous version wrote it: plain.
	plain, err := open(path, nil, "", cheap())
	if err != nil {
		t.Fatal(err)
	}
	plain.KDF = testKDF
	seedSecrets(t, plain)
	for _, o := range []*model.Operator{{Username: "giulia", FullName: "G", Role: model.RoleCoordinator},
		{Username: "marco", FullName: "M", Role: model.RoleOperator}} {
		if err := plain.CreateOperator(ctx, o, "password-"+o.Username, 0); err != nil {
			t.Fatal(err)
		}
	}
	plain.Close()
	if b, _ := os.ReadFile(path); !bytes.Contains(b, []byte(secrets[0])) {
		t.Fatal("the plain database should hold the name in plain text")
	}
	if State(path) != DeskPlaintext {
		t.Fatalf("state %v, want plaintext", State(path))
	}
	if _, _, err := Unlock(path, cheap(), "giulia", "password-giulia"); !isProblem(err, ProblemPlaintext) {
		t.Fatalf("Unlock on a plain database: %v", err)
	}
	if _, _, _, err := Seal(path, cheap(), "marco", "password-marco"); !isProblem(err, ProblemPlaintext) {
		t.Fatalf("an operator sealed the desk: %v", err)
	}
	d, op, recovery, err := Seal(path, cheap(), "giulia", "password-giulia")
	if err != nil {
		t.Fatal(err)
	}
	if op.Username != "giulia" || recovery == "" {
		t.Fatal(op, recovery)
	}
	if n, _ := d.CountPersons(ctx, "okonkwo"); n != 1 {
		t.Errorf("after sealing search finds %d, want 1", n)
	}
	missing, _ := d.AccountsWithoutKey(ctx)
	if len(missing) != 1 || missing[0] != "marco" {
		t.Errorf("accounts without key = %v, want [marco]", missing)
	}
	d.Close()
	assertNoSecrets(t, dir)
	if State(path) != DeskSealed {
		t.Errorf("state %v, want sealed", State(path))
	}
	d, err = UnlockRecovery(path, cheap(), recovery)
	if err != nil {
		t.Fatal(err)
	}
	d.Close()
}

func isProblem(err error, p OpenProblem) bool {
	var oe *OpenError
	return errors.As(err, &oe) && oe.Problem == p
}

func TestRestoreDrill(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "desk", "sportello.db")
	d := openTest(t, path)
	coord := &model.Operator{Username: "giulia", FullName: "G", Role: model.RoleCoordinator}
	if err := d.CreateOperator(ctx, coord, "password-giulia", 0); err != nil {
		t.Fatal(err)
	}
	if err := d.CreateOperator(ctx, &model.Operator{Username: "marco", FullName: "M", Role: model.RoleOperator}, "password-marco", 0); err != nil {
		t.Fatal(err)
	}
	seedSecrets(t, d)
	// The backup is taken while the desk is open, by a second opening
	// beside it (the command line while the window runs).
	second, _, err := Unlock(path, Options{Shared: true, KDF: testKDF}, "giulia", "password-giulia")
	if err != nil {
		t.Fatalf("a shared opening beside the window: %v", err)
	}
	backup := filepath.Join(dir, "backup.db")
	if err := second.Backup(ctx, backup, coord.ID); err != nil {
		t.Fatal(err)
	}
	second.Close()
	want, _, _ := d.Check(ctx)
	// A change after the backup.
	if err := d.CreatePerson(ctx, &model.Person{FamilyName: "Dopo"}, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := Restore(ctx, path, backup, cheap(), Credentials{Username: "giulia", Password: "password-giulia"}); !isProblem(err, ProblemInUse) {
		t.Fatalf("restore over an open desk: %v", err)
	}
	d.Close()
	if _, err := Restore(ctx, path, backup, cheap(), Credentials{Username: "marco", Password: "password-marco"}); model.ErrorCode(err) != model.ErrPermission {
		t.Fatalf("an operator restored: %v", err)
	}
	if _, err := Restore(ctx, path, backup, cheap(), Credentials{Username: "giulia", Password: "wrong"}); !isProblem(err, ProblemWrongKey) {
		t.Fatalf("a wrong password restored: %v", err)
	}
	other := filepath.Join(dir, "other", "sportello.db")
	openTest(t, other).Close()
	if _, err := Restore(ctx, other, backup, cheap(), Credentials{Username: "giulia", Password: "password-giulia"}); !isProblem(err, ProblemKeyMismatch) {
		t.Fatalf("a backup restored over another desk: %v", err)
	}
	res, err := Restore(ctx, path, backup, cheap(), Credentials{Username: "giulia", Password: "password-giulia"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(res.Replaced); err != nil {
		t.Errorf("the replaced database was not kept: %v", err)
	}
	d, _, err = Unlock(path, cheap(), "giulia", "password-giulia")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if n, _ := d.CountPersons(ctx, "dopo"); n != 0 {
		t.Error("the change made after the backup is still there")
	}
	got, _, _ := d.Check(ctx)
	counts := map[string]int{}
	for _, c := range got {
		counts[c.Table] = c.Rows
	}
	// Every count equals the backup's (the trail and its chain have the
	// login since).
	for _, list := range [][]TableCount{want, res.Counts} {
		for _, c := range list {
			if !strings.HasPrefix(c.Table, "audit_") && counts[c.Table] != c.Rows {
				t.Errorf("%s: %d rows after restore, %d in the backup", c.Table, counts[c.Table], c.Rows)
			}
		}
	}
}

func TestRolesChangeButTheLastCoordinatorStays(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	giulia := &model.Operator{Username: "giulia", FullName: "G", Role: model.RoleCoordinator}
	marco := &model.Operator{Username: "marco", FullName: "M", Role: model.RoleOperator}
	for _, o := range []*model.Operator{giulia, marco} {
		if err := d.CreateOperator(ctx, o, "password-"+o.Username, 0); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.SetRole(ctx, "giulia", model.RoleOperator, marco); model.ErrorCode(err) != model.ErrPermission {
		t.Errorf("an operator changed a role: %v", err)
	}
	if err := d.SetRole(ctx, "giulia", model.RoleOperator, giulia); model.ErrorCode(err) != model.ErrInvalid {
		t.Errorf("the last coordinator stepped down: %v", err)
	}
	if err := d.SetRole(ctx, "marco", model.Role("king"), giulia); err == nil {
		t.Error("a role that does not exist was given")
	}
	if err := d.SetRole(ctx, "marco", model.RoleCoordinator, giulia); err != nil {
		t.Fatal(err)
	}
	// Two coordinators now: either may step down, not both.
	if err := d.SetRole(ctx, "giulia", model.RoleLegalAdviser, giulia); err != nil {
		t.Fatal(err)
	}
	marcoNow, _ := d.OperatorByUsername(ctx, "marco")
	if err := d.Deactivate(ctx, "marco", marcoNow); err == nil {
		t.Error("the last coordinator deactivated themself")
	}
	if err := d.SetRole(ctx, "marco", model.RoleOperator, marcoNow); model.ErrorCode(err) != model.ErrInvalid {
		t.Errorf("the last coordinator stepped down: %v", err)
	}
	if err := d.SetOperatorLanguage(ctx, marcoNow.ID, "en"); err != nil {
		t.Fatal(err)
	}
	if lang, _ := d.OperatorLanguage(ctx, marcoNow.ID); lang != "en" {
		t.Errorf("marco's language: %q", lang)
	}
	if lang, _ := d.OperatorLanguage(ctx, giulia.ID); lang != "" {
		t.Errorf("giulia's language: %q, want none", lang)
	}
}

package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sportello/model"
	"sportello/store"
)

// newSealedApp is the window as `sportello` opens it: on a desk that is
// read only once an operator signs in.
func newSealedApp(t *testing.T, path string) *App {
	t.Helper()
	a := test.NewTempApp(t)
	cfg, _ := LoadConfig(filepath.Join(filepath.Dir(path), "config.json"))
	u := NewSealed(a, NewDesk(path, store.Options{KDF: testKDF, BusyTimeout: 100 * time.Millisecond}), cfg)
	u.sync = true
	u.win.Resize(fyne.NewSize(1200, 800))
	t.Cleanup(func() {
		if u.db != nil {
			u.db.Close()
		}
	})
	return u
}

// shownKey is the recovery key on the screen, if one is shown.
func shownKey(u *App) string {
	for _, o := range objects(u) {
		if l, ok := o.(*widget.Label); ok && len(l.Text) == 39 && strings.Count(l.Text, "-") == 7 {
			return l.Text
		}
	}
	return ""
}

func TestSealedDeskFromFirstStartToRecovery(t *testing.T) {
	path := filepath.Join(t.TempDir(), "desk", DBFile)
	u := newSealedApp(t, path)
	u.Start()
	typeInto(t, u, u.t("setup.username"), "giulia")
	typeInto(t, u, u.t("setup.full_name"), "Giulia Ferrante")
	typeInto(t, u, u.t("setup.password"), "una password lunga")
	typeInto(t, u, u.t("setup.confirm"), "una password lunga")
	test.Tap(button(t, u, u.t("setup.create")))

	// The recovery key is shown once; going on needs a tick.
	key := shownKey(u)
	if key == "" {
		t.Fatalf("no recovery key after the first start:\n%s", texts(u))
	}
	next := button(t, u, u.t("recovery_screen.continue"))
	if !next.Disabled() {
		t.Fatal("one can go on without saying the key is kept")
	}
	for _, o := range objects(u) {
		if c, ok := o.(*widget.Check); ok {
			test.Tap(c)
		}
	}
	test.Tap(next)
	if u.op == nil || u.op.Username != "giulia" {
		t.Fatal("not signed in after the recovery key")
	}
	if err := u.db.CreatePerson(context.Background(), &model.Person{FamilyName: "Okonkwotestperson", GivenNames: "Zainab"}, u.op.ID); err != nil {
		t.Fatal(err)
	}
	// Signing out backs up (a folder is set) and closes the store: the next
	// operator unlocks it.
	usb := filepath.Join(t.TempDir(), "usb")
	os.MkdirAll(usb, 0o700)
	u.settings[settingBackupDir] = usb
	test.Tap(button(t, u, u.t("home.sign_out")))
	if names, _ := filepath.Glob(filepath.Join(usb, "sportello-*.db")); len(names) != 1 {
		t.Errorf("backups after signing out: %v", names)
	}
	if u.db != nil {
		t.Fatal("the store stays open after signing out")
	}
	for _, p := range []string{path, path + "-wal", store.KeyPath(path)} {
		if b, err := os.ReadFile(p); err == nil && bytes.Contains(b, []byte("Okonkwotestperson")) {
			t.Errorf("%s holds a name in plain text", p)
		}
	}
	typeInto(t, u, u.t("login.username"), "giulia")
	typeInto(t, u, u.t("login.password"), "not her password")
	test.Tap(button(t, u, u.t("login.sign_in")))
	if u.op != nil || u.db != nil || !strings.Contains(texts(u), u.t("open.wrong_key")) {
		t.Fatalf("a wrong password: signed in %v, screen:\n%s", u.op, texts(u))
	}

	// She has forgotten it: the recovery key from the safe sets a new one.
	test.Tap(button(t, u, u.t("login.forgot")))
	typeInto(t, u, u.t("recover.key"), strings.ToLower(key))
	typeInto(t, u, u.t("recover.username"), "giulia")
	typeInto(t, u, u.t("setup.password"), "ricordata finalmente")
	typeInto(t, u, u.t("setup.confirm"), "ricordata finalmente")
	test.Tap(button(t, u, u.t("recover.submit")))
	if u.op == nil || u.op.Username != "giulia" {
		t.Fatalf("the recovery key did not open the desk:\n%s", texts(u))
	}
	if n, _ := u.db.CountPersons(context.Background(), "okonkwo"); n != 1 {
		t.Error("the data is not there after recovery")
	}
}

func TestDemoDeskShowsItsBand(t *testing.T) {
	path := filepath.Join(t.TempDir(), DBFile)
	d, _, err := store.Create(path, store.Options{KDF: testKDF, Demo: true})
	if err != nil {
		t.Fatal(err)
	}
	op := &model.Operator{Username: "giulia", FullName: "Giulia", Role: model.RoleCoordinator}
	if err := d.CreateOperator(context.Background(), op, "sportello-demo", 0); err != nil {
		t.Fatal(err)
	}
	d.Close()
	u := newSealedApp(t, path)
	u.Start()
	typeInto(t, u, u.t("login.username"), "giulia")
	typeInto(t, u, u.t("login.password"), "sportello-demo")
	test.Tap(button(t, u, u.t("login.sign_in")))
	band := strings.ToUpper(u.t("demo.band"))
	if !strings.Contains(texts(u), band) {
		t.Fatalf("no demo band on the main screen:\n%s", texts(u))
	}
	test.Tap(button(t, u, u.t("home.settings")))
	if !strings.Contains(texts(u), band) {
		t.Error("no demo band in Settings")
	}
}

func TestAutomaticBackupKeepsTheLastN(t *testing.T) {
	u, db, _ := signedInApp(t)
	dir := filepath.Join(t.TempDir(), "usb")
	os.MkdirAll(dir, 0o700)
	u.settings[settingBackupDir] = dir
	u.settings[settingBackupKeep] = "2"
	start := time.Date(2026, 12, 5, 18, 0, 0, 0, time.UTC)
	for i := 0; i < 3; i++ {
		if _, err := u.autoBackup(dir, start.Add(time.Duration(i)*time.Minute)); err != nil {
			t.Fatal(err)
		}
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*"))
	want := []string{"sportello-20261205-180100.db", "sportello-20261205-180100.db.keys",
		"sportello-20261205-180200.db", "sportello-20261205-180200.db.keys"}
	var got []string
	for _, n := range names {
		got = append(got, filepath.Base(n))
		if st, _ := os.Stat(n); st.Mode().Perm()&0o077 != 0 {
			t.Errorf("%s is readable by others", n)
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("backups kept: %v, want %v", got, want)
	}
	// A stick that is not plugged in: no backup, no error shown.
	if out, _ := u.autoBackup(filepath.Join(dir, "absent"), start); out != "" {
		t.Error("a backup went to a folder that is not there")
	}
	_ = db
}

func TestClosingTheWindowBacksUp(t *testing.T) {
	u, _, _ := signedInApp(t)
	dir := filepath.Join(t.TempDir(), "usb")
	os.MkdirAll(dir, 0o700)
	u.settings[settingBackupDir] = dir
	u.win.Close()
	names, _ := filepath.Glob(filepath.Join(dir, "sportello-*.db"))
	if len(names) != 1 {
		t.Fatalf("backups after closing the window: %v", names)
	}
	if _, err := os.Stat(store.KeyPath(names[0])); err != nil {
		t.Errorf("the backup has no key file: %v", err)
	}
}

func TestLoginSlowsDownAfterWrongPasswords(t *testing.T) {
	path := filepath.Join(t.TempDir(), DBFile)
	d, _, err := store.Create(path, store.Options{KDF: testKDF})
	if err != nil {
		t.Fatal(err)
	}
	op := &model.Operator{Username: "marco", FullName: "Marco", Role: model.RoleOperator}
	if err := d.CreateOperator(context.Background(), op, "the right password", 0); err != nil {
		t.Fatal(err)
	}
	d.Close()
	u := newSealedApp(t, path)
	u.Start()
	for i := 0; i < 4; i++ {
		entry(t, u, u.t("login.username")).SetText("marco")
		entry(t, u, u.t("login.password")).SetText("a guess")
		test.Tap(button(t, u, u.t("login.sign_in")))
	}
	if !strings.Contains(texts(u), strings.Split(u.t("open.throttled"), ":")[0]) {
		t.Fatalf("no pause after four wrong passwords:\n%s", texts(u))
	}
	entry(t, u, u.t("login.password")).SetText("the right password")
	test.Tap(button(t, u, u.t("login.sign_in")))
	if u.op != nil {
		t.Error("the right password got in during the pause")
	}
}

func TestCoordinatorSeesWhoOpenedAFile(t *testing.T) {
	u, db, giulia := signedInApp(t)
	p := &model.Person{FamilyName: "Tesfaye", GivenNames: "Yonas"}
	if err := db.CreatePerson(context.Background(), p, giulia.ID); err != nil {
		t.Fatal(err)
	}
	marco := &model.Operator{Username: "marco", FullName: "Marco Albani", Role: model.RoleOperator}
	if err := db.CreateOperator(context.Background(), marco, "marco-password", giulia.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.RecordView(context.Background(), marco.ID, p.ID); err != nil {
		t.Fatal(err)
	}
	u.home.list.reload()
	openRow(t, u, "TESFAYE Yonas")
	screen := texts(u)
	if !strings.Contains(screen, u.t("access.title")) || !strings.Contains(screen, "Marco Albani · "+u.t("access.view")) {
		t.Fatalf("the coordinator does not see who opened the file:\n%s", screen)
	}
	// An operator does not read the audit trail.
	test.Tap(button(t, u, u.t("home.sign_out")))
	typeInto(t, u, u.t("login.username"), "marco")
	typeInto(t, u, u.t("login.password"), "marco-password")
	test.Tap(button(t, u, u.t("login.sign_in")))
	openRow(t, u, "TESFAYE Yonas")
	if strings.Contains(texts(u), u.t("access.title")) {
		t.Error("an operator sees the accesses to a file")
	}
}

func TestRetentionPeriodForCoordinators(t *testing.T) {
	u, db, giulia := signedInApp(t)
	ctx := context.Background()
	p := &model.Person{FamilyName: "Kovalenko", GivenNames: "Olena"}
	if err := db.CreatePerson(ctx, p, giulia.ID); err != nil {
		t.Fatal(err)
	}
	closed := testNow.AddDate(-6, 0, 0)
	c := &model.Case{PersonID: p.ID, OpenedAt: closed.AddDate(0, -3, 0), ClosedAt: closed,
		Status: model.CaseClosed, Priority: model.PriorityNormal}
	if err := db.CreateCase(ctx, c, giulia.ID); err != nil {
		t.Fatal(err)
	}
	test.Tap(button(t, u, u.t("home.settings")))
	typeInto(t, u, u.t("settings.retention_years"), "cinque")
	test.Tap(button(t, u, u.t("settings.save")))
	if got := fieldError(t, u, u.t("settings.retention_years")); got != u.t("error.invalid") {
		t.Fatalf("a retention of %q: error %q", "cinque", got)
	}
	entry(t, u, u.t("settings.retention_years")).SetText("")
	typeInto(t, u, u.t("settings.retention_years"), "5")
	test.Tap(button(t, u, u.t("settings.save")))
	if v, _ := db.Setting(ctx, model.SettingRetentionYears); v != "5" {
		t.Fatalf("retention saved as %q", v)
	}
	title := u.N("today.retention", 1)
	test.Tap(button(t, u, u.t("home.today")))
	if !strings.Contains(texts(u), title) {
		t.Fatalf("the coordinator's Today has no retention review:\n%s", texts(u))
	}
	marco := &model.Operator{Username: "marco", FullName: "Marco Albani", Role: model.RoleOperator}
	if err := db.CreateOperator(ctx, marco, "marco-password", giulia.ID); err != nil {
		t.Fatal(err)
	}
	test.Tap(button(t, u, u.t("home.sign_out")))
	typeInto(t, u, u.t("login.username"), "marco")
	typeInto(t, u, u.t("login.password"), "marco-password")
	test.Tap(button(t, u, u.t("login.sign_in")))
	if strings.Contains(texts(u), title) {
		t.Error("an operator's Today lists the retention review")
	}
}

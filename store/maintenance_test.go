package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"sportello/model"
)

func TestBackupIsACompleteCopy(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	for i := 0; i < 20; i++ {
		if err := d.CreatePerson(ctx, &model.Person{FamilyName: "Diallo", GivenNames: "Awa"}, 0); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "copy.db")
	if err := d.Backup(ctx, out, 0); err != nil {
		t.Fatal(err)
	}
	if err := d.Backup(ctx, out, 0); err == nil {
		t.Error("a second backup overwrote the first")
	}
	for _, p := range []string{out, KeyPath(out)} {
		if st, err := os.Stat(p); err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, %v; want 0600", p, st.Mode().Perm(), err)
		}
	}
	recovery, _ := recoveryKeys.Load(d.Path())
	copyDB, err := UnlockRecovery(out, Options{BusyTimeout: 100 * time.Millisecond, KDF: testKDF}, recovery.(string))
	if err != nil {
		t.Fatal(err)
	}
	defer copyDB.Close()
	n, _ := copyDB.CountPersons(ctx, "diallo")
	if n != 20 {
		t.Errorf("backup has %d persons, want 20", n)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	for _, e := range entries {
		switch e.Name() {
		case "copy.db", "copy.db-wal", "copy.db-shm", "copy.db.keys", "copy.db.lock":
		default:
			t.Errorf("left %s behind", e.Name())
		}
	}
}

func TestCheck(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	diallo := &model.Person{FamilyName: "Diallo"}
	if err := d.CreatePerson(ctx, diallo, 0); err != nil {
		t.Fatal(err)
	}
	counts, problems, err := d.Check(ctx)
	if err != nil || len(problems) != 0 {
		t.Fatalf("Check on a sound database: %v %v", problems, err)
	}
	got := map[string]int{}
	for _, c := range counts {
		got[c.Table] = c.Rows
	}
	want := map[string]int{"persons": 1, "cases": 1, "audit_events": 2, "operators": 0, "interviews": 0,
		"answers": 0, "settings": 2, "audit_chain": 2, "case_team": 0, "screenings": 0, "services": 1, "plans": 0, "plan_goals": 0,
		"plan_actions": 0, "plan_budget": 0, "consents": 0, "referrals": 0,
		"activities": 0, "changes": 3, "conflicts": 0, "desks": 0, "exports": 0, "imports": 0, "sync_base": 0,
		"merge_quiet": 0, "skills_profiles": 0, "employers": 0, "employer_flags": 0, "vacancies": 0, "ccnl_levels": 0,
		"proposals": 0, "internships": 0, "internship_attendance": 0, "enterprises": 0, "enterprise_steps": 0,
		"enterprise_funding": 0, "match_generation": 1, "case_closures": 0, "skills_facts": 0, "person_facts": 0,
		"person_keys": len(model.DedupKeys(model.DedupOf(diallo))), "not_duplicates": 0, "person_merges": 0, "person_merging": 0,
		"text_corrections": 0, "text_reviews": 0, "desk_languages": 0, "plan_reviews": 0}
	for table, n := range want {
		if got[table] != n {
			t.Errorf("%s: %d rows, want %d", table, got[table], n)
		}
	}
	if len(got) != len(want) {
		t.Errorf("tables %v", got)
	}
	// A row pointing nowhere is a problem.
	d.db.Exec("PRAGMA foreign_keys = OFF")
	d.db.Exec("INSERT INTO cases (uid, person_id, opened_at, status, priority) VALUES ('dangling', 999, 'x', 'open', 'normal')")
	d.db.Exec("PRAGMA foreign_keys = ON")
	if _, problems, _ := d.Check(ctx); len(problems) == 0 {
		t.Error("a dangling case was not reported")
	}
}

func TestBackupRemovesWhatACrashLeft(t *testing.T) {
	d := newTestDB(t)
	dir := t.TempDir()
	stale := filepath.Join(dir, backupPrefix+"killed")
	fresh := filepath.Join(dir, backupPrefix+"running")
	for _, p := range []string{stale, fresh} {
		os.WriteFile(p, []byte("half a backup"), 0o600)
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(stale, old, old)
	if err := d.Backup(context.Background(), filepath.Join(dir, "b.db"), 0); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("a backup left by a crash is still there")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a backup being written by another process was removed")
	}
}

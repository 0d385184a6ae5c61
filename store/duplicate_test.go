package store

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"sportello/model"
)

// dupPerson registers a person with the names, birth date and phone.
func dupPerson(t *testing.T, d *DB, family, given, own string, birth model.PartialDate, phone string) *model.Person {
	t.Helper()
	p := &model.Person{FamilyName: family, GivenNames: given, OwnScriptName: own, BirthDate: birth, Phone: phone,
		Sex: model.SexMale}
	must(t, d.CreatePerson(context.Background(), p, 0))
	return p
}

// TestDuplicateCandidates registers a returning man under another spelling
// and with day and month swapped: his first file is proposed, with its
// reasons; once the operator says they are two persons it is not again; a
// mediator (who does not register persons) may not look.
func TestDuplicateCandidates(t *testing.T) {
	d := newTestDB(t)
	ctx := context.Background()
	first := dupPerson(t, d, "Rahman", "Mohammed", "محمد رحمن", pdate(1990, 3, 1), "3330001111")
	dupPerson(t, d, "Kaur", "Harpreet", "", pdate(1995, 7, 7), "")
	dupPerson(t, d, "Rahman", "Abdul", "", pdate(1971, 11, 20), "3330001111") // his uncle, same phone
	draft := &model.Person{FamilyName: "Rehman", GivenNames: "Muhammad", BirthDate: pdate(1990, 1, 3), Sex: model.SexMale}
	got, err := d.DuplicateCandidates(ctx, draft, 5)
	must(t, err)
	if len(got) != 1 || got[0].Person.ID != first.ID {
		t.Fatalf("candidates %+v, want only %s", got, first.CaseCode)
	}
	if len(got[0].Match.Reasons) == 0 || got[0].Person.CaseCode != first.CaseCode {
		t.Errorf("the candidate comes without its reasons or case code: %+v", got[0])
	}
	second := dupPerson(t, d, "Rehman", "Muhammad", "", pdate(1990, 1, 3), "")
	got, err = d.DuplicateCandidates(ctx, second, 5)
	must(t, err)
	if len(got) != 1 || got[0].Person.ID != first.ID {
		t.Fatalf("candidates of the second file %+v", got)
	}
	must(t, d.NotSamePerson(ctx, second.ID, first.ID, 0))
	if got, err = d.DuplicateCandidates(ctx, second, 5); err != nil || len(got) != 0 {
		t.Errorf("a pair said apart is proposed again: %+v %v", got, err)
	}
	med := fixtureOperator(t, d, "med", model.RoleMediator)
	if _, err := d.As(med).DuplicateCandidates(ctx, draft, 5); !refused(t, err) {
		t.Error("a mediator looked for duplicates")
	}
	if err := d.As(med).NotSamePerson(ctx, first.ID, second.ID, med.ID); !refused(t, err) {
		t.Error("a mediator said two files apart")
	}
}

// TestDuplicatePairs lists the desk's likely pairs for the coordinator
// only, and leaves out a pair said apart.
func TestDuplicatePairs(t *testing.T) {
	d := newTestDB(t)
	ctx := context.Background()
	a := dupPerson(t, d, "Rahman", "Mohammed", "", pdate(1990, 3, 1), "")
	b := dupPerson(t, d, "Rehman", "Muhammad", "محمد رحمن", pdate(1990, 3, 1), "")
	c := dupPerson(t, d, "Singh", "Gurpreet", "", pdate(1988, 5, 12), "")
	e := dupPerson(t, d, "Sing", "Gurpreet", "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ", pdate(1988, 12, 5), "")
	dupPerson(t, d, "Singh", "Harjit", "", pdate(1979, 2, 2), "")
	var steps []int
	pairs, err := d.DuplicatePairs(ctx, func(done, total int) { steps = append(steps, done) })
	must(t, err)
	var got [][2]int64
	for _, p := range pairs {
		got = append(got, [2]int64{p.A.ID, p.B.ID})
	}
	want := [][2]int64{{a.ID, b.ID}, {c.ID, e.ID}}
	slices.SortFunc(got, func(x, y [2]int64) int { return int(x[0] - y[0]) })
	if !slices.Equal(got, want) {
		t.Errorf("pairs %v, want %v", got, want)
	}
	if len(steps) == 0 {
		t.Error("no progress told")
	}
	must(t, d.NotSamePerson(ctx, a.ID, b.ID, 0))
	pairs, err = d.DuplicatePairs(ctx, nil)
	must(t, err)
	if len(pairs) != 1 || pairs[0].A.ID != c.ID {
		t.Errorf("after a pair said apart: %+v", pairs)
	}
	op := fixtureOperator(t, d, "op", model.RoleOperator)
	if _, err := d.As(op).DuplicatePairs(ctx, nil); !refused(t, err) {
		t.Error("an operator listed the desk's duplicates")
	}
}

// TestDuplicatePairsPastACommonName: a name and birth year held by more
// than maxBlock persons are not compared under those keys, but two of them
// who share a phone are, and the keys after the common ones are read
// (the reading starts again past each): the pairs found there are listed,
// each once, and the progress reaches every key.
func TestDuplicatePairsPastACommonName(t *testing.T) {
	d := newTestDB(t)
	ctx := context.Background()
	var namesakes []*model.Person
	for i := range maxBlock + 2 {
		phone := fmt.Sprintf("33380%05d", i)
		if i == 10 || i == 40 {
			phone = "3339990000"
		}
		namesakes = append(namesakes, dupPerson(t, d, "Diallo", "Mamadou", "", pdate(1990, 3, 1), phone))
	}
	a := dupPerson(t, d, "Rahman", "Mohammed", "", pdate(1991, 3, 1), "")
	b := dupPerson(t, d, "Rehman", "Muhammad", "", pdate(1991, 3, 1), "")
	var last, total int
	pairs, err := d.DuplicatePairs(ctx, func(done, all int) { last, total = done, all })
	must(t, err)
	var got [][2]int64
	for _, p := range pairs {
		got = append(got, [2]int64{p.A.ID, p.B.ID})
	}
	slices.SortFunc(got, func(x, y [2]int64) int { return int(x[0] - y[0]) })
	want := [][2]int64{{namesakes[10].ID, namesakes[40].ID}, {a.ID, b.ID}}
	if !slices.Equal(got, want) {
		t.Errorf("pairs %v, want %v", got, want)
	}
	var keys int
	must(t, d.db.QueryRowContext(ctx, "SELECT count(*) FROM person_keys").Scan(&keys))
	if last != keys || total != keys {
		t.Errorf("progress ended at %d of %d, want %d of %d", last, total, keys, keys)
	}
}

// TestMergePersons merges two files of one man: everything of the second
// (case, consent with its scan, skills profile version) is on the first,
// the second's names, phone and case code are aliases, the second is gone
// and the merge is recorded and audited. Only the coordinator may; an
// erased file cannot be merged.
func TestMergePersons(t *testing.T) {
	d := newTestDB(t)
	ctx := context.Background()
	keep := dupPerson(t, d, "Rahman", "Mohammed", "", pdate(1990, 3, 1), "3330001111")
	drop := dupPerson(t, d, "Rehman", "Muhammad", "محمد رحمن", pdate(1990, 3, 1), "3339998888")
	for _, p := range []*model.Person{keep, drop} {
		must(t, d.SaveSkillsProfile(ctx, &model.SkillsProfile{PersonID: p.ID, Date: fixedNow}, 0))
	}
	c := &model.Consent{PersonID: drop.ID, Purpose: model.PurposeNotice, NoticeVersion: "2026.1", Language: "ar",
		State: model.ConsentGiven, Date: fixedNow, ScanName: "notice.pdf"}
	must(t, d.RecordConsent(ctx, c, []byte("%PDF scan"), 0))

	op := fixtureOperator(t, d, "op", model.RoleOperator)
	if err := d.As(op).MergePersons(ctx, keep.ID, drop.ID, op.ID); !refused(t, err) {
		t.Fatal("an operator merged two files")
	}
	coord := fixtureOperator(t, d, "coord", model.RoleCoordinator)
	must(t, d.As(coord).MergePersons(ctx, keep.ID, drop.ID, coord.ID))

	cases, err := d.CasesOf(ctx, keep.ID)
	must(t, err)
	consents, err := d.ConsentsOf(ctx, keep.ID)
	must(t, err)
	profiles, err := d.SkillsProfiles(ctx, keep.ID)
	must(t, err)
	if len(cases) != 2 || len(consents) != 1 || len(profiles) != 2 {
		t.Fatalf("after the merge: %d cases, %d consents, %d skills versions; want 2, 1, 2", len(cases), len(consents), len(profiles))
	}
	if scan, _, err := d.ConsentScan(ctx, consents[0].ID); err != nil || string(scan) != "%PDF scan" {
		t.Errorf("the consent's scan: %q %v", scan, err)
	}
	p, err := d.Person(ctx, keep.ID)
	must(t, err)
	if p.OwnScriptName != "محمد رحمن" {
		t.Errorf("the own-script name the kept file lacked: %q", p.OwnScriptName)
	}
	for _, a := range []string{"Muhammad Rehman", "tel. 3339998888", drop.CaseCode} {
		if !slices.Contains(p.Aliases, a) {
			t.Errorf("alias %q missing: %q", a, p.Aliases)
		}
	}
	if p.Phone != "3330001111" || p.FamilyName != "Rahman" {
		t.Errorf("the file kept changed its own values: %+v", p)
	}
	if _, err := d.Person(ctx, drop.ID); model.ErrorCode(err) != model.ErrNotFound {
		t.Errorf("the merged file is still there: %v", err)
	}
	found, err := d.FindPersons(ctx, model.PersonFilter{Query: drop.CaseCode})
	must(t, err)
	if len(found) != 1 || found[0].ID != keep.ID {
		t.Errorf("searching the merged file's code finds %+v", found)
	}
	var kept, code string
	must(t, d.db.QueryRow("SELECT kept_uid, merged_code FROM person_merges WHERE merged_uid = ?", drop.UID).Scan(&kept, &code))
	if kept != keep.UID || code != drop.CaseCode {
		t.Errorf("merge recorded as %s %s", kept, code)
	}
	trail, err := d.AuditTrail(ctx, "person", keep.ID)
	must(t, err)
	if !slices.ContainsFunc(trail, func(e model.AuditEvent) bool {
		return e.Action == model.ActionMerge && strings.Contains(e.Detail, drop.CaseCode)
	}) {
		t.Errorf("merge not audited: %+v", trail)
	}
	next := dupPerson(t, d, "Okafor", "Chinedu", "", pdate(1992, 4, 4), "")
	if next.CaseCode == drop.CaseCode {
		t.Errorf("the merged file's case code %s was given to the next person", drop.CaseCode)
	}
	if err := d.MergePersons(ctx, keep.ID, keep.ID, 0); model.ErrorCode(err) != model.ErrInvalid {
		t.Errorf("a file merged into itself: %v", err)
	}
	var n int
	must(t, d.db.QueryRow("SELECT count(*) FROM person_merging").Scan(&n))
	if n != 0 {
		t.Error("the merge left its marker: consents could change person")
	}
}

// TestDuplicateKeysMigration rewinds a desk to before migration 0013: the
// migration gives every person their keys, so a returning person is
// proposed on a desk made before duplicates were looked for.
func TestDuplicateKeysMigration(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sportello.db")
	d := openTest(t, path)
	ctx := context.Background()
	first := dupPerson(t, d, "Rahman", "Mohammed", "", pdate(1990, 3, 1), "")
	insider(t, d, undoDuplicates...)
	insider(t, d, "PRAGMA user_version = 12") // 0013 and 0014 run again
	d.Close()

	d = openTest(t, path)
	got, err := d.DuplicateCandidates(ctx, &model.Person{FamilyName: "Rahman", GivenNames: "Mohammed",
		BirthDate: pdate(1990, 3, 1)}, 5)
	must(t, err)
	if len(got) != 1 || got[0].Person.ID != first.ID {
		t.Errorf("after migration 0013: candidates %+v", got)
	}
}

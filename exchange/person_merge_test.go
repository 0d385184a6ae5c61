package exchange

import (
	"context"
	"testing"

	"sportello/demo"
	"sportello/model"
	"sportello/store"
)

// twoFiles registers one man twice on db and gives the two files.
func twoFiles(t *testing.T, db *store.DB) (keep, drop *model.Person) {
	t.Helper()
	ctx := context.Background()
	keep = &model.Person{FamilyName: "Rahman", GivenNames: "Mohammed", BirthDate: model.PartialDate{Year: 1990, Month: 3, Day: 1},
		Sex: model.SexMale, Phone: "3330001111"}
	drop = &model.Person{FamilyName: "Rehman", GivenNames: "Muhammad", BirthDate: model.PartialDate{Year: 1990, Month: 3, Day: 1},
		Sex: model.SexMale, OwnScriptName: "محمد رحمن"}
	for _, p := range []*model.Person{keep, drop} {
		if err := db.CreatePerson(ctx, p, 0); err != nil {
			t.Fatal(err)
		}
	}
	return keep, drop
}

// casesOn counts the cases of the person with that stable ID on db, -1
// when the desk has no such person.
func casesOn(t *testing.T, db *store.DB, uid string) int {
	t.Helper()
	p, ok := personsByUID(t, db)[uid]
	if !ok {
		return -1
	}
	cases, err := db.CasesOf(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	return len(cases)
}

// TestPersonMergeTravels: desk A merges two files of one man that desks B
// and C also hold. A's bundle merges B's copies the same way; C, which has
// not merged yet, adds an interview to the merged file's case and sends
// it to B: it lands on the kept file, and the merged file does not come
// back. A's bundle then merges C's copies: every desk ends with one file.
func TestPersonMergeTravels(t *testing.T) {
	ctx := context.Background()
	a, coordA := seeded(t, "PUA", 0)
	b, c := desk(t, "PUB"), desk(t, "PUC")
	keep, drop := twoFiles(t, a)
	first, _ := export(t, a, Options{Format: FormatBundle, Plaintext: true, Operator: coordA})
	for _, d := range []*store.DB{b, c} {
		accept(t, d, first)
		if _, err := importBytes(ctx, d, first, ImportOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.As(coordA).MergePersons(ctx, keep.ID, drop.ID, coordA.ID); err != nil {
		t.Fatal(err)
	}
	merged, _ := export(t, a, Options{Format: FormatBundle, Plaintext: true, Operator: coordA})
	if _, err := importBytes(ctx, b, merged, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if n, gone := casesOn(t, b, keep.UID), casesOn(t, b, drop.UID); n != 2 || gone != -1 {
		t.Fatalf("on B after A's merge: %d cases on the kept file, merged file %d (want 2, -1)", n, gone)
	}

	// C has not merged: it adds an interview to the merged file's case.
	onC := personsByUID(t, c)[drop.UID]
	cases, err := c.CasesOf(ctx, onC.ID)
	if err != nil || len(cases) != 1 {
		t.Fatalf("cases on C: %v %v", cases, err)
	}
	iv := &model.Interview{CaseID: cases[0].ID, Kind: model.InterviewFollowUp, Place: model.PlaceDesk}
	if err := c.StartInterview(ctx, iv, 0); err != nil {
		t.Fatal(err)
	}
	fromC, _ := export(t, c, Options{Format: FormatBundle, Plaintext: true, Operator: trustee(t, c)})
	accept(t, b, fromC)
	if _, err := importBytes(ctx, b, fromC, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if gone := casesOn(t, b, drop.UID); gone != -1 {
		t.Errorf("C's bundle brought the merged file back to B")
	}
	kept := personsByUID(t, b)[keep.UID]
	ivs := 0
	bc, _ := b.CasesOf(ctx, kept.ID)
	for _, cs := range bc {
		list, err := b.InterviewsOf(ctx, cs.ID)
		if err != nil {
			t.Fatal(err)
		}
		ivs += len(list)
	}
	if ivs != 1 {
		t.Errorf("C's interview on the merged file's case: %d interviews on the kept file on B, want 1", ivs)
	}

	// A's merge reaches C.
	if _, err := importBytes(ctx, c, merged, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if n, gone := casesOn(t, c, keep.UID), casesOn(t, c, drop.UID); n != 2 || gone != -1 {
		t.Errorf("on C after A's merge: %d cases on the kept file, merged file %d (want 2, -1)", n, gone)
	}
	p := personsByUID(t, c)[keep.UID]
	if p.OwnScriptName != "محمد رحمن" {
		t.Errorf("C's kept file did not take the merged one's own-script name: %+v", p)
	}
}

// TestDemoDesksShareLikelyDuplicates: the demo registers some persons
// again under another spelling, on one desk (every 50th) and on a second
// demo desk (every 8th is one of the first desk's). The first desk's list
// shows its own returning person; after the second desk's bundle merges,
// it shows the shared ones too, with both files.
func TestDemoDesksShareLikelyDuplicates(t *testing.T) {
	ctx := context.Background()
	a, coordA := seeded(t, "PUA", 56)
	pairs, err := a.As(coordA).DuplicatePairs(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	codes := func(pairs []store.DuplicatePair) map[[2]string]bool {
		out := map[[2]string]bool{}
		for _, p := range pairs {
			out[[2]string{min(p.A.CaseCode, p.B.CaseCode), max(p.A.CaseCode, p.B.CaseCode)}] = true
		}
		return out
	}
	// Demo person 49 (the 50th registered) is person 42 come back; no
	// other pair among the demo's many namesakes.
	if len(pairs) != 1 || pairs[0].A.ID != 43 || pairs[0].B.ID != 50 {
		t.Errorf("the first desk's pairs: %v, want only the 43rd and 50th persons", codes(pairs))
	}
	b := desk(t, "PUB")
	if _, err := demo.Seed(ctx, b, 24); err != nil {
		t.Fatal(err)
	}
	bundle, _ := export(t, b, Options{Format: FormatBundle, Plaintext: true, Operator: coordinator(t, b)})
	accept(t, a, bundle)
	if _, err := importBytes(ctx, a, bundle, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	pairs, err = a.As(coordA).DuplicatePairs(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	shared := 0
	for pair := range codes(pairs) {
		if pair[0][:3] != pair[1][:3] { // PUA and PUB
			shared++
		}
	}
	// B's persons 5, 13 and 21 are A's, spelt otherwise.
	if shared < 2 {
		t.Errorf("after merging the second demo desk: %d pairs across the desks, want at least 2 of 3: %v", shared, codes(pairs))
	}
}

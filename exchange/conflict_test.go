package exchange

import (
	"context"
	"slices"
	"testing"

	"sportello/model"
	"sportello/store"
)

// persons reads a desk's persons by stable ID.
func personsByUID(t *testing.T, db *store.DB) map[string]model.Person {
	t.Helper()
	snap, err := db.Snapshot(context.Background(), store.SnapshotOptions{AfterRev: -1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]model.Person{}
	for _, p := range snap.Persons {
		out[p.UID] = p
	}
	return out
}

func edit(t *testing.T, db *store.DB, p model.Person, by int64, change func(*model.Person)) {
	t.Helper()
	change(&p)
	if err := db.UpdatePerson(context.Background(), &p, by); err != nil {
		t.Fatal(err)
	}
}

// Two desks change the same person: the second desk's import lists a
// conflict and keeps its own version; a change made on one side only
// goes through; the operator's choice settles it, and the next exchange
// back carries the choice without a new conflict.
func TestConflicts(t *testing.T) {
	ctx := context.Background()
	a, coordA := seeded(t, "PUA", 6)
	b := desk(t, "PUB")
	first, _ := export(t, a, Options{Format: FormatBundle, Plaintext: true, Operator: coordA})
	accept(t, b, first)
	if _, err := importBytes(ctx, b, first, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	onA, onB := personsByUID(t, a), personsByUID(t, b)
	var both, onlyA, onlyB, keepOurs string
	for uid := range onA {
		switch {
		case both == "":
			both = uid
		case onlyA == "":
			onlyA = uid
		case onlyB == "":
			onlyB = uid
		case keepOurs == "":
			keepOurs = uid
		}
	}
	edit(t, a, onA[both], coordA.ID, func(p *model.Person) { p.Phone = "0773 000 111" })
	edit(t, b, onB[both], 0, func(p *model.Person) { p.Phone = "0773 000 222" })
	edit(t, a, onA[keepOurs], coordA.ID, func(p *model.Person) { p.Domicile = "Via A 1" })
	edit(t, b, onB[keepOurs], 0, func(p *model.Person) { p.Domicile = "Via B 2" })
	edit(t, a, onA[onlyA], coordA.ID, func(p *model.Person) { p.Domicile = "Borgo Grappa, casale" })
	edit(t, b, onB[onlyB], 0, func(p *model.Person) { p.Phone = "0773 999 999" })

	second, _ := export(t, a, Options{Format: FormatBundle, Plaintext: true, Operator: coordA})
	res, err := importBytes(ctx, b, second, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Conflicts != 2 || res.Updated != 1 {
		t.Fatalf("import with changes on both sides: %+v", res)
	}
	now := personsByUID(t, b)
	if now[both].Phone != "0773 000 222" || now[keepOurs].Domicile != "Via B 2" {
		t.Error("a record changed on both sides was overwritten")
	}
	if now[onlyA].Domicile != "Borgo Grappa, casale" {
		t.Error("a change made only on the other desk did not arrive")
	}
	if now[onlyB].Phone != "0773 999 999" {
		t.Error("a change made only here was lost")
	}

	open, err := Conflicts(ctx, b)
	if err != nil || len(open) != 2 {
		t.Fatalf("open conflicts: %d %v", len(open), err)
	}
	byUID := map[string]ConflictView{}
	for _, c := range open {
		byUID[c.UID] = c
	}
	c := byUID[both]
	if c.Label != onA[both].CaseCode || len(c.Diffs) == 0 {
		t.Fatalf("conflict shown as %q with %v", c.Label, c.Diffs)
	}
	found := false
	for _, d := range c.Diffs {
		found = found || d.Field == "telefono" && d.Ours == "0773 000 222" && d.Theirs == "0773 000 111"
	}
	if !found {
		t.Errorf("the conflict does not show the two phones: %+v", c.Diffs)
	}
	if err := Resolve(ctx, b, c.ID, store.TakeTheirs, nil); err != nil {
		t.Fatal(err)
	}
	if err := Resolve(ctx, b, byUID[keepOurs].ID, store.KeepOurs, nil); err != nil {
		t.Fatal(err)
	}
	if err := Resolve(ctx, b, c.ID, store.KeepOurs, nil); model.ErrorCode(err) != model.ErrConflict {
		t.Errorf("settling a conflict twice: %v", err)
	}
	now = personsByUID(t, b)
	if now[both].Phone != "0773 000 111" || now[keepOurs].Domicile != "Via B 2" {
		t.Errorf("after the choices: phone %q, domicile %q", now[both].Phone, now[keepOurs].Domicile)
	}
	if left, _ := Conflicts(ctx, b); len(left) != 0 {
		t.Errorf("%d conflicts left open", len(left))
	}

	// Back from B to A: B's choices and B's own change arrive, no conflict.
	back, _ := export(t, b, Options{Format: FormatBundle, Plaintext: true, Operator: coordinatorOrNil(t, b)})
	accept(t, a, back)
	res, err = importBytes(ctx, a, back, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Conflicts != 0 {
		t.Fatalf("the exchange back raised conflicts: %+v", res)
	}
	final := personsByUID(t, a)
	if final[keepOurs].Domicile != "Via B 2" || final[onlyB].Phone != "0773 999 999" || final[both].Phone != "0773 000 111" {
		t.Errorf("after the exchange back A has domicile %q, phone %q, phone %q", final[keepOurs].Domicile,
			final[onlyB].Phone, final[both].Phone)
	}
}

// coordinatorOrNil gives a desk's imported coordinator account, which may
// not log in but may sign for an export in a test.
func coordinatorOrNil(t *testing.T, db *store.DB) *model.Operator {
	t.Helper()
	return &model.Operator{Role: model.RoleCoordinator}
}

// Two desks that entered the same services under their own IDs settle on
// one ID per service: after a round trip, a referral changed on one desk
// reaches the other as an update, not as a conflict.
func TestSameNamedServicesConverge(t *testing.T) {
	ctx := context.Background()
	a, coordA := seeded(t, "PUA", 4)
	b, coordB := seeded(t, "PUB", 4)
	swap := func(from, to *store.DB, by *model.Operator) *ImportResult {
		t.Helper()
		bundle, _ := export(t, from, Options{Format: FormatBundle, Plaintext: true, Operator: by})
		res, err := importBytes(ctx, to, bundle, ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	accept(t, b, mustExport(t, a, coordA))
	accept(t, a, mustExport(t, b, coordB))
	swap(a, b, coordA)
	swap(b, a, coordB)
	swap(a, b, coordA)
	if res := swap(b, a, coordB); res.Conflicts != 0 || res.Added != 0 || res.Updated != 0 {
		t.Fatalf("after a round trip the desks should agree: %+v", res)
	}
	if fa, fb := fingerprint(t, a, false), fingerprint(t, b, false); !slices.Equal(fa, fb) {
		t.Fatalf("the desks differ after two round trips: %v", firstMissing(fa, fb))
	}
	// B moves one of A's referrals on; A takes it without a conflict.
	open, err := b.OpenReferrals(ctx)
	if err != nil || len(open) == 0 {
		t.Fatalf("open referrals on B: %v %v", open, err)
	}
	var moved int64
	for _, r := range open {
		if r.Status == model.ReferralSent {
			moved = r.ID
			if err := b.MoveReferral(ctx, r.ID, model.ReferralAccepted, "preso in carico", coordB); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	if moved == 0 {
		t.Skip("the demo made no sent referral on these desks; nothing to move")
	}
	if res := swap(b, a, coordB); res.Conflicts != 0 || res.Updated != 1 {
		t.Fatalf("a referral moved on B should update A: %+v", res)
	}
}

// Two desks each make a new version of the same case's plan: the other
// desk's plan cannot take this desk's place, so it waits as a conflict
// this desk can only keep; everything else in the bundle goes through.
func TestPlanMadeOnBothDesksWaitsAsAConflict(t *testing.T) {
	ctx := context.Background()
	a, coordA := seeded(t, "PUA", 6)
	b := desk(t, "PUB")
	first, _ := export(t, a, Options{Format: FormatBundle, Plaintext: true, Operator: coordA})
	accept(t, b, first)
	if _, err := importBytes(ctx, b, first, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	// A case whose newest plan is agreed: each desk makes version N+1.
	snap, _ := a.Snapshot(ctx, store.SnapshotOptions{AfterRev: -1}, nil)
	var caseID int64
	for _, p := range snap.Plans {
		plans, _ := a.PlansOf(ctx, p.CaseID)
		if len(plans) > 0 && plans[0].Status == model.PlanAgreed {
			caseID = p.CaseID
			break
		}
	}
	if caseID == 0 {
		t.Skip("the demo made no agreed plan on this desk")
	}
	newest := func(db *store.DB, id int64) model.Plan {
		plans, err := db.PlansOf(ctx, id)
		if err != nil || len(plans) == 0 {
			t.Fatal(err)
		}
		return plans[0]
	}
	agreedA := newest(a, caseID)
	if _, err := a.NewPlanVersion(ctx, agreedA.ID, coordA.ID); err != nil {
		t.Fatal(err)
	}
	bCase := localID(t, b, "case", snap.UIDs["case"][caseID])
	if _, err := b.NewPlanVersion(ctx, newest(b, bCase).ID, 0); err != nil {
		t.Fatal(err)
	}
	second, _ := export(t, a, Options{Format: FormatBundle, Plaintext: true, Operator: coordA})
	res, err := importBytes(ctx, b, second, ImportOptions{})
	if err != nil {
		t.Fatalf("a plan made on both desks must not block the exchange: %v", err)
	}
	if res.Conflicts != 1 {
		t.Fatalf("import: %+v", res)
	}
	open, _ := Conflicts(ctx, b)
	if len(open) != 1 || open[0].Reason != store.ReasonClash || open[0].Entity != "plan" {
		t.Fatalf("open conflicts: %+v", open)
	}
	if err := Resolve(ctx, b, open[0].ID, store.TakeTheirs, nil); model.ErrorCode(err) != model.ErrConflict {
		t.Errorf("taking a plan that clashes: %v", err)
	}
	if err := Resolve(ctx, b, open[0].ID, store.KeepOurs, nil); err != nil {
		t.Fatal(err)
	}
	if mine := newest(b, bCase); mine.Status != model.PlanDraft {
		t.Errorf("this desk's draft plan changed: %+v", mine)
	}
}

// localID finds a record's local ID by its stable ID.
func localID(t *testing.T, db *store.DB, entity, uid string) int64 {
	t.Helper()
	snap, err := db.Snapshot(context.Background(), store.SnapshotOptions{AfterRev: -1}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for id, u := range snap.UIDs[entity] {
		if u == uid {
			return id
		}
	}
	t.Fatalf("no %s %s", entity, uid)
	return 0
}

package exchange

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"sportello/model"
	"sportello/store"
)

// valuesOf lists a person's personal values worth looking for (three
// characters or more).
func valuesOf(p model.Person) []string {
	var out []string
	for _, v := range append([]string{p.FamilyName, p.GivenNames, p.OwnScriptName, p.Phone, p.Domicile, p.FiscalCode,
		p.Permit.Number}, p.Aliases...) {
		if len([]rune(strings.TrimSpace(v))) >= 3 {
			out = append(out, v)
		}
	}
	return out
}

// holds lists the values the bytes hold.
func holds(b []byte, values []string) []string {
	var out []string
	for _, v := range values {
		if bytes.Contains(b, []byte(v)) {
			out = append(out, v)
		}
	}
	return out
}

// A, B and C share a person. A erases them; A's bundle erases B's copy.
// Then C, which had the person and never erased them, sends a bundle with
// the name and a new phone: on B the name does not come back, nothing of
// the person is kept aside as a conflict, and B's own bundle carries the
// erasure to C, which erases its copy too. A's regional export of the
// person carries only the tally.
func TestErasureTravelsAndIsNotUndone(t *testing.T) {
	ctx := context.Background()
	a, coordA := seeded(t, "PUA", 4)
	b, c := desk(t, "PUB"), desk(t, "PUC")
	first, _ := export(t, a, Options{Format: FormatBundle, Plaintext: true, Operator: coordA})
	for _, d := range []*store.DB{b, c} {
		accept(t, d, first)
		if _, err := importBytes(ctx, d, first, ImportOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	var uid string
	var before model.Person
	for u, p := range personsByUID(t, a) {
		if uid == "" || p.CaseCode < before.CaseCode {
			uid, before = u, p
		}
	}
	values := valuesOf(before)
	if len(values) < 3 {
		t.Fatalf("the demo person has too few values to look for: %q", values)
	}
	if err := a.ErasePerson(ctx, before.ID, model.Erasure{Reason: model.ErasureConsentWithdrawn, Note: "by letter"}, coordA); err != nil {
		t.Fatal(err)
	}

	// A's bundle erases B's copy.
	second, _ := export(t, a, Options{Format: FormatBundle, Plaintext: true, Operator: coordA})
	if got := holds(bundleData(t, second), values); len(got) > 0 {
		t.Errorf("A's bundle after the erasure holds %q", got)
	}
	if _, err := importBytes(ctx, b, second, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	assertErased(t, b, uid, values, model.ErasureConsentWithdrawn)

	// C never erased: it changes the person and sends its bundle to B.
	onC := personsByUID(t, c)[uid]
	edit(t, c, onC, 0, func(p *model.Person) { p.Phone = "0773 123 456" })
	cases, err := c.CasesOf(ctx, onC.ID)
	if err != nil || len(cases) == 0 {
		t.Fatalf("cases on C: %v", err)
	}
	iv := &model.Interview{CaseID: cases[0].ID, Kind: model.InterviewFollowUp, Place: model.PlaceDesk, Notes: "nota fenicotterorosa"}
	if err := c.StartInterview(ctx, iv, 0); err != nil {
		t.Fatal(err)
	}
	if err := c.SaveAnswer(ctx, iv.ID, "work.notes", "risposta airone cenerino"); err != nil {
		t.Fatal(err)
	}
	values = append(values, "0773 123 456", "nota fenicotterorosa", "risposta airone cenerino")
	fromC, _ := export(t, c, Options{Format: FormatBundle, Plaintext: true, Operator: trustee(t, c)})
	if got := holds(bundleData(t, fromC), values); len(got) == 0 {
		t.Fatal("C's bundle should still hold the person's values: the test proves nothing")
	}
	accept(t, b, fromC)
	res, err := importBytes(ctx, b, fromC, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Conflicts != 0 {
		t.Errorf("C's bundle left %d conflicts on B", res.Conflicts)
	}
	assertErased(t, b, uid, values, model.ErasureConsentWithdrawn)
	if res.Added == 0 {
		t.Error("C's new interview of the person did not arrive as a record without its answers")
	}

	// B's bundle erases C's copy in turn.
	fromB, _ := export(t, b, Options{Format: FormatBundle, Plaintext: true, Operator: trustee(t, b)})
	accept(t, c, fromB)
	if _, err := importBytes(ctx, c, fromB, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	assertErased(t, c, uid, values, model.ErasureConsentWithdrawn)

	// The regional export: the tally, and that the person was erased.
	for _, pseudo := range []bool{false, true} {
		doc, _ := export(t, a, Options{Format: FormatJSON, Plaintext: !pseudo, Pseudonymised: pseudo, Operator: coordA})
		if got := holds(doc, values); len(got) > 0 {
			t.Errorf("the export (pseudonymised %v) holds %q", pseudo, got)
		}
		if !bytes.Contains(doc, []byte(`"reason":"consent_withdrawn"`)) && !bytes.Contains(doc, []byte(`"reason": "consent_withdrawn"`)) {
			t.Errorf("the export (pseudonymised %v) does not say the person was erased", pseudo)
		}
		if pseudo == bytes.Contains(doc, []byte("by letter")) {
			t.Errorf("the erasure's note in the export (pseudonymised %v): %v", pseudo, !pseudo)
		}
	}
}

// assertErased checks a desk's copy of the person: erased with the reason,
// no value left in any of its records, not found by name, every answer gone.
func assertErased(t *testing.T, db *store.DB, uid string, values []string, reason model.ErasureReason) {
	t.Helper()
	ctx := context.Background()
	p, ok := personsByUID(t, db)[uid]
	if !ok {
		t.Fatal("the person is not on the desk")
	}
	e, err := db.ErasureOf(ctx, p.ID)
	if err != nil || e == nil || e.Reason != reason {
		t.Fatalf("erasure on the desk: %+v %v", e, err)
	}
	if p.FamilyName != "" || p.Phone != "" || p.FiscalCode != "" {
		t.Errorf("the person on the desk: %+v", p)
	}
	for _, v := range values {
		if n, _ := db.CountPersons(ctx, v); n != 0 && strings.ContainsAny(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			t.Errorf("search %q finds %d on the desk", v, n)
		}
	}
	doc, _ := export(t, db, Options{Format: FormatJSON, Plaintext: true, Operator: trustee(t, db)})
	if got := holds(doc, values); len(got) > 0 {
		t.Errorf("the desk's data still holds %q", got)
	}
	open, err := db.OpenConflicts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range open {
		if got := holds(c.Theirs, values); len(got) > 0 {
			t.Errorf("a conflict keeps %q", got)
		}
	}
	if p, err := db.VerifyAudit(ctx); p != nil || err != nil {
		t.Errorf("the desk's trail: %v %v", p, err)
	}
}

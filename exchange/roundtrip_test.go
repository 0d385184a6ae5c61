package exchange

import (
	"context"
	"slices"
	"testing"

	"sportello/model"
	"sportello/store"
)

// An export imported into an empty desk gives the same records.
func TestRoundTrip(t *testing.T) {
	ctx := context.Background()
	a, coord := seeded(t, "PUA", 16)
	b := desk(t, "PUB")
	bundle, res := export(t, a, Options{Format: FormatBundle, Plaintext: true, Operator: coord})
	if res.Counts["persons"] != 16 || res.Counts["interviews"] == 0 || res.Counts["plans"] == 0 ||
		res.Counts["consents"] == 0 || res.Counts["referrals"] == 0 || res.Counts["activities"] == 0 {
		t.Fatalf("the demo desk should export every kind of record: %v", res.Counts)
	}
	if err := ValidateJSON(bundleData(t, bundle)); err != nil {
		t.Fatalf("the bundle's data do not follow the schema: %v", err)
	}
	accept(t, b, bundle)
	got, err := importBytes(ctx, b, bundle, ImportOptions{FileName: "a.sportello"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Conflicts != 0 || got.Added == 0 || got.From.CasePrefix != "PUA" {
		t.Fatalf("first import: %+v", got)
	}
	want, have := fingerprint(t, a, false), fingerprint(t, b, false)
	if !slices.Equal(want, have) {
		t.Fatalf("after the round trip the desks differ:\n%d records on A, %d on B\nfirst on A only: %v",
			len(want), len(have), firstMissing(want, have))
	}
	// B's indicators can count A's persons apart, by the prefix A's bundle gave.
	if desks, err := b.IndicatorDesks(ctx); err != nil || len(desks) != 1 ||
		desks[0] != (store.IndicatorDesk{Prefix: "PUA", Name: got.From.Name}) || got.From.Name == "" {
		t.Errorf("desks of B's indicators: %v %v", desks, err)
	}
	withOps := fingerprint(t, b, true)
	// The same bundle again changes no record (the import log grows).
	again, err := importBytes(ctx, b, bundle, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if again.Added != 0 || again.Updated != 0 || again.Conflicts != 0 ||
		again.Unchanged+again.Kept != got.Added+got.Unchanged {
		t.Fatalf("second import of the same bundle: %+v", again)
	}
	if after := fingerprint(t, b, true); !slices.Equal(after, withOps) {
		t.Fatal("importing the same bundle twice changed records")
	}
}

func firstMissing(want, have []string) string {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return w
		}
	}
	return ""
}

// A bulk merge rebuilds the search index once: the persons it brings are
// found by name as if typed in.
func TestBulkMergeSearch(t *testing.T) {
	ctx := context.Background()
	old := store.BulkPersons
	store.BulkPersons = 1
	defer func() { store.BulkPersons = old }()
	a, coord := seeded(t, "PUA", 5)
	b := desk(t, "PUB")
	bundle, _ := export(t, a, Options{Format: FormatBundle, Plaintext: true, Operator: coord})
	accept(t, b, bundle)
	if _, err := importBytes(ctx, b, bundle, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	all, err := a.FindPersons(ctx, model.PersonFilter{Limit: 10})
	if err != nil || len(all) != 5 {
		t.Fatal(all, err)
	}
	for _, p := range all {
		found, err := b.FindPersons(ctx, model.PersonFilter{Query: p.FamilyName, Limit: 10})
		if err != nil || len(found) == 0 {
			t.Errorf("%s is not found by name after a bulk merge (%v)", p.FamilyName, err)
		}
	}
	if _, problems, err := b.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("integrity after a bulk merge: %v %v", problems, err)
	}
}

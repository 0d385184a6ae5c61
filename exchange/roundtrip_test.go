package exchange

import (
	"context"
	"slices"
	"testing"
)

// An export imported into an empty desk gives the same records.
func TestRoundTrip(t *testing.T) {
	ctx := context.Background()
	a, coord := seeded(t, "PUA", 16)
	b := desk(t, "PUB")
	bundle, res := export(t, a, Options{Format: FormatBundle, Operator: coord})
	if res.Counts["persons"] != 16 || res.Counts["interviews"] == 0 || res.Counts["plans"] == 0 ||
		res.Counts["consents"] == 0 || res.Counts["referrals"] == 0 || res.Counts["activities"] == 0 {
		t.Fatalf("the demo desk should export every kind of record: %v", res.Counts)
	}
	if err := ValidateJSON(bundleData(t, bundle)); err != nil {
		t.Fatalf("the bundle's data do not follow the schema: %v", err)
	}
	got, err := Import(ctx, b, bundle, ImportOptions{FileName: "a.sportello"})
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
	withOps := fingerprint(t, b, true)
	// The same bundle again changes no record (the import log grows).
	again, err := Import(ctx, b, bundle, ImportOptions{})
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

package demo

import (
	"context"
	"testing"
	"time"

	"sportello/store"
)

// TestSeedOutcomes: a small demo desk has numbers on the indicators of
// results (exits, education at entry, Italian improved, recognition
// applied), and a second run adds nothing.
func TestSeedOutcomes(t *testing.T) {
	ctx := context.Background()
	db := newDesk(t)
	if _, err := Seed(ctx, db, 80); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := SeedOutcomes(ctx, db, 0); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := db.ComputeIndicators(ctx, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), db.Now())
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]store.IndicatorResult{}
	for _, r := range rep.Results {
		got[r.ID] = r
	}
	for _, id := range []string{"leavers", "employed_at_exit", "in_education_at_exit", "qualification_at_exit",
		"career_guidance", "recognition_applied", "cefr_improved"} {
		if got[id].Total == 0 {
			t.Errorf("%s: nothing counted on the demo desk", id)
		}
	}
	if n := got["esf_participants"].Breakdowns["isced"]["isced_3_4"]; n == 0 {
		t.Errorf("no participant with an upper secondary education: %v", got["esf_participants"].Breakdowns["isced"])
	}
	if l, e := got["leavers"].Total, got["employed_at_exit"].Total; e >= l {
		t.Errorf("%d employed at exit of %d leavers", e, l)
	}
}

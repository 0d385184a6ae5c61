package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"sportello/model"
)

// TestScratchCountsAPersonOnce: a person loaded twice (two desks' exports
// with the same key) is one person, with two cases; the indicators run on
// the scratch store as on a desk's, and a desk's own store refuses a load.
func TestScratchCountsAPersonOnce(t *testing.T) {
	ctx := context.Background()
	d := newScratch(t)
	day := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	data := &ScratchData{
		Persons: []ScratchPerson{
			{Key: "shared", Sex: model.Sex("F"), Birth: "1990-05", Citizenships: []string{"MA"}, CreatedAt: day("2025-03-01")},
			{Key: "shared", Sex: model.Sex("F"), Birth: "1990-05", Citizenships: []string{"MA"}, CreatedAt: day("2025-02-01"),
				DomicileInformal: true},
			{Key: "other", Sex: model.Sex("M"), Birth: "1980", Citizenships: []string{"IT"}, CreatedAt: day("2024-02-01")},
		},
		Cases: []ScratchCase{
			{Key: "a:c1", PersonKey: "shared", OpenedAt: day("2025-03-02"), Status: "open",
				ScratchRecords: ScratchRecords{Referrals: []ScratchReferral{{Key: "a:r1", ServiceKind: "legal", Status: "sent",
					SentAt: day("2025-04-01")}}}},
			{Key: "b:c1", PersonKey: "shared", OpenedAt: day("2025-02-02"), Status: "closed", ClosedAt: day("2025-06-01"),
				ExitReason: "path_completed", ExitOutcomes: []string{"employed"}},
			{Key: "b:c2", PersonKey: "other", OpenedAt: day("2025-05-02"), Status: "open",
				ScratchRecords: ScratchRecords{Proposals: []ScratchProposal{{Key: "b:h1", State: "hired", HiredFrom: "2025-05-10",
					ProposedAt: day("2025-05-03")}}}},
		},
		Profiles:      []*model.SkillsProfile{{UID: "b:sp1", Version: 1, Date: day("2025-03-01")}, {UID: "a:sp1", Version: 1, Date: day("2025-02-01")}},
		ProfileOwners: []string{"shared", "shared"},
	}
	if err := d.LoadScratch(ctx, data); err != nil {
		t.Fatal(err)
	}
	rep, err := d.ComputeIndicators(ctx, day("2025-01-01"), day("2025-12-31"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"reach": 1, "in_charge": 2, "referrals": 1, "leavers": 1, "employed_at_exit": 1, "hired": 1,
		"career_guidance": 1}
	for _, r := range rep.Results {
		if w, ok := want[r.ID]; ok && r.Total != w {
			t.Errorf("%s = %d, want %d", r.ID, r.Total, w)
		}
		if r.ID == "esf_participants" && r.Breakdowns[model.BreakdownHomeless]["true"] != 1 {
			t.Errorf("esf_participants homeless = %v, want the shared person", r.Breakdowns[model.BreakdownHomeless])
		}
	}
	if err := newTestDB(t).LoadScratch(ctx, data); !errors.Is(err, ErrNotScratch) {
		t.Errorf("a desk's store loaded pseudonymised records: %v", err)
	}
}

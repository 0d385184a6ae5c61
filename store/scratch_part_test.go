package store

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"sportello/model"
)

// TestScratchStoreIsSealed: a scratch store lives in a directory of its
// own that only this user can open, in a file that only this user can
// read and that holds no record in clear; Close removes both.
func TestScratchStoreIsSealed(t *testing.T) {
	ctx := context.Background()
	d, err := OpenScratch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	key := "PSEUDONIMO-DI-PROVA-0001"
	part := &ScratchPart{Persons: []ScratchPerson{{Key: key, Sex: "F", Birth: "1990-05", CreatedAt: time.Now()}}}
	if _, err := d.LoadScratchPart(ctx, part); err != nil {
		t.Fatal(err)
	}
	path, dir := d.Path(), filepath.Dir(d.Path())
	for _, c := range []struct {
		path string
		want os.FileMode
	}{{dir, 0o700}, {path, 0o600}} {
		st, err := os.Stat(c.path)
		if err != nil {
			t.Fatal(err)
		}
		if st.Mode().Perm() != c.want {
			t.Errorf("%s: mode %v, want %v", c.path, st.Mode().Perm(), c.want)
		}
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(raw) == 0 || bytes.Contains(raw, []byte(key)) || bytes.HasPrefix(raw, []byte("SQLite format 3")) {
		t.Errorf("the scratch file (%d bytes) is not encrypted", len(raw))
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("the scratch directory is still there after Close: %v", err)
	}
}

// TestScratchPartGivesBackWhatIsNotThereYet: records that refer to a
// person, a case or an interview not loaded come back (of the answers,
// only those the indicators read), and load once it is; a desk's own
// store refuses a part.
func TestScratchPartGivesBackWhatIsNotThereYet(t *testing.T) {
	ctx := context.Background()
	d := newScratch(t)
	day := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	early := &ScratchPart{
		Cases: []ScratchCase{{Key: "a:c1", PersonKey: "a:p1", OpenedAt: day("2025-03-02"), Status: "open"}},
		OfCases: []ScratchOfCase{{CaseKey: "a:c1", ScratchRecords: ScratchRecords{
			Referrals:  []ScratchReferral{{Key: "a:r1", ServiceKind: "legal", Status: "sent", SentAt: day("2025-04-01")}},
			Interviews: []ScratchInterview{{Key: "a:i1", Date: "2025-03-02", Kind: "first"}}}}},
		Answers: []ScratchAnswer{{InterviewKey: "a:i1", QuestionID: "documents.housing", Value: "no_home"},
			{InterviewKey: "a:i1", QuestionID: "work.hours", Value: "12"}},
		Profiles: []ScratchProfile{{Owner: "a:p1", Profile: &model.SkillsProfile{UID: "a:s1", Version: 1, Date: day("2025-03-01")}}},
	}
	left, err := d.LoadScratchPart(ctx, early)
	if err != nil {
		t.Fatal(err)
	}
	if len(left.Cases) != 1 || len(left.OfCases) != 1 || len(left.Profiles) != 1 || len(left.Persons) != 0 ||
		len(left.Answers) != 1 {
		t.Fatalf("left %+v, want the case, its records, the housing answer (not the other) and the profile", left)
	}
	person := &ScratchPart{Persons: []ScratchPerson{{Key: "regional-1", Ref: "a:p1", Sex: "M", Birth: "1980",
		CreatedAt: day("2025-03-01")}}}
	if left, err := d.LoadScratchPart(ctx, person); err != nil || !left.Empty() {
		t.Fatalf("the person: left %+v, %v", left, err)
	}
	if left, err := d.LoadScratchPart(ctx, left); err != nil || !left.Empty() {
		t.Fatalf("again after the person: left %+v, %v", left, err)
	}
	rep, err := d.ComputeIndicators(ctx, day("2025-01-01"), day("2025-12-31"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rep.Results {
		if (r.ID == "in_charge" || r.ID == "referrals") && r.Total != 1 {
			t.Errorf("%s = %d, want 1", r.ID, r.Total)
		}
		if r.ID == "esf_participants" && r.Breakdowns[model.BreakdownHomeless]["true"] != 1 {
			t.Errorf("esf_participants homeless = %v, want the person without a home", r.Breakdowns[model.BreakdownHomeless])
		}
	}
	if _, err := newTestDB(t).LoadScratchPart(ctx, person); err == nil {
		t.Error("a desk's store loaded a scratch part")
	}
}

// TestScratchProfilesNumberedAcrossParts: a person's skills profiles from
// two desks, loaded in either order, are numbered by date when the load
// is finished, and the Italian the later one shows above the first counts
// as improved, as on a desk.
func TestScratchProfilesNumberedAcrossParts(t *testing.T) {
	day := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	italian := func(level string) []model.LanguageSkill {
		return []model.LanguageSkill{{Language: "it", Overall: level}}
	}
	later := &ScratchPart{Persons: []ScratchPerson{{Key: "regional-1", Ref: "b:p9", Sex: "F", Birth: "1995", CreatedAt: day("2025-02-01")}},
		Profiles: []ScratchProfile{{Owner: "b:p9", Profile: &model.SkillsProfile{UID: "b:s1", Version: 1, Date: day("2025-09-01"),
			Languages: italian("B1")}}}}
	earlier := &ScratchPart{Persons: []ScratchPerson{{Key: "regional-1", Ref: "a:p1", Sex: "F", Birth: "1995", CreatedAt: day("2025-01-10")}},
		Profiles: []ScratchProfile{{Owner: "a:p1", Profile: &model.SkillsProfile{UID: "a:s1", Version: 1, Date: day("2025-02-01"),
			Languages: italian("A1")}}}}
	for name, parts := range map[string][]*ScratchPart{"later first": {later, earlier}, "earlier first": {earlier, later}} {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			d := newScratch(t)
			for _, p := range parts {
				if left, err := d.LoadScratchPart(ctx, p); err != nil || !left.Empty() {
					t.Fatalf("left %+v, %v", left, err)
				}
			}
			if err := d.FinishScratch(ctx); err != nil {
				t.Fatal(err)
			}
			var first string
			if err := d.db.QueryRowContext(ctx, "SELECT uid FROM skills_profiles WHERE version = 1").Scan(&first); err != nil || first != "a:s1" {
				t.Errorf("version 1 is %q (%v), want the earlier a:s1", first, err)
			}
			rep, err := d.ComputeIndicators(ctx, day("2025-01-01"), day("2025-12-31"))
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rep.Results {
				if r.ID == "cefr_improved" && r.Total != 1 {
					t.Errorf("cefr_improved = %d, want 1: B1 in September over A1 in February", r.Total)
				}
				if r.ID == "reach" && r.Total != 1 {
					t.Errorf("reach = %d, want 1: one person at two desks", r.Total)
				}
			}
		})
	}
}

// newScratch opens a scratch store that the test's end closes.
func newScratch(t *testing.T) *DB {
	t.Helper()
	d, err := OpenScratch(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

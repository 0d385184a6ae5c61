package demo

import (
	"context"
	"fmt"
	"time"

	"sportello/model"
	"sportello/store"
)

// demoOutcomesMax bounds the persons SeedOutcomes reads: enough for every
// indicator to have numbers, few enough for a regional-size demo.
const demoOutcomesMax = 2000

// demoExits are the closures the demo makes, in turn: mostly paths
// completed with a result at exit, some contacts lost.
var demoExits = []struct {
	reason, contract string
	outcomes         []string
}{
	{"path_completed", "agri_fixed", []string{model.OutcomeEmployed}},
	{"path_completed", "", []string{"education"}},
	{"path_completed", "fixed_term", []string{model.OutcomeEmployed, "qualification"}},
	{"lost_contact", "", nil},
	{"path_completed", "", []string{"job_seeking", "regular_permit"}},
	{"moved_away", "", []string{"housed"}},
}

// demoSchooling is the education the demo's second skills profiles tell
// of: an ISCED level, completed or not, and a recognition applied for.
var demoSchooling = []model.EducationEntry{
	{Level: "Scuola primaria (demo)", ISCED: "1", Completed: true, Recognition: "none"},
	{Level: "Scuola secondaria (demo)", ISCED: "3", Completed: true, Recognition: "requested"},
	{Level: "Scuola media (demo)", ISCED: "2", Completed: true, Recognition: "none"},
	{Level: "Laurea (demo)", ISCED: "6", Completed: true, Recognition: "dichiarazione_valore"},
	{Level: "Scuola secondaria (demo)", ISCED: "3", Completed: false, Recognition: "none"},
}

// SeedOutcomes gives the demo what the programme indicators count at the
// end of a path: for one person in three a skills profile with their
// schooling and, months later, a second version whose Italian has
// improved; for one case in four opened over four months ago, its closure
// with the exit data. It runs once, after Seed and SeedWork.
func SeedOutcomes(ctx context.Context, db *store.DB, by int64) error {
	if done, err := db.Setting(ctx, settingDemoOutcomes); err != nil || done != "" {
		return err
	}
	people, err := db.FindPersons(ctx, model.PersonFilter{Offset: 12, Limit: demoOutcomesMax})
	if err != nil {
		return err
	}
	now := db.Now().UTC()
	for i, ps := range people {
		cases, err := db.CasesOf(ctx, ps.ID)
		if err != nil || len(cases) == 0 {
			return err
		}
		c := cases[0]
		if i%3 == 0 {
			if err := demoSchoolingProfiles(ctx, db, ps.ID, c.OpenedAt, now, i); err != nil {
				return fmt.Errorf("demo schooling of %d: %w", ps.ID, err)
			}
		}
		closeAt := c.OpenedAt.AddDate(0, 4, i%40)
		if i%4 != 1 || c.Status != model.CaseOpen || closeAt.After(now) {
			continue
		}
		exit := demoExits[(i/4)%len(demoExits)]
		cl := &model.CaseClosure{CaseID: c.ID, Date: closeAt, Reason: exit.reason, Outcomes: exit.outcomes, Contract: exit.contract}
		if err := db.CloseCase(ctx, cl, now, by); err != nil {
			return fmt.Errorf("demo closure of case %d: %w", c.ID, err)
		}
	}
	return db.SaveSettings(ctx, map[string]string{settingDemoOutcomes: "1"}, 0)
}

// settingDemoOutcomes marks SeedOutcomes done.
const settingDemoOutcomes = "demo.outcomes"

// demoSchoolingProfiles saves a first skills profile a week after the
// case opened and, for two persons in three, a second one three months
// later with a better Italian.
func demoSchoolingProfiles(ctx context.Context, db *store.DB, personID int64, opened, now time.Time, i int) error {
	levels := []string{"A1", "A2", "B1", "B2"}
	first := opened.AddDate(0, 0, 7)
	if first.After(now) {
		return nil
	}
	school := demoSchooling[(i/3)%len(demoSchooling)]
	prof := &model.SkillsProfile{PersonID: personID, Date: first, Education: []model.EducationEntry{school},
		Languages: []model.LanguageSkill{{Language: "it", Overall: levels[i%2]}}}
	if err := db.SaveSkillsProfile(ctx, prof, 0); err != nil {
		return err
	}
	second := first.AddDate(0, 3, 0)
	if i%9 == 0 || second.After(now) {
		return nil
	}
	again := &model.SkillsProfile{PersonID: personID, Date: second, Education: []model.EducationEntry{school},
		Languages: []model.LanguageSkill{{Language: "it", Overall: levels[i%2+1]}}}
	return db.SaveSkillsProfile(ctx, again, 0)
}

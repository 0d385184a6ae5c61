package demo

// Demo interviews on the bundled questionnaire.

import (
	"context"
	"math/rand/v2"
	"sort"
	"sync"
	"time"

	"sportello/assets"
	"sportello/model"
	"sportello/store"
)

// demoInterviews adds interviews on the bundled questionnaire: an intake
// and maybe follow-ups, completed with their screening, and now and then
// one left in progress to resume.
func demoInterviews(ctx context.Context, db *store.DB, r *rand.Rand, p *model.Person, op int64, opened time.Time) error {
	cases, err := db.CasesOf(ctx, p.ID)
	if err != nil || len(cases) == 0 {
		return err
	}
	qn, err := currentQuestionnaire()
	if err != nil {
		return err
	}
	n := 1 + r.IntN(3)
	date := opened
	for k := 0; k < n; k++ {
		kind := model.InterviewIntake
		if k > 0 {
			kind = model.InterviewFollowUp
			date = date.Add(time.Duration(7+r.IntN(50)) * 24 * time.Hour)
		}
		if date.After(time.Now()) {
			break
		}
		profile := demoProfiles[r.IntN(len(demoProfiles))]
		iv := &model.Interview{CaseID: cases[0].ID, Date: date, Kind: kind, OperatorID: op,
			Mediator: demoMediators[p.PreferredLanguage], Language: p.PreferredLanguage,
			QuestionnaireVersion: qn.Version, Duration: time.Duration(20+r.IntN(70)) * time.Minute,
			Place: model.Places[r.IntN(len(model.Places))], Status: model.InterviewInProgress,
			Notes: []string{"", "Fictional demo note: the person asks about the residence permit renewal.",
				"Fictional demo note: wants an Italian course in the evening.", ""}[r.IntN(4)]}
		for _, id := range sortedKeys(profile) {
			iv.Answers = append(iv.Answers, model.Answer{QuestionID: id, Value: profile[id], UpdatedAt: date})
		}
		if err := db.CreateInterview(ctx, iv, op); err != nil {
			return err
		}
		if k == n-1 && r.IntN(8) == 0 {
			iv.Section = 2
			if err := db.SaveProgress(ctx, iv); err != nil {
				return err
			}
			break // left in progress: the case view offers to resume it
		}
		iv.Section = len(qn.Sections) - 1
		screening := model.Screen(qn, profile)
		if err := db.CompleteInterview(ctx, iv, screening, op); err != nil {
			return err
		}
		if screening.ProposesReferral() && r.IntN(3) > 0 {
			decision, note := model.DecisionRefer, ""
			if r.IntN(3) == 0 {
				decision, note = model.DecisionNotNow, "Fictional demo note: the person wants to think about it first."
			}
			if err := db.RecordDecision(ctx, iv.ID, decision, note, op); err != nil {
				return err
			}
		}
	}
	return nil
}

// currentQuestionnaire is the bundled questionnaire, read once.
var currentQuestionnaire = sync.OnceValues(func() (*model.Questionnaire, error) {
	data, _ := assets.Questionnaire(assets.CurrentQuestionnaire)
	return model.ParseQuestionnaire(data)
})

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

package store

import (
	"context"
	"testing"
	"time"

	"sportello/model"
)

func TestInterviewAnswerByAnswer(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	p := &model.Person{FamilyName: "Hossain", PreferredLanguage: "bn"}
	if err := d.CreatePerson(ctx, p, 0); err != nil {
		t.Fatal(err)
	}
	cases, _ := d.CasesOf(ctx, p.ID)
	iv := &model.Interview{CaseID: cases[0].ID, Kind: model.InterviewIntake, Place: model.PlaceDesk, Language: "bn",
		QuestionnaireVersion: "2026.1"}
	if err := d.StartInterview(ctx, iv, 0); err != nil {
		t.Fatal(err)
	}
	for id, v := range map[string]string{"documents.id_kept": "yes", "work.jobs": "1", "work.jobs.hours_per_day#0": "12"} {
		if err := d.SaveAnswer(ctx, iv.ID, id, v); err != nil {
			t.Fatal(err)
		}
	}
	d.SaveAnswer(ctx, iv.ID, "documents.id_kept", "no") // changed
	d.SaveAnswer(ctx, iv.ID, "work.jobs.hours_per_day#0", "")
	iv.Section, iv.Duration, iv.Language, iv.Mediator = 2, 17*time.Minute, "en", "Nazrul Islam"
	if err := d.SaveProgress(ctx, iv); err != nil {
		t.Fatal(err)
	}
	open, err := d.InterviewInProgress(ctx, cases[0].ID)
	if err != nil || open == nil || open.ID != iv.ID || open.Section != 2 || open.Language != "en" || open.Mediator != "Nazrul Islam" {
		t.Fatalf("in progress: %+v %v", open, err)
	}
	got := map[string]string{}
	for _, a := range open.Answers {
		got[a.QuestionID] = a.Value
	}
	if len(got) != 2 || got["documents.id_kept"] != "no" || got["work.jobs"] != "1" {
		t.Errorf("answers %v", got)
	}
	s := model.Screening{Trafficking: true, ILO: []model.Finding{{Ref: "ilo.7", Reasons: []model.Reason{{AnswerID: "documents.id_kept", Value: "yes"}}}}}
	if err := d.CompleteInterview(ctx, iv, s, 0); err != nil {
		t.Fatal(err)
	}
	if err := d.SaveAnswer(ctx, iv.ID, "needs.wishes", "late"); model.ErrorCode(err) != model.ErrConflict {
		t.Errorf("an answer was added to a closed interview: %v", err)
	}
	if again, _ := d.InterviewInProgress(ctx, cases[0].ID); again != nil {
		t.Error("still in progress after completion")
	}
	if err := d.RecordDecision(ctx, iv.ID, "maybe", "", 0); err == nil {
		t.Error("an unknown decision was recorded")
	}
	if err := d.RecordDecision(ctx, iv.ID, model.DecisionRefer, "", 0); err != nil {
		t.Fatal(err)
	}
	rec, err := d.ScreeningOf(ctx, iv.ID)
	if err != nil || rec == nil || !rec.Result.Trafficking || rec.Decision != model.DecisionRefer || len(rec.Result.ILO) != 1 ||
		rec.Result.ILO[0].Reasons[0].AnswerID != "documents.id_kept" {
		t.Fatalf("screening read back %+v %v", rec, err)
	}
}

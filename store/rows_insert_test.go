package store

import (
	"context"
	"fmt"
	"testing"

	"sportello/model"
)

// TestInterviewOfManyAnswers: an interview's answers go in INSERTs of up
// to rowsPerInsert rows; every answer of a long interview (two full
// statements and a short one) is read back as it was given, and one
// refused row in the last statement refuses the whole interview, nothing
// of it kept.
func TestInterviewOfManyAnswers(t *testing.T) {
	ctx := context.Background()
	d := newTestDB(t)
	_, caseID := fixturePerson(t, d, "Hossain", model.Permit{})
	n := 2*rowsPerInsert + 6
	answers := func() []model.Answer {
		out := make([]model.Answer, n)
		for i := range out {
			out[i] = model.Answer{QuestionID: fmt.Sprintf("work.notes#%d", i), Value: fmt.Sprintf("risposta %d", i)}
		}
		return out
	}
	iv := &model.Interview{CaseID: caseID, Date: fixedNow, Kind: model.InterviewIntake, Place: model.PlaceDesk, Language: "it",
		QuestionnaireVersion: "2026.1", Status: model.InterviewInProgress, Answers: answers()}
	if err := d.CreateInterview(ctx, iv, 0); err != nil {
		t.Fatal(err)
	}
	got, err := d.InterviewInProgress(ctx, caseID)
	if err != nil || got == nil {
		t.Fatalf("read back: %v %v", got, err)
	}
	values := map[string]string{}
	for _, a := range got.Answers {
		values[a.QuestionID] = a.Value
	}
	for _, a := range answers() {
		if values[a.QuestionID] != a.Value {
			t.Errorf("%s: %q, want %q", a.QuestionID, values[a.QuestionID], a.Value)
		}
	}
	if len(got.Answers) != n {
		t.Errorf("%d answers read back, want %d", len(got.Answers), n)
	}

	var before int
	if err := d.db.QueryRowContext(ctx, "SELECT count(*) FROM answers").Scan(&before); err != nil {
		t.Fatal(err)
	}
	twice := &model.Interview{CaseID: caseID, Date: fixedNow, Kind: model.InterviewFollowUp, Place: model.PlaceDesk,
		Language: "it", QuestionnaireVersion: "2026.1", Answers: answers()}
	twice.Answers[n-1].QuestionID = twice.Answers[3].QuestionID // the last statement's last row
	if err := d.CreateInterview(ctx, twice, 0); err == nil {
		t.Fatal("an interview answering one question twice was saved")
	}
	var after, interviews int
	if err := d.db.QueryRowContext(ctx, "SELECT count(*), (SELECT count(*) FROM interviews) FROM answers").Scan(&after, &interviews); err != nil {
		t.Fatal(err)
	}
	if after != before || interviews != 1 {
		t.Errorf("the refused interview left %d answers (were %d) and %d interviews", after, before, interviews)
	}
}

// TestInsertText: the text of an INSERT of n rows.
func TestInsertText(t *testing.T) {
	for _, c := range []struct {
		width, n int
		want     string
	}{
		{1, 1, "INSERT INTO t (a) VALUES (?)"},
		{3, 1, "INSERT INTO t (a) VALUES (?, ?, ?)"},
		{2, 3, "INSERT INTO t (a) VALUES (?, ?), (?, ?), (?, ?)"},
	} {
		if got := insertText("INSERT INTO t (a) VALUES", c.width, c.n); got != c.want {
			t.Errorf("%d×%d: %q, want %q", c.width, c.n, got, c.want)
		}
	}
}

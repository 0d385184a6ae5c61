package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sportello/assets"
	"sportello/model"
)

// toSection moves the interview on to the section with id.
func toSection(t *testing.T, u *App, id string) {
	t.Helper()
	for u.inter.qn.Sections[u.inter.section].ID != id {
		if u.inter.section == len(u.inter.qn.Sections)-1 {
			t.Fatalf("no section %s", id)
		}
		test.Tap(button(t, u, keyed(u, "interview.next")))
	}
}

func answerOf(iv *model.Interview, id string) string {
	for _, a := range iv.Answers {
		if a.QuestionID == id {
			return a.Value
		}
	}
	return ""
}

// TestInterviewSkillsProfileByKeyboard: a new interview is on 2026.2; its
// skills section shows the profile's element; Tab and Space open the
// profile proposed from the answers so far; saving makes version 1, which
// the interview records; the way back resumes it at the skills section.
func TestInterviewSkillsProfileByKeyboard(t *testing.T) {
	u, db, p := startInterview(t, "ar")
	ctx := context.Background()
	s := u.inter
	if s.qn.Version != "2026.2" || s.iv.QuestionnaireVersion != assets.CurrentQuestionnaire || assets.CurrentQuestionnaire != "2026.2" {
		t.Fatalf("new interview on %s (%s)", s.iv.QuestionnaireVersion, s.qn.Version)
	}
	choose(t, u, "documents.italian_level", "a1")
	toSection(t, u, "skills")
	choose(t, u, "skills.licences", "b")
	fill(t, u, "skills.other", "Potatura")
	if s.profileButton == nil || !strings.Contains(texts(u), u.t("interview.profile_none")) ||
		!strings.Contains(texts(u), u.t("q.skills.profile.text")) {
		t.Fatalf("no profile element in the skills section:\n%s", texts(u))
	}
	// The element is no question: the progress does not count it.
	done, shown := s.answered()
	if done != 3 || shown == 0 {
		t.Errorf("answered %d of %d", done, shown)
	}

	k := keyboard{t, u}
	u.win.Canvas().Focus(s.entries["skills.other"])
	k.tab()
	if k.focused() != fyne.Focusable(s.profileButton) {
		t.Fatalf("Tab from the last answer reaches %T, not the profile's button", k.focused())
	}
	k.press(fyne.KeySpace)
	if u.inter != nil {
		t.Fatal("the interview is still on screen")
	}
	if !strings.Contains(texts(u), u.t("skills.title")) || !hasButton(u, u.t("interview.back_to_interview")) {
		t.Fatalf("the profile did not open:\n%s", texts(u))
	}
	cases, _ := db.CasesOf(ctx, p.ID)
	paused, err := db.InterviewInProgress(ctx, cases[0].ID)
	if err != nil || paused == nil || paused.Section != 4 {
		t.Fatalf("the interview was not paused at the skills section: %+v, %v", paused, err)
	}
	test.Tap(button(t, u, u.t("skills.save")))
	saved, err := db.SkillsProfiles(ctx, p.ID)
	if err != nil || len(saved) != 1 {
		t.Fatalf("saved %d versions, %v:\n%s", len(saved), err, texts(u))
	}
	v1 := saved[0]
	if v1.FromInterview != paused.ID || len(v1.Licences) != 1 || v1.Licences[0].Category != "B" ||
		!strings.Contains(v1.Notes, "Potatura") {
		t.Errorf("the profile is not the interview's answers: %+v", v1)
	}
	hasIt := false
	for _, l := range v1.Languages {
		hasIt = hasIt || (l.Language == "it" && l.Overall == "A1")
	}
	if !hasIt {
		t.Errorf("Italian A1 not proposed: %+v", v1.Languages)
	}
	paused, _ = db.InterviewInProgress(ctx, cases[0].ID)
	if got := answerOf(paused, "skills.profile"); got != "v1" {
		t.Errorf("the interview records %q, want v1", got)
	}

	test.Tap(button(t, u, u.t("interview.back_to_interview")))
	s = u.inter
	if s == nil || s.qn.Sections[s.section].ID != "skills" {
		t.Fatalf("the interview did not resume at the skills section:\n%s", texts(u))
	}
	if s.answers["skills.licences"] != "b" || s.answers["skills.profile"] != "v1" || s.answers["documents.italian_level"] != "a1" {
		t.Errorf("answers after resuming: %v", s.answers)
	}
	if u.win.Canvas().Focused() != fyne.Focusable(s.profileButton) {
		t.Errorf("focus on %T, not the profile's button", u.win.Canvas().Focused())
	}
	screen := texts(u)
	if !strings.Contains(screen, u.tr.Tf("interview.profile_linked", map[string]any{"N": 1})) ||
		!strings.Contains(screen, u.tr.Tf("interview.profile_latest", map[string]any{"N": 1, "Date": itDay(v1.Date),
			"Languages": len(v1.Languages), "Jobs": len(v1.Experiences), "Skills": len(v1.Skills)})) {
		t.Errorf("the element does not show version 1:\n%s", screen)
	}

	// The person view leaves the element out.
	s.setView(viewPerson)
	if s.profileButton != nil || s.profileNote != nil || hasScriptText(u, s.ptr.T("q.skills.profile.text")) {
		t.Error("the person view shows the profile's element")
	}
	s.setView(viewOperator)
	if s.profileButton == nil {
		t.Error("the operator view lacks the profile's element")
	}
}

// TestInterviewOnOldQuestionnaire: an interview taken on 2026.1 resumes on
// 2026.1 with its answers, and has no profile element.
func TestInterviewOnOldQuestionnaire(t *testing.T) {
	u, db, op := signedInApp(t)
	ctx := context.Background()
	p := skillsPerson(t, db, op)
	cases, _ := db.CasesOf(ctx, p.ID)
	iv := &model.Interview{CaseID: cases[0].ID, Date: testNow, Kind: model.InterviewIntake, Place: model.PlaceDesk, Language: "ar",
		QuestionnaireVersion: "2026.1", Status: model.InterviewInProgress, Section: 4,
		Answers: []model.Answer{{QuestionID: "skills.licences", Value: "b"}, {QuestionID: "skills.other", Value: "Potatura"},
			{QuestionID: "documents.italian_level", Value: "a2"}}}
	if err := db.CreateInterview(ctx, iv, op.ID); err != nil {
		t.Fatal(err)
	}
	u.signedIn(op)
	openRow(t, u, "HADDAD Karim")
	test.Tap(button(t, u, u.t("case.resume_interview")))
	s := u.inter
	if s == nil || s.qn.Version != "2026.1" || s.qn.Question("skills.profile") != nil {
		t.Fatalf("the old interview did not open on its own version:\n%s", texts(u))
	}
	if s.qn.Sections[s.section].ID != "skills" || s.entries["skills.other"] == nil || s.entries["skills.other"].Text != "Potatura" ||
		!s.options["skills.licences=b"].selected || s.profileButton != nil {
		t.Errorf("the skills section does not show its answers")
	}
	toSectionBack := func() {
		for s.section > 0 {
			test.Tap(button(t, u, keyed(u, "interview.back")))
		}
	}
	toSectionBack()
	if !s.options["documents.italian_level=a2"].selected {
		t.Error("the first section lost its answer")
	}
}

// TestInterviewSkillsProfileNextVersion: a person with a profile already
// gets its next version from the interview, started from the latest (the
// interview's answers replace nothing), and the interview records it.
func TestInterviewSkillsProfileNextVersion(t *testing.T) {
	u, db, p := startInterview(t, "ar")
	ctx := context.Background()
	first := &model.SkillsProfile{PersonID: p.ID, Date: testNow, Languages: []model.LanguageSkill{{Language: "ar", Mother: true}}}
	if err := db.SaveSkillsProfile(ctx, first, 0); err != nil {
		t.Fatal(err)
	}
	u.inter.loadProfile()
	toSection(t, u, "skills")
	choose(t, u, "skills.licences", "c")
	if !strings.Contains(texts(u), u.tr.Tf("interview.profile_latest", map[string]any{"N": 1, "Date": itDay(testNow),
		"Languages": 1, "Jobs": 0, "Skills": 0})) {
		t.Fatalf("the element does not show version 1:\n%s", texts(u))
	}
	test.Tap(u.inter.profileButton)
	if !strings.Contains(texts(u), u.t("skills.from_interview_latest")) {
		t.Errorf("the profile does not say where it starts from:\n%s", texts(u))
	}
	test.Tap(button(t, u, u.t("skills.save")))
	saved, _ := db.SkillsProfiles(ctx, p.ID)
	if len(saved) != 2 || saved[0].Version != 2 || len(saved[0].Languages) != 1 || !saved[0].Languages[0].Mother || len(saved[0].Licences) != 0 {
		t.Fatalf("versions %+v", saved)
	}
	test.Tap(button(t, u, u.t("interview.back_to_interview")))
	if u.inter == nil || u.inter.answers["skills.profile"] != "v2" || u.inter.answers["skills.licences"] != "c" {
		t.Fatalf("after the way back: %+v", u.inter)
	}
}

package ui

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sportello/locales"
	"sportello/model"
	"sportello/store"
)

// treeSurgeon is ESCO's tree surgeon, found by the desk's word "potatore".
const treeSurgeon = "fa30c1cb-dbc5-409c-8124-7284592b123c"

// skillsPerson registers a fictional person whose language is Arabic.
func skillsPerson(t *testing.T, db *store.DB, op *model.Operator) *model.Person {
	t.Helper()
	p := &model.Person{FamilyName: "Haddad", GivenNames: "Karim", PreferredLanguage: "ar"}
	if err := db.CreatePerson(context.Background(), p, op.ID); err != nil {
		t.Fatal(err)
	}
	return p
}

// openSkills opens the person's skills profile from the case view.
func openSkills(t *testing.T, u *App, p *model.Person) *skillsView {
	t.Helper()
	v := newSkillsView(u, p)
	u.home.showFromCase(p, v.build())
	return v
}

// inField finds the widget of type T in the field at path.
func inField[T fyne.CanvasObject](t *testing.T, v *skillsView, path string) T {
	t.Helper()
	f := v.fields[path]
	if f == nil {
		t.Fatalf("no field %q on screen", path)
	}
	var found T
	var ok bool
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if ok {
			return
		}
		if x, is := o.(T); is {
			found, ok = x, true
			return
		}
		if c, is := o.(*fyne.Container); is {
			for _, o := range c.Objects {
				walk(o)
			}
		}
	}
	walk(f.obj)
	if !ok {
		t.Fatalf("field %q holds no %T", path, found)
	}
	return found
}

// pick types into a type-ahead and chooses the first match with Enter.
func pick(t *testing.T, u *App, v *skillsView, path, text string) {
	t.Helper()
	p := inField[*picker](t, v, path)
	u.win.Canvas().Focus(p)
	test.Type(p, text)
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

func chooseCode(t *testing.T, v *skillsView, path, code string) {
	t.Helper()
	c := inField[*choice](t, v, path)
	c.setCode(code)
	if c.code() != code {
		t.Fatalf("%s: no option %q", path, code)
	}
}

func fieldErr(v *skillsView, path string) string {
	if f := v.fields[path]; f != nil && f.err.Visible() {
		return f.err.Text
	}
	return ""
}

// TestSkillsProfileBuildAndVersions builds a profile in Italian and Arabic
// with the operator, saves it, saves again: version 2, version 1 as it was.
func TestSkillsProfileBuildAndVersions(t *testing.T) {
	u, db, op := signedInApp(t)
	ctx := context.Background()
	p := skillsPerson(t, db, op)
	v := openSkills(t, u, p)

	test.Tap(button(t, u, u.t("skills.add_language")))
	pick(t, u, v, "languages.0.language", "arabo")
	inField[*widget.Check](t, v, "languages.0.mother").SetChecked(true)
	test.Tap(button(t, u, u.t("skills.add_language")))
	pick(t, u, v, "languages.1.language", "italiano")
	chooseCode(t, v, "languages.1.levels.listening", "A2")
	chooseCode(t, v, "languages.1.certificate", "cpia")
	// The level is explained to the person in Arabic.
	want := locales.ForPerson("ar").T("doc.cefr.listening.A2")
	if st := inField[*scriptText](t, v, "languages.1.levels.listening"); st.text != want || !st.Visible() {
		t.Errorf("descriptor %q, want the Arabic %q", st.text, want)
	}

	test.Tap(button(t, u, u.t("skills.add_job")))
	pick(t, u, v, "experiences.0.esco", "potatore")
	if e := v.draft.Experiences[0]; e.ESCO != treeSurgeon || e.ISCO == "" {
		t.Fatalf("occupation not chosen: %+v", e)
	}
	skill, _ := model.CuratedSkillByID("S6.4.3")
	check := v.lastChecks[skill.ID]
	if check == nil || check.Text != skill.Label("it") {
		t.Fatalf("pruning not proposed for a tree surgeon")
	}
	test.Tap(check)
	test.Tap(button(t, u, u.t("skills.add_licence")))
	chooseCode(t, v, "licences.0.category", "B")
	test.Tap(button(t, u, u.t("skills.save")))

	saved, err := db.SkillsProfiles(ctx, p.ID)
	if err != nil || len(saved) != 1 {
		t.Fatalf("saved %d versions, %v; screen says:\n%s", len(saved), err, texts(u))
	}
	s := saved[0]
	if len(s.Languages) != 2 || s.Languages[0].Language != "ar" || !s.Languages[0].Mother ||
		s.Languages[1].Levels["listening"] != "A2" || s.Languages[1].Certificate != "cpia" {
		t.Errorf("languages %+v", s.Languages)
	}
	if len(s.Experiences) != 1 || s.Experiences[0].ESCO != treeSurgeon || len(s.Skills) != 1 || s.Skills[0].ESCO != "S6.4.3" {
		t.Errorf("experience %+v, skills %+v", s.Experiences, s.Skills)
	}
	if len(s.Licences) != 1 || s.Licences[0].Category != "B" {
		t.Errorf("licences %+v", s.Licences)
	}
	if !strings.Contains(texts(u), u.tr.Tf("skills.saved", map[string]any{"N": 1, "Date": "14/03/2026"})) {
		t.Errorf("no saved message:\n%s", texts(u))
	}
	first, _ := json.Marshal(s)

	// A change is the next version; the first stays as it was.
	v.draft.Notes = "Vuole lavorare in vivaio."
	test.Tap(button(t, u, u.t("skills.save")))
	saved, _ = db.SkillsProfiles(ctx, p.ID)
	if len(saved) != 2 || saved[0].Version != 2 || saved[0].Notes != "Vuole lavorare in vivaio." {
		t.Fatalf("second save: %+v", saved)
	}
	if again, _ := json.Marshal(saved[1]); string(again) != string(first) {
		t.Errorf("version 1 changed:\n%s\n%s", first, again)
	}
	// The earlier version shows read-only.
	v.shown = 1
	v.render()
	if hasButton(u, u.t("skills.save")) || !inField[*widget.Check](t, v, "languages.0.mother").Disabled() {
		t.Error("an earlier version is editable")
	}
}

// TestSkillsProfileRefusesBadPeriod shows every problem on its field at
// once and saves nothing.
func TestSkillsProfileRefusesBadPeriod(t *testing.T) {
	u, db, op := signedInApp(t)
	p := skillsPerson(t, db, op)
	v := openSkills(t, u, p)
	test.Tap(button(t, u, u.t("skills.add_job")))
	test.Type(inField[*widget.Entry](t, v, "experiences.0.title"), "Bracciante")
	test.Type(inField[*widget.Entry](t, v, "experiences.0.from"), "05/2024")
	test.Type(inField[*widget.Entry](t, v, "experiences.0.to"), "03/2020")
	test.Tap(button(t, u, u.t("skills.add_education")))
	test.Type(inField[*widget.Entry](t, v, "education.0.from"), "31/02/2019")
	day := inField[*widget.Entry](t, v, "date") // the profile's own day: a month alone is refused, not dropped
	day.SetText("")
	test.Type(day, "03/2026")
	test.Tap(button(t, u, u.t("skills.save")))
	if got := fieldErr(v, "date"); got != u.t("error.date_typed") || day.Text != "03/2026" {
		t.Errorf("the profile's day typed 03/2026: error %q, text %q", got, day.Text)
	}

	if got := fieldErr(v, "experiences.0.to"); got != u.t("error."+model.ErrInvalid) {
		t.Errorf("period error %q", got)
	}
	if got := fieldErr(v, "education.0.from"); got != u.t("error.date_typed") {
		t.Errorf("date error %q", got)
	}
	if inField[*widget.Entry](t, v, "education.0.from").Text != "31/02/2019" {
		t.Error("the date typed was changed")
	}
	if saved, _ := db.SkillsProfiles(context.Background(), p.ID); len(saved) != 0 {
		t.Errorf("saved %d versions with errors", len(saved))
	}
}

// TestSkillsProfileRoles: a legal adviser reads the profile and cannot
// write it; a mediator not on the case's team sees nothing of it.
func TestSkillsProfileRoles(t *testing.T) {
	u, db := newTestApp(t)
	ctx := context.Background()
	p := &model.Person{FamilyName: "Haddad", GivenNames: "Karim", PreferredLanguage: "ar"}
	if err := db.CreatePerson(ctx, p, 0); err != nil {
		t.Fatal(err)
	}
	first := &model.SkillsProfile{PersonID: p.ID, Date: testNow, Languages: []model.LanguageSkill{{Language: "ar", Mother: true}}}
	if err := db.SaveSkillsProfile(ctx, first, 0); err != nil {
		t.Fatal(err)
	}

	legal := signInAs(t, u, db, "marco", model.RoleLegalAdviser)
	v := openSkills(t, u, p)
	if hasButton(u, u.t("skills.save")) || hasButton(u, u.t("skills.add_language")) {
		t.Error("a legal adviser may change the profile")
	}
	if !inField[*widget.Check](t, v, "languages.0.mother").Disabled() {
		t.Error("inputs enabled for a reader")
	}
	if err := db.As(legal).SaveSkillsProfile(ctx, &model.SkillsProfile{PersonID: p.ID, Date: testNow}, legal.ID); model.ErrorCode(err) != model.ErrPermission {
		t.Errorf("the store let a legal adviser write: %v", err)
	}

	mediator := signInAs(t, u, db, "samira", model.RoleMediator)
	v = openSkills(t, u, p)
	if v.draft != nil || len(v.versions) != 0 || hasButton(u, u.t("skills.save")) {
		t.Errorf("a mediator not on the team sees the profile:\n%s", texts(u))
	}
	if _, err := db.As(mediator).SkillsProfiles(ctx, p.ID); err == nil {
		t.Error("the store let a mediator off the team read")
	}
}

// TestSkillsProfileByKeyboard fills the languages section and saves with
// the keyboard alone: Tab, typing, Enter in the type-ahead, Space.
func TestSkillsProfileByKeyboard(t *testing.T) {
	u, db, op := signedInApp(t)
	p := skillsPerson(t, db, op)
	v := openSkills(t, u, p)
	k := keyboard{t, u}
	add := button(t, u, u.t("skills.add_language"))
	u.win.Canvas().Focus(add)
	k.press(fyne.KeySpace)
	if _, ok := k.focused().(*picker); !ok {
		t.Fatalf("the new language's field has no focus: %T", k.focused())
	}
	k.typ("arab")
	k.press(fyne.KeyDown)
	k.press(fyne.KeyUp)
	k.press(fyne.KeyReturn)
	k.tab() // the name in words
	k.tab() // mother tongue
	k.press(fyne.KeySpace)
	if l := v.draft.Languages; len(l) != 1 || l[0].Language != "ar" || !l[0].Mother {
		t.Fatalf("languages %+v; focus on %T", l, k.focused())
	}
	for i := 0; i < 400; i++ {
		if b, ok := k.focused().(*widget.Button); ok && b.Text == u.t("skills.save") {
			break
		}
		k.tab()
	}
	t.Logf("focus on %T", k.focused())
	k.press(fyne.KeySpace)
	saved, err := db.SkillsProfiles(context.Background(), p.ID)
	if err != nil || len(saved) != 1 {
		t.Fatalf("saved %d, %v:\n%s", len(saved), err, texts(u))
	}
	if l := saved[0].Languages; len(l) != 1 || l[0].Language != "ar" || !l[0].Mother {
		t.Errorf("languages %+v", l)
	}
}

// TestSkillsProfileSeededFromInterview: with no version yet, the profile
// starts from the latest completed interview, and says so.
func TestSkillsProfileSeededFromInterview(t *testing.T) {
	u, db, op := signedInApp(t)
	ctx := context.Background()
	p := skillsPerson(t, db, op)
	cases, _ := db.CasesOf(ctx, p.ID)
	iv := &model.Interview{CaseID: cases[0].ID, Date: testNow, Kind: model.InterviewIntake, Place: model.PlaceDesk, Language: "ar",
		QuestionnaireVersion: "2026.1", Status: model.InterviewInProgress,
		Answers: []model.Answer{{QuestionID: "skills.licences", Value: "b"}, {QuestionID: "documents.italian_level", Value: "A1"}}}
	if err := db.CreateInterview(ctx, iv, op.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.CompleteInterview(ctx, iv, model.Screening{}, op.ID); err != nil {
		t.Fatal(err)
	}
	v := openSkills(t, u, p)
	if !strings.Contains(texts(u), u.tr.Tf("skills.seeded", map[string]any{"Date": "14/03/2026"})) {
		t.Errorf("the screen does not say where the profile comes from:\n%s", texts(u))
	}
	if len(v.draft.Licences) != 1 || v.draft.Licences[0].Category != "B" {
		t.Errorf("licences not proposed: %+v", v.draft.Licences)
	}
	// Italian at A1: an Italian course is suggested, and goes to the plan.
	if !strings.Contains(texts(u), u.t("skills.gap_italian")) {
		t.Fatalf("no Italian course suggested:\n%s", texts(u))
	}
	test.Tap(button(t, u, u.t("skills.add_to_plan")))
	plans, _ := db.PlansOf(ctx, cases[0].ID)
	if len(plans) != 1 || len(plans[0].Goals) != 1 || plans[0].Goals[0].Area != model.AreaItalian ||
		plans[0].Goals[0].Actions[0].What != u.t("skills.gap_italian") {
		t.Errorf("plan %+v", plans)
	}
}

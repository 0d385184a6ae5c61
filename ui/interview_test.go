package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"sportello/locales"
	"sportello/model"
	"sportello/store"
)

// startInterview registers a person and starts an interview from the case view.
func startInterview(t *testing.T, lang string) (*App, *store.DB, *model.Person) {
	t.Helper()
	u, db, op := signedInApp(t)
	p := &model.Person{FamilyName: "El Amrani", GivenNames: "Youssef", OwnScriptName: "يوسف العمراني", PreferredLanguage: lang}
	if err := db.CreatePerson(context.Background(), p, op.ID); err != nil {
		t.Fatal(err)
	}
	u.signedIn(op)
	openRow(t, u, "EL AMRANI Youssef")
	test.Tap(button(t, u, u.t("case.new_interview")))
	typeInto(t, u, u.t("interview.mediator"), "Samira Belkacem")
	test.Tap(button(t, u, u.t("interview.start")))
	if u.inter == nil {
		t.Fatalf("the interview did not start:\n%s", texts(u))
	}
	return u, db, p
}

func choose(t *testing.T, u *App, answerID, option string) {
	t.Helper()
	b := u.inter.options[answerID+"="+option]
	if b == nil {
		t.Fatalf("no option %s=%s on screen (section %d, view %d)", answerID, option, u.inter.section, u.inter.view)
	}
	test.Tap(b)
}

func fill(t *testing.T, u *App, answerID, text string) {
	t.Helper()
	e := u.inter.entries[answerID]
	if e == nil {
		t.Fatalf("no field %s on screen", answerID)
	}
	e.SetText("")
	test.Type(e, text)
}

// TestInterviewInArabic takes a whole interview in the bilingual view with
// Arabic, turns the screen to the person and back, ends it, and reads the
// answers and the screening back from the store.
func TestInterviewInArabic(t *testing.T) {
	u, db, p := startInterview(t, "ar")
	s := u.inter
	ar := locales.ForPerson("ar")
	q := s.qn.Question("documents.id_kept")

	// Bilingual: the question in Italian and in Arabic, drawn by scriptText.
	if !strings.Contains(texts(u), u.t(q.TextKey())) || !hasScriptText(u, ar.T(q.TextKey())) {
		t.Fatal("the bilingual view lacks the question in both languages")
	}
	choose(t, u, "documents.id_kept", "yes")
	choose(t, u, "documents.permit_status", "expired")
	fill(t, u, "documents.permit_expiry", "2025-06") // shown only now that the permit is expired
	fill(t, u, "documents.languages", "arabo, francese")

	// The person view: only Arabic, big buttons; the answer goes on being saved.
	test.Tap(button(t, u, u.t("interview.view_person")+" (Ctrl+3)"))
	if s.view != viewPerson || !hasScriptText(u, ar.T(q.TextKey())) || strings.Contains(texts(u), u.t(q.TextKey())) {
		t.Fatal("the person view does not show the question in Arabic only")
	}
	b := s.options["documents.housing=informal_settlement"]
	if b == nil || b.operator != "" || b.person != ar.T("q.documents.housing.informal_settlement") || !b.big {
		t.Fatalf("person view option: %+v", b)
	}
	test.Tap(b)
	test.Tap(button(t, u, u.t("interview.leave_person_view")+" (Ctrl+1)"))
	if s.view != viewBilingual {
		t.Fatal("not back in the bilingual view")
	}

	test.Tap(button(t, u, keyed(u, "interview.next"))) // migration
	choose(t, u, "migration.promised_job", "yes")
	choose(t, u, "migration.job_as_promised", "no")
	test.Tap(button(t, u, keyed(u, "interview.next"))) // work
	test.Tap(button(t, u, u.t("interview.add_job")))
	choose(t, u, "work.jobs.sector#0", "a")
	fill(t, u, "work.jobs.hours_per_day#0", "13")
	fill(t, u, "work.jobs.pay_per_day#0", "25")
	choose(t, u, "work.jobs.living#0", "overcrowded")
	choose(t, u, "work.jobs.deductions#0", "transport")
	choose(t, u, "work.jobs.deductions#0", "water")
	test.Tap(button(t, u, keyed(u, "interview.next"))) // exploitation
	choose(t, u, "exploitation.threats", "yes")
	choose(t, u, "exploitation.deceived", "yes")
	for s.section < len(s.qn.Sections)-1 {
		test.Tap(button(t, u, keyed(u, "interview.next")))
	}
	choose(t, u, "needs.needs", "legal")
	choose(t, u, "needs.needs", "housing")
	test.Tap(button(t, u, keyed(u, "interview.finish")))
	test.Tap(overlayButton(t, u, u.t("interview.finish_anyway"))) // most questions are unanswered

	// The screening proposes a referral; the operator decides.
	screen := texts(u)
	if !strings.Contains(screen, u.t("screening.referral_title")) || !strings.Contains(screen, model.ILOIndicators[6].IT) {
		t.Fatalf("screening:\n%s", screen)
	}
	test.Tap(button(t, u, u.t("screening.decide_not_now")))
	if !strings.Contains(texts(u), u.t("screening.note_needed")) {
		t.Error("'not now' without a reason was accepted")
	}
	test.Tap(button(t, u, u.t("screening.decide_refer")))

	ctx := context.Background()
	cases, _ := db.CasesOf(ctx, p.ID)
	ivs, _ := db.InterviewsOf(ctx, cases[0].ID)
	if len(ivs) != 1 || ivs[0].Status != model.InterviewCompleted || ivs[0].Language != "ar" || ivs[0].Mediator != "Samira Belkacem" {
		t.Fatalf("interview %+v", ivs)
	}
	got := map[string]string{}
	for _, a := range ivs[0].Answers {
		got[a.QuestionID] = a.Value
	}
	want := map[string]string{"documents.id_kept": "yes", "documents.permit_status": "expired", "documents.permit_expiry": "2025-06",
		"documents.languages": "arabo, francese", "documents.housing": "informal_settlement", "migration.promised_job": "yes",
		"migration.job_as_promised": "no", "work.jobs": "1", "work.jobs.sector#0": "a", "work.jobs.hours_per_day#0": "13",
		"work.jobs.pay_per_day#0": "25", "work.jobs.living#0": "overcrowded", "work.jobs.deductions#0": "transport,water",
		"exploitation.threats": "yes", "exploitation.deceived": "yes", "needs.needs": "housing,legal"}
	for id, v := range want {
		if got[id] != v {
			t.Errorf("answer %s = %q, want %q", id, got[id], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d answers stored, want %d: %v", len(got), len(want), got)
	}
	rec, err := db.ScreeningOf(ctx, ivs[0].ID)
	if err != nil || rec == nil || !rec.Result.Trafficking || rec.Decision != model.DecisionRefer {
		t.Fatalf("screening %+v %v", rec, err)
	}

	// Back in the case view, the screening shows there too.
	test.Tap(button(t, u, u.t("screening.back_to_case")))
	if !strings.Contains(texts(u), u.t("screening.rule_met_short")) {
		t.Errorf("case view after the interview:\n%s", texts(u))
	}
}

// TestInterviewResumesWhereItStopped pauses, changes the person's language,
// and resumes at the same section with the answers given.
func TestInterviewResumesWhereItStopped(t *testing.T) {
	u, db, p := startInterview(t, "bn")
	choose(t, u, "documents.id_kept", "no")
	test.Tap(button(t, u, keyed(u, "interview.next")))
	fill(t, u, "migration.arrival_year", "2019")
	u.inter.onLanguage("en") // people often speak several languages
	test.Tap(button(t, u, u.t("interview.pause")))
	if u.inter != nil {
		t.Fatal("pause did not leave the interview")
	}
	test.Tap(button(t, u, u.t("case.resume_interview")))
	s := u.inter
	if s == nil || s.section != 1 || s.iv.Language != "en" || s.answers["migration.arrival_year"] != "2019" || s.answers["documents.id_kept"] != "no" {
		t.Fatalf("resumed at %+v", s)
	}
	if e := s.entries["migration.arrival_year"]; e == nil || e.Text != "2019" {
		t.Fatal("the typed answer is not back in its field")
	}
	ivs, _ := db.InterviewsOf(context.Background(), s.iv.CaseID)
	if len(ivs) != 1 || ivs[0].Status != model.InterviewInProgress || ivs[0].Language != "en" || ivs[0].Section != 1 {
		t.Errorf("stored: %+v", ivs)
	}
	_ = p
}

func hasScriptText(u *App, text string) bool {
	for _, o := range objects(u) {
		if st, ok := o.(*scriptText); ok && st.text == text {
			return true
		}
	}
	return false
}

// TestInterviewByKeyboard: options take focus and are chosen with Space or
// Enter; Enter in a field moves to the next one.
func TestInterviewByKeyboard(t *testing.T) {
	u, _, _ := startInterview(t, "ur")
	s := u.inter
	c := u.win.Canvas()
	no := s.options["documents.id_kept=no"]
	c.Focus(no)
	if !no.focused {
		t.Fatal("an option does not take the focus")
	}
	no.TypedRune(' ')
	if s.answers["documents.id_kept"] != "no" || !no.selected {
		t.Fatalf("Space did not choose: %q", s.answers["documents.id_kept"])
	}
	yes := s.options["documents.id_kept=yes"]
	c.Focus(yes)
	yes.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if s.answers["documents.id_kept"] != "yes" || no.selected {
		t.Fatalf("Enter did not choose: %q", s.answers["documents.id_kept"])
	}
	langs := s.entries["documents.languages"]
	c.Focus(langs)
	test.Type(langs, "urdu, punjabi")
	langs.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if c.Focused() == langs {
		t.Error("Enter did not move on from the field")
	}
	if s.answers["documents.languages"] != "urdu, punjabi" {
		t.Errorf("typed answer %q", s.answers["documents.languages"])
	}
}

// TestWorkHistoryInThePersonsLanguage: the work-history group and each of
// its jobs carry their title in the person's language too, in the
// bilingual view and in the view turned towards the person.
func TestWorkHistoryInThePersonsLanguage(t *testing.T) {
	for _, lang := range []string{"ur", "ar", "zh"} {
		t.Run(lang, func(t *testing.T) {
			u, _, _ := startInterview(t, lang)
			s := u.inter
			pe := locales.ForPerson(lang)
			g := s.qn.Question("work.jobs")
			for s.qn.Sections[s.section].ID != "work" {
				test.Tap(button(t, u, keyed(u, "interview.next")))
			}
			test.Tap(button(t, u, u.t("interview.add_job")))
			title, job := pe.T(g.TextKey()), pe.Tf(g.InstanceKey(), map[string]any{"N": 1})
			if !pe.Has(g.TextKey()) || !pe.Has(g.InstanceKey()) {
				t.Fatalf("%s lacks the group's texts", lang)
			}
			for _, v := range []viewMode{viewBilingual, viewPerson} {
				s.setView(v)
				for _, want := range []string{title, job} {
					if !hasScriptText(u, want) {
						t.Errorf("view %d: no %q in %s on screen", v, want, lang)
					}
				}
			}
			s.setView(viewBilingual)
			if screen := texts(u); !strings.Contains(screen, u.t(g.TextKey())) || !strings.Contains(screen, u.tr.Tf(g.InstanceKey(), map[string]any{"N": 1})) {
				t.Errorf("the operator's titles are missing:\n%s", screen)
			}
		})
	}
}

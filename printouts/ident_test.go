package printouts

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sportello/assets"
	"sportello/locales"
	"sportello/model"
)

// testPerson is the fictional person of the person's documents.
var testPerson = model.Person{ID: 1, CaseCode: "PUA-2026-000123", FamilyName: "Rahimi", GivenNames: "Amina",
	OwnScriptName: "آمنه رحیمی", BirthDate: model.PartialDate{Year: 1990, Month: 5, Day: 10}, PreferredLanguage: "fa"}

// personHeader heads the person's documents: the desk and testPerson.
var personHeader = func() Header { h := testHeader; h.Person = IdentOf(testPerson); return h }()

// longPlan is an agreed plan of n goals, long enough to take pages.
func longPlan(n int) model.Plan {
	p := agreedPlan
	p.Goals = nil
	areas := []model.PlanArea{model.AreaWork, model.AreaTraining, model.AreaItalian, model.AreaLegal, model.AreaHousing,
		model.AreaHealth, model.AreaIncome}
	for i := 0; i < n; i++ {
		p.Goals = append(p.Goals, model.Goal{Area: areas[i%len(areas)], Text: fmt.Sprintf("Obiettivo %d: trovare un lavoro regolare", i+1),
			Actions: []model.Action{
				{What: "Colloquio al Centro per l'Impiego", ServiceID: 4, Due: model.PartialDate{Year: 2026, Month: 4, Day: 15}},
				{What: "Curriculum in italiano", OperatorID: 2}}})
	}
	return p
}

// testIntake is a completed interview with an answer to every question
// that is not a group, so its summary takes pages.
func testIntake() Intake {
	data, _ := assets.Questionnaire(assets.CurrentQuestionnaire)
	qn, err := model.ParseQuestionnaire(data)
	if err != nil {
		panic(err)
	}
	iv := model.Interview{Date: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC), Kind: model.InterviewIntake, Language: "fa",
		Mediator: "Samira Benali", QuestionnaireVersion: assets.CurrentQuestionnaire, Status: model.InterviewCompleted}
	for _, s := range qn.Sections {
		for _, q := range s.Questions {
			if q.Type == model.QGroup {
				continue
			}
			v := "risposta di prova"
			if c := q.Choices(); len(c) > 0 {
				v = c[0]
			}
			iv.Answers = append(iv.Answers, model.Answer{QuestionID: q.ID, Value: v})
		}
	}
	return Intake{Header: personHeader, Person: testPerson, Interview: iv, Questionnaire: qn}
}

// personDocuments renders every document that concerns a person, for
// testPerson; the plan long enough to end on a second page.
var personDocuments = map[string]func(w io.Writer, lang string) error{
	"consent":  documents["consent"],
	"referral": documents["referral"],
	"slip":     documents["slip"],
	"plan": func(w io.Writer, lang string) error {
		return RenderPlan(w, PlanDoc{Lang: lang, Header: personHeader, Plan: longPlan(5),
			Responsible: map[int64]string{2: "Elena Rinaldi", -4: "CPIA 9 Latina (demo)"}})
	},
	"intake":     func(w io.Writer, _ string) error { return RenderIntake(w, testIntake()) },
	"profile":    documents["profile"],
	"internship": documents["internship"],
	"access": func(w io.Writer, lang string) error {
		f := *testFile
		f.Person = testPerson
		return RenderAccess(w, Access{Lang: lang, File: &f, Zone: time.UTC})
	},
}

// pagesOf renders a document to a file and reads each page back with
// pdftotext -f N -l N.
func pagesOf(t *testing.T, pdftotext string, render func(io.Writer, string) error, name, lang string) []string {
	t.Helper()
	var buf bytes.Buffer
	if err := render(&buf, lang); err != nil {
		t.Fatalf("%s in %s: %v", name, lang, err)
	}
	path := filepath.Join(t.TempDir(), name+"-"+lang+".pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	var pages []string
	for n := 1; ; n++ {
		out, err := exec.Command(pdftotext, "-f", fmt.Sprint(n), "-l", fmt.Sprint(n), path, "-").Output()
		if err != nil {
			break // past the last page
		}
		pages = append(pages, string(out))
	}
	if len(pages) == 0 {
		t.Fatalf("%s in %s: no page read back", name, lang)
	}
	return pages
}

// unbanded are the documents about a person that must not identify them
// by case: the curriculum and the candidate sheet go to employers.
var unbanded = map[string]bool{"cv": true, "candidate": true}

// TestPersonDocumentsIdentifyThePerson: every page of every person's
// document, in Italian, Urdu and Chinese, has the case code, the family
// name and the birth date, and the name in the person's own script is in
// the text; the rights leaflet and the notice name nobody.
func TestPersonDocumentsIdentifyThePerson(t *testing.T) {
	pdftotext := tool(t, "pdftotext")
	if len(personDocuments)+2+len(unbanded) != len(documentTable)+1 { // + access, - rights and notice
		t.Errorf("personDocuments does not cover the person's documents of documentTable")
	}
	for name, d := range documentTable {
		if _, ok := personDocuments[name]; ok != (d.concern != nobody) && !unbanded[name] {
			t.Errorf("%s: concerns a person is %v, tested as one is %v", name, d.concern != nobody, ok)
		}
	}
	multi := map[string]bool{}
	for _, lang := range []string{"it", "ur", "zh"} {
		for name, render := range personDocuments {
			pages := pagesOf(t, pdftotext, render, name, lang)
			multi[name] = multi[name] || len(pages) > 1
			for i, p := range pages {
				for _, want := range []string{"PUA-2026-000123", "RAHIMI", "Amina", "10/05/1990"} {
					if !strings.Contains(p, want) {
						t.Errorf("%s in %s, page %d of %d: %q missing", name, lang, i+1, len(pages), want)
					}
				}
			}
			own := noMarks(canon(testPerson.OwnScriptName, true), true)
			if all := noMarks(canon(strings.Join(pages, ""), true), true); !strings.Contains(all, own) {
				t.Errorf("%s in %s: the name in the person's script %q is not in the text", name, lang, testPerson.OwnScriptName)
			}
		}
	}
	for _, name := range []string{"plan", "intake", "access"} {
		if !multi[name] {
			t.Errorf("%s: one page only, the test does not see a second page's band", name)
		}
	}
	for _, name := range []string{"rights", "notice", "cv", "candidate"} {
		for _, p := range pagesOf(t, pdftotext, documents[name], name, "ur") {
			if strings.Contains(p, "PUA-2026") || strings.Contains(p, "10/05/1990") {
				t.Errorf("%s names a person", name)
			}
		}
	}
}

// TestSignaturesStayWhole: the plan with 1 to 9 goals, the consent, the
// notice and the referral letter in Italian, Urdu and Chinese: the page
// with the signature labels has every signer's label and a "place and
// date" label for each in both languages, and the paragraph printed just
// before the block (it never starts a page alone).
func TestSignaturesStayWhole(t *testing.T) {
	pdftotext := tool(t, "pdftotext")
	type signed struct {
		render  func(io.Writer, string) error
		signers []string
		before  string // the Italian of the paragraph before the block
	}
	it := locales.ForPerson("it")
	cases := map[string]signed{
		"consent": {documents["consent"], []string{"sign_person", "sign_mediator", "sign_operator"}, it.T("doc.consent.withdraw")},
		"notice":  {documents["notice"], []string{"sign_person", "sign_mediator", "sign_operator"}, it.T("doc.notice.automated")},
		"referral": {documents["referral"], []string{"sign_operator"},
			it.Tf("doc.referral.answer", map[string]any{"Date": "28/03/2026"})},
	}
	for n := 1; n <= 9; n++ {
		plan := longPlan(n)
		cases[fmt.Sprintf("plan with %d goals", n)] = signed{func(w io.Writer, lang string) error {
			return RenderPlan(w, PlanDoc{Lang: lang, Header: personHeader, Plan: plan})
		}, []string{"sign_person", "sign_mediator", "sign_operator"}, it.Tf("doc.plan.review", map[string]any{"Date": "30/06/2026"})}
	}
	for _, lang := range []string{"it", "ur", "zh"} {
		tr := locales.ForPerson(lang)
		for name, c := range cases {
			pages := pagesOf(t, pdftotext, c.render, strings.ReplaceAll(name, " ", "-"), lang)
			first := it.T("doc.common." + c.signers[0])
			at := -1
			for i, p := range pages {
				if strings.Contains(flat(p), flat(first)) {
					at = i
				}
			}
			if at < 0 {
				t.Errorf("%s in %s: no signature block", name, lang)
				continue
			}
			page := flat(pages[at])
			for _, s := range c.signers {
				if !strings.Contains(page, flat(it.T("doc.common."+s))) {
					t.Errorf("%s in %s: %s is not on the page of the signatures (%d)", name, lang, s, at+1)
				}
			}
			if got := strings.Count(page, flat(it.T("doc.common.date_place"))); got != len(c.signers) {
				t.Errorf("%s in %s: %d Italian place-and-date labels on the signatures' page, want %d", name, lang, got, len(c.signers))
			}
			own := noMarks(canon(tr.T("doc.common.date_place"), true), true)
			if got := strings.Count(noMarks(canon(pages[at], true), true), own); lang != "it" && got < len(c.signers) {
				t.Errorf("%s in %s: %d place-and-date labels in %s, want %d", name, lang, got, lang, len(c.signers))
			}
			if !strings.Contains(page, flat(c.before)) {
				t.Errorf("%s in %s: the signatures start page %d without the paragraph before them", name, lang, at+1)
			}
		}
	}
}

// flat drops spaces and line breaks, which extraction moves.
func flat(s string) string { return canon(s, false) }

func TestBirthText(t *testing.T) {
	for _, c := range []struct {
		d    model.PartialDate
		want string
	}{
		{model.PartialDate{Year: 1990, Month: 5, Day: 10}, "10/05/1990"},
		{model.PartialDate{Year: 1990, Month: 5}, "05/1990"},
		{model.PartialDate{Year: 1990}, "1990"},
		{model.PartialDate{}, ""},
	} {
		if got := BirthText(c.d); got != c.want {
			t.Errorf("BirthText(%v) = %q, want %q", c.d, got, c.want)
		}
	}
}

// personSource is a database holding testPerson and their case.
type personSource struct{ emptySource }

func (personSource) PersonByCaseCode(_ context.Context, code string) (*model.Person, error) {
	if code != testPerson.CaseCode {
		return nil, &model.Error{Code: model.ErrNotFound, Message: "no such case"}
	}
	p := testPerson
	return &p, nil
}

func (personSource) CasesOf(context.Context, int64) ([]model.Case, error) {
	return []model.Case{{ID: 1}}, nil
}

// TestPrepareIdentifies: Prepare feeds the person of the case to the
// band, of the slip too when it is printed from a case, and of nobody
// for a slip without a case.
func TestPrepareIdentifies(t *testing.T) {
	pdftotext := tool(t, "pdftotext")
	for _, c := range []struct {
		r    Request
		want bool
	}{
		{Request{Doc: "slip", Lang: "ur", Date: "03/12/2026", Time: "10:30", CaseCode: testPerson.CaseCode}, true},
		{Request{Doc: "slip", Lang: "ur", Date: "03/12/2026", Time: "10:30"}, false},
		{Request{Doc: "consent", Lang: "zh", Purpose: "privacy_notice", CaseCode: testPerson.CaseCode}, true},
	} {
		render, err := Prepare(context.Background(), personSource{}, c.r)
		if err != nil {
			t.Fatalf("%+v: %v", c.r, err)
		}
		pages := pagesOf(t, pdftotext, func(w io.Writer, _ string) error { return render(w) }, c.r.Doc, c.r.Lang)
		if got := strings.Contains(pages[0], "RAHIMI") && strings.Contains(pages[0], "10/05/1990"); got != c.want {
			t.Errorf("%+v: identified %v, want %v", c.r, got, c.want)
		}
	}
}

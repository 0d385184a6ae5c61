package model

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"
)

func loadV1(t testing.TB) *Questionnaire {
	t.Helper()
	b, err := os.ReadFile("../assets/questionnaire/v1.json")
	if err != nil {
		t.Fatal(err)
	}
	qn, err := ParseQuestionnaire(b)
	if err != nil {
		t.Fatalf("the bundled questionnaire does not load: %v", err)
	}
	return qn
}

func TestBundledQuestionnaire(t *testing.T) {
	qn := loadV1(t)
	var sections []string
	for _, s := range qn.Sections {
		sections = append(sections, s.ID)
	}
	if got := strings.Join(sections, ","); got != "documents,migration,work,exploitation,skills,needs" {
		t.Errorf("sections %s", got)
	}
	types := map[string]bool{}
	for _, s := range qn.Sections {
		for _, q := range s.Questions {
			types[q.Type] = true
			for _, f := range q.Fields {
				types[f.Type] = true
			}
		}
	}
	for _, ty := range []string{QText, QNumber, QDate, QSingle, QMulti, QYesNo, QGroup} {
		if !types[ty] {
			t.Errorf("no question of type %s", ty)
		}
	}
	if qn.Question("work.jobs.hours_per_day") == nil || qn.Question("nope") != nil {
		t.Error("Question lookup")
	}
	keys := qn.Keys()
	for _, k := range []string{"q.section.work", "q.yn.dk", "q.work.jobs.sector.a", "q.documents.id_kept.help", "q.work.jobs.text", "q.work.jobs.instance"} {
		if !slicesContains(keys, k) {
			t.Errorf("Keys lacks %s", k)
		}
	}
}

// badDefinitions are malformed questionnaires and the question each error must name.
var badDefinitions = []struct{ name, json, names string }{
	{"not JSON", `{"version": "1", "sections": [`, "JSON"},
	{"no version", `{"sections": [{"id": "a", "questions": [{"id": "a.b", "type": "text"}]}]}`, "version"},
	{"no sections", `{"version": "1", "sections": []}`, "sections"},
	{"empty section", `{"version": "1", "sections": [{"id": "a", "questions": []}]}`, `"a"`},
	{"unknown type", `{"version": "1", "sections": [{"id": "a", "questions": [{"id": "a.b", "type": "slider"}]}]}`, `"a.b"`},
	{"id outside its section", `{"version": "1", "sections": [{"id": "a", "questions": [{"id": "x.b", "type": "text"}]}]}`, `"x.b"`},
	{"repeated id", `{"version": "1", "sections": [{"id": "a", "questions": [{"id": "a.b", "type": "text"}, {"id": "a.b", "type": "date"}]}]}`, `"a.b"`},
	{"one option", `{"version": "1", "sections": [{"id": "a", "questions": [{"id": "a.b", "type": "single", "options": ["x"]}]}]}`, `"a.b"`},
	{"reserved option", `{"version": "1", "sections": [{"id": "a", "questions": [{"id": "a.b", "type": "single", "options": ["yes", "other"]}]}]}`, `"other"`},
	{"condition on a later question", `{"version": "1", "sections": [{"id": "a", "questions": [{"id": "a.b", "type": "text", "show_if": {"question": "a.c", "in": ["yes"]}}, {"id": "a.c", "type": "yesno"}]}]}`, `"a.b"`},
	{"condition on a value that is no option", `{"version": "1", "sections": [{"id": "a", "questions": [{"id": "a.c", "type": "yesno"}, {"id": "a.b", "type": "text", "show_if": {"question": "a.c", "in": ["maybe"]}}]}]}`, `"a.b"`},
	{"flag on an unknown indicator", `{"version": "1", "sections": [{"id": "a", "questions": [{"id": "a.b", "type": "yesno", "flags": [{"when": ["yes"], "raise": ["ilo.12"]}]}]}]}`, `"a.b"`},
	{"numeric flag on a yes/no", `{"version": "1", "sections": [{"id": "a", "questions": [{"id": "a.b", "type": "yesno", "flags": [{"over": 3, "raise": ["ilo.1"]}]}]}]}`, `"a.b"`},
	{"flag with two tests", `{"version": "1", "sections": [{"id": "a", "questions": [{"id": "a.b", "type": "number", "flags": [{"over": 3, "under": 1, "raise": ["ilo.1"]}]}]}]}`, `"a.b"`},
	{"nested group", `{"version": "1", "sections": [{"id": "a", "questions": [{"id": "a.g", "type": "group", "fields": [{"id": "a.g.h", "type": "group", "fields": [{"id": "a.g.h.i", "type": "text"}]}]}]}]}`, `"a.g.h"`},
	{"group without fields", `{"version": "1", "sections": [{"id": "a", "questions": [{"id": "a.g", "type": "group"}]}]}`, `"a.g"`},
	{"skills profile with options", `{"version": "1", "sections": [{"id": "a", "questions": [{"id": "a.p", "type": "skills_profile", "options": ["x", "y"]}]}]}`, `"a.p"`},
	{"skills profile in a group", `{"version": "1", "sections": [{"id": "a", "questions": [{"id": "a.g", "type": "group", "fields": [{"id": "a.g.p", "type": "skills_profile"}]}]}]}`, `"a.g.p"`},
	{"skills profile twice", `{"version": "1", "sections": [{"id": "a", "questions": [{"id": "a.p", "type": "skills_profile"}, {"id": "a.q", "type": "skills_profile"}]}]}`, `"a.q"`},
	{"skills profile with a condition", `{"version": "1", "sections": [{"id": "a", "questions": [{"id": "a.c", "type": "yesno"}, {"id": "a.p", "type": "skills_profile", "show_if": {"question": "a.c", "in": ["yes"]}}]}]}`, `"a.p"`},
}

// TestQuestionnaireV2 is v1 with the skills profile's element at the end
// of the skills section; nothing else changes, so v1's answers mean the
// same in v2.
func TestQuestionnaireV2(t *testing.T) {
	v1 := loadV1(t)
	b, err := os.ReadFile("../assets/questionnaire/v2.json")
	if err != nil {
		t.Fatal(err)
	}
	v2, err := ParseQuestionnaire(b)
	if err != nil {
		t.Fatalf("v2 does not load: %v", err)
	}
	if v1.Version != "2026.1" || v2.Version != "2026.2" {
		t.Errorf("versions %s, %s", v1.Version, v2.Version)
	}
	p := v2.Question("skills.profile")
	if p == nil || p.Type != QSkillsProfile || p.Asked() || v1.Question("skills.profile") != nil {
		t.Fatalf("skills.profile in v2: %+v", p)
	}
	skills := v2.Sections[4]
	if skills.ID != "skills" || skills.Questions[len(skills.Questions)-1].ID != "skills.profile" {
		t.Errorf("the element is not the skills section's last: %+v", skills)
	}
	k1, k2 := v1.Keys(), v2.Keys()
	if len(k2) != len(k1)+2 || !slicesContains(k2, "q.skills.profile.text") || !slicesContains(k2, "q.skills.profile.help") {
		t.Errorf("v2 keys: %d against %d", len(k2), len(k1))
	}
	for _, k := range k1 {
		if !slicesContains(k2, k) {
			t.Errorf("v2 lacks %s", k)
		}
	}
	for i, s := range v1.Sections {
		n := len(s.Questions)
		if s.ID == "skills" {
			n++
		}
		if v2.Sections[i].ID != s.ID || len(v2.Sections[i].Questions) != n {
			t.Errorf("section %s changed", s.ID)
		}
	}
	for v, want := range map[string]int{"v3": 3, "v12": 12, "": 0, "3": 0, "v0": 0, "vx": 0} {
		if got := SkillsProfileVersion(v); got != want {
			t.Errorf("SkillsProfileVersion(%q) = %d", v, got)
		}
	}
	if SkillsProfileAnswer(3) != "v3" {
		t.Error("SkillsProfileAnswer")
	}
}

func TestMalformedQuestionnaires(t *testing.T) {
	for _, c := range badDefinitions {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseQuestionnaire([]byte(c.json))
			if err == nil {
				t.Fatal("accepted")
			}
			if !strings.Contains(err.Error(), c.names) {
				t.Errorf("error %q does not name %s", err, c.names)
			}
		})
	}
}

// FuzzParseQuestionnaire: any input gives a questionnaire or an error,
// never a panic; what loads has keys for every question.
func FuzzParseQuestionnaire(f *testing.F) {
	b, _ := os.ReadFile("../assets/questionnaire/v1.json")
	f.Add(string(b))
	for _, c := range badDefinitions {
		f.Add(c.json)
	}
	f.Fuzz(func(t *testing.T, s string) {
		qn, err := ParseQuestionnaire([]byte(s))
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		if len(qn.Keys()) == 0 {
			t.Fatal("a loaded questionnaire with no texts")
		}
		Screen(qn, map[string]string{"a.b": "yes"})
	})
}

func TestVisibility(t *testing.T) {
	qn := loadV1(t)
	expiry := qn.Question("documents.permit_expiry")
	for status, want := range map[string]bool{"": false, "none": false, "applied": false, "valid": true, "expired": true} {
		if got := qn.Visible(expiry, -1, map[string]string{"documents.permit_status": status}); got != want {
			t.Errorf("permit expiry shown for status %q: %v", status, got)
		}
	}
}

// TestCodelistOptionsMatchReference: the questionnaire's sector, occupation
// and education options are ATECO 2007 sections, ISCO-08 unit groups and
// Italian education levels.
func TestCodelistOptionsMatchReference(t *testing.T) {
	qn := loadV1(t)
	codes := func(path string, col int) map[string]bool {
		b, err := os.ReadFile("../../shared/reference/" + path)
		if err != nil {
			t.Skipf("../shared/reference absent (%v): codelist check skipped", err)
		}
		rows, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		set := map[string]bool{}
		for _, r := range rows[1:] {
			set[strings.TrimSpace(r[col])] = true
		}
		return set
	}
	check := func(qid, path string, col int, code func(opt string) string) {
		ref := codes(path, col)
		for _, o := range qn.Question(qid).Options {
			if o == "something_else" {
				continue
			}
			if !ref[code(o)] {
				t.Errorf("%s option %q: %q is not in %s", qid, o, code(o), path)
			}
		}
	}
	check("work.jobs.sector", "ontopia/ateco-2007.csv", 0, strings.ToUpper)
	check("work.jobs.occupation", "esco/isco08_codes_en.csv", 0, func(o string) string { return strings.TrimPrefix(o, "isco_") })
	check("skills.education", "ontopia/education-level.csv", 0, strings.ToUpper)
}

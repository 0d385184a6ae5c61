package model

import (
	"slices"
	"testing"
	"time"
)

// An interview's answers seed the first profile: jobs of the work history
// with their ISCO code, sector, region and period, the languages and the
// Italian level, education, licences and certificates, the work wanted;
// and the seeded profile is valid.
func TestSeedSkillsProfile(t *testing.T) {
	iv := &Interview{ID: 7, OperatorID: 3, Date: profileNow, Answers: []Answer{
		{QuestionID: "documents.languages", Value: "Bengali, english, Sylheti"},
		{QuestionID: "documents.italian_level", Value: "a2"},
		{QuestionID: "work.jobs", Value: "3"},
		{QuestionID: "work.jobs.occupation#0", Value: "isco_9211"},
		{QuestionID: "work.jobs.sector#0", Value: "a"},
		{QuestionID: "work.jobs.region#0", Value: "Lazio"},
		{QuestionID: "work.jobs.from#0", Value: "2021-03"},
		{QuestionID: "work.jobs.to#0", Value: "2023"},
		{QuestionID: "work.jobs.contract#0", Value: "oral"},
		{QuestionID: "work.jobs.occupation#1", Value: "something_else"},
		{QuestionID: "work.jobs.sector#1", Value: "i"},
		{QuestionID: "work.jobs.contract#1", Value: "written"},
		{QuestionID: "skills.education", Value: "lse"},
		{QuestionID: "skills.education_country", Value: "Bangladesh"},
		{QuestionID: "skills.qualification", Value: "meccanica"},
		{QuestionID: "skills.qualification_recognised", Value: "no"},
		{QuestionID: "skills.occupations", Value: "saldatore"},
		{QuestionID: "skills.licences", Value: "b,tractor,forklift"},
		{QuestionID: "needs.work_wanted", Value: "magazziniere"},
	}}
	p := SeedSkillsProfile(11, iv)
	if p.PersonID != 11 || p.FromInterview != 7 || p.Author != 3 || !p.Date.Equal(profileNow) {
		t.Errorf("header %+v", p)
	}
	if len(p.Experiences) != 3 {
		t.Fatalf("experiences %+v, want two jobs and the occupation named", p.Experiences)
	}
	j := p.Experiences[0]
	if j.ISCO != "9211" || j.Ateco != "A" || j.Region != "Lazio" || j.From != (PartialDate{Year: 2021, Month: 3}) ||
		j.To != (PartialDate{Year: 2023}) || j.Formal {
		t.Errorf("first job %+v", j)
	}
	if j := p.Experiences[1]; j.ISCO != "" || j.Ateco != "I" || !j.Formal || j.Title == "" {
		t.Errorf("second job %+v", j)
	}
	if p.Experiences[2].Title != "saldatore" {
		t.Errorf("occupation named %+v", p.Experiences[2])
	}
	langs := map[string]LanguageSkill{}
	for _, l := range p.Languages {
		langs[l.Language+l.Name] = l
	}
	if _, ok := langs["bn"]; !ok {
		t.Errorf("Bengali not recognised: %+v", p.Languages)
	}
	if _, ok := langs["Sylheti"]; !ok {
		t.Errorf("a language without a tag lost: %+v", p.Languages)
	}
	if langs["it"].Overall != "A2" {
		t.Errorf("Italian %+v", langs["it"])
	}
	if len(p.Education) != 1 || p.Education[0].ItalianLevel != "LSE" || p.Education[0].Country != "BD" ||
		p.Education[0].Recognition != "none" || p.Education[0].Field != "meccanica" {
		t.Errorf("education %+v", p.Education)
	}
	if len(p.Licences) != 1 || p.Licences[0].Category != "B" {
		t.Errorf("licences %+v", p.Licences)
	}
	if len(p.Certificates) != 2 || p.Certificates[0].Kind != "tractor" || p.Certificates[1].Kind != "forklift" {
		t.Errorf("certificates %+v", p.Certificates)
	}
	if p.Availability.WantedNote != "magazziniere" {
		t.Errorf("wanted %+v", p.Availability)
	}
	if err := p.Validate(profileNow); err != nil {
		t.Errorf("the seeded profile does not validate: %v", err)
	}
}

// An interview without those answers seeds an empty, valid profile.
func TestSeedSkillsProfileEmpty(t *testing.T) {
	p := SeedSkillsProfile(1, &Interview{Date: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC),
		Answers: []Answer{{QuestionID: "work.jobs", Value: "1"}, {QuestionID: "skills.licences", Value: "none"}}})
	if len(p.Experiences)+len(p.Languages)+len(p.Education)+len(p.Licences)+len(p.Certificates) != 0 {
		t.Errorf("%+v", p)
	}
	if err := p.Validate(profileNow); err != nil {
		t.Error(err)
	}
}

// The interview's language is proposed as a language the person speaks,
// once, and not as a mother tongue; Italian is not repeated.
func TestSeedProposesTheInterviewLanguage(t *testing.T) {
	for _, c := range []struct {
		lang, spoken string
		want         []string
	}{
		{"ar", "", []string{"ar"}},
		{"ar", "arabic, french", []string{"ar", "fr"}},
		{"ur", "urdu, english", []string{"ur", "en"}},
		{"it", "", nil},
	} {
		iv := &Interview{Language: c.lang}
		if c.spoken != "" {
			iv.Answers = []Answer{{QuestionID: "documents.languages", Value: c.spoken}}
		}
		var got []string
		for _, l := range SeedSkillsProfile(1, iv).Languages {
			got = append(got, l.Language)
			if l.Mother {
				t.Errorf("%s: %s proposed as a mother tongue", c.lang, l.Language)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("interview in %s, spoken %q: languages %v, want %v", c.lang, c.spoken, got, c.want)
		}
	}
}

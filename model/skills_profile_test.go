package model

import (
	"strings"
	"testing"
	"time"
)

var profileNow = time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)

// validProfile is a fictional profile with something in every part.
func validProfile() *SkillsProfile {
	return &SkillsProfile{PersonID: 1, Date: profileNow,
		Languages: []LanguageSkill{{Language: "bn", Mother: true},
			{Language: "it", Levels: map[string]string{"listening": "A2", "writing": "A1"}, Certificate: "cils", CertLevel: "A2"}},
		Education: []EducationEntry{{Level: "SSC", Country: "BD", From: PartialDate{Year: 2008}, To: PartialDate{Year: 2012},
			Completed: true, ItalianLevel: "LSE", ISCED: "2", Documents: []string{"diploma"}, Recognition: "requested"}},
		Experiences: []WorkExperience{{Title: "bracciante", ESCO: "c9191f7f-28b5-4df8-991d-804c53009b83", CP2011: "8.3.1.1.0",
			ISCO: "9213", Ateco: "A", Country: "IT", Region: "Lazio", From: PartialDate{Year: 2021, Month: 3},
			To: PartialDate{Year: 2023}, Tasks: "raccolta", Formal: false}},
		Skills:       []ProfileSkill{{ESCO: "S6.4.3", Evidence: []string{"observation"}}, {Label: "cucina bengalese"}},
		Digital:      map[string]string{"communication": "foundation"},
		Licences:     []DrivingLicence{{Category: "B", Foreign: true, Country: "BD", Convertible: "unknown"}},
		Certificates: []Certificate{{Kind: "safety_general", Date: PartialDate{Year: 2024}, Expiry: PartialDate{Year: 2029}}},
		Availability: Availability{From: PartialDate{Year: 2026, Month: 12}, Hours: []string{"full_time"},
			Transport: []string{"bicycle"}, WillingToMove: "yes", Wanted: []string{"eeac6251-1974-42f5-91ed-513c6c883755"}},
		Validation: []ValidationEntry{{Competence: "S6.4.3", State: "transparency", Date: PartialDate{Year: 2026, Month: 11},
			Evidence: []Evidence{{Kind: "employer_statement"}}, Body: "Regione Lazio"}},
	}
}

func TestSkillsProfileValidate(t *testing.T) {
	if err := validProfile().Validate(profileNow); err != nil {
		t.Fatalf("valid profile: %v", err)
	}
	cases := []struct {
		name, field, code string
		change            func(p *SkillsProfile)
	}{
		{"no person", "person", ErrRequired, func(p *SkillsProfile) { p.PersonID = 0 }},
		{"no date", "date", ErrRequired, func(p *SkillsProfile) { p.Date = time.Time{} }},
		{"future date", "date", ErrFutureDate, func(p *SkillsProfile) { p.Date = profileNow.AddDate(0, 0, 3) }},
		{"CEFR level", "languages.1.levels.writing", ErrInvalid, func(p *SkillsProfile) { p.Languages[1].Levels["writing"] = "B3" }},
		{"CEFR skill", "languages.1.levels", ErrInvalid, func(p *SkillsProfile) { p.Languages[1].Levels["singing"] = "B1" }},
		{"overall level", "languages.0.overall", ErrInvalid, func(p *SkillsProfile) { p.Languages[0].Overall = "a1" }},
		{"language", "languages.0.language", ErrRequired, func(p *SkillsProfile) { p.Languages[0].Language = "" }},
		{"certificate", "languages.1.certificate", ErrInvalid, func(p *SkillsProfile) { p.Languages[1].Certificate = "toefl" }},
		{"CP2011 unknown", "experiences.0.cp2011", ErrInvalid, func(p *SkillsProfile) { p.Experiences[0].CP2011 = "9.9.9.9.9" }},
		{"CP2011 not a unit", "experiences.0.cp2011", ErrInvalid, func(p *SkillsProfile) { p.Experiences[0].CP2011 = "8.3" }},
		{"ESCO", "experiences.0.esco", ErrInvalid, func(p *SkillsProfile) { p.Experiences[0].ESCO = "not-an-occupation" }},
		{"ISCO", "experiences.0.isco", ErrInvalid, func(p *SkillsProfile) { p.Experiences[0].ISCO = "9999" }},
		{"ATECO", "experiences.0.ateco", ErrInvalid, func(p *SkillsProfile) { p.Experiences[0].Ateco = "Z" }},
		{"country", "experiences.0.country", ErrInvalid, func(p *SkillsProfile) { p.Experiences[0].Country = "XX" }},
		{"job without title", "experiences.0.title", ErrRequired, func(p *SkillsProfile) { p.Experiences[0] = WorkExperience{} }},
		{"period order", "experiences.0.to", ErrInvalid, func(p *SkillsProfile) { p.Experiences[0].To = PartialDate{Year: 2021, Month: 2} }},
		{"job from the future", "experiences.0.from", ErrFutureDate, func(p *SkillsProfile) { p.Experiences[0].From = PartialDate{Year: 2027} }},
		{"date that does not exist", "education.0.from", ErrDateInvalid, func(p *SkillsProfile) { p.Education[0].From = PartialDate{Year: 2008, Month: 13} }},
		{"education order", "education.0.to", ErrInvalid, func(p *SkillsProfile) { p.Education[0].To = PartialDate{Year: 2007} }},
		{"italian level", "education.0.italian_level", ErrInvalid, func(p *SkillsProfile) { p.Education[0].ItalianLevel = "lse" }},
		{"ISCED", "education.0.isced", ErrInvalid, func(p *SkillsProfile) { p.Education[0].ISCED = "9" }},
		{"recognition", "education.0.recognition", ErrInvalid, func(p *SkillsProfile) { p.Education[0].Recognition = "granted" }},
		{"skill", "skills.0.esco", ErrInvalid, func(p *SkillsProfile) { p.Skills[0].ESCO = "S99" }},
		{"empty skill", "skills.1", ErrRequired, func(p *SkillsProfile) { p.Skills[1].Label = " " }},
		{"evidence", "skills.0.evidence", ErrInvalid, func(p *SkillsProfile) { p.Skills[0].Evidence = []string{"rumour"} }},
		{"digcomp", "digital.communication", ErrInvalid, func(p *SkillsProfile) { p.Digital["communication"] = "expert" }},
		{"licence", "licences.0.category", ErrInvalid, func(p *SkillsProfile) { p.Licences[0].Category = "b" }},
		{"convertible", "licences.0.convertible", ErrInvalid, func(p *SkillsProfile) { p.Licences[0].Convertible = "maybe" }},
		{"certificate kind", "certificates.0.kind", ErrInvalid, func(p *SkillsProfile) { p.Certificates[0].Kind = "driving" }},
		{"certificate expiry", "certificates.0.expiry", ErrInvalid, func(p *SkillsProfile) { p.Certificates[0].Expiry = PartialDate{Year: 2023} }},
		{"hours", "availability.hours", ErrInvalid, func(p *SkillsProfile) { p.Availability.Hours = []string{"nights"} }},
		{"wanted", "availability.wanted", ErrInvalid, func(p *SkillsProfile) { p.Availability.Wanted = []string{"x"} }},
		{"validation state", "validation.0.state", ErrInvalid, func(p *SkillsProfile) { p.Validation[0].State = "approved" }},
		{"validation competence", "validation.0.competence", ErrRequired, func(p *SkillsProfile) { p.Validation[0].Competence = "" }},
		{"validation evidence", "validation.0.evidence.0.kind", ErrInvalid, func(p *SkillsProfile) { p.Validation[0].Evidence[0].Kind = "x" }},
		{"long tasks", "experiences.0.tasks", ErrTooLong, func(p *SkillsProfile) { p.Experiences[0].Tasks = strings.Repeat("x", MaxProfileText+1) }},
	}
	for _, c := range cases {
		p := validProfile()
		c.change(p)
		err := p.Validate(profileNow)
		v, ok := err.(ValidationErrors)
		if !ok {
			t.Errorf("%s: got %v, want a field error", c.name, err)
			continue
		}
		if e := v.Field(c.field); e == nil || e.Code != c.code {
			t.Errorf("%s: got %v, want %s on %s", c.name, err, c.code, c.field)
		}
	}
}

func TestPartialDateBefore(t *testing.T) {
	d := func(y, m, day int) PartialDate { return PartialDate{y, m, day} }
	for _, c := range []struct {
		a, b PartialDate
		want bool
	}{
		{d(2020, 0, 0), d(2021, 0, 0), true}, {d(2020, 0, 0), d(2020, 5, 0), false}, {d(2020, 4, 0), d(2020, 5, 0), true},
		{d(2020, 5, 1), d(2020, 5, 2), true}, {d(2020, 5, 0), d(2020, 5, 2), false}, {d(2021, 1, 1), d(2020, 12, 31), false},
	} {
		if got := before(c.a, c.b); got != c.want {
			t.Errorf("before(%v, %v) = %v", c.a, c.b, got)
		}
	}
}

func TestValidationNextSteps(t *testing.T) {
	for _, c := range []struct {
		e    ValidationEntry
		want string
	}{
		{ValidationEntry{State: "transparency"}, "collect_evidence"},
		{ValidationEntry{State: "transparency", Evidence: []Evidence{{Kind: "self_declaration"}}}, "employer_statement,request_validation"},
		{ValidationEntry{State: "transparency", Evidence: []Evidence{{Kind: "document"}}}, "request_validation"},
		{ValidationEntry{State: "validated", Evidence: []Evidence{{Kind: "test"}}}, "request_certification"},
		{ValidationEntry{State: "certified", Evidence: []Evidence{{Kind: "test"}}}, ""},
	} {
		if got := strings.Join(c.e.NextSteps(), ","); got != c.want {
			t.Errorf("%+v: %q, want %q", c.e, got, c.want)
		}
	}
}

// FuzzSkillsProfileValidate: Validate never panics, whatever the codes and
// dates, seeded from the table's kinds of values.
func FuzzSkillsProfileValidate(f *testing.F) {
	f.Add("8.3.1.1.0", "B2", "B", 2021, 3, 2020, 13)
	f.Add("", "C3", "ZZ", 0, 0, -1, 0)
	f.Fuzz(func(t *testing.T, cp, level, licence string, y1, m1, y2, m2 int) {
		p := validProfile()
		p.Experiences[0].CP2011 = cp
		p.Experiences[0].From, p.Experiences[0].To = PartialDate{Year: y1, Month: m1}, PartialDate{Year: y2, Month: m2}
		p.Languages[1].Levels["reading"] = level
		p.Licences[0].Category = licence
		_ = p.Validate(profileNow)
	})
}

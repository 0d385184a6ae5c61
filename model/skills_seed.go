package model

import (
	"slices"
	"strings"
)

// licenceAnswers turn the questionnaire's skills.licences options into
// licence categories; tractorAndForklift into certificates.
var (
	licenceAnswers     = map[string]string{"b": "B", "c": "C", "d": "D"}
	certificateAnswers = map[string]string{"tractor": "tractor", "forklift": "forklift"}
)

// SeedSkillsProfile builds a person's first skills profile from the
// answers an interview already holds, so nothing said there is asked
// again: the jobs of the work history (ISCO-08 occupation, ATECO sector,
// region, period), the occupations named in the skills section, the
// languages spoken (and the interview's language) and the level of Italian, education and its
// recognition, the driving licences, the tractor and forklift
// certificates, and the work wanted. It invents nothing: a code the answer
// does not give stays empty for the operator to choose. The answers stay
// in the interview as they are.
func SeedSkillsProfile(personID int64, iv *Interview) *SkillsProfile {
	a := map[string]string{}
	for _, ans := range iv.Answers {
		a[ans.QuestionID] = strings.TrimSpace(ans.Value)
	}
	p := &SkillsProfile{PersonID: personID, Date: iv.Date, Author: iv.OperatorID, FromInterview: iv.ID}
	p.Languages = seedLanguages(a)
	if l := iv.Language; l != "" && l != "it" && !slices.ContainsFunc(p.Languages, func(x LanguageSkill) bool { return x.Language == l }) {
		// The interview was held in it: a language the person speaks (not
		// said to be a mother tongue: that is asked).
		p.Languages = append([]LanguageSkill{{Language: l}}, p.Languages...)
	}
	p.Experiences = seedJobs(a)
	if t := a["skills.occupations"]; t != "" {
		p.Experiences = append(p.Experiences, WorkExperience{Title: t})
	}
	if e, ok := seedEducation(a); ok {
		p.Education = []EducationEntry{e}
	}
	for _, opt := range splitChoices(a["skills.licences"]) {
		if c, ok := licenceAnswers[opt]; ok {
			p.Licences = append(p.Licences, DrivingLicence{Category: c})
		}
		if k, ok := certificateAnswers[opt]; ok {
			p.Certificates = append(p.Certificates, Certificate{Kind: k, Evidence: "self_declaration"})
		}
	}
	p.Availability.WantedNote = a["needs.work_wanted"]
	var notes []string
	if c := a["skills.education_country"]; c != "" && countryByName(c) == "" {
		notes = append(notes, "education country: "+c)
	}
	for _, id := range []string{"skills.other", "needs.wishes"} {
		if a[id] != "" {
			notes = append(notes, a[id])
		}
	}
	p.Notes = strings.Join(notes, "\n")
	return p
}

// seedJobs reads the work history's repeatable group.
func seedJobs(a map[string]string) []WorkExperience {
	var out []WorkExperience
	for i := 0; i < GroupCount(a, "work.jobs"); i++ {
		get := func(field string) string { return a[AnswerID("work.jobs."+field, i)] }
		e := WorkExperience{Region: get("region")}
		if occ := get("occupation"); strings.HasPrefix(occ, "isco_") {
			e.ISCO = strings.TrimPrefix(occ, "isco_")
		}
		if s, ok := AtecoSection(get("sector")); ok {
			e.Ateco = s.Code
		}
		e.From, _ = ParsePartialDate(get("from"))
		e.To, _ = ParsePartialDate(get("to"))
		c := get("contract")
		e.Formal = c == "written" || c == "agency"
		if e.ISCO == "" && e.Ateco == "" && e.Region == "" && e.From.IsZero() {
			continue // an empty instance of the group
		}
		if e.ISCO == "" {
			e.Title = get("occupation") // "something_else": the operator names it
		}
		out = append(out, e)
	}
	return out
}

// seedLanguages reads the languages spoken (free text, one per comma) and
// the level of Italian.
func seedLanguages(a map[string]string) []LanguageSkill {
	var out []LanguageSkill
	for _, name := range strings.FieldsFunc(a["documents.languages"], func(r rune) bool { return r == ',' || r == ';' }) {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		l := LanguageSkill{Name: name}
		if tag, ok := languageByName(name); ok {
			l.Language, l.Name = tag, ""
		}
		if l.Language != "it" {
			out = append(out, l)
		}
	}
	if lvl := strings.ToUpper(a["documents.italian_level"]); oneOf(lvl, CEFRLevels) {
		out = append(out, LanguageSkill{Language: "it", Overall: lvl})
	} else if a["documents.italian_level"] == "none" {
		out = append(out, LanguageSkill{Language: "it"})
	}
	return out
}

// languageByName finds a beneficiary language by its tag, English or
// native name, ignoring case and accents.
func languageByName(name string) (string, bool) {
	f := Fold(name)
	for _, l := range BeneficiaryLanguages {
		if f == l.Tag || f == Fold(l.English) || f == Fold(l.Native) {
			return l.Tag, true
		}
	}
	return "", false
}

// seedEducation reads the skills section's education questions.
func seedEducation(a map[string]string) (EducationEntry, bool) {
	e := EducationEntry{Field: a["skills.qualification"], Country: countryByName(a["skills.education_country"])}
	if lvl, ok := EducationLevel(a["skills.education"]); ok {
		e.ItalianLevel = lvl.Code
		e.Completed = lvl.Code != "NED"
	}
	if a["skills.qualification_recognised"] == "no" {
		e.Recognition = "none"
	}
	return e, e.ItalianLevel != "" || e.Field != "" || e.Country != ""
}

// countryByName is the ISO code of the country named (in Italian or
// English, or by an alias), or "".
func countryByName(name string) string {
	f := Fold(name)
	if f == "" {
		return ""
	}
	for _, c := range Countries() {
		for _, n := range CountrySearchNames(c) {
			if Fold(n) == f {
				return c.ISO2
			}
		}
	}
	return ""
}

// splitChoices splits a multiple choice's answer into its option IDs.
func splitChoices(v string) []string {
	if v == "" {
		return nil
	}
	return strings.Split(v, ",")
}

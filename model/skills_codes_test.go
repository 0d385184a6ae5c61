package model

import (
	"strings"
	"testing"
)

// Each codelist of the profile has unique, non-empty codes and labels in
// both languages.
func TestSkillsCodelists(t *testing.T) {
	lists := map[string][]Code{"CEFRSkills": CEFRSkills, "ItalianCertificates": ItalianCertificates,
		"ISCEDLevels": ISCEDLevels, "RecognitionStatuses": RecognitionStatuses, "EducationDocuments": EducationDocuments,
		"LicenceCategories": LicenceCategories, "CertificateKinds": CertificateKinds, "DigCompLevels": DigCompLevels,
		"DigCompAreas": DigCompAreas, "ValidationStates": ValidationStates, "EvidenceKinds": EvidenceKinds,
		"WorkHours": WorkHours, "TransportModes": TransportModes, "WorkSectors": WorkSectors}
	for name, list := range lists {
		seen := map[string]bool{}
		for _, c := range list {
			if c.Code == "" || c.IT == "" || c.EN == "" || seen[c.Code] {
				t.Errorf("%s: %+v empty or repeated", name, c)
			}
			seen[c.Code] = true
		}
	}
	var cats []string
	for _, c := range LicenceCategories {
		cats = append(cats, c.Code)
	}
	if got := strings.Join(cats, " "); got != "AM A1 A2 A B1 B BE C1 C1E C CE D1 D1E D DE CQC KB" {
		t.Errorf("licence categories %s", got)
	}
}

// The curated set: 60 to 120 skills, unique, every sector with its own
// skills, every sector and ISCO prefix known, Italian drafts written.
func TestCuratedSkills(t *testing.T) {
	if n := len(CuratedSkills); n < 60 || n > 120 {
		t.Errorf("%d curated skills, want 60-120", n)
	}
	seen := map[string]bool{}
	perSector := map[string]int{}
	for _, s := range CuratedSkills {
		if seen[s.ID] || s.IT == "" || s.EN == "" || len(s.Sectors) == 0 {
			t.Errorf("%+v: repeated or incomplete", s)
		}
		seen[s.ID] = true
		for _, sec := range s.Sectors {
			if !hasCode(WorkSectors, sec) {
				t.Errorf("%s: unknown sector %q", s.ID, sec)
			}
			if s.Kind == SkillSector {
				perSector[sec]++
			}
		}
		for _, p := range s.ISCO {
			if _, ok := ISCO08(p); !ok {
				t.Errorf("%s: unknown ISCO group %q", s.ID, p)
			}
		}
		if (s.Kind == SkillSector) != (len(s.ISCO) > 0) {
			t.Errorf("%s: a sector skill needs ISCO groups, a transversal one none", s.ID)
		}
	}
	for _, sec := range WorkSectors {
		if perSector[sec.Code] < 5 {
			t.Errorf("sector %s has %d skills", sec.Code, perSector[sec.Code])
		}
	}
}

// A crop farm labourer is proposed pruning and driving the tractor; a home
// care worker personal care; both the safety precautions.
func TestProposedSkills(t *testing.T) {
	has := func(list []CuratedSkill, id string) bool {
		for _, s := range list {
			if s.ID == id {
				return true
			}
		}
		return false
	}
	farm := ProposedSkills("9211")
	for _, id := range []string{"S6.4.3", "S8.1.2", "d2d9051a-10e1-41c5-9cfb-bbdc58016176"} {
		if !has(farm, id) {
			t.Errorf("9211 is not proposed %s", id)
		}
	}
	if has(farm, "S3.6.2") {
		t.Error("a farm labourer is proposed personal care")
	}
	if care := ProposedSkills("5322"); !has(care, "S3.6.2") || has(care, "S6.4.3") {
		t.Errorf("5322: %v", care)
	}
	if len(ProposedSkills()) != 0 || len(ProposedSkills("")) != 0 {
		t.Error("no occupation, yet skills proposed")
	}
	if got := SearchSkills("potat", 3); len(got) == 0 || got[0].ID != "S6.4.3" {
		t.Errorf("potat: %v", got)
	}
	if got := SearchSkills("trattore", 3); len(got) == 0 || got[0].ID != "S8.1.2" {
		t.Errorf("trattore: %v", got)
	}
	if got := SearchSkills("assistenza alla persona", 3); len(got) == 0 || got[0].ID != "S3.6.2" {
		t.Errorf("assistenza alla persona: %v", got)
	}
}

package exchange

import (
	"fmt"
	"time"

	"sportello/model"
	"sportello/store"
)

// scratchOf adds a pseudonymised document's records to data: what the
// indicators read, under keys made unique across desks by the desk's ID;
// persons under their regional pseudonym (before 1.5, or when missing,
// under the desk's own pseudonym, which matches no other desk).
func scratchOf(doc *Document, data *store.ScratchData) error {
	desk := doc.Desk.ID + ":"
	persons := map[string]string{}
	for i := range doc.Persons {
		p := &doc.Persons[i]
		key := p.RegionalPseudonym
		if key == "" {
			key = desk + p.ID
		}
		persons[p.ID] = key
		sp := store.ScratchPerson{Key: key, Sex: model.Sex(p.SexRecorded), Birth: p.DataNascita,
			DomicileInformal: p.DomicileInformal, CreatedAt: when(p.CreatedAt)}
		for _, c := range p.Cittadinanza {
			sp.Citizenships = append(sp.Citizenships, c.ISO)
		}
		data.Persons = append(data.Persons, sp)
	}
	services := map[string]string{}
	for _, s := range doc.Services {
		services[s.ID] = s.Kind
	}
	cases := map[string]*store.ScratchCase{}
	list := make([]store.ScratchCase, len(doc.Cases))
	for i, c := range doc.Cases {
		person, ok := persons[c.PersonID]
		if !ok {
			return fmt.Errorf("case %s refers to person %s, who is not in the export", c.ID, c.PersonID)
		}
		list[i] = store.ScratchCase{Key: desk + c.ID, PersonKey: person, OpenedAt: when(c.OpenedAt),
			ClosedAt: when(c.ClosedAt), Status: c.Status, ExitReason: c.ExitReason, ExitOutcomes: c.ExitOutcomes}
		cases[c.ID] = &list[i]
	}
	var missing error
	caseOf := func(what, id, caseID string) *store.ScratchCase {
		c := cases[caseID]
		if c == nil {
			if missing == nil {
				missing = fmt.Errorf("%s %s refers to case %s, which is not in the export", what, id, caseID)
			}
			return &store.ScratchCase{} // thrown away: missing is returned
		}
		return c
	}
	for _, p := range doc.Plans {
		c := caseOf("plan", p.ID, p.CaseID)
		sp := store.ScratchPlan{Key: desk + p.ID, Version: p.Version, Status: p.Status, AgreedAt: when(p.AgreedAt)}
		for _, g := range p.Goals {
			sp.GoalAreas = append(sp.GoalAreas, g.Area)
		}
		c.Plans = append(c.Plans, sp)
	}
	for _, r := range doc.Referrals {
		c := caseOf("referral", r.ID, r.CaseID)
		c.Referrals = append(c.Referrals, store.ScratchReferral{Key: desk + r.ID, ServiceKind: services[r.ServiceID],
			Status: r.Status, SentAt: when(r.SentAt)})
	}
	for _, p := range doc.Proposals {
		c := caseOf("proposal", p.ID, p.CaseID)
		c.Proposals = append(c.Proposals, store.ScratchProposal{Key: desk + p.ID, State: p.State, HiredFrom: p.DataInizio,
			Still4Weeks: p.Still4Weeks, Still6Months: p.Still6Months, ProposedAt: when(p.ProposedAt)})
	}
	for _, in := range doc.Internships {
		c := caseOf("internship", in.ID, in.CaseID)
		c.Internships = append(c.Internships, store.ScratchInternship{Key: desk + in.ID, Start: in.DataInizio, End: in.DataFine})
	}
	for _, e := range doc.Enterprises {
		c := caseOf("enterprise", e.ID, e.CaseID)
		c.Enterprises = append(c.Enterprises, store.ScratchEnterprise{Key: desk + e.ID, RegisteredAt: e.RegisteredAt})
	}
	for _, iv := range doc.Interviews {
		c := caseOf("interview", iv.ID, iv.CaseID)
		si := store.ScratchInterview{Key: desk + iv.ID, Date: iv.Date, Kind: iv.Kind, Answers: map[string]string{}}
		for _, a := range iv.Answers {
			si.Answers[a.QuestionID] = a.Value
		}
		c.Interviews = append(c.Interviews, si)
	}
	if missing != nil {
		return missing
	}
	data.Cases = append(data.Cases, list...)
	for i := range doc.SkillsProfiles {
		s := &doc.SkillsProfiles[i]
		person, ok := persons[s.PersonID]
		if !ok {
			return fmt.Errorf("skills profile %s refers to person %s, who is not in the export", s.ID, s.PersonID)
		}
		data.Profiles = append(data.Profiles, indicatorProfile(desk, s))
		data.ProfileOwners = append(data.ProfileOwners, person)
	}
	return nil
}

// indicatorProfile is what the indicators read of a skills profile: its
// date, languages with their CEFR levels, and education with ISCED level,
// completion and recognition.
func indicatorProfile(desk string, s *SkillsProfile) *model.SkillsProfile {
	day, _ := time.Parse(time.DateOnly, s.Date)
	p := &model.SkillsProfile{UID: desk + s.ID, Version: s.Version, Date: day}
	for _, l := range s.Lingue {
		p.Languages = append(p.Languages, model.LanguageSkill{Language: l.Lingua, Mother: l.Madrelingua, Overall: l.Livello,
			Levels: l.Livelli})
	}
	for _, e := range s.TitoliStudio {
		p.Education = append(p.Education, model.EducationEntry{Completed: e.Conseguito, ISCED: e.ISCED,
			Recognition: e.Riconoscimento})
	}
	return p
}

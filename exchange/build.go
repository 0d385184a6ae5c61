package exchange

import (
	"encoding/json"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"sportello/model"
	"sportello/store"
)

// build turns a snapshot into a full document. bases, when not nil, gives
// each record's sync base and makes the document a bundle's. It consumes
// the snapshot's lists as it goes (a regional-size desk cannot hold both
// whole): only UpTo and UIDs stay.
func build(s *store.Snapshot, desk Desk, scope Scope, now time.Time, bases map[string]map[string]string) *Document {
	ref := func(entity string, id int64) string {
		if id == 0 {
			return ""
		}
		return s.UIDs[entity][id]
	}
	d := newDocument(desk, scope, now)
	for _, pm := range s.PersonMerges {
		d.PersonMerges = append(d.PersonMerges, personMergeRecord(pm))
	}
	fill(d, s, ref, syncOf(bases))
	return d
}

// newDocument is a full document with no records: its lists that are not
// left out when empty are empty, not null.
func newDocument(desk Desk, scope Scope, now time.Time) *Document {
	return &Document{Format: Format, FormatVersion: FormatVersion, GeneratedAt: stamp(now), Desk: desk,
		Mode: ModeFull, Scope: scope, Operators: []Operator{}, Services: []Service{}, Persons: []Person{},
		Cases: []Case{}, Interviews: []Interview{}, Plans: []Plan{}, Consents: []Consent{}, Referrals: []Referral{},
		Activities: []Activity{}, SkillsProfiles: []SkillsProfile{}}
}

// syncOf gives a record's sync base from bases, or nil without bases.
func syncOf(bases map[string]map[string]string) func(entity, uid string) *Sync {
	return func(entity, uid string) *Sync {
		if bases == nil {
			return nil
		}
		return &Sync{Base: bases[entity][uid]}
	}
}

func personMergeRecord(pm store.PersonMerge) PersonMerge {
	return PersonMerge{Merged: pm.Merged, Kept: pm.Kept, MergedCaseCode: pm.MergedCode, At: stamp(pm.At)}
}

// fill adds a snapshot's records (all of them, or a part of a streamed
// one) to d, references resolved by ref, consuming the snapshot's lists.
func fill(d *Document, s *store.Snapshot, ref func(string, int64) string, sync func(string, string) *Sync) {
	d.Operators = slices.Grow(d.Operators, len(s.Operators))
	for _, o := range s.Operators {
		d.Operators = append(d.Operators, Operator{ID: o.UID, Username: o.Username, FullName: o.FullName,
			Role: string(o.Role), Active: o.Active, Sync: sync("operator", o.UID)})
	}
	s.Operators = nil
	d.Services = slices.Grow(d.Services, len(s.Services))
	for _, v := range s.Services {
		d.Services = append(d.Services, Service{ID: v.UID, Name: v.Name, Kind: string(v.Kind), Address: v.Address,
			Phone: v.Phone, Email: v.Email, Hours: v.Hours, Languages: list(v.Languages), Area: v.Area, Notes: v.Notes,
			Sync: sync("service", v.UID)})
	}
	s.Services = nil
	d.Persons = slices.Grow(d.Persons, len(s.Persons))
	for i := range s.Persons {
		p := personRecord(&s.Persons[i])
		p.Erased = erasureRecord(s.Erasures[s.Persons[i].ID])
		p.Sync = sync("person", p.ID)
		d.Persons = append(d.Persons, p)
	}
	s.Persons = nil
	for _, c := range s.Cases {
		team := make([]string, 0, len(c.Team))
		d.Cases = slices.Grow(d.Cases, len(s.Cases))
		for _, op := range c.Team {
			team = append(team, ref("operator", op))
		}
		d.Cases = append(d.Cases, Case{ID: c.UID, PersonID: ref("person", c.PersonID), OpenedAt: stamp(c.OpenedAt),
			ClosedAt: stamp(c.ClosedAt), Status: string(c.Status), OperatorID: ref("operator", c.OperatorID),
			Team: team, Priority: string(c.Priority), ExitReason: c.ExitReason, ExitOutcomes: c.ExitOutcomes,
			ExitContract: c.ExitContract, ExitNote: c.ExitNote, Sync: sync("case", c.UID)})
	}
	s.Cases = nil
	d.Interviews = slices.Grow(d.Interviews, len(s.Interviews))
	for i := range s.Interviews {
		iv := interviewRecord(&s.Interviews[i], s.Screenings[s.Interviews[i].ID], ref)
		iv.Sync = sync("interview", iv.ID)
		d.Interviews = append(d.Interviews, iv)
	}
	s.Interviews, s.Screenings = nil, nil
	d.Plans = slices.Grow(d.Plans, len(s.Plans))
	for i := range s.Plans {
		p := planRecord(&s.Plans[i], ref)
		p.Sync = sync("plan", p.ID)
		d.Plans = append(d.Plans, p)
	}
	s.Plans = nil
	d.Consents = slices.Grow(d.Consents, len(s.Consents))
	for _, c := range s.Consents {
		d.Consents = append(d.Consents, Consent{ID: c.UID, PersonID: ref("person", c.PersonID), Purpose: string(c.Purpose),
			ServiceID: ref("service", c.ServiceID), EmployerID: ref("employer", c.EmployerID),
			NoticeVersion: c.NoticeVersion, Language: c.Language, Mediator: c.Mediator, State: string(c.State), Date: stamp(c.Date), ScanName: c.ScanName,
			Scan: s.Scans[c.ID], RecordedBy: ref("operator", c.RecordedBy), Sync: sync("consent", c.UID)})
	}
	s.Consents, s.Scans = nil, nil
	d.Referrals = slices.Grow(d.Referrals, len(s.Referrals))
	for _, r := range s.Referrals {
		d.Referrals = append(d.Referrals, Referral{ID: r.UID, CaseID: ref("case", r.CaseID),
			ServiceID: ref("service", r.ServiceID), Reason: r.Reason, Urgency: string(r.Urgency),
			ConsentID: ref("consent", r.ConsentID), LegalBasis: r.LegalBasis, Status: string(r.Status),
			Created: stamp(r.Created), SentAt: stamp(r.SentAt), AnsweredAt: stamp(r.AnsweredAt),
			CompletedAt: stamp(r.CompletedAt), FollowUp: r.FollowUp.String(), Feedback: r.Feedback, Code: r.Code,
			Sync: sync("referral", r.UID)})
	}
	s.Referrals = nil
	d.Activities = slices.Grow(d.Activities, len(s.Activities))
	for _, a := range s.Activities {
		d.Activities = append(d.Activities, Activity{ID: a.UID, Date: a.Date.UTC().Format(time.DateOnly),
			Kind: string(a.Kind), Participants: a.Participants, Place: a.Place, Notes: a.Notes,
			OperatorID: ref("operator", a.OperatorID), CreatedAt: stamp(a.CreatedAt), Sync: sync("activity", a.UID)})
	}
	s.Activities = nil
	d.SkillsProfiles = slices.Grow(d.SkillsProfiles, len(s.SkillsProfiles))
	for i := range s.SkillsProfiles {
		p := skillsRecord(&s.SkillsProfiles[i], ref)
		p.Sync = sync("skills_profile", p.ID)
		d.SkillsProfiles = append(d.SkillsProfiles, p)
	}
	s.SkillsProfiles = nil
	buildWork(d, s, ref, sync)
}

func personRecord(p *model.Person) Person {
	r := Person{ID: p.UID, CaseCode: p.CaseCode, Cognome: p.FamilyName, Nome: p.GivenNames,
		OwnScriptName: p.OwnScriptName, Aliases: p.Aliases, Sesso: model.SexSAP(p.Sex), SexRecorded: string(p.Sex),
		DataNascita: p.BirthDate.String(), Cittadinanza: []Country{}, Languages: list(p.Languages),
		PreferredLang: p.PreferredLanguage, Telefono: p.Phone, Domicilio: p.Domicile,
		DomicileInformal: p.DomicileInformal, CodiceFiscale: p.FiscalCode,
		TitoloSoggiorno: Permit{Tipo: p.Permit.Type, Numero: p.Permit.Number, Scadenza: p.Permit.Expiry.String(),
			Stato: string(p.Permit.Status)},
		Vulnerabilities: list(p.Vulnerabilities), Channel: string(p.Channel), CreatedAt: stamp(p.CreatedAt),
		UpdatedAt: stamp(p.UpdatedAt)}
	if len(r.Aliases) == 0 {
		r.Aliases = nil
	}
	if c, ok := model.CountryByISO2(p.BirthCountry); ok {
		r.StatoNascita = &Country{ISTAT: c.ISTAT, ISO: c.ISO2}
	}
	for _, iso := range p.Citizenships {
		if c, ok := model.CountryByISO2(iso); ok {
			r.Cittadinanza = append(r.Cittadinanza, Country{ISTAT: c.ISTAT, ISO: c.ISO2})
		}
	}
	return r
}

func interviewRecord(iv *model.Interview, sc *model.ScreeningRecord, ref func(string, int64) string) Interview {
	r := Interview{ID: iv.UID, CaseID: ref("case", iv.CaseID), Date: stamp(iv.Date), Kind: string(iv.Kind),
		OperatorID: ref("operator", iv.OperatorID), Mediator: iv.Mediator, Language: iv.Language,
		QuestionnaireVersion: iv.QuestionnaireVersion, Notes: iv.Notes, DurationS: int64(iv.Duration / time.Second),
		Place: string(iv.Place), Status: string(iv.Status), Section: iv.Section, Answers: []Answer{}}
	for _, a := range iv.Answers {
		r.Answers = append(r.Answers, Answer{QuestionID: a.QuestionID, Value: a.Value, UpdatedAt: stamp(a.UpdatedAt)})
	}
	if sc != nil {
		result, _ := json.Marshal(sc.Result)
		r.Screening = &Screening{ComputedAt: stamp(sc.ComputedAt), Result: result, Trafficking: sc.Result.Trafficking,
			Decision: sc.Decision, DecisionNote: sc.DecisionNote, DecidedBy: ref("operator", sc.DecidedBy),
			DecidedAt: stamp(sc.DecidedAt)}
	}
	r.SAP = sapFields(iv.Answers)
	return r
}

// contractTypes are the contract answers the format's schema knows; an
// answer a later questionnaire adds stays in the answers, not in the SAP
// fields, until the format names it.
var contractTypes = []string{"none", "oral", "written", "agency"}

// sapFields derives the SAP work history and education level from answers.
func sapFields(answers []model.Answer) *SAPFields {
	byID := map[string]string{}
	jobs := 0
	for _, a := range answers {
		byID[a.QuestionID] = a.Value
		if q, n := model.SplitAnswerID(a.QuestionID); strings.HasPrefix(q, "work.jobs.") && n+1 > jobs {
			jobs = n + 1
		}
	}
	f := &SAPFields{EsperienzeLavoro: []Esperienza{}}
	for i := 0; i < jobs; i++ {
		get := func(field string) string { return byID[model.AnswerID("work.jobs."+field, i)] }
		e := Esperienza{DataInizio: get("from"), DataFine: get("to")}
		if slices.Contains(contractTypes, get("contract")) {
			e.TipoContratto = get("contract")
		}
		if c, ok := model.AtecoSection(get("sector")); ok {
			e.SettoreAteco = c.Code
		}
		if c, ok := model.ISCOGroup(get("occupation")); ok {
			e.QualificaISCO = c.Code
		}
		if e != (Esperienza{}) {
			f.EsperienzeLavoro = append(f.EsperienzeLavoro, e)
		}
	}
	if c, ok := model.EducationLevel(byID["skills.education"]); ok {
		f.LivelloStudio = c.Code
	}
	if len(f.EsperienzeLavoro) == 0 && f.LivelloStudio == "" {
		return nil
	}
	return f
}

func planRecord(p *model.Plan, ref func(string, int64) string) Plan {
	r := Plan{ID: p.UID, CaseID: ref("case", p.CaseID), Version: p.Version, Status: string(p.Status),
		Reviews: []string{}, AgreedAt: stamp(p.AgreedAt), SignedBy: p.SignedBy, AgreedBy: ref("operator", p.AgreedBy),
		CreatedAt: stamp(p.CreatedAt), UpdatedAt: stamp(p.UpdatedAt), Goals: []Goal{}, Budget: []Budget{}}
	for _, d := range p.Reviews {
		r.Reviews = append(r.Reviews, d.String())
	}
	for _, g := range p.Goals {
		goal := Goal{Area: string(g.Area), Text: g.Text, Actions: []Action{}}
		for _, a := range g.Actions {
			goal.Actions = append(goal.Actions, Action{What: a.What, OperatorID: ref("operator", a.OperatorID),
				ServiceID: ref("service", a.ServiceID), Due: a.Due.String(), Status: string(a.Status), Outcome: a.Outcome})
		}
		r.Goals = append(r.Goals, goal)
	}
	for _, b := range p.Budget {
		r.Budget = append(r.Budget, Budget{Purpose: string(b.Purpose), PlannedCents: b.PlannedCents,
			SpentCents: b.SpentCents, Note: b.Note})
	}
	return r
}

// stamp writes a time as the format does: RFC 3339 in UTC, "" when unknown.
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// list never leaves a list null in the document.
func list(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Counts tells how many records of each kind a document holds.
func (d *Document) Counts() map[string]int {
	return map[string]int{"operators": len(d.Operators), "services": len(d.Services), "persons": len(d.Persons),
		"cases": len(d.Cases), "interviews": len(d.Interviews), "plans": len(d.Plans), "consents": len(d.Consents),
		"referrals": len(d.Referrals), "activities": len(d.Activities), "skills_profiles": len(d.SkillsProfiles),
		"employers": len(d.Employers), "vacancies": len(d.Vacancies), "proposals": len(d.Proposals),
		"internships": len(d.Internships), "enterprises": len(d.Enterprises)}
}

// CountsText writes counts in a fixed order, for messages and logs.
func CountsText(c map[string]int) string {
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(k + " " + strconv.Itoa(c[k]))
	}
	return b.String()
}

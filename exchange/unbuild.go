package exchange

import (
	"encoding/json"
	"fmt"
	"time"

	"sportello/model"
	"sportello/store"
)

// resolver turns stable IDs back into local IDs while a merge writes; the
// first reference that leads nowhere is kept as the error.
type resolver struct {
	m      *store.Merger
	err    error
	erased func(record) bool // tells a record of a person erased here or in the bundle; nil for none
}

func (r *resolver) id(entity, uid string) int64 {
	if uid == "" {
		return 0
	}
	id, ok := r.m.ID(entity, uid)
	if !ok && r.err == nil {
		r.err = refuse(BundleReferences, "a record refers to %s %s, which is neither in the bundle nor on this desk", entity, uid)
	}
	return id
}

// when reads a time of the format ("" is unknown).
func when(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

func partial(s string) model.PartialDate {
	d, _ := model.ParsePartialDate(s)
	return d
}

func (r *resolver) person(p *Person) *model.Person {
	out := &model.Person{UID: p.ID, CaseCode: p.CaseCode, FamilyName: p.Cognome, GivenNames: p.Nome,
		OwnScriptName: p.OwnScriptName, Aliases: p.Aliases, Sex: model.Sex(p.SexRecorded),
		BirthDate: partial(p.DataNascita), Languages: p.Languages, PreferredLanguage: p.PreferredLang,
		Phone: p.Telefono, Domicile: p.Domicilio, DomicileInformal: p.DomicileInformal, FiscalCode: p.CodiceFiscale,
		Permit: model.Permit{Type: p.TitoloSoggiorno.Tipo, Number: p.TitoloSoggiorno.Numero,
			Expiry: partial(p.TitoloSoggiorno.Scadenza), Status: model.PermitStatus(p.TitoloSoggiorno.Stato)},
		Vulnerabilities: p.Vulnerabilities, Channel: model.Channel(p.Channel), CreatedAt: when(p.CreatedAt),
		UpdatedAt: when(p.UpdatedAt)}
	if p.StatoNascita != nil {
		out.BirthCountry = p.StatoNascita.ISO
	}
	for _, c := range p.Cittadinanza {
		out.Citizenships = append(out.Citizenships, c.ISO)
	}
	if len(out.Vulnerabilities) == 0 {
		out.Vulnerabilities = nil
	}
	return out
}

func (r *resolver) kase(c *Case) *model.Case {
	out := &model.Case{UID: c.ID, PersonID: r.id("person", c.PersonID), OpenedAt: when(c.OpenedAt),
		ClosedAt: when(c.ClosedAt), Status: model.CaseStatus(c.Status), OperatorID: r.id("operator", c.OperatorID),
		Priority: model.Priority(c.Priority), ExitReason: c.ExitReason, ExitOutcomes: c.ExitOutcomes,
		ExitContract: c.ExitContract, ExitNote: c.ExitNote}
	for _, op := range c.Team {
		out.Team = append(out.Team, r.id("operator", op))
	}
	return out
}

func (r *resolver) interview(iv *Interview) (*model.Interview, *model.ScreeningRecord, error) {
	out := &model.Interview{UID: iv.ID, CaseID: r.id("case", iv.CaseID), Date: when(iv.Date),
		Kind: model.InterviewKind(iv.Kind), OperatorID: r.id("operator", iv.OperatorID), Mediator: iv.Mediator,
		Language: iv.Language, QuestionnaireVersion: iv.QuestionnaireVersion, Notes: iv.Notes,
		Duration: time.Duration(iv.DurationS) * time.Second, Place: model.Place(iv.Place),
		Status: model.InterviewStatus(iv.Status), Section: iv.Section}
	for _, a := range iv.Answers {
		out.Answers = append(out.Answers, model.Answer{QuestionID: a.QuestionID, Value: a.Value,
			UpdatedAt: when(a.UpdatedAt)})
	}
	s := iv.Screening
	if s == nil {
		return out, nil, nil
	}
	sc := &model.ScreeningRecord{ComputedAt: when(s.ComputedAt), Decision: s.Decision, DecisionNote: s.DecisionNote,
		DecidedBy: r.id("operator", s.DecidedBy), DecidedAt: when(s.DecidedAt)}
	if err := json.Unmarshal(s.Result, &sc.Result); err != nil {
		return nil, nil, refuse(BundleMalformed, "the screening of interview %s cannot be read: %v", iv.ID, err)
	}
	if sc.Result.Trafficking != s.Trafficking {
		return nil, nil, refuse(BundleMalformed, "the screening of interview %s contradicts itself", iv.ID)
	}
	return out, sc, nil
}

func (r *resolver) plan(p *Plan) *model.Plan {
	out := &model.Plan{UID: p.ID, CaseID: r.id("case", p.CaseID), Version: p.Version,
		Status: model.PlanStatus(p.Status), AgreedAt: when(p.AgreedAt), SignedBy: p.SignedBy,
		AgreedBy: r.id("operator", p.AgreedBy), CreatedAt: when(p.CreatedAt), UpdatedAt: when(p.UpdatedAt)}
	for _, d := range p.Reviews {
		out.Reviews = append(out.Reviews, partial(d))
	}
	for _, g := range p.Goals {
		goal := model.Goal{Area: model.PlanArea(g.Area), Text: g.Text}
		for _, a := range g.Actions {
			goal.Actions = append(goal.Actions, model.Action{What: a.What, OperatorID: r.id("operator", a.OperatorID),
				ServiceID: r.id("service", a.ServiceID), Due: partial(a.Due), Status: model.ActionStatus(a.Status),
				Outcome: a.Outcome})
		}
		out.Goals = append(out.Goals, goal)
	}
	for _, b := range p.Budget {
		out.Budget = append(out.Budget, model.BudgetLine{Purpose: model.BudgetPurpose(b.Purpose),
			PlannedCents: b.PlannedCents, SpentCents: b.SpentCents, Note: b.Note})
	}
	return out
}

func (r *resolver) consent(c *Consent) *model.Consent {
	return &model.Consent{UID: c.ID, PersonID: r.id("person", c.PersonID), Purpose: model.ConsentPurpose(c.Purpose),
		ServiceID: r.id("service", c.ServiceID), EmployerID: r.id("employer", c.EmployerID),
		NoticeVersion: c.NoticeVersion, Language: c.Language, Mediator: c.Mediator, State: model.ConsentState(c.State), Date: when(c.Date), ScanName: c.ScanName,
		RecordedBy: r.id("operator", c.RecordedBy)}
}

func (r *resolver) referral(f *Referral) *model.Referral {
	return &model.Referral{UID: f.ID, CaseID: r.id("case", f.CaseID), ServiceID: r.id("service", f.ServiceID),
		Reason: f.Reason, Urgency: model.Urgency(f.Urgency), ConsentID: r.id("consent", f.ConsentID),
		LegalBasis: f.LegalBasis, Status: model.ReferralStatus(f.Status), Created: when(f.Created),
		SentAt: when(f.SentAt), AnsweredAt: when(f.AnsweredAt), CompletedAt: when(f.CompletedAt),
		FollowUp: partial(f.FollowUp), Feedback: f.Feedback, Code: f.Code}
}

func (r *resolver) activity(a *Activity) (*model.Activity, error) {
	day, err := time.Parse(time.DateOnly, a.Date)
	if err != nil {
		return nil, refuse(BundleMalformed, "activity %s has no valid date", a.ID)
	}
	return &model.Activity{UID: a.ID, Date: day, Kind: model.ActivityKind(a.Kind), Participants: a.Participants,
		Place: a.Place, Notes: a.Notes, OperatorID: r.id("operator", a.OperatorID), CreatedAt: when(a.CreatedAt)}, nil
}

// write puts one record of doc into the desk through m.
func (r *resolver) write(doc *Document, rec record) error {
	i := rec.index
	var err error
	switch rec.entity {
	case "operator":
		o := doc.Operators[i]
		err = r.m.PutOperator(&model.Operator{UID: o.ID, Username: o.Username, FullName: o.FullName,
			Role: model.Role(o.Role)})
	case "service":
		s := doc.Services[i]
		err = r.m.PutService(&model.Service{UID: s.ID, Name: s.Name, Kind: model.ServiceKind(s.Kind),
			Address: s.Address, Phone: s.Phone, Email: s.Email, Hours: s.Hours, Languages: s.Languages, Area: s.Area,
			Notes: s.Notes})
	case "person":
		p := r.person(&doc.Persons[i])
		if err = validPerson(p, doc.Persons[i].Erased != nil); err == nil {
			err = r.m.PutPerson(p)
		}
	case "case":
		err = r.m.PutCase(r.kase(&doc.Cases[i]))
	case "interview":
		var iv *model.Interview
		var sc *model.ScreeningRecord
		if iv, sc, err = r.interview(&doc.Interviews[i]); err == nil && r.err == nil {
			err = r.m.PutInterview(iv, sc)
		}
	case "plan":
		err = r.m.PutPlan(r.plan(&doc.Plans[i]))
	case "consent":
		err = r.m.PutConsent(r.consent(&doc.Consents[i]), doc.Consents[i].Scan)
	case "referral":
		err = r.m.PutReferral(r.referral(&doc.Referrals[i]))
	case "skills_profile":
		err = r.m.PutSkillsProfile(r.skillsProfile(&doc.SkillsProfiles[i]))
	case "activity":
		var a *model.Activity
		if a, err = r.activity(&doc.Activities[i]); err == nil && r.err == nil {
			err = r.m.PutActivity(a)
		}
	default:
		_, err = r.writeWork(doc, rec)
	}
	if r.err != nil {
		return r.err
	}
	if err != nil {
		if _, ok := err.(*BundleError); ok {
			return err
		}
		if store.IsClash(err) {
			return refuse(BundleClash, "%s %s (%s) takes a place a different record holds on this desk, such as the same version of the same case's plan made on both desks", rec.entity, rec.uid, rec.label)
		}
		return refuse(BundleMalformed, "%s %s (%s) cannot be saved: %v", rec.entity, rec.uid, rec.label, err)
	}
	return nil
}

// recordAt finds a record of a document by kind and stable ID.
func recordAt(doc *Document, entity, uid string) (record, error) {
	for _, r := range doc.records() {
		if r.entity == entity && r.uid == uid {
			return r, nil
		}
	}
	return record{}, fmt.Errorf("no %s %s", entity, uid)
}

package exchange

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"

	"sportello/model"
)

// pseudonymiser replaces stable IDs with keyed hashes: the same record has
// the same pseudonym in every export of the desk that holds the key, and
// nobody without the key can go back.
type pseudonymiser struct {
	key       []byte
	regional  []byte          // the regional key; nil when the desk has none
	textAsked map[string]bool // question IDs whose answers are free text
}

func (p *pseudonymiser) id(entity, uid string) string {
	if uid == "" {
		return ""
	}
	m := hmac.New(sha256.New, p.key)
	m.Write([]byte(entity + ":" + uid))
	return hex.EncodeToString(m.Sum(nil))[:32]
}

// pseudonymise drops from a full document what names or reaches a person
// (names, case code, contacts, documents, codice fiscale, free text, scans,
// tracking codes), keeps the birth date to the month, and replaces IDs.
func (p *pseudonymiser) pseudonymise(d *Document) {
	d.Mode = ModePseudonymised
	d.PersonMerges = nil // stable IDs and case codes of persons: for desks of one association only
	d.Regional = &Regional{Keyed: p.regional != nil}
	if p.regional != nil {
		d.Regional.KeyFingerprint = RegionalKeyFingerprint(p.regional)
	}
	for i := range d.Operators {
		o := &d.Operators[i]
		o.ID, o.Username, o.FullName = p.id("operator", o.ID), "", ""
	}
	for i := range d.Services {
		d.Services[i].ID = p.id("service", d.Services[i].ID)
	}
	for i := range d.Persons {
		r := &d.Persons[i]
		regional := p.id("person", r.ID) // without a regional key, the desk's own pseudonym
		if p.regional != nil {
			regional = regionalPseudonym(p.regional, r)
		}
		*r = Person{ID: p.id("person", r.ID), RegionalPseudonym: regional, Sesso: r.Sesso, SexRecorded: r.SexRecorded,
			DataNascita: toMonth(r.DataNascita), StatoNascita: r.StatoNascita, Cittadinanza: r.Cittadinanza,
			Languages: r.Languages, PreferredLang: r.PreferredLang, DomicileInformal: r.DomicileInformal,
			TitoloSoggiorno: Permit{Tipo: r.TitoloSoggiorno.Tipo, Scadenza: toMonth(r.TitoloSoggiorno.Scadenza),
				Stato: r.TitoloSoggiorno.Stato},
			Vulnerabilities: r.Vulnerabilities, Channel: r.Channel, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
			Erased: r.Erased}
		if r.Erased != nil {
			r.Erased = &Erasure{At: r.Erased.At, Reason: r.Erased.Reason} // the note is free text
		}
	}
	for i := range d.Cases {
		c := &d.Cases[i]
		c.ID, c.PersonID, c.OperatorID = p.id("case", c.ID), p.id("person", c.PersonID), p.id("operator", c.OperatorID)
		c.ExitNote = "" // free text; the exit date, reason and outcomes stay for the indicators
		for j := range c.Team {
			c.Team[j] = p.id("operator", c.Team[j])
		}
	}
	for i := range d.Interviews {
		p.interview(&d.Interviews[i])
	}
	for i := range d.Plans {
		p.plan(&d.Plans[i])
	}
	for i := range d.Consents {
		c := &d.Consents[i]
		c.ID, c.PersonID, c.ServiceID = p.id("consent", c.ID), p.id("person", c.PersonID), p.id("service", c.ServiceID)
		c.EmployerID = p.id("employer", c.EmployerID)
		c.RecordedBy, c.Mediator, c.ScanName, c.Scan = p.id("operator", c.RecordedBy), "", "", nil
	}
	for i := range d.Referrals {
		r := &d.Referrals[i]
		r.ID, r.CaseID, r.ServiceID = p.id("referral", r.ID), p.id("case", r.CaseID), p.id("service", r.ServiceID)
		r.ConsentID, r.Reason, r.LegalBasis, r.Feedback, r.Code = p.id("consent", r.ConsentID), "", "", "", ""
	}
	for i := range d.Activities {
		a := &d.Activities[i]
		a.ID, a.OperatorID, a.Notes = p.id("activity", a.ID), p.id("operator", a.OperatorID), ""
	}
	for i := range d.SkillsProfiles {
		p.pseudonymiseProfile(&d.SkillsProfiles[i])
	}
	p.pseudonymiseWork(d)
}

func (p *pseudonymiser) interview(iv *Interview) {
	iv.ID, iv.CaseID, iv.OperatorID = p.id("interview", iv.ID), p.id("case", iv.CaseID), p.id("operator", iv.OperatorID)
	iv.Mediator, iv.Notes = "", ""
	kept := iv.Answers[:0]
	for _, a := range iv.Answers {
		if q, _ := model.SplitAnswerID(a.QuestionID); !p.textAsked[q] {
			kept = append(kept, a)
		}
	}
	iv.Answers = kept
	if s := iv.Screening; s != nil {
		s.DecisionNote, s.DecidedBy = "", p.id("operator", s.DecidedBy)
	}
}

func (p *pseudonymiser) plan(pl *Plan) {
	pl.ID, pl.CaseID, pl.AgreedBy, pl.SignedBy = p.id("plan", pl.ID), p.id("case", pl.CaseID), p.id("operator", pl.AgreedBy), ""
	for i := range pl.Goals {
		g := &pl.Goals[i]
		g.Text = ""
		for j := range g.Actions {
			a := &g.Actions[j]
			a.What, a.Outcome = "", ""
			a.OperatorID, a.ServiceID = p.id("operator", a.OperatorID), p.id("service", a.ServiceID)
		}
	}
	for i := range pl.Budget {
		pl.Budget[i].Note = ""
	}
}

// toMonth keeps a partial date to its year and month.
func toMonth(d string) string {
	if len(d) > 7 {
		return d[:7]
	}
	return d
}

// textQuestions lists the free-text questions of every questionnaire version.
func textQuestions(versions map[string]*model.Questionnaire) map[string]bool {
	out := map[string]bool{}
	for _, qn := range versions {
		for _, s := range qn.Sections {
			for _, q := range s.Questions {
				if q.Type == model.QText {
					out[q.ID] = true
				}
				for _, f := range q.Fields {
					if f.Type == model.QText {
						out[f.ID] = true
					}
				}
			}
		}
	}
	return out
}

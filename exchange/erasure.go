package exchange

import (
	"encoding/json"
	"time"

	"sportello/model"
	"sportello/store"
)

// An erased person travels as an erasure: their record carries Erased and
// only the anonymous tally. A desk that receives it erases its own copy
// the same way (store.Merger.ErasePerson); from then on, no bundle writes a
// personal value into that person again, whatever it holds: a bundle made
// before the erasure, or by a desk that has not erased yet, has its
// records of that person kept out (this desk's erased version stands, and
// no conflict is kept, which would hold the other version) or, when new
// here, added without their personal values.

func erasureRecord(e model.Erasure) *Erasure {
	if e.At.IsZero() {
		return nil
	}
	return &Erasure{At: stamp(e.At), Reason: string(e.Reason), Note: e.Note}
}

func (e *Erasure) model() model.Erasure {
	return model.Erasure{At: when(e.At), Reason: model.ErasureReason(e.Reason), Note: e.Note}
}

// erasures gives the erasure of every person erased on this desk (ours)
// or in the bundle (theirs), by stable ID; this desk's own stands.
func erasures(ours, theirs map[string]*Erasure) map[string]*Erasure {
	out := make(map[string]*Erasure, len(theirs)+len(ours))
	for uid, e := range theirs {
		out[uid] = e
	}
	for uid, e := range ours {
		out[uid] = e
	}
	return out
}

// owners tells the person each incoming record is about, by stable ID,
// looking cases up in the bundle (theirs: case → person), then on this
// desk (ours).
func owners(ours, theirs map[string]string) func(doc *Document, r record) string {
	caseOf := func(uid string) string {
		if p, ok := theirs[uid]; ok {
			return p
		}
		return ours[uid]
	}
	return func(doc *Document, r record) string {
		switch r.entity {
		case "person":
			return r.uid
		case "case":
			return doc.Cases[r.index].PersonID
		case "interview":
			return caseOf(doc.Interviews[r.index].CaseID)
		case "plan":
			return caseOf(doc.Plans[r.index].CaseID)
		case "consent":
			return doc.Consents[r.index].PersonID
		case "referral":
			return caseOf(doc.Referrals[r.index].CaseID)
		case "skills_profile":
			return doc.SkillsProfiles[r.index].PersonID
		case "proposal":
			return caseOf(doc.Proposals[r.index].CaseID)
		case "internship":
			return caseOf(doc.Internships[r.index].CaseID)
		case "enterprise":
			return caseOf(doc.Enterprises[r.index].CaseID)
		}
		return ""
	}
}

// erasedDecision is what a merge does with an incoming record of a person
// erased here or in the bundle: a record this desk has stays as it is
// here (erased, or about to be), a new one is added without its personal
// values.
func erasedDecision(exists bool) decision {
	if exists {
		return keep
	}
	return add
}

// anonymiseRecord blanks, in the bundle, what an erasure removes from the
// record: the same rules as the store's (model.Person.Anonymise and
// store.eraseRecords).
func anonymiseRecord(doc *Document, r record) {
	i := r.index
	switch r.entity {
	case "person":
		p := &doc.Persons[i]
		m := (&resolver{}).person(p)
		m.Anonymise()
		a := personRecord(m)
		a.ID, a.Erased, a.Sync = p.ID, p.Erased, p.Sync
		*p = a
	case "interview":
		iv := &doc.Interviews[i]
		iv.Answers, iv.Notes, iv.SAP = []Answer{}, "", nil
		if s := iv.Screening; s != nil {
			s.DecisionNote = ""
			var res model.Screening
			if json.Unmarshal(s.Result, &res) == nil {
				res.Anonymise()
				s.Result, _ = json.Marshal(res)
			}
		}
	case "plan":
		pl := &doc.Plans[i]
		pl.SignedBy = ""
		for g := range pl.Goals {
			pl.Goals[g].Text = ""
			for a := range pl.Goals[g].Actions {
				pl.Goals[g].Actions[a].What, pl.Goals[g].Actions[a].Outcome = "", ""
			}
		}
		for b := range pl.Budget {
			pl.Budget[b].Note = ""
		}
	case "consent":
		doc.Consents[i].Scan, doc.Consents[i].ScanName = nil, ""
	case "referral":
		f := &doc.Referrals[i]
		f.Reason, f.Feedback, f.LegalBasis = "", "", ""
	case "skills_profile":
		emptyProfile(&doc.SkillsProfiles[i])
	default:
		anonymiseWork(doc, r)
	}
}

// applyErasures erases, at the end of a merge, every person the bundle
// touched who is erased here or in it: a tombstone erases this desk's copy;
// records of an erased person the merge added are blanked by the store's
// own rules too.
func applyErasures(m *store.Merger, touched map[string]*Erasure) error {
	for uid, e := range touched {
		if _, ok := m.ID("person", uid); !ok {
			continue // the person is on neither desk: their records were refused
		}
		if err := m.ErasePerson(uid, e.model()); err != nil {
			return err
		}
	}
	return nil
}

// validPerson checks an incoming person; an erased one has no name left,
// which the other fields are checked without.
func validPerson(p *model.Person, erased bool) error {
	v := *p
	if erased && v.FamilyName == "" {
		v.FamilyName = "-"
	}
	return v.Validate(time.Now().Add(48 * time.Hour))
}

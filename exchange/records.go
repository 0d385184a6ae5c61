package exchange

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
)

// record is one exchanged record seen generically: its kind, stable ID,
// the hash of its content (sync data left out), the sync base it carries,
// and its JSON for a conflict's "their version".
type record struct {
	entity string
	uid    string
	hash   string
	base   string
	label  string
	json   func() []byte
	index  int // position in its document list
}

// hashOf hashes a record's exchange form; the caller clears its sync data.
func hashOf(v any) (string, []byte) {
	b, err := json.Marshal(v)
	if err != nil {
		panic("exchange: a record cannot be encoded: " + err.Error())
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), b
}

func baseOf(s *Sync) string {
	if s == nil {
		return ""
	}
	return s.Base
}

// records lists a document's records in merge order, with their hashes.
// Labels name the person's case code, for conflicts an operator can read.
func (d *Document) records() []record { return d.recordsWith(newLabels()) }

// labels are what records' labels are made of: each person's case code,
// each case's person and each employer's name, learnt from the records
// listed so far (or from the whole bundle, for a part of it).
type labels struct {
	codes    map[string]string // person → case code
	caseOf   map[string]string // case → person
	employer map[string]string // employer → its name
}

func newLabels() *labels {
	return &labels{codes: map[string]string{}, caseOf: map[string]string{}, employer: map[string]string{}}
}

// recordsWith is records with the labels known (l), which it adds to.
func (d *Document) recordsWith(l *labels) []record {
	var out []record
	codes, employer := l.codes, l.employer
	caseCode := func(uid string) string { return codes[l.caseOf[uid]] }
	collect(&out, "operator", d.Operators, func(r *Operator) (string, string, **Sync) { return r.ID, r.Username, &r.Sync })
	collect(&out, "service", d.Services, func(r *Service) (string, string, **Sync) { return r.ID, r.Name, &r.Sync })
	collect(&out, "employer", d.Employers, func(r *Employer) (string, string, **Sync) {
		employer[r.ID] = r.Denominazione
		return r.ID, r.Denominazione, &r.Sync
	})
	collect(&out, "vacancy", d.Vacancies, func(r *Vacancy) (string, string, **Sync) {
		return r.ID, workLabel(employer[r.EmployerID], r.Title), &r.Sync
	})
	collect(&out, "person", d.Persons, func(r *Person) (string, string, **Sync) {
		codes[r.ID] = r.CaseCode
		return r.ID, r.CaseCode, &r.Sync
	})
	collect(&out, "case", d.Cases, func(r *Case) (string, string, **Sync) {
		l.caseOf[r.ID] = r.PersonID
		return r.ID, codes[r.PersonID], &r.Sync
	})
	collect(&out, "interview", d.Interviews, func(r *Interview) (string, string, **Sync) {
		return r.ID, caseCode(r.CaseID) + " " + r.Date, &r.Sync
	})
	collect(&out, "plan", d.Plans, func(r *Plan) (string, string, **Sync) { return r.ID, caseCode(r.CaseID), &r.Sync })
	collect(&out, "consent", d.Consents, func(r *Consent) (string, string, **Sync) {
		return r.ID, codes[r.PersonID] + " " + r.Purpose, &r.Sync
	})
	collect(&out, "referral", d.Referrals, func(r *Referral) (string, string, **Sync) {
		return r.ID, caseCode(r.CaseID) + " " + r.Code, &r.Sync
	})
	collect(&out, "activity", d.Activities, func(r *Activity) (string, string, **Sync) {
		return r.ID, r.Date + " " + r.Kind, &r.Sync
	})
	collect(&out, "skills_profile", d.SkillsProfiles, func(r *SkillsProfile) (string, string, **Sync) {
		return r.ID, codes[r.PersonID] + " v" + strconv.Itoa(r.Version), &r.Sync
	})
	collect(&out, "proposal", d.Proposals, func(r *Proposal) (string, string, **Sync) {
		return r.ID, workLabel(caseCode(r.CaseID), employer[r.EmployerID]), &r.Sync
	})
	collect(&out, "internship", d.Internships, func(r *Internship) (string, string, **Sync) {
		return r.ID, workLabel(caseCode(r.CaseID), employer[r.EmployerID], r.DataInizio), &r.Sync
	})
	collect(&out, "enterprise", d.Enterprises, func(r *Enterprise) (string, string, **Sync) {
		return r.ID, workLabel(caseCode(r.CaseID), r.Name), &r.Sync
	})
	return out
}

// collect adds a list's records: each hashed without its sync data, which
// is kept apart as the record's base.
func collect[T any](out *[]record, entity string, list []T, key func(*T) (uid, label string, sync **Sync)) {
	for i := range list {
		r := list[i] // a copy: the document keeps its sync data
		uid, label, sync := key(&r)
		base := baseOf(*sync)
		*sync = nil
		h, _ := hashOf(r)
		// The record's JSON is made again when a conflict needs it: holding
		// every record's bytes would double a big merge's memory.
		*out = append(*out, record{entity: entity, uid: uid, hash: h, base: base, label: label,
			json: func() []byte { _, b := hashOf(r); return b }, index: i})
	}
}

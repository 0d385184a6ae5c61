package exchange

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
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
// labels names the person of a case, for conflicts an operator can read.
func (d *Document) records() []record {
	var out []record
	add := func(entity, uid string, s *Sync, label string, i int, v any) {
		h, _ := hashOf(v)
		// The record's JSON is made again when a conflict needs it: holding
		// every record's bytes would double a big merge's memory.
		out = append(out, record{entity: entity, uid: uid, hash: h, base: baseOf(s), label: label,
			json: func() []byte { _, b := hashOf(v); return b }, index: i})
	}
	codes := map[string]string{} // person uid → case code
	caseCode := map[string]string{}
	for i, r := range d.Operators {
		s := r.Sync
		r.Sync = nil
		add("operator", r.ID, s, r.Username, i, r)
	}
	for i, r := range d.Services {
		s := r.Sync
		r.Sync = nil
		add("service", r.ID, s, r.Name, i, r)
	}
	for i, r := range d.Persons {
		s := r.Sync
		r.Sync = nil
		codes[r.ID] = r.CaseCode
		add("person", r.ID, s, r.CaseCode, i, r)
	}
	for i, r := range d.Cases {
		s := r.Sync
		r.Sync = nil
		caseCode[r.ID] = codes[r.PersonID]
		add("case", r.ID, s, codes[r.PersonID], i, r)
	}
	for i, r := range d.Interviews {
		s := r.Sync
		r.Sync = nil
		add("interview", r.ID, s, caseCode[r.CaseID]+" "+r.Date, i, r)
	}
	for i, r := range d.Plans {
		s := r.Sync
		r.Sync = nil
		add("plan", r.ID, s, caseCode[r.CaseID], i, r)
	}
	for i, r := range d.Consents {
		s := r.Sync
		r.Sync = nil
		add("consent", r.ID, s, codes[r.PersonID]+" "+r.Purpose, i, r)
	}
	for i, r := range d.Referrals {
		s := r.Sync
		r.Sync = nil
		add("referral", r.ID, s, caseCode[r.CaseID]+" "+r.Code, i, r)
	}
	for i, r := range d.Activities {
		s := r.Sync
		r.Sync = nil
		add("activity", r.ID, s, r.Date+" "+r.Kind, i, r)
	}
	return out
}

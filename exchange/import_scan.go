package exchange

import (
	"io"
	"reflect"
)

// An import reads a bundle's data.json twice, a part of a list at a time
// (decodeParts), so that a regional-size bundle never sits whole in
// memory: a first reading checks it (signature, schema, records held
// twice) and learns the little a merge needs across kinds of record
// (scanned); a second, inside the merge's transaction, merges it
// (merge_parts.go).

// partBytes is the most JSON of one list an import holds decoded at once.
var partBytes int64 = 4 << 20

// smallLists are merged first, before the others are read again: every
// other kind of record may refer to them. The first reading keeps them.
var smallLists = map[string]bool{"operators": true, "services": true, "employers": true, "vacancies": true}

// scanned is what the first reading of a bundle learns.
type scanned struct {
	env            *Document           // the envelope: its lists empty when there, nil when not
	small          *Document           // the operators, services, employers and vacancies, whole
	merges         []PersonMerge       // the files merged away on the bundle's desk
	labels         *labels             // case codes, cases' persons and employers' names
	erased         map[string]*Erasure // the persons erased in the bundle
	consentPersons map[string]bool     // the persons the bundle's consents are about
	counts         map[string]int      // records by list
	dup            *dupSet
	valid          *partValidator
	validErr       error // the schema could not be compiled
}

func newScanned() *scanned {
	return &scanned{small: &Document{}, labels: newLabels(), erased: map[string]*Erasure{},
		consentPersons: map[string]bool{}, counts: map[string]int{}, dup: newDupSet()}
}

// scanData reads a bundle's data.json a first time and checks it as
// readBundle does, in the same order; it keeps only what scanned holds.
func scanData(b *bundleFile) (*scanned, error) {
	s := newScanned()
	sum, err := readData(b.data, func(r io.Reader) (err error) {
		s.env, err = decodeParts(r, partBytes, s.see)
		return err
	})
	if sum != b.man.DataSHA256 && sum != "" {
		return nil, refuse(BundleTampered, "its data were changed after the desk signed them")
	}
	if err != nil {
		return nil, err
	}
	if s.validErr != nil {
		return nil, s.validErr
	}
	if err := validateEnvelope(s.env); err != nil {
		return nil, refuse(BundleMalformed, "%v", err)
	}
	if s.valid != nil {
		if err := s.valid.result(); err != nil {
			return nil, refuse(BundleMalformed, "%v", err)
		}
	}
	if err := checkEnvelope(b.man, s.env); err != nil {
		return nil, err
	}
	return s, nil
}

// see checks a part of a list and learns from it.
func (s *scanned) see(p *part) error {
	if s.valid == nil && s.validErr == nil {
		s.valid, s.validErr = newPartValidator(p.env.Mode == ModePseudonymised)
	}
	if s.valid != nil {
		s.valid.check(p.key, p.items(), p.first)
	}
	s.counts[p.key] += p.items().Len()
	_ = s.dup.see(p.doc) // the first record held twice is told after the checks before it
	s.learn(p.doc)
	if smallLists[p.key] {
		field := listFields(s.small)[p.key]
		field.Set(reflect.AppendSlice(field, p.items()))
	}
	s.merges = append(s.merges, p.doc.PersonMerges...)
	return nil
}

// learn notes what a merge needs of a part's records across kinds.
func (s *scanned) learn(d *Document) {
	for i := range d.Persons {
		p := &d.Persons[i]
		s.labels.codes[p.ID] = p.CaseCode
		if p.Erased != nil {
			s.erased[p.ID] = p.Erased
		}
	}
	for i := range d.Cases {
		s.labels.caseOf[d.Cases[i].ID] = d.Cases[i].PersonID
	}
	for i := range d.Employers {
		s.labels.employer[d.Employers[i].ID] = d.Employers[i].Denominazione
	}
	for i := range d.Consents {
		s.consentPersons[d.Consents[i].PersonID] = true
	}
}

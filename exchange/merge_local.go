package exchange

import (
	"slices"

	"sportello/store"
)

// localSide is what a merge knows of this desk: only the records the
// bundle names or leans on, never the whole desk (issue #19).
type localSide struct {
	mine       map[string]map[string]record // entity → uid → this desk's copy (hash and label only)
	latest     map[string]*Consent          // the standing consents of the persons the bundle's consents are about
	erased     map[string]*Erasure          // persons erased here, of those the bundle is about
	caseOf     map[string]string            // case → person, of the cases the bundle names
	mergedAway map[string]bool              // files merged away here
}

// readLocal reads, through read, this desk's side of a merge of doc.
func readLocal(read func(store.LocalQuery) (*store.Snapshot, error), doc *Document, incoming []record) (*localSide, error) {
	s, err := read(localQuery(doc, incoming))
	if err != nil {
		return nil, err
	}
	l := &localSide{mine: map[string]map[string]record{}, erased: map[string]*Erasure{},
		caseOf: map[string]string{}, mergedAway: map[string]bool{}}
	for id, e := range s.Erasures {
		if uid, ok := s.UIDs["person"][id]; ok {
			l.erased[uid] = erasureRecord(e)
		}
	}
	for _, pm := range s.PersonMerges {
		l.mergedAway[pm.Merged] = true
	}
	ours := build(s, Desk{}, Scope{}, zipTime, nil)
	for _, c := range ours.Cases {
		l.caseOf[c.ID] = c.PersonID
	}
	l.latest = latestConsents(ours)
	for _, r := range ours.records() {
		if l.mine[r.entity] == nil {
			l.mine[r.entity] = map[string]record{}
		}
		r.json = nil // only the hash and the label are compared
		l.mine[r.entity][r.uid] = r
	}
	return l, nil
}

// localQuery names the local records a merge of doc compares with or
// leans on: every record the bundle holds, the cases and persons its
// records name (to whom each record belongs, who is erased), and every
// consent of the persons its consents are about (the word that stands).
func localQuery(doc *Document, incoming []record) store.LocalQuery {
	q := store.LocalQuery{UIDs: map[string][]string{}}
	for _, r := range incoming {
		q.UIDs[r.entity] = append(q.UIDs[r.entity], r.uid)
	}
	cases := func(ids ...string) { q.UIDs["case"] = append(q.UIDs["case"], ids...) }
	persons := func(ids ...string) { q.UIDs["person"] = append(q.UIDs["person"], ids...) }
	for i := range doc.Cases {
		persons(doc.Cases[i].PersonID)
	}
	for i := range doc.Consents {
		persons(doc.Consents[i].PersonID)
		q.ConsentsOf = append(q.ConsentsOf, doc.Consents[i].PersonID)
	}
	for i := range doc.SkillsProfiles {
		persons(doc.SkillsProfiles[i].PersonID)
	}
	for i := range doc.Interviews {
		cases(doc.Interviews[i].CaseID)
	}
	for i := range doc.Plans {
		cases(doc.Plans[i].CaseID)
	}
	for i := range doc.Referrals {
		cases(doc.Referrals[i].CaseID)
	}
	for i := range doc.Proposals {
		cases(doc.Proposals[i].CaseID)
	}
	for i := range doc.Internships {
		cases(doc.Internships[i].CaseID)
	}
	for i := range doc.Enterprises {
		cases(doc.Enterprises[i].CaseID)
	}
	for e, uids := range q.UIDs {
		slices.Sort(uids)
		q.UIDs[e] = slices.Compact(uids)
	}
	slices.Sort(q.ConsentsOf)
	q.ConsentsOf = slices.Compact(q.ConsentsOf)
	return q
}

// uidsOf lists the stable IDs of the records given, by entity.
func uidsOf(incoming []record) map[string][]string {
	out := map[string][]string{}
	for _, r := range incoming {
		out[r.entity] = append(out[r.entity], r.uid)
	}
	return out
}

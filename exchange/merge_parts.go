package exchange

import (
	"io"
	"slices"

	"sportello/store"
)

// mergedLists are the lists read a second time, part by part, in the order
// a merge applies them (a record refers only to kinds before it).
var mergedLists = []string{"persons", "cases", "interviews", "plans", "consents", "referrals", "activities",
	"skills_profiles", "proposals", "internships", "enterprises"}

// consentPersonsAtOnce is how many persons' consents a merge reads at once
// to learn the word that stands for each.
const consentPersonsAtOnce = 2000

// merging is an import's merge under way, inside its transaction: what it
// carries from one part of the bundle to the next.
type merging struct {
	m         *store.Merger
	in        *scanned
	res       *ImportResult
	sole      bool                // every exchange merged here came from the sending desk
	latest    map[string]*Consent // this desk's standing consents, as they were before the merge
	aside     map[string]bool     // new consents kept aside for an operator
	touched   map[string]*Erasure // erased persons the bundle holds records of
	conflicts []*store.Conflict
}

// readLatest learns this desk's standing consents of the persons the
// bundle's consents are about, before the merge writes any.
func (g *merging) readLatest() error {
	persons := make([]string, 0, len(g.in.consentPersons))
	for uid := range g.in.consentPersons {
		persons = append(persons, uid)
	}
	slices.Sort(persons)
	for chunk := range slices.Chunk(persons, consentPersonsAtOnce) {
		s, err := g.m.LocalRecords(store.LocalQuery{ConsentsOf: chunk, NoScans: true})
		if err != nil {
			return err
		}
		for k, c := range latestConsents(build(s, Desk{}, Scope{}, zipTime, nil)) {
			g.latest[k] = c
		}
	}
	return nil
}

// stream reads the bundle's data again and merges its lists part by part,
// in merge order: a list the file holds out of that order takes one more
// reading. The data must still be those signed.
func (g *merging) stream(b *bundleFile) error {
	var pending []string
	for _, key := range mergedLists {
		if g.in.counts[key] > 0 {
			pending = append(pending, key)
		}
	}
	for len(pending) > 0 {
		before := len(pending)
		var applyErr error
		sum, err := readData(b.data, func(r io.Reader) error {
			_, err := decodeParts(r, partBytes, func(p *part) error {
				if len(pending) == 0 || p.key != pending[0] {
					return nil
				}
				if applyErr = g.part(p.doc, false); applyErr != nil {
					return applyErr
				}
				if p.last {
					pending = pending[1:]
				}
				return nil
			})
			return err
		})
		if applyErr != nil {
			return applyErr
		}
		if err != nil || sum != b.man.DataSHA256 || len(pending) == before {
			return refuse(BundleTampered, "its data changed while it was being merged")
		}
	}
	return nil
}

// part merges a part of the bundle: doc holds some records of one list
// (or, first, the small lists whole).
func (g *merging) part(doc *Document, first bool) error {
	envelopeInto(doc, g.in.env)
	incoming := doc.recordsWith(g.in.labels)
	local, err := readLocal(g.m.LocalRecords, doc, incoming)
	if err != nil {
		return err
	}
	bases, err := g.m.SyncBasesOf(uidsOf(incoming))
	if err != nil {
		return err
	}
	erased, owner := erasures(local.erased, g.in.erased), owners(local.caseOf, g.in.labels.caseOf)
	for _, r := range incoming {
		if e := erased[owner(doc, r)]; e != nil {
			anonymiseRecord(doc, r)
			g.touched[owner(doc, r)] = e
		}
	}
	incoming = doc.recordsWith(g.in.labels) // again: anonymised records hash anew
	mergedAway := mergedFiles(local.mergedAway, g.in.merges)
	decisions := make([]decision, len(incoming))
	for i, r := range incoming {
		decisions[i] = g.decide(doc, r, local, bases[r.entity][r.uid], mergedAway, erased[owner(doc, r)] != nil)
	}
	if first {
		if err := g.same(doc, incoming, decisions); err != nil {
			return err
		}
		if _, err := g.m.RedirectMerged(storeMerges(g.in.merges)); err != nil {
			return err
		}
	}
	rs := &resolver{m: g.m, erased: func(r record) bool { return erased[owner(doc, r)] != nil }}
	for i, r := range incoming {
		if err := g.apply(rs, doc, r, decisions[i], local.mine[r.entity][r.uid]); err != nil {
			return err
		}
	}
	return nil
}

// decide is what the merge does with one incoming record, counted.
func (g *merging) decide(doc *Document, r record, local *localSide, base string, mergedAway map[string]bool, erased bool) decision {
	d := decide(r, local.mine[r.entity], base, g.sole)
	switch {
	case r.entity == "consent" && d == add && overturnsWithdrawal(&doc.Consents[r.index], g.latest):
		d = conflict
		g.aside[r.uid] = true
	case r.entity == "referral" && g.aside[doc.Referrals[r.index].ConsentID] && (d == add || d == update):
		d = conflict // it rests on a consent kept aside
	}
	if r.entity == "person" && mergedAway[r.uid] {
		d = same // a file merged into another: its records land on the kept one
	}
	if erased && d != same {
		_, exists := local.mine[r.entity][r.uid]
		d = erasedDecision(exists)
	}
	g.count(d, 1)
	return d
}

// count adds n records decided d to the result.
func (g *merging) count(d decision, n int) {
	switch d {
	case add:
		g.res.Added += n
	case update:
		g.res.Updated += n
	case same:
		g.res.Unchanged += n
	case keep:
		g.res.Kept += n
	case conflict:
		g.res.Conflicts += n
	}
}

// same recognises the services and employers new to this desk that it
// holds already under another ID.
func (g *merging) same(doc *Document, incoming []record, decisions []decision) error {
	for i, r := range incoming {
		if r.entity != "service" && r.entity != "employer" || decisions[i] != add {
			continue
		}
		if known, err := sameRecord(g.m, doc, r); err != nil {
			return err
		} else if known {
			decisions[i] = same
			g.count(add, -1)
			g.count(same, 1)
		}
	}
	return nil
}

// apply writes one record as decided, keeping any conflict for the end.
func (g *merging) apply(rs *resolver, doc *Document, r record, d decision, local record) error {
	c, err := apply(g.m, rs, doc, r, d, local)
	if err != nil || c == nil {
		return err
	}
	if c.Reason == store.ReasonClash {
		g.count(d, -1)
		g.count(conflict, 1)
	}
	g.conflicts = append(g.conflicts, c)
	return nil
}

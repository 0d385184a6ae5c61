package model

import (
	"slices"
	"strconv"
)

// DedupKeys are the blocking keys of a person: two persons that may be the
// same share at least one key. The store indexes them (a table of person_id,
// key) to find candidates and to build the whole-desk list by comparing only
// persons that share a key. The keys: the sorted pair of two name-token
// skeletons ("n:MHMD|RHMN", whatever the order of given and family names),
// the birth year and one name-token skeleton ("y:1990:RHMN"), and the exact
// identifiers ("cf:...", "doc:...", "ph:3331234567"). Skeletons shorter
// than two letters are too common to key on. Sorted, no duplicates.
func DedupKeys(p DedupPerson) []string {
	d := PrepareDedup(p)
	return d.keys()
}

// keys are the blocking keys of a prepared person.
func (d *DedupPrepared) keys() []string {
	var ks []string
	year := ""
	if d.birth.Year != 0 {
		year = "y:" + strconv.Itoa(d.birth.Year) + ":"
	}
	for _, v := range d.variants {
		if v.joined {
			continue
		}
		for i, t := range v.toks {
			if len(t.skel) < 2 {
				continue
			}
			if year != "" {
				ks = append(ks, year+t.skel)
			}
			for _, u := range v.toks[i+1:] {
				if len(u.skel) >= 2 && u.skel != t.skel {
					ks = append(ks, "n:"+min(t.skel, u.skel)+"|"+max(t.skel, u.skel))
				}
			}
		}
	}
	if d.fiscal != "" {
		ks = append(ks, "cf:"+d.fiscal)
	}
	for _, doc := range d.docs {
		ks = append(ks, "doc:"+doc)
	}
	if d.phone != "" {
		ks = append(ks, "ph:"+d.phone)
	}
	slices.Sort(ks)
	return slices.Compact(ks)
}

package model

import "strings"

// DedupPrepared is a person made ready for comparison: names tokenised
// and skeletonised, identifiers normalised. Preparing once per person and
// comparing prepared persons is what makes whole-desk lists fast.
type DedupPrepared struct {
	variants []dedupVariant
	birth    PartialDate
	sex      Sex
	fiscal   string
	phone    string
	docs     []string
	canon    string // orders the pair, so that comparison is symmetric
}

// dedupVariant is one way of writing the person's name: the Latin name,
// the name in the own script, an alias, or the Latin name with the words
// of each part run together.
type dedupVariant struct {
	toks   []dedupToken
	script string
	latin  bool // the registered family and given names
	joined bool // words run together: compared, not keyed
}

// PrepareDedup prepares p for ComparePrepared.
func PrepareDedup(p DedupPerson) DedupPrepared {
	d := DedupPrepared{birth: p.BirthDate, sex: p.Sex, fiscal: normIdent(p.FiscalCode), phone: NormalizePhone(p.Phone)}
	for _, n := range p.DocumentNumbers {
		if s := normIdent(n); s != "" {
			d.docs = append(d.docs, s)
		}
	}
	famLatin, fs := transliterate(p.FamilyName)
	givLatin, gs := transliterate(p.GivenNames)
	fam, giv := latinFieldTokens(famLatin, fs, 0), latinFieldTokens(givLatin, gs, 1)
	if len(fam)+len(giv) > 0 {
		sc := fs
		if sc == scriptLatin {
			sc = gs
		}
		d.variants = append(d.variants, dedupVariant{toks: append(fam, giv...), script: sc, latin: true})
		if j := append(joinField(famLatin, 0), joinField(givLatin, 1)...); !sameTokens(j, fam, giv) {
			d.variants = append(d.variants, dedupVariant{toks: j, script: sc, latin: true, joined: true})
		}
	}
	for _, n := range append([]string{p.OwnScriptName}, p.Aliases...) {
		if t, sc := fieldTokens(n, 2); len(t) > 0 {
			d.variants = append(d.variants, dedupVariant{toks: t, script: sc})
		}
	}
	d.canon = d.canonical(p)
	return d
}

// fieldTokens tokenises one name field.
func fieldTokens(name string, field int8) ([]dedupToken, string) {
	latin, script := transliterate(name)
	return latinFieldTokens(latin, script, field), script
}

// latinFieldTokens tokenises one transliterated name field.
func latinFieldTokens(latin, script string, field int8) []dedupToken {
	words := latinTokens(latin, script)
	out := make([]dedupToken, 0, len(words))
	for _, w := range words {
		if s := tokenSkeleton(w); s != "" {
			out = append(out, dedupToken{plain: w, skel: s, field: field})
		}
	}
	return out
}

// joinField runs the words of one transliterated field together,
// particles included ("Gebre Medhin" and "Gebremedhin", "Ben Ali" and "Benali").
func joinField(latin string, field int8) []dedupToken {
	plain := strings.Join(strings.Fields(latin), "")
	if s := tokenSkeleton(plain); s != "" {
		return []dedupToken{{plain: plain, skel: s, field: field}}
	}
	return nil
}

// sameTokens reports whether j is the tokens of fam and giv.
func sameTokens(j, fam, giv []dedupToken) bool {
	all := append(append([]dedupToken(nil), fam...), giv...)
	if len(j) != len(all) {
		return false
	}
	for i := range j {
		if j[i].plain != all[i].plain {
			return false
		}
	}
	return true
}

// canonical is a string that orders two persons whatever their IDs.
func (d *DedupPrepared) canonical(p DedupPerson) string {
	var b strings.Builder
	for _, v := range d.variants {
		for _, t := range v.toks {
			b.WriteString(t.plain)
			b.WriteByte(' ')
		}
		b.WriteByte('|')
	}
	b.WriteString(p.BirthDate.String() + "|" + string(p.Sex) + "|" + d.fiscal + "|" + d.phone + "|" + strings.Join(d.docs, ","))
	return b.String()
}

package model

// compareBirth weighs two birth dates. A 1 January date is often a
// registration default for an unknown day, so it counts as year only.
func compareBirth(a, b PartialDate) []weighed {
	if a.Year == 0 || b.Year == 0 {
		return nil
	}
	a, b = birthDefault(a), birthDefault(b)
	r := func(code string, w float64) []weighed {
		return []weighed{{DedupReason{Code: code, Against: w < 0}, w}}
	}
	switch {
	case a == b && a.Day != 0:
		return r(DedupReasonSameBirthDate, 4)
	case a.Year == b.Year && a.Day != 0 && b.Day != 0 && a.Day == b.Month && a.Month == b.Day:
		return r(DedupReasonBirthDaySwapped, 3)
	case a.Year == b.Year && partCompatible(a.Month, b.Month) && partCompatible(a.Day, b.Day):
		if a.Month != 0 && b.Month != 0 {
			return r(DedupReasonBirthCompatible, 2.5)
		}
		return r(DedupReasonBirthCompatible, 1)
	case (a.Year-b.Year == 1 || b.Year-a.Year == 1) && a.Month == b.Month && a.Day == b.Day && a.Month != 0:
		return r(DedupReasonBirthYearNear, 1)
	}
	return r(DedupReasonDifferentBirthDate, -5)
}

// birthDefault reads YYYY-01-01 as YYYY.
func birthDefault(d PartialDate) PartialDate {
	if d.Month == 1 && d.Day == 1 {
		return PartialDate{Year: d.Year}
	}
	return d
}

// partCompatible reports whether two date parts may be the same (0: unknown).
func partCompatible(x, y int) bool { return x == 0 || y == 0 || x == y }

// nameResult is the best agreement found between two persons' names.
type nameResult struct {
	sim        float64 // 0..1
	minTok     float64 // the worst token of the shorter name
	plainSame  bool    // the same words once accents and case are folded
	skelDiffer bool    // a token matched one whose skeleton differs: a near name, perhaps another one
	swapped    bool
	script     string // the non-Latin script compared with Latin, if any
}

// compareNames weighs the names: the best pair of name variants.
func compareNames(a, b *DedupPrepared) []weighed {
	var best nameResult
	found := false
	for i := range a.variants {
		for j := range b.variants {
			r := compareVariants(&a.variants[i], &b.variants[j])
			if !found || r.sim > best.sim || (r.sim == best.sim && r.plainSame && !best.plainSame) {
				best, found = r, true
			}
		}
	}
	if !found {
		return nil
	}
	return nameEvidence(best)
}

// nameEvidence turns the best name agreement into weighed reasons.
func nameEvidence(n nameResult) []weighed {
	w := (n.sim - 0.84) * 28
	w = max(min(w, 4.5), -6)
	if n.minTok < 0.75 {
		w -= 2.5
	}
	if n.skelDiffer {
		// Imran and Irfan, Olena and Olha: twins and siblings have near
		// names; a spelling the skeleton does not absorb counts little.
		w = min(w, 1.0)
	}
	if w < 0 {
		return []weighed{{DedupReason{Code: DedupReasonNamesDiffer, Against: true}, w}}
	}
	var ev []weighed
	switch {
	case n.script != "":
		ev = append(ev, weighed{DedupReason{Code: DedupReasonNamesAcrossScript, Arg: n.script}, w})
	case n.plainSame:
		ev = append(ev, weighed{DedupReason{Code: DedupReasonSameNames}, w})
	default:
		ev = append(ev, weighed{DedupReason{Code: DedupReasonNamesSpelling}, w})
	}
	if n.swapped {
		ev = append(ev, weighed{DedupReason{Code: DedupReasonNamesSwapped}, 0})
	}
	return ev
}

// compareVariants matches the tokens of the shorter name, each to the most
// alike unused token of the longer one.
func compareVariants(a, b *dedupVariant) nameResult {
	short, long := a, b
	if len(b.toks) < len(a.toks) {
		short, long = b, a
	}
	var used uint64
	var sum float64
	minTok, plain, same, cross, differ := 1.0, true, 0, 0, false
	for _, t := range short.toks {
		bi, bs := -1, -1.0
		for j := range long.toks {
			if used&(1<<uint(j%64)) != 0 {
				continue
			}
			if s := tokenSim(&t, &long.toks[j]); s > bs {
				bi, bs = j, s
			}
		}
		if bi < 0 {
			bs = 0
		} else {
			used |= 1 << uint(bi%64)
			plain = plain && t.plain == long.toks[bi].plain
			if t.field < 2 && long.toks[bi].field < 2 && bs >= 0.85 {
				if t.field == long.toks[bi].field {
					same++
				} else {
					cross++
				}
			}
		}
		sum += bs
		minTok = min(minTok, bs)
		if bs > 0 && bs < 0.97 {
			differ = true
		}
	}
	ns, nl := float64(len(short.toks)), float64(len(long.toks))
	r := nameResult{sim: 0.85*sum/ns + 0.15*min(ns, nl)/nl, minTok: minTok}
	r.plainSame = plain && ns == nl
	r.skelDiffer = differ
	r.swapped = cross > same
	if a.script != b.script {
		if a.script != scriptLatin {
			r.script = a.script
		} else {
			r.script = b.script
		}
	}
	return r
}

// tokenSim is how alike two tokens are: Jaro-Winkler on the skeletons,
// a little less than plain spellings that agree, and
// less when the first letters differ.
func tokenSim(a, b *dedupToken) float64 {
	if a.plain == b.plain {
		return 1
	}
	s := jaroWinkler(a.skel, b.skel)
	if s == 1 {
		return 0.97
	}
	if a.skel != "" && b.skel != "" && a.skel[0] != b.skel[0] {
		s *= 0.85 // spellings seldom differ in the first letter
	}
	return s * 0.97
}

// jaroWinkler is the Jaro-Winkler similarity of two short ASCII strings.
func jaroWinkler(a, b string) float64 {
	if a == b {
		return 1
	}
	la, lb := len(a), len(b)
	if la == 0 || lb == 0 || la > 32 || lb > 32 {
		return 0
	}
	win := max(max(la, lb)/2-1, 0)
	var ma, mb [32]bool
	m := 0
	for i := 0; i < la; i++ {
		for j := max(0, i-win); j < min(lb, i+win+1); j++ {
			if !mb[j] && a[i] == b[j] {
				ma[i], mb[j] = true, true
				m++
				break
			}
		}
	}
	if m == 0 {
		return 0
	}
	tr, k := 0, 0
	for i := 0; i < la; i++ {
		if !ma[i] {
			continue
		}
		for !mb[k] {
			k++
		}
		if a[i] != b[k] {
			tr++
		}
		k++
	}
	fm := float64(m)
	j := (fm/float64(la) + fm/float64(lb) + (fm-float64(tr)/2)/fm) / 3
	p := 0
	for p < min(4, la, lb) && a[p] == b[p] {
		p++
	}
	return j + float64(p)*0.1*(1-j)
}

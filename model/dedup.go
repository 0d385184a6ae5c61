package model

import (
	"math"
	"slices"
	"strings"
)

// Deduplication (issue #17, "one person, one file"): the same person comes
// back and is registered again under another spelling, in another script,
// with day and month swapped or a new phone. CompareDedup scores two persons;
// DedupKeys gives the blocking keys the store indexes to find candidates.

// DedupPerson is what the match score compares of a person.
type DedupPerson struct {
	ID              int64
	FamilyName      string
	GivenNames      string
	OwnScriptName   string
	Aliases         []string
	Sex             Sex
	BirthDate       PartialDate
	FiscalCode      string
	Phone           string
	DocumentNumbers []string // permit and passport numbers
}

// DedupOf is the DedupPerson of p.
func DedupOf(p *Person) DedupPerson {
	d := DedupPerson{ID: p.ID, FamilyName: p.FamilyName, GivenNames: p.GivenNames,
		OwnScriptName: p.OwnScriptName, Aliases: p.Aliases, Sex: p.Sex, BirthDate: p.BirthDate,
		FiscalCode: p.FiscalCode, Phone: p.Phone}
	if p.Permit.Number != "" {
		d.DocumentNumbers = []string{p.Permit.Number}
	}
	return d
}

// Reason codes of the match score; the window translates them.
const (
	DedupReasonSameFiscalCode      = "dedup.same_fiscal_code"
	DedupReasonSameDocument        = "dedup.same_document_number"
	DedupReasonSamePhone           = "dedup.same_phone"
	DedupReasonDifferentPhone      = "dedup.different_phone"       // against
	DedupReasonDifferentFiscalCode = "dedup.different_fiscal_code" // against
	DedupReasonSameBirthDate       = "dedup.same_birth_date"
	DedupReasonBirthDaySwapped     = "dedup.birth_day_month_swapped"
	DedupReasonBirthCompatible     = "dedup.birth_date_compatible"
	DedupReasonBirthYearNear       = "dedup.birth_year_near"      // year off by one, rest equal
	DedupReasonDifferentBirthDate  = "dedup.different_birth_date" // against
	DedupReasonSameNames           = "dedup.same_names"
	DedupReasonNamesSpelling       = "dedup.names_other_spelling"
	DedupReasonNamesSwapped        = "dedup.names_swapped"
	DedupReasonNamesAcrossScript   = "dedup.names_across_script" // Arg: ISO 15924 script
	DedupReasonDifferentSex        = "dedup.different_sex"       // against
	DedupReasonNamesDiffer         = "dedup.names_differ"        // against
)

// DedupReasonCodes lists every reason code, for the window's messages.
var DedupReasonCodes = []string{DedupReasonSameFiscalCode, DedupReasonSameDocument, DedupReasonSamePhone,
	DedupReasonDifferentPhone, DedupReasonDifferentFiscalCode, DedupReasonSameBirthDate, DedupReasonBirthDaySwapped,
	DedupReasonBirthCompatible, DedupReasonBirthYearNear, DedupReasonDifferentBirthDate, DedupReasonSameNames,
	DedupReasonNamesSpelling, DedupReasonNamesSwapped, DedupReasonNamesAcrossScript, DedupReasonDifferentSex,
	DedupReasonNamesDiffer}

// DedupReason is one piece of evidence for or against a match, as a stable
// code the window translates (e.g. "dedup.same_birth_date"), with an optional
// argument (for names_across_script, the script: "Arab", "Cyrl", "Beng", "Guru", "Deva").
type DedupReason struct {
	Code    string // one of the DedupReason* constants
	Arg     string
	Against bool // evidence against the match (shown in another colour)
}

// DedupMatch is the verdict on two persons.
type DedupMatch struct {
	Score   float64       // 0..1; DedupThreshold and above: likely the same person
	Reasons []DedupReason // strongest first
}

// DedupThreshold is the score from which two persons are likely the same,
// chosen on testdata/dedup_pairs.tsv. DedupPossibleThreshold is the score
// from which they may be: a person comes back with only a birth year, or
// written in their own script, and someone at the desk decides. On the
// pairs written by someone who had not seen these rules
// (testdata/dedup_pairs_independent.tsv), likely finds fewer returning
// persons with fewer wrong pairs, possible more of both (the README's
// figures).
const (
	DedupThreshold         = 0.8
	DedupPossibleThreshold = 0.5
)

// Likely reports whether the two persons are likely the same.
func (m DedupMatch) Likely() bool { return m.Score >= DedupThreshold }

// Possible reports whether the two persons may be the same: they are
// shown, ranked, for someone to decide.
func (m DedupMatch) Possible() bool { return m.Score >= DedupPossibleThreshold }

// CompareDedup scores two persons; it is symmetric in a and b.
func CompareDedup(a, b DedupPerson) DedupMatch {
	pa, pb := PrepareDedup(a), PrepareDedup(b)
	return ComparePrepared(&pa, &pb)
}

// dedupBias is the log-odds of a match before any evidence.
const dedupBias = -4.0

// weighed is a reason with the log-odds it adds.
type weighed struct {
	r DedupReason
	w float64
}

// ComparePrepared scores two prepared persons (PrepareDedup); it is
// symmetric in a and b.
func ComparePrepared(a, b *DedupPrepared) DedupMatch {
	if a.canon > b.canon {
		a, b = b, a
	}
	var ev []weighed
	ev = append(ev, compareIDs(a, b)...)
	ev = append(ev, compareBirth(a.birth, b.birth)...)
	ev = append(ev, compareNames(a, b)...)
	if (a.sex == SexFemale || a.sex == SexMale) && (b.sex == SexFemale || b.sex == SexMale) && a.sex != b.sex {
		ev = append(ev, weighed{DedupReason{Code: DedupReasonDifferentSex, Against: true}, -7})
	}
	total := dedupBias
	for _, e := range ev {
		total += e.w
	}
	slices.SortStableFunc(ev, func(x, y weighed) int {
		return cmpFloat(math.Abs(y.w), math.Abs(x.w))
	})
	m := DedupMatch{Score: 1 / (1 + math.Exp(-total)), Reasons: make([]DedupReason, len(ev))}
	for i, e := range ev {
		m.Reasons[i] = e.r
	}
	return m
}

func cmpFloat(x, y float64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// compareIDs weighs the fiscal code, the documents and the phone.
func compareIDs(a, b *DedupPrepared) []weighed {
	var ev []weighed
	switch {
	case a.fiscal != "" && a.fiscal == b.fiscal:
		ev = append(ev, weighed{DedupReason{Code: DedupReasonSameFiscalCode}, 12})
	case a.fiscal != "" && b.fiscal != "":
		ev = append(ev, weighed{DedupReason{Code: DedupReasonDifferentFiscalCode, Against: true}, -6})
	}
	for _, d := range a.docs {
		if slices.Contains(b.docs, d) {
			ev = append(ev, weighed{DedupReason{Code: DedupReasonSameDocument}, 9})
			break
		}
	}
	switch {
	case a.phone != "" && a.phone == b.phone:
		ev = append(ev, weighed{DedupReason{Code: DedupReasonSamePhone}, 2.5})
	case a.phone != "" && b.phone != "":
		ev = append(ev, weighed{DedupReason{Code: DedupReasonDifferentPhone, Against: true}, -0.5})
	}
	return ev
}

// normIdent upper-cases an identifier and keeps only letters and digits.
func normIdent(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// NormalizePhone keeps the digits of a phone number and drops the Italian
// prefix (+39, 0039); numbers shorter than six digits give "".
func NormalizePhone(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	d := b.String()
	plus := strings.HasPrefix(strings.TrimSpace(s), "+")
	switch {
	case strings.HasPrefix(d, "0039"):
		d = d[4:]
	case strings.HasPrefix(d, "39") && (plus || len(d) == 12):
		d = d[2:]
	}
	if len(d) < 6 {
		return ""
	}
	return d
}

package model

import (
	"slices"
	"strings"
)

// MergeIdentity is the identity of the file kept when the file drop, of
// the same person, is merged into keep: keep's values stay; what keep
// lacks is taken from drop; drop's names, aliases and identifiers that
// differ from keep's become aliases ("tel. …", "CF …", "doc. …" and drop's
// case code), so a search for any of them finds the file kept. Nothing of
// either file is lost.
func MergeIdentity(keep, drop Person) Person {
	m := keep
	m.Aliases = slices.Clone(keep.Aliases)
	fill := func(dst *string, src string) {
		if strings.TrimSpace(*dst) == "" {
			*dst = src
		}
	}
	fill(&m.GivenNames, drop.GivenNames)
	fill(&m.OwnScriptName, drop.OwnScriptName)
	fill(&m.BirthCountry, drop.BirthCountry)
	fill(&m.PreferredLanguage, drop.PreferredLanguage)
	fill(&m.Phone, drop.Phone)
	fill(&m.Domicile, drop.Domicile)
	fill(&m.FiscalCode, drop.FiscalCode)
	fill(&m.Permit.Type, drop.Permit.Type)
	fill(&m.Permit.Number, drop.Permit.Number)
	if m.Sex == SexUnknown {
		m.Sex = drop.Sex
	}
	if m.BirthDate.IsZero() || m.BirthDate.Year == drop.BirthDate.Year && moreKnown(drop.BirthDate, m.BirthDate) {
		m.BirthDate = drop.BirthDate
	}
	if m.Permit.Status == "" {
		m.Permit.Status, m.Permit.Expiry = drop.Permit.Status, drop.Permit.Expiry
	}
	m.DomicileInformal = keep.DomicileInformal || drop.DomicileInformal
	m.Citizenships = union(keep.Citizenships, drop.Citizenships)
	m.Languages = union(keep.Languages, drop.Languages)
	m.Vulnerabilities = union(keep.Vulnerabilities, drop.Vulnerabilities)
	alias := func(a string) {
		a = strings.TrimSpace(a)
		if a != "" && !slices.ContainsFunc(m.Aliases, func(x string) bool { return strings.EqualFold(x, a) }) &&
			!strings.EqualFold(a, fullName(m)) && a != m.OwnScriptName {
			m.Aliases = append(m.Aliases, a)
		}
	}
	alias(fullName(drop))
	alias(drop.OwnScriptName)
	for _, a := range drop.Aliases {
		alias(a)
	}
	other := func(label, mine, theirs string) {
		if theirs != "" && !strings.EqualFold(mine, theirs) {
			alias(label + theirs)
		}
	}
	other("tel. ", m.Phone, drop.Phone)
	other("CF ", m.FiscalCode, drop.FiscalCode)
	other("doc. ", m.Permit.Number, drop.Permit.Number)
	alias(drop.CaseCode)
	return m
}

// fullName is the given names then the family name.
func fullName(p Person) string {
	return strings.TrimSpace(strings.TrimSpace(p.GivenNames) + " " + strings.TrimSpace(p.FamilyName))
}

// moreKnown tells whether a knows more parts of the date than b.
func moreKnown(a, b PartialDate) bool {
	known := func(d PartialDate) int {
		n := 0
		for _, v := range []int{d.Year, d.Month, d.Day} {
			if v != 0 {
				n++
			}
		}
		return n
	}
	return known(a) > known(b)
}

// union is a then the values of b not in a.
func union(a, b []string) []string {
	out := slices.Clone(a)
	for _, v := range b {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

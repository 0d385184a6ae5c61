package model

import (
	"sort"
	"strconv"
	"strings"
)

// Reason is one answer that raised an indicator.
type Reason struct {
	AnswerID string `json:"answer"` // e.g. "work.jobs.hours_per_day#0"
	Value    string `json:"value"`
}

// Finding is an indicator raised, with the answers that raised it.
type Finding struct {
	Ref     string   `json:"ref"`
	Reasons []Reason `json:"reasons"`
}

// Screening is the reasoned result of screening an interview: which
// indicators the answers raised and why. It is a flag for the team to look
// at, never a verdict.
type Screening struct {
	ILO     []Finding `json:"ilo"`     // ILO indicators of forced labour
	Indices []Finding `json:"indices"` // indici di sfruttamento, art. 603-bis c.p.
	Delphi  []Finding `json:"delphi"`  // ILO/EC Delphi indicators
	// Dimensions lists the Delphi dimensions that are positive by the
	// combination rule (2 strong; 1 strong + 1 medium or weak; 3 medium;
	// 2 medium + 1 weak).
	Dimensions []string `json:"dimensions"`
	// Trafficking is the Delphi rule for adults trafficked for labour:
	// (deceptive or coercive recruitment, or recruitment by abuse of
	// vulnerability) and exploitative conditions and (coercion at
	// destination or abuse of vulnerability at destination).
	Trafficking bool `json:"trafficking"`
}

// ProposesReferral reports whether the screen should propose a referral to
// an anti-trafficking body: when the Delphi rule is met.
func (s *Screening) ProposesReferral() bool { return s.Trafficking }

// Empty reports whether no indicator was raised.
func (s *Screening) Empty() bool { return len(s.ILO)+len(s.Indices)+len(s.Delphi) == 0 }

// Screen computes the screening of answers given to qn.
func Screen(qn *Questionnaire, answers map[string]string) Screening {
	raised := map[string][]Reason{}
	ids := make([]string, 0, len(answers))
	for id := range answers {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		value := answers[id]
		qid, inst := SplitAnswerID(id)
		q := qn.Question(qid)
		if q == nil || value == "" || !qn.Visible(q, inst, answers) {
			continue
		}
		for _, f := range q.Flags {
			if f.matches(value) {
				for _, ref := range f.Raise {
					raised[ref] = append(raised[ref], Reason{AnswerID: id, Value: value})
				}
			}
		}
	}
	var s Screening
	refs := make([]string, 0, len(raised))
	for ref := range raised {
		refs = append(refs, ref)
	}
	sort.Slice(refs, func(i, j int) bool { return refLess(refs[i], refs[j]) })
	for _, ref := range refs {
		f := Finding{Ref: ref, Reasons: raised[ref]}
		switch strings.SplitN(ref, ".", 2)[0] {
		case "ilo":
			s.ILO = append(s.ILO, f)
		case "i603":
			s.Indices = append(s.Indices, f)
		case "delphi":
			s.Delphi = append(s.Delphi, f)
		}
	}
	positive := DelphiPositive(s.Delphi)
	for _, d := range DelphiDimensions {
		if positive[d.Code] {
			s.Dimensions = append(s.Dimensions, d.Code)
		}
	}
	s.Trafficking = (positive["dr"] || positive["cr"] || positive["rv"]) && positive["ec"] && (positive["cd"] || positive["vd"])
	return s
}

// DelphiPositive applies the combination rule to each dimension.
func DelphiPositive(findings []Finding) map[string]bool {
	type count struct{ s, m, w int }
	counts := map[string]*count{}
	for _, f := range findings {
		ind, ok := IndicatorByRef(f.Ref)
		if !ok {
			continue
		}
		c := counts[ind.Dimension]
		if c == nil {
			c = &count{}
			counts[ind.Dimension] = c
		}
		switch ind.Strength {
		case 'S':
			c.s++
		case 'M':
			c.m++
		case 'W':
			c.w++
		}
	}
	out := map[string]bool{}
	for dim, c := range counts {
		out[dim] = c.s >= 2 || (c.s >= 1 && c.m+c.w >= 1) || c.m >= 3 || (c.m >= 2 && c.w >= 1)
	}
	return out
}

// matches reports whether an answer triggers the flag.
func (f Flag) matches(value string) bool {
	if len(f.When) > 0 {
		for _, v := range strings.Split(value, ",") {
			if slicesContains(f.When, v) {
				return true
			}
		}
		return false
	}
	n, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(value), ",", "."), 64)
	if err != nil {
		return false
	}
	switch {
	case f.Over != nil:
		return n > *f.Over
	case f.Under != nil:
		return n < *f.Under
	case f.Min != nil:
		return n >= *f.Min
	}
	return false
}

// refLess orders refs by framework, then number or table order.
func refLess(a, b string) bool {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	if pa[0] != pb[0] {
		return pa[0] < pb[0]
	}
	na, ea := strconv.Atoi(pa[len(pa)-1])
	nb, eb := strconv.Atoi(pb[len(pb)-1])
	if ea == nil && eb == nil {
		return na < nb
	}
	return a < b
}

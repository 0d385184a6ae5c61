package model

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// matchVacancy is the hand-made vacancy of the tests: a farm worker (ISCO
// 6111, field crop growers) in Latina, Italian A2, licence B.
func matchVacancy() Vacancy {
	return Vacancy{ID: 7, EmployerID: 3, Title: "raccolta", ISCO: "6111", Place: "Latina", State: VacancyOpen, Posts: 1,
		Start: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)}
}

func reasonCodes(rs []MatchReason) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Code)
	}
	return out
}

func findReason(m Match, code string) (MatchReason, bool) {
	for _, r := range m.Reasons {
		if r.Code == code {
			return r, true
		}
	}
	return MatchReason{}, false
}

func TestMatchOccupationRank(t *testing.T) {
	cands := []Candidate{
		{PersonID: 1, OpenCase: true, ISCO: []string{"9312"}, Skills: []string{"S6.4.1"}}, // none, one skill
		{PersonID: 2, OpenCase: true, ISCO: []string{"6112"}},                             // same minor group 611
		{PersonID: 3, OpenCase: true, ISCO: []string{"6111"}},                             // same unit
		{PersonID: 4, OpenCase: true, ISCO: []string{"5120"}},                             // nothing in common: left out
		{PersonID: 5, OpenCase: false, ISCO: []string{"6111"}},                            // no open case: left out
	}
	got := MatchVacancy(matchVacancy(), cands)
	var ids []int64
	for _, m := range got {
		ids = append(ids, m.PersonID)
	}
	if want := []int64{3, 2, 1}; !slices.Equal(ids, want) {
		t.Fatalf("order %v, want %v", ids, want)
	}
	for i, want := range []string{ReasonISCOUnit, ReasonISCOGroup, ReasonISCONone} {
		if _, ok := findReason(got[i], want); !ok {
			t.Errorf("person %d: no %s in %v", got[i].PersonID, want, reasonCodes(got[i].Reasons))
		}
	}
	if r, _ := findReason(got[0], ReasonISCOUnit); !slices.Equal(r.Args, []string{"6111"}) {
		t.Errorf("isco_unit args %v", r.Args)
	}
	if r, _ := findReason(got[1], ReasonISCOGroup); !slices.Equal(r.Args, []string{"611"}) {
		t.Errorf("isco_group args %v", r.Args)
	}
	if r, _ := findReason(got[2], ReasonISCONone); !r.Gap || r.Action.Area != AreaTraining {
		t.Errorf("isco_none %+v: a gap offering a course", r)
	}
}

func TestMatchReasons(t *testing.T) {
	base := Candidate{PersonID: 1, OpenCase: true, ISCO: []string{"6111"}, Place: "Via Roma 1, Latina"}
	tests := []struct {
		name   string
		vac    func(*Vacancy)
		cand   func(*Candidate)
		code   string
		gap    bool
		args   []string
		n      int
		action MatchAction
	}{
		{"skills counted", nil, func(c *Candidate) { c.Skills = []string{"S6.4.1", "S6.4.3", "S3.6.2", "S8.1.2"} },
			ReasonSkillsCommon, false, nil, 3, MatchAction{}},
		{"no skill of the occupation", nil, nil, ReasonSkillsNone, true, nil, 0, MatchActions[ReasonSkillsNone]},
		{"italian below", func(v *Vacancy) { v.Languages = []string{"it:B1"} },
			func(c *Candidate) { c.Languages = []CandidateLanguage{{"it", 2}} },
			ReasonItalianBelow, true, []string{"A2", "B1"}, 0, MatchAction{AreaItalian, "match.action_italian"}},
		{"no italian", func(v *Vacancy) { v.Languages = []string{"it"} }, nil,
			ReasonItalianBelow, true, []string{"", "A1"}, 0, MatchAction{AreaItalian, "match.action_italian"}},
		{"italian enough", func(v *Vacancy) { v.Languages = []string{"it:A2"} },
			func(c *Candidate) { c.Languages = []CandidateLanguage{{"it", 3}} },
			ReasonLanguage, false, []string{"it", "A2"}, 0, MatchAction{}},
		{"other language below", func(v *Vacancy) { v.Languages = []string{"en:B1"} },
			func(c *Candidate) { c.Languages = []CandidateLanguage{{"en", 1}} },
			ReasonLanguageBelow, true, []string{"en", "A1", "B1"}, 0, MatchActions[ReasonLanguageBelow]},
		{"licence missing", func(v *Vacancy) { v.Licences = []string{"B"} }, nil,
			ReasonLicenceMissing, true, []string{"B"}, 0, MatchAction{AreaTraining, "match.action_licence"}},
		{"licence held through C", func(v *Vacancy) { v.Licences = []string{"B"} },
			func(c *Candidate) { c.Licences = []string{"C"} }, ReasonLicence, false, []string{"b"}, 0, MatchAction{}},
		{"forklift missing", func(v *Vacancy) { v.Licences = []string{"muletto"} }, nil,
			ReasonCertMissing, true, []string{"forklift"}, 0, MatchActions[ReasonCertMissing]},
		{"forklift held", func(v *Vacancy) { v.Licences = []string{"Muletto"} },
			func(c *Candidate) { c.Licences = []string{"forklift"} }, ReasonLicence, false, []string{"forklift"}, 0, MatchAction{}},
		{"same place", nil, nil, ReasonPlaceSame, false, []string{"Latina"}, 0, MatchAction{}},
		{"housing offered", func(v *Vacancy) { v.Place, v.Housing = "Foggia", true }, nil, ReasonPlaceHousing, false, nil, 0, MatchAction{}},
		{"own car", func(v *Vacancy) { v.Place = "Foggia" }, func(c *Candidate) { c.Transport = []string{"own_car"} },
			ReasonPlaceOwnMeans, false, nil, 0, MatchAction{}},
		{"unreachable", func(v *Vacancy) { v.Place = "Foggia" }, nil, ReasonPlaceUnreachable, true, []string{"Foggia"}, 0,
			MatchActions[ReasonPlaceUnreachable]},
		{"available", nil, func(c *Candidate) { c.From = time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC) }, ReasonAvailable, false, nil, 0, MatchAction{}},
		{"available later", nil, func(c *Candidate) { c.From = time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC) },
			ReasonAvailableLater, true, []string{"2026-07-01"}, 0, MatchAction{}},
		{"seasonal wanted", func(v *Vacancy) { v.Seasonal = true }, func(c *Candidate) { c.Hours = []string{"seasonal"} },
			ReasonHours, false, []string{"seasonal"}, 0, MatchAction{}},
		{"full time not wanted", func(v *Vacancy) { v.WeeklyHours = 39 }, func(c *Candidate) { c.Hours = []string{"part_time"} },
			ReasonHoursOther, true, []string{"full_time"}, 0, MatchAction{}},
		{"wanted occupation", nil, func(c *Candidate) { c.Wanted = []string{"6111"} }, ReasonWanted, false, []string{"6111"}, 0, MatchAction{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v, c := matchVacancy(), base
			if tc.vac != nil {
				tc.vac(&v)
			}
			if tc.cand != nil {
				tc.cand(&c)
			}
			got := MatchVacancy(v, []Candidate{c})
			if len(got) != 1 {
				t.Fatalf("%d matches", len(got))
			}
			r, ok := findReason(got[0], tc.code)
			if !ok {
				t.Fatalf("no %s in %v", tc.code, reasonCodes(got[0].Reasons))
			}
			if r.Gap != tc.gap || !slices.Equal(r.Args, tc.args) || r.N != tc.n || r.Action != tc.action {
				t.Errorf("got %+v, want gap %v args %q n %d action %+v", r, tc.gap, tc.args, tc.n, tc.action)
			}
			if tc.gap && !slices.ContainsFunc(got[0].Missing(), func(m MatchReason) bool { return m.Code == tc.code }) {
				t.Errorf("%s not among the missing", tc.code)
			}
			if !tc.gap && !slices.ContainsFunc(got[0].Met(), func(m MatchReason) bool { return m.Code == tc.code }) {
				t.Errorf("%s not among the met", tc.code)
			}
			// Met first, then missing.
			seenGap := false
			for _, r := range got[0].Reasons {
				if seenGap && !r.Gap {
					t.Fatalf("a met reason after a gap: %v", reasonCodes(got[0].Reasons))
				}
				seenGap = seenGap || r.Gap
			}
		})
	}
}

func TestMatchGapsLowerScore(t *testing.T) {
	v := matchVacancy()
	v.Languages, v.Licences = []string{"it:B1"}, []string{"B"}
	good := Candidate{PersonID: 2, OpenCase: true, ISCO: []string{"6111"}, Languages: []CandidateLanguage{{"it", 3}},
		Licences: []string{"b"}}
	poor := Candidate{PersonID: 1, OpenCase: true, ISCO: []string{"6111"}, Languages: []CandidateLanguage{{"it", 1}}}
	got := MatchVacancy(v, []Candidate{poor, good})
	if len(got) != 2 || got[0].PersonID != 2 || got[0].Score <= got[1].Score {
		t.Fatalf("the candidate without gaps first: %+v", got)
	}
}

func TestMatchExclusions(t *testing.T) {
	c := Candidate{PersonID: 1, OpenCase: true, ISCO: []string{"6111"}, Consented: []int64{3}}
	held := matchVacancy()
	held.ID, held.Breaches = 8, []Breach{{Code: "pay_below"}}
	cleared := held
	cleared.ID, cleared.ClearedAt = 9, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	closed := matchVacancy()
	closed.ID, closed.State = 10, VacancyFilled
	flagged := matchVacancy()
	flagged.ID, flagged.EmployerID = 11, 4
	unknown := matchVacancy()
	unknown.ID, unknown.EmployerID = 12, 99
	open := matchVacancy()
	employers := map[int64]Employer{3: {ID: 3}, 4: {ID: 4, Flag: &EmployerFlag{ID: 1}}}

	tests := []struct {
		name string
		got  []Match
		want []int64 // vacancy IDs
	}{
		{"person", MatchPerson(c, []Vacancy{held, cleared, closed, flagged, unknown, open}, employers), []int64{7, 9}},
		{"held vacancy", MatchVacancy(held, []Candidate{c}), nil},
		{"cleared vacancy", MatchVacancy(cleared, []Candidate{c}), []int64{9}},
		{"closed vacancy", MatchVacancy(closed, []Candidate{c}), nil},
		{"no open case", MatchPerson(Candidate{PersonID: 1, ISCO: []string{"6111"}}, []Vacancy{open}, employers), nil},
	}
	for _, tc := range tests {
		var ids []int64
		for _, m := range tc.got {
			ids = append(ids, m.VacancyID)
		}
		if !slices.Equal(ids, tc.want) {
			t.Errorf("%s: vacancies %v, want %v", tc.name, ids, tc.want)
		}
	}
}

func TestMatchConsent(t *testing.T) {
	v := matchVacancy()
	got := MatchVacancy(v, []Candidate{
		{PersonID: 1, OpenCase: true, ISCO: []string{"6111"}, Consented: []int64{3}},
		{PersonID: 2, OpenCase: true, ISCO: []string{"6111"}, Consented: []int64{5}},
	})
	if len(got) != 2 || got[0].NeedsConsent || !got[1].NeedsConsent {
		t.Fatalf("consent: %+v", got)
	}
}

func TestMatchDeterministic(t *testing.T) {
	cands := genCandidates(2000, 1)
	v := matchVacancy()
	a := MatchVacancy(v, cands)
	rev := slices.Clone(cands)
	slices.Reverse(rev)
	b := MatchVacancy(v, rev)
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("%d and %d matches", len(a), len(b))
	}
	for i := range a {
		if a[i].PersonID != b[i].PersonID || a[i].Score != b[i].Score {
			t.Fatalf("at %d: %d/%d against %d/%d", i, a[i].PersonID, a[i].Score, b[i].PersonID, b[i].Score)
		}
		if i > 0 && (a[i-1].Score < a[i].Score || (a[i-1].Score == a[i].Score && a[i-1].PersonID > a[i].PersonID)) {
			t.Fatalf("not ranked at %d", i)
		}
	}
	vacs := genVacancies(300, 2)
	emp := map[int64]Employer{}
	for i := int64(1); i <= 20; i++ {
		emp[i] = Employer{ID: i}
	}
	p1 := MatchPerson(cands[0], vacs, emp)
	slices.Reverse(vacs)
	p2 := MatchPerson(cands[0], vacs, emp)
	if !slices.EqualFunc(p1, p2, func(x, y Match) bool { return x.VacancyID == y.VacancyID && x.Score == y.Score }) {
		t.Fatal("MatchPerson depends on the input order")
	}
}

func TestMatchWeightsCoverCodes(t *testing.T) {
	for code, a := range MatchActions {
		if _, ok := MatchWeights[code]; !ok {
			t.Errorf("action for %s, which has no weight", code)
		}
		if a.Area != "" && !oneOf(a.Area, PlanAreas) {
			t.Errorf("%s: unknown area %q", code, a.Area)
		}
	}
	if MatchWeights[ReasonISCOUnit] <= MatchWeights[ReasonISCOGroup] || MatchWeights[ReasonISCOGroup] <= 0 {
		t.Error("the same unit must weigh more than the same group, and that more than nothing")
	}
}

func TestCandidateFromProfile(t *testing.T) {
	p := &SkillsProfile{
		Experiences: []WorkExperience{{Title: "raccolta", ISCO: "6111"}, {Title: "again", ISCO: "6111"}},
		Skills:      []ProfileSkill{{ESCO: ESCOSkillPrefix + "S6.4.1"}, {Label: "in words"}},
		Languages: []LanguageSkill{{Language: "pa", Mother: true}, {Language: "it", Overall: "A1", CertLevel: "A2"},
			{Language: "en-GB", Levels: map[string]string{"reading": "B2", "writing": "B1"}}},
		Licences:     []DrivingLicence{{Category: "B"}},
		Certificates: []Certificate{{Kind: "forklift"}},
		Availability: Availability{From: PartialDate{Year: 2026, Month: 3}, Hours: []string{"any"}, WillingToMove: "yes"},
	}
	c := CandidateFromProfile(4, "Latina", true, p, []int64{9, 2})
	want := fmt.Sprint(Candidate{PersonID: 4, Place: "Latina", OpenCase: true, ISCO: []string{"6111"}, Skills: []string{"S6.4.1"},
		Languages: []CandidateLanguage{{"pa", 6}, {"it", 2}, {"en", 3}}, Licences: []string{"b", "forklift"},
		From: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), Hours: []string{"any"}, Move: "yes", Consented: []int64{2, 9}})
	if got := fmt.Sprint(c); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// genCandidates makes n candidates from a fixed seed: occupations,
// skills, languages and licences drawn from the tables.
func genCandidates(n int, seed uint64) []Candidate {
	isco := []string{"6111", "6112", "6121", "9211", "9312", "8322", "5120", "5322", "9111", "8332", "7112", "9333"}
	langs := []string{"it", "en", "fr", "ar", "pa", "ur", "bn"}
	lic := []string{"b", "c", "forklift", "tractor", "haccp"}
	places := []string{"latina", "foggia", "sabaudia", "fondi", "ragusa", "saluzzo"}
	r := seed
	next := func(k int) int {
		r = r*6364136223846793005 + 1442695040888963407
		return int((r >> 33) % uint64(k))
	}
	out := make([]Candidate, n)
	for i := range out {
		c := Candidate{PersonID: int64(i + 1), OpenCase: next(10) != 0, Place: "via " + places[next(len(places))]}
		for range 1 + next(3) {
			c.ISCO = append(c.ISCO, isco[next(len(isco))])
		}
		for range next(8) {
			c.Skills = append(c.Skills, CuratedSkills[next(len(CuratedSkills))].ID)
		}
		for range 1 + next(3) {
			c.Languages = append(c.Languages, CandidateLanguage{langs[next(len(langs))], 1 + next(6)})
		}
		for range next(3) {
			c.Licences = append(c.Licences, lic[next(len(lic))])
		}
		if next(2) == 0 {
			c.Transport = []string{"own_car"}
		}
		c.Hours = []string{[]string{"full_time", "part_time", "seasonal", "any"}[next(4)]}
		c.Consented = []int64{int64(1 + next(20))}
		out[i] = c
	}
	return out
}

func genVacancies(n int, seed uint64) []Vacancy {
	c := genCandidates(n, seed)
	out := make([]Vacancy, n)
	for i := range out {
		v := matchVacancy()
		v.ID, v.EmployerID, v.ISCO = int64(i+1), int64(1+i%20), c[i].ISCO[0]
		v.Place = c[i].Place[4:]
		v.Languages = []string{"it:" + CEFRLevels[i%4]}
		if i%3 == 0 {
			v.Licences = []string{"B"}
		}
		v.WeeklyHours = float64(20 + i%25)
		out[i] = v
	}
	return out
}

func BenchmarkMatchVacancy100k(b *testing.B) {
	cands := genCandidates(100_000, 1)
	v := matchVacancy()
	v.Languages, v.Licences, v.WeeklyHours = []string{"it:A2"}, []string{"B"}, 39
	b.ResetTimer()
	for range b.N {
		if len(MatchVacancy(v, cands)) == 0 {
			b.Fatal("no match")
		}
	}
}

func BenchmarkMatchPerson1k(b *testing.B) {
	c := genCandidates(1, 3)[0]
	c.OpenCase = true
	vacs := genVacancies(1000, 2)
	emp := map[int64]Employer{}
	for i := int64(1); i <= 20; i++ {
		emp[i] = Employer{ID: i}
	}
	b.ResetTimer()
	for range b.N {
		MatchPerson(c, vacs, emp)
	}
}

// FuzzMatchVacancy checks, from the hand-made cases, that any vacancy and
// candidate give a match that is explained with known codes, met reasons
// before gaps, every gap with its table's action, and the same twice.
func FuzzMatchVacancy(f *testing.F) {
	for _, c := range genCandidates(20, 5) {
		f.Add(c.ISCO[0], "it:B1", "B", "Latina", c.Place, c.Skills != nil, int64(c.Languages[0].Level))
	}
	f.Add("6111", "it", "muletto", "", "", true, int64(0))
	f.Fuzz(func(t *testing.T, isco, lang, licence, place, home string, car bool, level int64) {
		v := matchVacancy()
		v.ISCO, v.Languages, v.Licences, v.Place = isco, []string{lang}, []string{licence}, place
		c := Candidate{PersonID: 1, OpenCase: true, ISCO: []string{isco, "6111"}, Place: home,
			Languages: []CandidateLanguage{{"it", int(level % 9)}}, Skills: []string{"S6.4.1"}}
		if car {
			c.Transport = []string{"own_car"}
		}
		a, b := MatchVacancy(v, []Candidate{c}), MatchVacancy(v, []Candidate{c})
		if len(a) != len(b) || (len(a) == 1 && fmt.Sprint(a[0]) != fmt.Sprint(b[0])) {
			t.Fatal("not deterministic")
		}
		for _, m := range a {
			gap := false
			for _, r := range m.Reasons {
				if _, ok := MatchWeights[r.Code]; !ok {
					t.Fatalf("unknown code %q", r.Code)
				}
				if gap && !r.Gap {
					t.Fatal("met after a gap")
				}
				gap = gap || r.Gap
				if r.Gap && r.Action != MatchActions[r.Code] {
					t.Fatalf("%s: action %+v", r.Code, r.Action)
				}
			}
		}
	})
}

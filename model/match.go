package model

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// Matching puts vacancies and persons side by side, both ways: for a
// vacancy the persons with an open case, ranked; for a person the open
// vacancies, ranked. Each match says, as stable codes, what matches and
// what is missing, and each gap the plan action that would close it. The
// window renders the codes in the interface language.
//
// Never proposed: a vacancy not open, a vacancy held (Vacancy.Held) until
// a coordinator clears it, a vacancy of a flagged employer (MatchPerson;
// for MatchVacancy the caller checks the employer, which the vacancy does
// not carry), a person without an open case. A person is a candidate for a
// vacancy only when something of the work matches: the ISCO unit or group,
// a wanted occupation, or a skill in common.

// Candidate is what matching needs of a person: the latest skills profile
// reduced to codes (CandidateFromProfile).
type Candidate struct {
	PersonID  int64
	Place     string   // where the person lives (the domicile, as written)
	OpenCase  bool     // the person has an open case
	ISCO      []string // ISCO-08 codes of the jobs done
	Wanted    []string // ISCO-08 codes of the occupations wanted
	Skills    []string // curated skill IDs
	Languages []CandidateLanguage
	Licences  []string  // driving licence categories and certificate kinds
	From      time.Time // available from; zero when now or unknown
	Hours     []string  // WorkHours codes
	Transport []string  // TransportModes codes
	Move      string    // willing to move: yes, no, unknown
	// Consented lists the employers the person's current consent allows
	// proposing them to (EmployerProposalAllowed); a match with another
	// employer NeedsConsent.
	Consented []int64
}

// CandidateLanguage is a language and the level spoken, 1 (A1) to 6 (C2);
// a mother tongue is 6.
type CandidateLanguage struct {
	Lang  string
	Level int
}

// MatchAction is the plan action that closes a gap: the plan's area and
// the locale key of its text (under [match]); Area is "" when none does.
type MatchAction struct {
	Area PlanArea
	Key  string
}

// MatchReason is one thing that matches, or one that is missing (Gap):
// a stable code, its parameters and, for a gap, the action suggested.
type MatchReason struct {
	Code   string
	Args   []string
	N      int
	Gap    bool
	Action MatchAction
}

// The reason codes.
const (
	ReasonISCOUnit         = "isco_unit"           // Args: the unit
	ReasonISCOGroup        = "isco_group"          // Args: the minor group in common
	ReasonWanted           = "wanted"              // Args: the ISCO code wanted
	ReasonSkillsCommon     = "skills_common"       // N: how many
	ReasonLanguage         = "language"            // Args: language, level spoken ("" when none was required)
	ReasonLicence          = "licence"             // Args: licence
	ReasonPlaceSame        = "place_same"          // Args: place
	ReasonPlaceHousing     = "place_housing"       // the vacancy offers housing
	ReasonPlaceTransport   = "place_transport"     // the vacancy offers transport
	ReasonPlaceOwnMeans    = "place_own_means"     // the person has a car or a motorbike
	ReasonPlaceMove        = "place_move"          // the person is willing to move
	ReasonAvailable        = "available"           // free by the start
	ReasonHours            = "hours"               // Args: WorkHours code asked
	ReasonISCONone         = "isco_none"           // gap; Args: the vacancy's ISCO code
	ReasonSkillsNone       = "skills_none"         // gap: no skill of the occupation
	ReasonItalianBelow     = "italian_below"       // gap; Args: level spoken ("" none), level needed
	ReasonLanguageBelow    = "language_below"      // gap; Args: language, level spoken, level needed
	ReasonLicenceMissing   = "licence_missing"     // gap; Args: licence
	ReasonCertMissing      = "certificate_missing" // gap; Args: certificate kind
	ReasonPlaceUnreachable = "place_unreachable"   // gap; Args: place
	ReasonAvailableLater   = "available_later"     // gap; Args: the date, YYYY-MM-DD
	ReasonHoursOther       = "hours_other"         // gap; Args: WorkHours code asked
)

// MatchWeights is the score of each reason (per unit of N for counted
// ones, up to MatchSkillsCap); gaps weigh against.
var MatchWeights = map[string]int{
	ReasonISCOUnit: 40, ReasonISCOGroup: 20, ReasonWanted: 10, ReasonSkillsCommon: 4,
	ReasonLanguage: 4, ReasonLicence: 6, ReasonPlaceSame: 10, ReasonPlaceHousing: 8, ReasonPlaceTransport: 8,
	ReasonPlaceOwnMeans: 6, ReasonPlaceMove: 4, ReasonAvailable: 4, ReasonHours: 2,
	ReasonISCONone: 0, ReasonSkillsNone: 0, ReasonItalianBelow: -12, ReasonLanguageBelow: -8,
	ReasonLicenceMissing: -12, ReasonCertMissing: -6, ReasonPlaceUnreachable: -10, ReasonAvailableLater: -4,
	ReasonHoursOther: -2,
}

// MatchSkillsCap caps the skills in common that count in the score.
const MatchSkillsCap = 6

// MatchActions is the plan action of each gap.
var MatchActions = map[string]MatchAction{
	ReasonISCONone:         {AreaTraining, "match.action_course"},
	ReasonSkillsNone:       {AreaTraining, "match.action_course"},
	ReasonItalianBelow:     {AreaItalian, "match.action_italian"},
	ReasonLanguageBelow:    {AreaTraining, "match.action_language"},
	ReasonLicenceMissing:   {AreaTraining, "match.action_licence"},
	ReasonCertMissing:      {AreaTraining, "match.action_certificate"},
	ReasonPlaceUnreachable: {AreaWork, "match.action_transport"},
}

// Match is a person for a vacancy, scored and explained: Reasons holds
// what matches, then what is missing, in a fixed order.
type Match struct {
	PersonID     int64
	VacancyID    int64
	EmployerID   int64
	Score        int
	NeedsConsent bool // no current consent to propose the person to the employer
	Reasons      []MatchReason
}

// Met is what matches.
func (m Match) Met() []MatchReason {
	return slices.DeleteFunc(slices.Clone(m.Reasons), func(r MatchReason) bool { return r.Gap })
}

// Missing is what is missing, each with its action.
func (m Match) Missing() []MatchReason {
	return slices.DeleteFunc(slices.Clone(m.Reasons), func(r MatchReason) bool { return !r.Gap })
}

// LicenceAliases maps the words a vacancy may use for a certificate or a
// licence to the codes of the profile (CertificateKinds, LicenceCategories).
var LicenceAliases = map[string]string{
	"muletto": "forklift", "carrello elevatore": "forklift", "carrellista": "forklift", "forklift": "forklift",
	"trattore": "tractor", "trattorista": "tractor", "tractor": "tractor", "ple": "ple", "piattaforma": "ple",
	"haccp": "haccp", "primo soccorso": "first_aid", "first aid": "first_aid", "antincendio": "fire",
	"sicurezza": "safety_general", "safety": "safety_general",
	"patente b": "b", "patente c": "c", "patente ce": "ce", "patente d": "d",
}

// LicenceImplies lists the driving categories a category holds (one needs
// B to take C or D, C to take CE, and so on).
var LicenceImplies = map[string][]string{
	"be": {"b"}, "c1": {"b"}, "c1e": {"c1", "b", "be"}, "c": {"c1", "b"}, "ce": {"c", "c1", "c1e", "b", "be"},
	"d1": {"b"}, "d1e": {"d1", "b", "be"}, "d": {"d1", "b"}, "de": {"d", "d1", "d1e", "b", "be"},
	"a": {"a2", "a1", "am"}, "a2": {"a1", "am"}, "a1": {"am"}, "b": {"am", "b1"},
}

// CEFRLevel is 1 for A1 to 6 for C2, 0 for anything else.
func CEFRLevel(s string) int {
	if i := slices.Index(CEFRLevels, s); i >= 0 {
		return i + 1
	}
	return 0
}

func cefrName(level int) string {
	if level < 1 || level > len(CEFRLevels) {
		return ""
	}
	return CEFRLevels[level-1]
}

// CandidateFromProfile reduces a person's latest skills profile (nil when
// none) to what matching needs. consented are the employers the current
// consents allow proposing the person to.
func CandidateFromProfile(personID int64, place string, openCase bool, p *SkillsProfile, consented []int64) Candidate {
	c := Candidate{PersonID: personID, Place: place, OpenCase: openCase, Consented: slices.Clone(consented)}
	slices.Sort(c.Consented)
	if p == nil {
		return c
	}
	for _, e := range p.Experiences {
		isco := e.ISCO
		if e.ESCO != "" {
			if o, ok := ESCOOccupation(e.ESCO); ok && o.ISCO != "" {
				isco = o.ISCO
			}
		}
		if isco == "" && e.CP2011 != "" {
			isco = CP2011ToISCO08(e.CP2011)
		}
		if isco != "" && !slices.Contains(c.ISCO, isco) {
			c.ISCO = append(c.ISCO, isco)
		}
	}
	for _, w := range p.Availability.Wanted {
		if o, ok := ESCOOccupation(w); ok && o.ISCO != "" && !slices.Contains(c.Wanted, o.ISCO) {
			c.Wanted = append(c.Wanted, o.ISCO)
		}
	}
	for _, s := range p.Skills {
		if s.ESCO != "" {
			c.Skills = append(c.Skills, strings.TrimPrefix(s.ESCO, ESCOSkillPrefix))
		}
	}
	for _, l := range p.Languages {
		if l.Language == "" {
			continue
		}
		c.Languages = append(c.Languages, CandidateLanguage{Lang: baseLang(l.Language), Level: spokenLevel(l)})
	}
	for _, l := range p.Licences {
		c.Licences = append(c.Licences, strings.ToLower(l.Category))
	}
	for _, ct := range p.Certificates {
		c.Licences = append(c.Licences, ct.Kind)
	}
	if f := p.Availability.From; !f.IsZero() {
		m, d := max(f.Month, 1), max(f.Day, 1)
		c.From = time.Date(f.Year, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	}
	c.Hours, c.Transport, c.Move = p.Availability.Hours, p.Availability.Transport, p.Availability.WillingToMove
	return c
}

// spokenLevel is the level a language is spoken at: a mother tongue C2;
// else the best of the overall level, the certificate and the weakest of
// the skills assessed.
func spokenLevel(l LanguageSkill) int {
	if l.Mother {
		return len(CEFRLevels)
	}
	best := max(CEFRLevel(l.Overall), CEFRLevel(l.CertLevel))
	weakest := 0
	for _, lv := range l.Levels {
		if n := CEFRLevel(lv); n > 0 && (weakest == 0 || n < weakest) {
			weakest = n
		}
	}
	return max(best, weakest)
}

func baseLang(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i > 0 {
		return tag[:i]
	}
	return tag
}

// vacancyNeeds is a vacancy read once for matching, with the arguments
// of its reasons made once and shared by every match.
type vacancyNeeds struct {
	v         *Vacancy
	isco      string
	skills    map[string]struct{}
	langs     []langNeed
	licences  []licenceNeed
	place     string // lower-case
	hours     string // WorkHours code asked, or ""
	iscoArgs  []string
	groupArgs []string
	placeArgs []string
	hoursArgs []string
}

type langNeed struct {
	lang    string
	level   int
	metArgs []string
	below   [7][]string // the gap's arguments by the level spoken, 0 to 6
}

type licenceNeed struct {
	code     string // the profile's code, lower-case
	cert     bool   // a certificate, not a driving licence
	metArgs  []string
	missArgs []string
}

func needsOf(v *Vacancy, skillsByISCO map[string]map[string]struct{}) *vacancyNeeds {
	n := &vacancyNeeds{v: v, isco: strings.TrimSpace(v.ISCO), place: strings.ToLower(strings.TrimSpace(v.Place))}
	if n.isco == "" && v.CP2011 != "" {
		n.isco = CP2011ToISCO08(v.CP2011)
	}
	n.iscoArgs, n.placeArgs = []string{n.isco}, []string{v.Place}
	if len(n.isco) >= 3 {
		n.groupArgs = []string{n.isco[:3]}
	}
	if s, ok := skillsByISCO[n.isco]; ok {
		n.skills = s
	} else {
		s = map[string]struct{}{}
		if n.isco != "" {
			for _, sk := range ProposedSkills(n.isco) {
				if sk.Kind == SkillSector {
					s[sk.ID] = struct{}{}
				}
			}
		}
		skillsByISCO[n.isco], n.skills = s, s
	}
	for _, l := range v.Languages {
		lang, level, _ := strings.Cut(l, ":")
		need := langNeed{lang: baseLang(lang), level: CEFRLevel(level)}
		need.metArgs = []string{need.lang, cefrName(need.level)}
		for have := range need.below {
			if need.lang == "it" {
				need.below[have] = []string{cefrName(have), cefrName(max(need.level, 1))}
			} else {
				need.below[have] = []string{need.lang, cefrName(have), cefrName(max(need.level, 1))}
			}
		}
		n.langs = append(n.langs, need)
	}
	for _, l := range v.Licences {
		k := strings.ToLower(strings.TrimSpace(l))
		if a, ok := LicenceAliases[k]; ok {
			k = a
		}
		need := licenceNeed{code: k, cert: hasCode(CertificateKinds, k), metArgs: []string{k}, missArgs: []string{k}}
		if !need.cert {
			need.missArgs = []string{strings.ToUpper(k)}
		}
		n.licences = append(n.licences, need)
	}
	switch {
	case v.Seasonal:
		n.hours = "seasonal"
	case v.WeeklyHours >= 30:
		n.hours = "full_time"
	case v.WeeklyHours > 0:
		n.hours = "part_time"
	}
	n.hoursArgs = []string{n.hours}
	return n
}

// reasons gathers a match's reasons, met and missing apart, and its score.
type reasons struct {
	met, gaps [12]MatchReason
	nm, ng    int
	score     int
}

func (rs *reasons) add(r MatchReason) {
	w := MatchWeights[r.Code]
	if r.Code == ReasonSkillsCommon {
		w *= min(r.N, MatchSkillsCap)
	}
	rs.score += w
	switch {
	case r.Gap && rs.ng < len(rs.gaps):
		r.Action = MatchActions[r.Code]
		rs.gaps[rs.ng] = r
		rs.ng++
	case !r.Gap && rs.nm < len(rs.met):
		rs.met[rs.nm] = r
		rs.nm++
	}
}

// explain scores a candidate against a vacancy, appending the reasons to
// buf (one backing array for many matches); ok is false when nothing of
// the work matches.
func (n *vacancyNeeds) explain(c *Candidate, buf *[]MatchReason) (m Match, ok bool) {
	var rs reasons
	work := false
	// Occupation: the same unit, else the same minor group.
	if n.isco != "" {
		level := 0
		for _, code := range c.ISCO {
			level = max(level, iscoShared(code, n.isco))
		}
		switch {
		case level >= 4:
			rs.add(MatchReason{Code: ReasonISCOUnit, Args: n.iscoArgs})
			work = true
		case level == 3:
			rs.add(MatchReason{Code: ReasonISCOGroup, Args: n.groupArgs})
			work = true
		}
		for i, code := range c.Wanted {
			if iscoShared(code, n.isco) >= 3 {
				rs.add(MatchReason{Code: ReasonWanted, Args: c.Wanted[i : i+1 : i+1]})
				work = true
				break
			}
		}
		if level < 3 {
			rs.add(MatchReason{Code: ReasonISCONone, Gap: true, Args: n.iscoArgs})
		}
	}
	// Skills of the occupation the person has.
	if len(n.skills) > 0 {
		common := 0
		for _, s := range c.Skills {
			if _, ok := n.skills[s]; ok {
				common++
			}
		}
		if common > 0 {
			rs.add(MatchReason{Code: ReasonSkillsCommon, N: common})
			work = true
		} else {
			rs.add(MatchReason{Code: ReasonSkillsNone, Gap: true})
		}
	}
	if !work {
		return m, false
	}
	// Languages.
	for i := range n.langs {
		need := &n.langs[i]
		have := 0
		for _, l := range c.Languages {
			if l.Lang == need.lang {
				have = max(have, l.Level)
			}
		}
		have = min(max(have, 0), len(need.below)-1)
		switch {
		case have > 0 && have >= need.level:
			rs.add(MatchReason{Code: ReasonLanguage, Args: need.metArgs})
		case need.lang == "it":
			rs.add(MatchReason{Code: ReasonItalianBelow, Gap: true, Args: need.below[have]})
		default:
			rs.add(MatchReason{Code: ReasonLanguageBelow, Gap: true, Args: need.below[have]})
		}
	}
	// Licences and certificates.
	for i := range n.licences {
		need := &n.licences[i]
		switch {
		case hasLicence(c.Licences, need.code):
			rs.add(MatchReason{Code: ReasonLicence, Args: need.metArgs})
		case need.cert:
			rs.add(MatchReason{Code: ReasonCertMissing, Gap: true, Args: need.missArgs})
		default:
			rs.add(MatchReason{Code: ReasonLicenceMissing, Gap: true, Args: need.missArgs})
		}
	}
	// Place.
	if n.place != "" {
		switch {
		case containsFold(c.Place, n.place):
			rs.add(MatchReason{Code: ReasonPlaceSame, Args: n.placeArgs})
		case n.v.Housing:
			rs.add(MatchReason{Code: ReasonPlaceHousing})
		case n.v.Transport:
			rs.add(MatchReason{Code: ReasonPlaceTransport})
		case slices.Contains(c.Transport, "own_car") || slices.Contains(c.Transport, "motorbike"):
			rs.add(MatchReason{Code: ReasonPlaceOwnMeans})
		case c.Move == "yes":
			rs.add(MatchReason{Code: ReasonPlaceMove})
		default:
			rs.add(MatchReason{Code: ReasonPlaceUnreachable, Gap: true, Args: n.placeArgs})
		}
	}
	// Dates and hours.
	if !n.v.Start.IsZero() {
		if c.From.IsZero() || !c.From.After(n.v.Start) {
			rs.add(MatchReason{Code: ReasonAvailable})
		} else {
			rs.add(MatchReason{Code: ReasonAvailableLater, Gap: true, Args: []string{c.From.Format(time.DateOnly)}})
		}
	}
	if n.hours != "" && len(c.Hours) > 0 {
		if slices.Contains(c.Hours, n.hours) || slices.Contains(c.Hours, "any") {
			rs.add(MatchReason{Code: ReasonHours, Args: n.hoursArgs})
		} else {
			rs.add(MatchReason{Code: ReasonHoursOther, Gap: true, Args: n.hoursArgs})
		}
	}
	if cap(*buf)-len(*buf) < rs.nm+rs.ng {
		*buf = make([]MatchReason, 0, max(reasonChunk, rs.nm+rs.ng)) // a new chunk: the matches made keep theirs
	}
	start := len(*buf)
	*buf = append(append(*buf, rs.met[:rs.nm]...), rs.gaps[:rs.ng]...)
	m = Match{PersonID: c.PersonID, VacancyID: n.v.ID, EmployerID: n.v.EmployerID, Score: rs.score,
		NeedsConsent: !slices.Contains(c.Consented, n.v.EmployerID), Reasons: (*buf)[start:len(*buf):len(*buf)]}
	return m, true
}

// reasonChunk is how many reasons one backing array holds.
const reasonChunk = 4096

// containsFold tells whether s holds sub (lower-case), ignoring the case of
// ASCII letters in s, without allocating.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// iscoShared is how many leading digits two ISCO-08 codes share, counting
// only where both have them.
func iscoShared(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// hasLicence tells whether the person's licences hold the one needed,
// directly or through a higher category.
func hasLicence(have []string, need string) bool {
	for _, h := range have {
		h = strings.ToLower(h)
		if h == need || slices.Contains(LicenceImplies[h], need) {
			return true
		}
	}
	return false
}

// proposable tells a vacancy that matching may propose: open and not held.
func proposable(v *Vacancy) bool { return v.State == VacancyOpen && !v.Held() }

// MatchVacancy ranks the candidates for a vacancy: those with an open case
// and something of the work in common, best first, ties by person ID. A
// vacancy not open or held gives none. The caller leaves out a vacancy of
// a flagged employer.
func MatchVacancy(v Vacancy, candidates []Candidate) []Match {
	if !proposable(&v) {
		return nil
	}
	n := needsOf(&v, map[string]map[string]struct{}{})
	var out []Match
	var buf []MatchReason
	for i := range candidates {
		if !candidates[i].OpenCase {
			continue
		}
		if m, ok := n.explain(&candidates[i], &buf); ok {
			out = append(out, m)
		}
	}
	sortMatches(out, true)
	return out
}

// MatchPerson ranks the vacancies for a person with an open case: open,
// not held, of an employer in employers and not flagged, with something of
// the work in common; best first, ties by vacancy ID.
func MatchPerson(c Candidate, vacancies []Vacancy, employers map[int64]Employer) []Match {
	if !c.OpenCase {
		return nil
	}
	cache := map[string]map[string]struct{}{}
	var out []Match
	var buf []MatchReason
	for i := range vacancies {
		v := &vacancies[i]
		e, ok := employers[v.EmployerID]
		if !ok || e.Flag != nil || !proposable(v) {
			continue
		}
		if m, ok := needsOf(v, cache).explain(&c, &buf); ok {
			out = append(out, m)
		}
	}
	sortMatches(out, false)
	return out
}

func sortMatches(ms []Match, byPerson bool) {
	slices.SortFunc(ms, func(a, b Match) int {
		if a.Score != b.Score {
			return b.Score - a.Score
		}
		if byPerson {
			return cmp.Compare(a.PersonID, b.PersonID)
		}
		return cmp.Compare(a.VacancyID, b.VacancyID)
	})
}

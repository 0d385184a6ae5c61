package model

import (
	"fmt"
	"strings"
	"time"
)

// SkillsProfile is one version of a person's skills profile (bilancio di
// competenze). Versions are dated and never overwritten: a change is saved
// as the next version.
type SkillsProfile struct {
	ID            int64
	PersonID      int64
	Version       int       // 1, 2, ...: set by the store
	Date          time.Time // the day the profile was taken
	Author        int64     // the operator who wrote it
	CreatedAt     time.Time
	FromInterview int64 // the interview whose answers seeded it, or 0
	Languages     []LanguageSkill
	Education     []EducationEntry
	Experiences   []WorkExperience
	Skills        []ProfileSkill
	Digital       map[string]string // DigCompAreas code -> DigCompLevels code
	Licences      []DrivingLicence
	Certificates  []Certificate
	Availability  Availability
	Validation    []ValidationEntry
	Notes         string
}

// LanguageSkill is a language the person speaks: a mother tongue, or
// another with a self-assessment per CEFR skill. For Italian, a certificate
// or course.
type LanguageSkill struct {
	Language    string            // ISO 639-1 or BCP 47 tag ("ar", "it", "pa")
	Name        string            // as the person names it, when it has no tag (a dialect)
	Mother      bool              // a mother tongue
	Overall     string            // one CEFR level for the whole, when no skill is assessed apart
	Levels      map[string]string // CEFRSkills code -> CEFR level
	Certificate string            // ItalianCertificates code
	CertLevel   string            // the certificate's CEFR level
}

// EducationEntry is a course of study, in Italy or abroad.
type EducationEntry struct {
	Level        string // as the person's country names it
	Country      string // ISO 3166 alpha-2
	From, To     PartialDate
	Completed    bool
	Field        string
	ItalianLevel string   // EducationLevels code (titolo di studio)
	ISCED        string   // ISCEDLevels code
	Documents    []string // EducationDocuments codes
	Recognition  string   // RecognitionStatuses code
}

// WorkExperience is a job: of the interview's work history, or any other.
type WorkExperience struct {
	Title    string // the job as the person says it
	ESCO     string // ESCO occupation UUID
	CP2011   string // CP2011 code
	ISCO     string // ISCO-08 group
	Ateco    string // ATECO 2007 section
	Country  string // ISO 3166 alpha-2
	Region   string
	From, To PartialDate
	Tasks    string
	Formal   bool // with a contract
}

// ProfileSkill is a skill the person has: a curated ESCO skill, or one
// written in words, with the evidence of it.
type ProfileSkill struct {
	ESCO     string   // CuratedSkill ID, or "" for a skill in words
	Label    string   // the skill in words, for one not curated
	Evidence []string // EvidenceKinds codes
}

// DrivingLicence is a licence category, Italian or foreign.
type DrivingLicence struct {
	Category    string // LicenceCategories code
	Foreign     bool
	Country     string // of a foreign licence
	Convertible string // of a foreign licence: yes, no, unknown
	Expiry      PartialDate
}

// Certificate is a safety or sector certificate.
type Certificate struct {
	Kind     string // CertificateKinds code
	Detail   string // course, body, risk level
	Date     PartialDate
	Expiry   PartialDate
	Evidence string // EvidenceKinds code
}

// Availability is when and how the person can work, and what they want.
type Availability struct {
	From          PartialDate
	Hours         []string // WorkHours codes
	Transport     []string // TransportModes codes
	WillingToMove string   // yes, no, unknown
	Wanted        []string // ESCO occupation UUIDs
	WantedNote    string
}

// ValidationEntry is one competence on the path of D.Lgs 13/2013: the
// evidence collected, its state and date, and the body it was sent to.
type ValidationEntry struct {
	Competence string // CuratedSkill ID, or the competence in words
	Evidence   []Evidence
	State      string // ValidationStates code
	Date       PartialDate
	Body       string // the ente titolato it was sent to
}

// Evidence is one piece of evidence of a competence.
type Evidence struct {
	Kind string // EvidenceKinds code
	Note string
	Date PartialDate
}

// yesNoUnknown are the answers of a three-way field.
var yesNoUnknown = []string{"", "yes", "no", "unknown"}

// MaxProfileText is the longest free text of a profile field.
const MaxProfileText = 2000

// Validate checks the profile against today: every code in its codelist,
// every period in order and not in the future. Fields are named by path
// ("experiences.2.cp2011").
func (p *SkillsProfile) Validate(now time.Time) error {
	var v ValidationErrors
	if p.PersonID == 0 {
		v.add(newError("person", ErrRequired, "a profile belongs to a person"))
	}
	if p.Date.IsZero() {
		v.add(newError("date", ErrRequired, "a profile needs a date"))
	} else if p.Date.After(now.Add(24 * time.Hour)) {
		v.add(newError("date", ErrFutureDate, "the profile date is in the future"))
	}
	for i, l := range p.Languages {
		l.validate(&v, fmt.Sprintf("languages.%d", i))
	}
	for i, e := range p.Education {
		e.validate(&v, fmt.Sprintf("education.%d", i), now)
	}
	for i, e := range p.Experiences {
		e.validate(&v, fmt.Sprintf("experiences.%d", i), now)
	}
	for i, s := range p.Skills {
		s.validate(&v, fmt.Sprintf("skills.%d", i))
	}
	for area, level := range p.Digital {
		if !hasCode(DigCompAreas, area) || !hasCode(DigCompLevels, level) {
			v.add(newError("digital."+area, ErrInvalid, fmt.Sprintf("unknown DigComp area or level %q: %q", area, level)))
		}
	}
	for i, l := range p.Licences {
		l.validate(&v, fmt.Sprintf("licences.%d", i), now)
	}
	for i, c := range p.Certificates {
		c.validate(&v, fmt.Sprintf("certificates.%d", i), now)
	}
	p.Availability.validate(&v)
	for i, e := range p.Validation {
		e.validate(&v, fmt.Sprintf("validation.%d", i), now)
	}
	v.add(optionalText("notes", p.Notes, 20000))
	return v.err()
}

func (l LanguageSkill) validate(v *ValidationErrors, f string) {
	if strings.TrimSpace(l.Language) == "" && strings.TrimSpace(l.Name) == "" {
		v.add(newError(f+".language", ErrRequired, "a language needs a tag or a name"))
	}
	for skill, level := range l.Levels {
		if !hasCode(CEFRSkills, skill) {
			v.add(newError(f+".levels", ErrInvalid, fmt.Sprintf("unknown CEFR skill %q", skill)))
		}
		if !oneOf(level, CEFRLevels) {
			v.add(newError(f+".levels."+skill, ErrInvalid, fmt.Sprintf("CEFR level %q is not one of A1..C2", level)))
		}
	}
	if l.Overall != "" && !oneOf(l.Overall, CEFRLevels) {
		v.add(newError(f+".overall", ErrInvalid, fmt.Sprintf("CEFR level %q is not one of A1..C2", l.Overall)))
	}
	if l.Certificate != "" && !hasCode(ItalianCertificates, l.Certificate) {
		v.add(newError(f+".certificate", ErrInvalid, fmt.Sprintf("unknown certificate %q", l.Certificate)))
	}
	if l.CertLevel != "" && !oneOf(l.CertLevel, CEFRLevels) {
		v.add(newError(f+".cert_level", ErrInvalid, fmt.Sprintf("CEFR level %q is not one of A1..C2", l.CertLevel)))
	}
	v.add(optionalText(f+".name", l.Name, MaxNameLen))
}

func (e EducationEntry) validate(v *ValidationErrors, f string, now time.Time) {
	checkPeriod(v, f, e.From, e.To, now)
	checkCountry(v, f+".country", e.Country)
	checkCode(v, f+".italian_level", EducationLevels, e.ItalianLevel)
	checkCode(v, f+".isced", ISCEDLevels, e.ISCED)
	checkCode(v, f+".recognition", RecognitionStatuses, e.Recognition)
	for _, d := range e.Documents {
		checkCode(v, f+".documents", EducationDocuments, d)
	}
	v.add(optionalText(f+".level", e.Level, MaxProfileText))
	v.add(optionalText(f+".field", e.Field, MaxProfileText))
}

func (e WorkExperience) validate(v *ValidationErrors, f string, now time.Time) {
	if strings.TrimSpace(e.Title) == "" && e.ESCO == "" && e.CP2011 == "" && e.ISCO == "" {
		v.add(newError(f+".title", ErrRequired, "a job needs a title or an occupation"))
	}
	if e.ESCO != "" {
		if _, ok := ESCOOccupation(e.ESCO); !ok {
			v.add(newError(f+".esco", ErrInvalid, fmt.Sprintf("no ESCO occupation %q", e.ESCO)))
		}
	}
	if e.CP2011 != "" {
		if c, ok := CP2011(e.CP2011); !ok || c.Level() != 5 {
			v.add(newError(f+".cp2011", ErrInvalid, fmt.Sprintf("no CP2011 unit %q", e.CP2011)))
		}
	}
	if e.ISCO != "" {
		if _, ok := ISCO08(e.ISCO); !ok {
			v.add(newError(f+".isco", ErrInvalid, fmt.Sprintf("no ISCO-08 group %q", e.ISCO)))
		}
	}
	if e.Ateco != "" {
		if _, ok := AtecoSection(e.Ateco); !ok {
			v.add(newError(f+".ateco", ErrInvalid, fmt.Sprintf("no ATECO section %q", e.Ateco)))
		}
	}
	checkCountry(v, f+".country", e.Country)
	checkPeriod(v, f, e.From, e.To, now)
	v.add(optionalText(f+".title", e.Title, MaxProfileText))
	v.add(optionalText(f+".region", e.Region, MaxNameLen))
	v.add(optionalText(f+".tasks", e.Tasks, MaxProfileText))
}

func (s ProfileSkill) validate(v *ValidationErrors, f string) {
	switch {
	case s.ESCO == "" && strings.TrimSpace(s.Label) == "":
		v.add(newError(f, ErrRequired, "a skill needs an ESCO skill or words"))
	case s.ESCO != "":
		if _, ok := CuratedSkillByID(s.ESCO); !ok {
			v.add(newError(f+".esco", ErrInvalid, fmt.Sprintf("no curated skill %q", s.ESCO)))
		}
	}
	for _, e := range s.Evidence {
		checkCode(v, f+".evidence", EvidenceKinds, e)
	}
	v.add(optionalText(f+".label", s.Label, MaxProfileText))
}

func (l DrivingLicence) validate(v *ValidationErrors, f string, now time.Time) {
	if !hasCode(LicenceCategories, l.Category) {
		v.add(newError(f+".category", ErrInvalid, fmt.Sprintf("unknown licence category %q", l.Category)))
	}
	if !oneOf(l.Convertible, yesNoUnknown) {
		v.add(newError(f+".convertible", ErrInvalid, fmt.Sprintf("convertible %q: yes, no or unknown", l.Convertible)))
	}
	if l.Foreign {
		checkCountry(v, f+".country", l.Country)
	}
	checkDate(v, f+".expiry", l.Expiry, time.Time{})
}

func (c Certificate) validate(v *ValidationErrors, f string, now time.Time) {
	if !hasCode(CertificateKinds, c.Kind) {
		v.add(newError(f+".kind", ErrInvalid, fmt.Sprintf("unknown certificate %q", c.Kind)))
	}
	checkCode(v, f+".evidence", EvidenceKinds, c.Evidence)
	checkDate(v, f+".date", c.Date, now)
	checkDate(v, f+".expiry", c.Expiry, time.Time{})
	if !c.Date.IsZero() && !c.Expiry.IsZero() && before(c.Expiry, c.Date) {
		v.add(newError(f+".expiry", ErrInvalid, "the certificate expires before it was issued"))
	}
	v.add(optionalText(f+".detail", c.Detail, MaxProfileText))
}

func (a Availability) validate(v *ValidationErrors) {
	checkDate(v, "availability.from", a.From, time.Time{})
	for _, h := range a.Hours {
		checkCode(v, "availability.hours", WorkHours, h)
	}
	for _, t := range a.Transport {
		checkCode(v, "availability.transport", TransportModes, t)
	}
	if !oneOf(a.WillingToMove, yesNoUnknown) {
		v.add(newError("availability.willing_to_move", ErrInvalid, "willing to move: yes, no or unknown"))
	}
	for _, w := range a.Wanted {
		if _, ok := ESCOOccupation(w); !ok {
			v.add(newError("availability.wanted", ErrInvalid, fmt.Sprintf("no ESCO occupation %q", w)))
		}
	}
	v.add(optionalText("availability.wanted_note", a.WantedNote, MaxProfileText))
}

func (e ValidationEntry) validate(v *ValidationErrors, f string, now time.Time) {
	if strings.TrimSpace(e.Competence) == "" {
		v.add(newError(f+".competence", ErrRequired, "a validation entry names a competence"))
	}
	if !hasCode(ValidationStates, e.State) {
		v.add(newError(f+".state", ErrInvalid, fmt.Sprintf("unknown validation state %q", e.State)))
	}
	checkDate(v, f+".date", e.Date, now)
	for i, ev := range e.Evidence {
		if !hasCode(EvidenceKinds, ev.Kind) {
			v.add(newError(fmt.Sprintf("%s.evidence.%d.kind", f, i), ErrInvalid, fmt.Sprintf("unknown evidence %q", ev.Kind)))
		}
		checkDate(v, fmt.Sprintf("%s.evidence.%d.date", f, i), ev.Date, now)
		v.add(optionalText(fmt.Sprintf("%s.evidence.%d.note", f, i), ev.Note, MaxProfileText))
	}
	v.add(optionalText(f+".body", e.Body, MaxNameLen))
}

// checkCode adds an error when code is set and not in list.
func checkCode(v *ValidationErrors, field string, list []Code, code string) {
	if code != "" && !hasCode(list, code) {
		v.add(newError(field, ErrInvalid, fmt.Sprintf("unknown code %q", code)))
	}
}

// checkCountry adds an error for a country code that is set and unknown.
func checkCountry(v *ValidationErrors, field, iso2 string) {
	if iso2 == "" {
		return
	}
	if _, ok := CountryByISO2(iso2); !ok {
		v.add(newError(field, ErrInvalid, fmt.Sprintf("unknown country %q", iso2)))
	}
}

// checkDate adds an error for a date that does not exist, or (when now is
// not zero) that is in the future.
func checkDate(v *ValidationErrors, field string, d PartialDate, now time.Time) {
	if e := d.check(); e != nil {
		e.Field = field
		v.add(e)
	} else if !now.IsZero() && d.After(now) {
		v.add(newError(field, ErrFutureDate, "the date is in the future"))
	}
}

// checkPeriod checks a period's dates and that it does not end before it
// starts.
func checkPeriod(v *ValidationErrors, f string, from, to PartialDate, now time.Time) {
	checkDate(v, f+".from", from, now)
	checkDate(v, f+".to", to, time.Time{})
	if !from.IsZero() && !to.IsZero() && before(to, from) {
		v.add(newError(f+".to", ErrInvalid, "the period ends before it starts"))
	}
}

// before reports whether a surely ends before b can start: comparing only
// the parts both dates know, so 2020 is not before 2020-05.
func before(a, b PartialDate) bool {
	if a.Year != b.Year {
		return a.Year < b.Year
	}
	if a.Month == 0 || b.Month == 0 || a.Month != b.Month {
		return a.Month != 0 && b.Month != 0 && a.Month < b.Month
	}
	return a.Day != 0 && b.Day != 0 && a.Day < b.Day
}

// NextSteps suggests the plan actions a validation entry still needs, as
// codes: collect evidence (none yet), ask for an employer statement (only
// the person's word so far), submit for validation, submit for
// certification.
func (e ValidationEntry) NextSteps() []string {
	kinds := map[string]bool{}
	for _, ev := range e.Evidence {
		kinds[ev.Kind] = true
	}
	var out []string
	switch {
	case len(kinds) == 0:
		out = append(out, "collect_evidence")
	case len(kinds) == 1 && kinds["self_declaration"]:
		out = append(out, "employer_statement")
	}
	switch e.State {
	case "transparency", "not_validated":
		if len(kinds) > 0 {
			out = append(out, "request_validation")
		}
	case "validated":
		out = append(out, "request_certification")
	}
	return out
}

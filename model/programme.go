package model

import (
	"strconv"
	"strings"
	"time"
)

// ProgrammeIndicator is one of the programme's indicators (issue #16): what
// the coordinator reports to the region and the funder. It is not an
// exploitation indicator (see indicators.go). The store computes it with
// SQL; docs/indicators.md is generated from ProgrammeIndicators.
type ProgrammeIndicator struct {
	ID         string   // stable code, e.g. "reach"
	NameIT     string   // short name in Italian
	NameEN     string   // short name in English
	DefIT      string   // definition in Italian
	DefEN      string   // definition in English
	Rule       string   // source rule: which records count (in English)
	CountedBy  string   // the event whose date places a person in the period
	Breakdowns []string // breakdown codes (Breakdown*)
	Pending    string   // non-empty: not computed yet, and why
}

// Breakdown codes.
const (
	BreakdownSex          = "sex"
	BreakdownAgeBand      = "age_band"
	BreakdownThirdCountry = "third_country"
	BreakdownServiceKind  = "service_kind"
	BreakdownOutcome      = "outcome"
	BreakdownISCED        = "isced"        // ESF+ education band at entry
	BreakdownHomeless     = "homeless"     // ESF+ homeless or affected by housing exclusion
	BreakdownExitOutcome  = "exit_outcome" // outcome at the case's closure
)

// ProgrammeIndicators is the table of the programme's indicators. Every
// indicator counts distinct persons, each once, erased persons included
// (an erased person keeps an anonymous tally, DESIGN/erasure).
var ProgrammeIndicators = []ProgrammeIndicator{
	{ID: "reach", NameIT: "Persone raggiunte (registrate)", NameEN: "People reached (registered)",
		DefIT: "Persone registrate allo sportello nel periodo.", DefEN: "People registered at the desk in the period.",
		Rule:      "persons by their registration; activities' participants are anonymous tallies, summed apart, never persons",
		CountedBy: "persons.created_at", Breakdowns: []string{BreakdownSex, BreakdownAgeBand, BreakdownThirdCountry}},
	{ID: "in_charge", NameIT: "Persone prese in carico", NameEN: "People taken in charge",
		DefIT: "Persone per cui si è aperto un caso nel periodo.", DefEN: "People for whom a case was opened in the period.",
		Rule: "cases: one person counts once if any of their cases was opened in the period", CountedBy: "cases.opened_at",
		Breakdowns: []string{BreakdownSex, BreakdownAgeBand, BreakdownThirdCountry}},
	{ID: "esf_participants", NameIT: "Partecipanti FSE+", NameEN: "ESF+ participants",
		DefIT: "Partecipanti (persone prese in carico) per sesso, età, cittadinanza di paese terzo, istruzione e condizione abitativa.",
		DefEN: "Participants (people taken in charge) by sex, age, third-country citizenship, education and housing.",
		Rule: "as in_charge; age at the case's opening; third country = no citizenship in the EU/EEA/CH; ISCED = the highest " +
			"completed level of the first skills profile; homeless = informal domicile, or housing answered informal settlement or no home",
		CountedBy: "cases.opened_at", Breakdowns: []string{BreakdownSex, BreakdownAgeBand, BreakdownThirdCountry, BreakdownISCED, BreakdownHomeless}},
	{ID: "plan_agreed", NameIT: "Persone con piano concordato", NameEN: "People with an agreed plan",
		DefIT: "Persone con un piano individuale concordato nel periodo.", DefEN: "People with an individual plan agreed in the period.",
		Rule: "plans with status agreed, by their agreement date", CountedBy: "plans.agreed_at",
		Breakdowns: []string{BreakdownSex, BreakdownAgeBand}},
	{ID: "referrals", NameIT: "Persone inviate ai servizi", NameEN: "People referred to services",
		DefIT: "Persone inviate a un servizio nel periodo, per tipo di servizio.", DefEN: "People referred to a service in the period, by kind of service.",
		Rule: "referrals sent (sent_at set), by the sending date; a person counts once per kind", CountedBy: "referrals.sent_at",
		Breakdowns: []string{BreakdownServiceKind, BreakdownOutcome}},
	{ID: "anti_trafficking", NameIT: "Invii all'antitratta", NameEN: "Referrals to anti-trafficking bodies",
		DefIT: "Persone inviate a un ente antitratta nel periodo.", DefEN: "People referred to an anti-trafficking body in the period.",
		Rule: "referrals sent to a service of kind anti_trafficking", CountedBy: "referrals.sent_at"},
	{ID: "hired", NameIT: "Persone assunte", NameEN: "People hired",
		DefIT: "Persone assunte da una proposta di lavoro, per data di assunzione.", DefEN: "People hired from a job proposal, by hiring date.",
		Rule: "proposals in state hired, by hired_from", CountedBy: "proposals.hired_from",
		Breakdowns: []string{BreakdownSex, BreakdownAgeBand}},
	{ID: "work_path", NameIT: "Persone in percorsi di lavoro", NameEN: "People in paths to work",
		DefIT:     "Persone con un piano concordato con un obiettivo di lavoro, una proposta di lavoro o un tirocinio iniziato nel periodo.",
		DefEN:     "People with an agreed plan with a work goal, a job proposal or an internship started in the period.",
		Rule:      "plans agreed with a goal in area work, proposals by proposed_at, internships by start; the first counts",
		CountedBy: "plans.agreed_at, proposals.proposed_at, internships.start", Breakdowns: []string{BreakdownSex, BreakdownAgeBand}},
	{ID: "training", NameIT: "Persone in formazione", NameEN: "People in training",
		DefIT:     "Persone con un piano concordato con un obiettivo di formazione, o inviate a un ente di formazione, nel periodo.",
		DefEN:     "People with an agreed plan with a training goal, or referred to a training body, in the period.",
		Rule:      "plans agreed with a goal in area training; referrals sent to a service of kind training",
		CountedBy: "plans.agreed_at, referrals.sent_at"},
	{ID: "language_course", NameIT: "Persone in corsi di lingua (FAMI)", NameEN: "People in language courses (AMIF)",
		DefIT:     "Persone con un piano concordato con un obiettivo di italiano, o inviate a un CPIA, nel periodo.",
		DefEN:     "People with an agreed plan with an Italian-language goal, or referred to a CPIA, in the period.",
		Rule:      "plans agreed with a goal in area italian; referrals sent to a service of kind cpia",
		CountedBy: "plans.agreed_at, referrals.sent_at"},
	{ID: "internships", NameIT: "Persone in tirocinio", NameEN: "People in internships",
		DefIT: "Persone che hanno iniziato un tirocinio nel periodo.", DefEN: "People who started an internship in the period.",
		Rule: "internships by their start date", CountedBy: "internships.start",
		Breakdowns: []string{BreakdownSex, BreakdownAgeBand}},
	{ID: "enterprises", NameIT: "Imprese create", NameEN: "Enterprises created",
		DefIT: "Imprese registrate nel periodo.", DefEN: "Enterprises registered in the period.",
		Rule: "enterprises with a registration date; counts persons (one enterprise per person)", CountedBy: "enterprises.registered_at"},
	{ID: "career_guidance", NameIT: "Persone con bilancio di competenze (FAMI)", NameEN: "People in career guidance (AMIF)",
		DefIT: "Persone per cui si è redatto un bilancio di competenze nel periodo.",
		DefEN: "People whose skills profile (career guidance) was taken in the period.",
		Rule:  "skills profile versions by their date", CountedBy: "skills_profiles.date",
		Breakdowns: []string{BreakdownSex, BreakdownAgeBand}},
	{ID: "recognition_applied", NameIT: "Riconoscimento dei titoli richiesto (FAMI)", NameEN: "Recognition of qualifications applied for (AMIF)",
		DefIT:     "Persone che hanno chiesto per la prima volta il riconoscimento di un titolo di studio nel periodo.",
		DefEN:     "People who first applied for the recognition of a qualification in the period.",
		Rule:      "skills profile versions with an education entry whose recognition is requested or granted (not none); the first such version counts, and only if in the period",
		CountedBy: "skills_profiles.date", Breakdowns: []string{BreakdownSex, BreakdownAgeBand}},
	{ID: "cefr_improved", NameIT: "Livello di italiano migliorato (FAMI)", NameEN: "Italian CEFR level improved (AMIF)",
		DefIT:     "Persone il cui livello QCER di italiano è salito rispetto al primo bilancio di competenze, in una versione del periodo.",
		DefEN:     "People whose Italian CEFR level rose above their first skills profile's, in a version of the period.",
		Rule:      "Italian level of a version = highest of its overall and per-skill CEFR levels; counted at the first later version of the period with a higher level than the person's first version",
		CountedBy: "skills_profiles.date", Breakdowns: []string{BreakdownSex, BreakdownAgeBand}},
	{ID: "leavers", NameIT: "Persone uscite (casi chiusi)", NameEN: "Participants leaving (cases closed)",
		DefIT:     "Persone il cui caso è stato chiuso nel periodo (e non riaperto), per esito all'uscita.",
		DefEN:     "People whose case was closed in the period (and not reopened), by outcome at exit.",
		Rule:      "cases closed with their exit data (exit_reason set), by the closing date; a reopened case does not count",
		CountedBy: "cases.closed_at", Breakdowns: []string{BreakdownExitOutcome, BreakdownSex, BreakdownAgeBand}},
	{ID: "employed_at_exit", NameIT: "Occupati all'uscita (FSE+)", NameEN: "Employed upon leaving (ESF+)",
		DefIT: "Persone occupate, anche autonome, alla chiusura del caso.", DefEN: "People in employment, including self-employment, when their case was closed.",
		Rule: "closed cases with the exit outcome employed", CountedBy: "cases.closed_at",
		Breakdowns: []string{BreakdownSex, BreakdownAgeBand}},
	{ID: "in_education_at_exit", NameIT: "In istruzione o formazione all'uscita (FSE+)", NameEN: "In education or training upon leaving (ESF+)",
		DefIT: "Persone in istruzione o formazione alla chiusura del caso.", DefEN: "People in education or training when their case was closed.",
		Rule: "closed cases with the exit outcome education", CountedBy: "cases.closed_at",
		Breakdowns: []string{BreakdownSex, BreakdownAgeBand}},
	{ID: "qualification_at_exit", NameIT: "Qualifica conseguita all'uscita (FSE+)", NameEN: "Gaining a qualification upon leaving (ESF+)",
		DefIT: "Persone che hanno conseguito una qualifica, alla chiusura del caso.", DefEN: "People who gained a qualification, when their case was closed.",
		Rule: "closed cases with the exit outcome qualification", CountedBy: "cases.closed_at",
		Breakdowns: []string{BreakdownSex, BreakdownAgeBand}},
	{ID: "employed_4w", NameIT: "Ancora occupati a 4 settimane", NameEN: "Still employed after 4 weeks",
		DefIT:     "Persone assunte che risultavano ancora occupate alla verifica di 4 settimane, per data della verifica.",
		DefEN:     "People hired who were still employed at the 4-week follow-up, by the follow-up's date.",
		Rule:      "proposals in state hired answered yes at the 4-week follow-up; the date is the hiring date plus 28 days",
		CountedBy: "proposals.hired_from + 28 days", Breakdowns: []string{BreakdownSex, BreakdownAgeBand}},
	{ID: "employed_6m", NameIT: "Ancora occupati a 6 mesi (FSE+ risultato a lungo termine)", NameEN: "Still employed after 6 months (ESF+ longer-term result)",
		DefIT:     "Persone assunte che risultavano ancora occupate alla verifica di 6 mesi, per data della verifica.",
		DefEN:     "People hired who were still employed at the 6-month follow-up, by the follow-up's date.",
		Rule:      "proposals in state hired answered yes at the 6-month follow-up; the date is the hiring date plus 6 months",
		CountedBy: "proposals.hired_from + 6 months", Breakdowns: []string{BreakdownSex, BreakdownAgeBand}},
}

// ProgrammeIndicatorByID finds an indicator of the table.
func ProgrammeIndicatorByID(id string) (ProgrammeIndicator, bool) {
	for _, in := range ProgrammeIndicators {
		if in.ID == id {
			return in, true
		}
	}
	return ProgrammeIndicator{}, false
}

// Age bands of the ESF+ common indicators.
const (
	AgeUnder18 = "under_18"
	Age18to29  = "18_29"
	Age30to54  = "30_54"
	Age55Plus  = "55_plus"
	AgeUnknown = "unknown"
)

// AgeBand is the ESF+ age band of a person born on birth (YYYY, YYYY-MM or
// YYYY-MM-DD) at the date at. A missing month or day is taken as the last
// one, so that an uncertain birthday is not counted as passed.
func AgeBand(birth string, at time.Time) string {
	return AgeBandOf(ParseBirth(birth), at)
}

// Birth is a birth date as year, month and day; a missing month or day is
// the last one (12, 31), a year before 1900 unknown (0).
type Birth struct{ Year, Month, Day int }

// ParseBirth reads YYYY, YYYY-MM or YYYY-MM-DD.
func ParseBirth(birth string) Birth {
	parts := strings.SplitN(birth, "-", 3)
	y, err := strconv.Atoi(parts[0])
	if err != nil || y < 1900 {
		return Birth{}
	}
	b := Birth{y, 12, 31}
	if len(parts) > 1 {
		b.Month, _ = strconv.Atoi(parts[1])
	}
	if len(parts) > 2 {
		b.Day, _ = strconv.Atoi(parts[2])
	}
	return b
}

// AgeBandOf is AgeBand of a birth already read.
func AgeBandOf(b Birth, at time.Time) string {
	if b.Year == 0 {
		return AgeUnknown
	}
	age := at.Year() - b.Year
	if int(at.Month()) < b.Month || (int(at.Month()) == b.Month && at.Day() < b.Day) {
		age--
	}
	switch {
	case age < 18:
		return AgeUnder18
	case age < 30:
		return Age18to29
	case age < 55:
		return Age30to54
	}
	return Age55Plus
}

// EUEEACH lists the ISO 3166-1 alpha-2 codes of the EU member states, the
// other EEA states and Switzerland: citizens of none of them are
// third-country nationals.
var EUEEACH = []string{"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
	"LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "CH"}

// ThirdCountry tells whether a person with these citizenships (space
// separated ISO codes) is a third-country national: at least one
// citizenship, none in the EU/EEA/CH.
func ThirdCountry(citizenships string) bool {
	cs := strings.Fields(strings.ToUpper(citizenships))
	for _, c := range cs {
		for _, e := range EUEEACH {
			if c == e {
				return false
			}
		}
	}
	return len(cs) > 0
}

// ISCED bands of the ESF+ common indicators.
const (
	ISCED0to2    = "isced_0_2"
	ISCED3to4    = "isced_3_4"
	ISCED5to8    = "isced_5_8"
	ISCEDUnknown = "unknown"
)

// ISCEDBand is the ESF+ band of the highest ISCEDLevels code among a
// person's education entries; codes outside the list are ignored.
func ISCEDBand(codes []string) string {
	best := -1
	for _, c := range codes {
		if len(c) == 1 && c[0] >= '0' && c[0] <= '8' && int(c[0]-'0') > best {
			best = int(c[0] - '0')
		}
	}
	switch {
	case best < 0:
		return ISCEDUnknown
	case best <= 2:
		return ISCED0to2
	case best <= 4:
		return ISCED3to4
	}
	return ISCED5to8
}

package model

import (
	"fmt"
	"regexp"
	"time"
)

// VacancyState is where a vacancy stands.
type VacancyState string

const (
	VacancyOpen   VacancyState = "open"
	VacancyFilled VacancyState = "filled"
	VacancyClosed VacancyState = "closed"
)

// VacancyStates lists the states in display order.
var VacancyStates = []VacancyState{VacancyOpen, VacancyFilled, VacancyClosed}

// PayUnit is what a vacancy's pay is for.
type PayUnit string

const (
	PayHour  PayUnit = "hour"
	PayDay   PayUnit = "day"
	PayMonth PayUnit = "month"
)

// PayUnits lists the units in display order.
var PayUnits = []PayUnit{PayHour, PayDay, PayMonth}

// Vacancy is a job an employer offers. A vacancy whose pay or hours break
// the collective agreement or the law (CheckVacancy) is held: it is not
// proposed until a coordinator clears it.
type Vacancy struct {
	ID           int64
	UID          string // stable across desks
	EmployerID   int64
	Title        string // the job as the employer words it
	CP2011       string // ISTAT CP2011 occupation, e.g. 6.4.1.1.0
	ISCO         string // ISCO-08 group
	ESCO         string // ESCO occupation URI
	Place        string
	Start, End   time.Time // dates; End zero when open-ended
	Seasonal     bool
	WeeklyHours  float64
	DailyHours   float64
	DaysPerWeek  int
	ContractType string // ContractTypes
	PayCents     int64  // gross pay per PayUnit, in euro cents
	PayUnit      PayUnit
	CCNL         string // agreement the pay refers to (the employer's when empty)
	CCNLLevel    string
	Housing      bool     // housing offered
	Transport    bool     // transport offered
	Languages    []string // required, "it" or with a CEFR level, "it:A2"
	Licences     []string // driving licences and certificates required: "B", "C", "muletto"
	Posts        int
	State        VacancyState
	Breaches     []Breach  // what CheckVacancy found when it was last saved
	ClearedAt    time.Time // when a coordinator cleared the breaches, zero if not
	ClearedBy    int64
	ClearNote    string
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Held tells a vacancy that breaks the agreement or the law and that no
// coordinator has cleared: it is not proposed.
func (v *Vacancy) Held() bool { return len(v.Breaches) > 0 && v.ClearedAt.IsZero() }

var (
	cp2011RE   = regexp.MustCompile(`^[1-9](\.[0-9]){0,4}$`)
	escoRE     = regexp.MustCompile(`^http://data\.europa\.eu/esco/occupation/[0-9a-f-]{36}$`)
	langNeedRE = regexp.MustCompile(`^[a-z]{2,3}(:(A1|A2|B1|B2|C1|C2))?$`)
)

// Validate checks the vacancy's fields.
func (v *Vacancy) Validate() error {
	var errs ValidationErrors
	if v.EmployerID == 0 {
		errs.add(newError("employer", ErrRequired, "a vacancy belongs to an employer"))
	}
	errs.add(requiredText("title", v.Title, MaxNameLen))
	errs.add(optionalText("place", v.Place, MaxTextLen))
	if v.CP2011 != "" && !cp2011RE.MatchString(v.CP2011) {
		errs.add(newError("cp2011", ErrInvalid, fmt.Sprintf("%q is not a CP2011 code", v.CP2011)))
	}
	if _, ok := ISCOGroup(v.ISCO); v.ISCO != "" && !ok {
		errs.add(newError("isco", ErrInvalid, fmt.Sprintf("%q is not an ISCO-08 group", v.ISCO)))
	}
	if v.ESCO != "" && !escoRE.MatchString(v.ESCO) {
		errs.add(newError("esco", ErrInvalid, "not an ESCO occupation URI"))
	}
	if !v.End.IsZero() && v.End.Before(v.Start) {
		errs.add(newError("end", ErrInvalid, "the end is before the start"))
	}
	if v.WeeklyHours < 0 || v.WeeklyHours > 7*24 {
		errs.add(newError("weekly_hours", ErrInvalid, "weekly hours from 0 to 168"))
	}
	if v.DailyHours < 0 || v.DailyHours > 24 {
		errs.add(newError("daily_hours", ErrInvalid, "daily hours from 0 to 24"))
	}
	if v.DaysPerWeek < 0 || v.DaysPerWeek > 7 {
		errs.add(newError("days_per_week", ErrInvalid, "days a week from 0 to 7"))
	}
	if _, ok := ContractType(v.ContractType); v.ContractType != "" && !ok {
		errs.add(newError("contract_type", ErrInvalid, fmt.Sprintf("unknown contract type %q", v.ContractType)))
	}
	if v.PayCents < 0 {
		errs.add(newError("pay", ErrInvalid, "pay cannot be negative"))
	}
	if v.PayCents > 0 && !oneOf(v.PayUnit, PayUnits) {
		errs.add(newError("pay_unit", ErrInvalid, fmt.Sprintf("unknown pay unit %q", v.PayUnit)))
	}
	errs.add(v.checkCCNL())
	for i, l := range v.Languages {
		if !langNeedRE.MatchString(l) {
			errs.add(newError(fmt.Sprintf("languages.%d", i), ErrInvalid, fmt.Sprintf("%q: a language tag, and a CEFR level after ':'", l)))
		}
	}
	for i, l := range v.Licences {
		errs.add(requiredText(fmt.Sprintf("licences.%d", i), l, MaxNameLen))
	}
	if v.Posts < 1 {
		errs.add(newError("posts", ErrInvalid, "a vacancy has one post or more"))
	}
	if !oneOf(v.State, VacancyStates) {
		errs.add(newError("state", ErrInvalid, fmt.Sprintf("unknown state %q", v.State)))
	}
	errs.add(optionalText("clear_note", v.ClearNote, MaxTextLen))
	return errs.err()
}

// checkCCNL checks the agreement the pay refers to, when the vacancy names
// one (else the employer's applies, and with it the level).
func (v *Vacancy) checkCCNL() *Error {
	if v.CCNL == "" {
		return optionalText("ccnl_level", v.CCNLLevel, MaxNameLen)
	}
	if _, ok := FindCCNL(DefaultCCNLs, v.CCNL); !ok {
		return newError("ccnl", ErrInvalid, fmt.Sprintf("no collective agreement %q in the table", v.CCNL))
	}
	return optionalText("ccnl_level", v.CCNLLevel, MaxNameLen)
}

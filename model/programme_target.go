package model

import (
	"fmt"
	"time"
)

// SettingTargets is the setting that holds the programme's targets as JSON.
const SettingTargets = "programme_targets"

// Target is a programme's promise on one indicator over a period.
type Target struct {
	Indicator string    `json:"indicator"` // a ProgrammeIndicator ID
	Number    int       `json:"number"`
	From      time.Time `json:"from"`
	To        time.Time `json:"to"`
}

// Validate checks the indicator exists, the number is positive and the
// period runs forward.
func (t Target) Validate() error {
	if _, ok := ProgrammeIndicatorByID(t.Indicator); !ok {
		return &Error{Code: ErrInvalid, Field: "indicator", Message: fmt.Sprintf("unknown indicator %q", t.Indicator)}
	}
	if t.Number <= 0 {
		return &Error{Code: ErrInvalid, Field: "number", Message: "the target must be a positive number"}
	}
	if t.From.IsZero() || t.To.IsZero() || t.To.Before(t.From) {
		return &Error{Code: ErrInvalid, Field: "period", Message: "the period must have a start and an end, in order"}
	}
	return nil
}

// DemoTargets are P.I.U. Su.Pr.Eme.'s three targets, for the demo: 3,000
// reached by information and guidance, 1,500 in paths to work, over 50 new
// enterprises (51: more than 50).
func DemoTargets() []Target {
	from := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
	return []Target{
		{Indicator: "reach", Number: 3000, From: from, To: to},
		{Indicator: "work_path", Number: 1500, From: from, To: to},
		{Indicator: "enterprises", Number: 51, From: from, To: to},
	}
}

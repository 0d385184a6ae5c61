package report

import (
	"time"

	"sportello/model"
	"sportello/store"
)

type bd = map[string]map[string]int

// handReport is the store's hand desk (store/programme_test.go) over 2025,
// counted by hand there: five fictional persons, their cases, plans,
// referrals, hirings and closures. Indicators it does not list are zero.
func handReport() *store.IndicatorReport {
	inCharge := bd{"sex": {"F": 1, "M": 1, "X": 1}, "age_band": {"18_29": 1, "55_plus": 1, "under_18": 1},
		"third_country": {"true": 1, "false": 2}}
	esf := bd{"isced": {"isced_3_4": 1, "isced_0_2": 1, "unknown": 1}, "homeless": {"true": 1, "false": 2}}
	for k, v := range inCharge {
		esf[k] = v
	}
	person1July := store.IndicatorResult{Total: 1, Months: map[string]int{"2025-07": 1}, Breakdowns: bd{"sex": {"F": 1}, "age_band": {"18_29": 1}}}
	person1Oct := store.IndicatorResult{Total: 1, Months: map[string]int{"2025-10": 1}, Breakdowns: bd{"sex": {"F": 1}, "age_band": {"18_29": 1}}}
	want := map[string]store.IndicatorResult{
		"reach":            {Total: 3, Months: map[string]int{"2025-01": 3}, Breakdowns: inCharge},
		"in_charge":        {Total: 3, Months: map[string]int{"2025-02": 2, "2025-03": 1}, Breakdowns: inCharge},
		"esf_participants": {Total: 3, Months: map[string]int{"2025-02": 2, "2025-03": 1}, Breakdowns: esf},
		"plan_agreed": {Total: 2, Months: map[string]int{"2025-03": 1, "2025-06": 1},
			Breakdowns: bd{"sex": {"F": 2}, "age_band": {"18_29": 1, "30_54": 1}}},
		"referrals": {Total: 3, Months: map[string]int{"2025-03": 2, "2025-05": 1},
			Breakdowns: bd{"service_kind": {"anti_trafficking": 1, "legal_aid": 2}, "outcome": {"accepted": 1, "sent": 1, "completed": 1}}},
		"anti_trafficking": {Total: 1, Months: map[string]int{"2025-03": 1}, Breakdowns: bd{}},
		"hired": {Total: 2, Months: map[string]int{"2025-04": 1, "2025-05": 1},
			Breakdowns: bd{"sex": {"F": 1, "M": 1}, "age_band": {"18_29": 1, "30_54": 1}}},
		"work_path": {Total: 3, Months: map[string]int{"2025-03": 1, "2025-05": 1, "2025-09": 1},
			Breakdowns: bd{"sex": {"F": 2, "M": 1}, "age_band": {"18_29": 1, "30_54": 2}}},
		"training":        {Total: 1, Months: map[string]int{"2025-06": 1}, Breakdowns: bd{}},
		"language_course": {Total: 1, Months: map[string]int{"2025-06": 1}, Breakdowns: bd{}},
		"internships":     {Total: 1, Months: map[string]int{"2025-09": 1}, Breakdowns: bd{"sex": {"F": 1}, "age_band": {"30_54": 1}}},
		"enterprises":     {Total: 1, Months: map[string]int{"2025-06": 1}, Breakdowns: bd{}},
		"career_guidance": {Total: 2, Months: map[string]int{"2025-02": 1, "2025-03": 1},
			Breakdowns: bd{"sex": {"F": 1, "M": 1}, "age_band": {"18_29": 1, "55_plus": 1}}},
		"recognition_applied": person1July,
		"cefr_improved":       person1July,
		"leavers": {Total: 2, Months: map[string]int{"2025-10": 1, "2025-11": 1},
			Breakdowns: bd{"exit_outcome": {"employed": 1, "qualification": 1, "education": 1}, "sex": {"F": 1, "M": 1},
				"age_band": {"18_29": 1, "55_plus": 1}}},
		"employed_at_exit":      person1Oct,
		"qualification_at_exit": person1Oct,
		"in_education_at_exit": {Total: 1, Months: map[string]int{"2025-11": 1},
			Breakdowns: bd{"sex": {"M": 1}, "age_band": {"55_plus": 1}}},
		"employed_4w": {Total: 1, Months: map[string]int{"2025-04": 1}, Breakdowns: bd{"sex": {"F": 1}, "age_band": {"18_29": 1}}},
		"employed_6m": person1Oct,
	}
	rep := &store.IndicatorReport{From: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)}
	for _, in := range model.ProgrammeIndicators {
		r := want[in.ID]
		r.ID = in.ID
		if r.Months == nil {
			r.Months, r.Breakdowns = map[string]int{}, bd{}
		}
		rep.Results = append(rep.Results, r)
	}
	return rep
}

// handInput is the hand desk's report with the demo's targets, in lang.
func handInput(lang string) Input {
	return Input{Report: handReport(), Targets: model.DemoTargets(), Lang: lang, Desk: "Sportello di prova — Latina",
		Generated: time.Date(2026, 1, 15, 10, 30, 0, 0, time.UTC)}
}

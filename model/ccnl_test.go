package model

import (
	"slices"
	"testing"
	"time"
)

// vacancyChecks are hand-made vacancies and the breaches CheckVacancy must
// find, by code, in order.
var vacancyChecks = []struct {
	name string
	v    Vacancy
	want []string
}{
	{"fine: agriculture area 3 at 8.50 an hour, 39 hours", Vacancy{CCNL: "agri", CCNLLevel: "area_3", PayCents: 850,
		PayUnit: PayHour, WeeklyHours: 39, DailyHours: 6.5, DaysPerWeek: 6}, nil},
	{"fine: a little below the minimum, within the margin", Vacancy{CCNL: "agri", CCNLLevel: "area_3", PayCents: 750,
		PayUnit: PayHour, WeeklyHours: 39}, nil},
	{"pay clearly below: 4 euro an hour in the fields", Vacancy{CCNL: "agri", CCNLLevel: "area_3", PayCents: 400,
		PayUnit: PayHour, WeeklyHours: 39}, []string{BreachPay}},
	{"pay by the day: 35 euro for 10 hours", Vacancy{CCNL: "agri", CCNLLevel: "area_3", PayCents: 3500,
		PayUnit: PayDay, DailyHours: 10, WeeklyHours: 48, DaysPerWeek: 6}, []string{BreachPay}},
	{"pay by the month over too many hours", Vacancy{CCNL: "logistics", CCNLLevel: "6", PayCents: 120000,
		PayUnit: PayMonth, WeeklyHours: 60, DailyHours: 10, DaysPerWeek: 6}, []string{BreachWeeklyHours, BreachPay}},
	{"a fair monthly wage", Vacancy{CCNL: "food", CCNLLevel: "5", PayCents: 215000, PayUnit: PayMonth, WeeklyHours: 40},
		nil},
	{"too many hours in a day, no rest day", Vacancy{WeeklyHours: 42, DailyHours: 14, DaysPerWeek: 7},
		[]string{BreachDailyHours, BreachRestDay}},
	{"too many hours, no agreement: the law's limit", Vacancy{WeeklyHours: 55}, []string{BreachWeeklyHours}},
	{"domestic live-in: 54 hours is the agreement's limit", Vacancy{CCNL: "domestic", CCNLLevel: "B_live_in",
		PayCents: 110000, PayUnit: PayMonth, WeeklyHours: 54, DailyHours: 10}, nil},
	{"domestic: 60 hours", Vacancy{CCNL: "domestic", CCNLLevel: "B", PayCents: 700, PayUnit: PayHour, WeeklyHours: 60},
		[]string{BreachWeeklyHours}},
	{"level unknown: pay not checked", Vacancy{CCNL: "agri", CCNLLevel: "area_9", PayCents: 100, PayUnit: PayHour}, nil},
	{"no pay given", Vacancy{CCNL: "agri", CCNLLevel: "area_3", WeeklyHours: 39}, nil},
}

func TestCheckVacancy(t *testing.T) {
	for _, c := range vacancyChecks {
		t.Run(c.name, func(t *testing.T) {
			got := CheckVacancy(&c.v, DefaultCCNLs)
			var codes []string
			for _, b := range got {
				codes = append(codes, b.Code)
				want := map[string]string{BreachPay: "i603.1"}[b.Code]
				if want == "" {
					want = "i603.2"
				}
				if b.Index != want {
					t.Errorf("%s touches %s, want %s", b.Code, b.Index, want)
				}
				if _, ok := IndicatorByRef(b.Index); !ok {
					t.Errorf("%s names no indicator", b.Index)
				}
				if b.Code == BreachPay && b.Actual >= b.Limit || b.Code != BreachPay && b.Actual <= b.Limit {
					t.Errorf("%s: actual %v against limit %v", b.Code, b.Actual, b.Limit)
				}
			}
			if !slices.Equal(codes, c.want) {
				t.Errorf("breaches %v, want %v", codes, c.want)
			}
		})
	}
}

// The program's table is sound data: every agreement valid, dated, with a
// source that says its figures are indicative, and levels that exist once.
func TestDefaultCCNLs(t *testing.T) {
	for _, c := range DefaultCCNLs {
		if err := c.Validate(); err != nil {
			t.Errorf("%s: %v", c.ID, err)
		}
		if _, ok := AtecoSection(c.Ateco); !ok {
			t.Errorf("%s: section %q", c.ID, c.Ateco)
		}
		if c.ValidFrom.After(time.Now()) {
			t.Errorf("%s: valid from the future", c.ID)
		}
		if len(c.Source) < len("INDICATIVE") || c.Source[:len("INDICATIVE")] != "INDICATIVE" {
			t.Errorf("%s: the source does not say the figures are indicative", c.ID)
		}
		seen := map[string]bool{}
		for _, l := range c.Levels {
			if seen[l.Code] {
				t.Errorf("%s: level %s twice", c.ID, l.Code)
			}
			seen[l.Code] = true
		}
	}
	for _, id := range []string{"agri", "domestic", "construction", "logistics", "tourism", "food"} {
		if _, ok := FindCCNL(DefaultCCNLs, id); !ok {
			t.Errorf("no agreement %s", id)
		}
	}
}

func TestVacancyValidate(t *testing.T) {
	ok := Vacancy{EmployerID: 1, Title: "Raccolta pomodori", ISCO: "9211", CP2011: "8.3.1.1.0", ContractType: "agri_fixed",
		PayCents: 850, PayUnit: PayHour, CCNL: "agri", CCNLLevel: "area_3", Languages: []string{"it:A2", "en"},
		Licences: []string{"B"}, Posts: 4, State: VacancyOpen, Start: dateUTC(2026, 6, 1), End: dateUTC(2026, 9, 30)}
	for _, c := range []struct {
		name, field string
		edit        func(v *Vacancy)
	}{
		{"valid", "", func(v *Vacancy) {}},
		{"no employer", "employer", func(v *Vacancy) { v.EmployerID = 0 }},
		{"unknown ISCO", "isco", func(v *Vacancy) { v.ISCO = "99999" }},
		{"bad CP2011", "cp2011", func(v *Vacancy) { v.CP2011 = "8-3-1" }},
		{"unknown contract", "contract_type", func(v *Vacancy) { v.ContractType = "caporale" }},
		{"ends before it starts", "end", func(v *Vacancy) { v.End = dateUTC(2026, 5, 1) }},
		{"no posts", "posts", func(v *Vacancy) { v.Posts = 0 }},
		{"level of the employer's agreement", "", func(v *Vacancy) { v.CCNL = "" }},
		{"unknown agreement", "ccnl", func(v *Vacancy) { v.CCNL = "metalmeccanici" }},
		{"language level unknown", "languages.0", func(v *Vacancy) { v.Languages = []string{"it:A9"} }},
		{"pay without unit", "pay_unit", func(v *Vacancy) { v.PayUnit = "" }},
		{"unknown state", "state", func(v *Vacancy) { v.State = "draft" }},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := ok
			c.edit(&v)
			err := v.Validate()
			if c.field == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var ve ValidationErrors
			if !asValidation(err, &ve) || ve.Field(c.field) == nil {
				t.Errorf("error %v, want one on %s", err, c.field)
			}
		})
	}
}

func FuzzCheckVacancy(f *testing.F) {
	for _, c := range vacancyChecks {
		f.Add(c.v.CCNL, c.v.CCNLLevel, c.v.PayCents, string(c.v.PayUnit), c.v.WeeklyHours, c.v.DailyHours, c.v.DaysPerWeek)
	}
	f.Fuzz(func(t *testing.T, ccnl, level string, pay int64, unit string, weekly, daily float64, days int) {
		v := Vacancy{CCNL: ccnl, CCNLLevel: level, PayCents: pay, PayUnit: PayUnit(unit), WeeklyHours: weekly,
			DailyHours: daily, DaysPerWeek: days}
		for _, b := range CheckVacancy(&v, DefaultCCNLs) {
			if b.Index != "i603.1" && b.Index != "i603.2" {
				t.Fatalf("%+v: index %s", v, b.Index)
			}
		}
	})
}

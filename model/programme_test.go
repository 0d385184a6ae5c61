package model

import (
	"testing"
	"time"
)

func TestAgeBand(t *testing.T) {
	at := time.Date(2025, 6, 15, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ birth, want string }{
		{"2007-06-16", AgeUnder18}, // 17 the day before the birthday
		{"2007-06-15", Age18to29},  // 18 on the day
		{"1995-06-16", Age18to29},  // 29
		{"1995-06-15", Age30to54},  // 30
		{"1970-06-16", Age30to54},  // 54
		{"1970-06-15", Age55Plus},  // 55
		{"1970", Age30to54},        // year only: the birthday is not taken as passed
		{"1970-05", Age55Plus},     // May 1970: passed by 15 June
		{"", AgeUnknown},
	} {
		if got := AgeBand(c.birth, at); got != c.want {
			t.Errorf("AgeBand(%q) = %s, want %s", c.birth, got, c.want)
		}
	}
}

func TestThirdCountry(t *testing.T) {
	for _, c := range []struct {
		cit  string
		want bool
	}{{"MA", true}, {"it", false}, {"NG RO", false}, {"CH", false}, {"NO", false}, {"GB", true}, {"", false}} {
		if got := ThirdCountry(c.cit); got != c.want {
			t.Errorf("ThirdCountry(%q) = %v", c.cit, got)
		}
	}
	if len(EUEEACH) != 27+3+1 {
		t.Errorf("%d EU/EEA/CH countries, want 31", len(EUEEACH))
	}
}

func TestISCEDBand(t *testing.T) {
	for _, c := range []struct {
		codes []string
		want  string
	}{{nil, ISCEDUnknown}, {[]string{"0"}, ISCED0to2}, {[]string{"2", "4"}, ISCED3to4}, {[]string{"3", "7"}, ISCED5to8}, {[]string{"x"}, ISCEDUnknown}} {
		if got := ISCEDBand(c.codes); got != c.want {
			t.Errorf("ISCEDBand(%v) = %s, want %s", c.codes, got, c.want)
		}
	}
}

func TestTargetValidate(t *testing.T) {
	d := func(y int) time.Time { return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC) }
	for _, c := range []struct {
		t     Target
		field string
	}{
		{Target{"in_charge", 10, d(2024), d(2025)}, ""},
		{Target{"nope", 10, d(2024), d(2025)}, "indicator"},
		{Target{"in_charge", 0, d(2024), d(2025)}, "number"},
		{Target{"in_charge", 10, d(2025), d(2024)}, "period"},
		{Target{"in_charge", 10, time.Time{}, d(2024)}, "period"},
	} {
		err := c.t.Validate()
		if e, ok := err.(*Error); (c.field == "" && err != nil) || (c.field != "" && (!ok || e.Field != c.field)) {
			t.Errorf("%+v: %v, want field %q", c.t, err, c.field)
		}
	}
	for _, tg := range DemoTargets() {
		if err := tg.Validate(); err != nil {
			t.Errorf("demo target: %v", err)
		}
	}
}

func TestProgrammeIndicatorsTable(t *testing.T) {
	seen := map[string]bool{}
	for _, in := range ProgrammeIndicators {
		if in.ID == "" || seen[in.ID] || in.NameIT == "" || in.NameEN == "" || in.DefIT == "" || in.DefEN == "" ||
			in.Rule == "" || in.CountedBy == "" {
			t.Errorf("incomplete or repeated: %+v", in)
		}
		seen[in.ID] = true
	}
}

package store

import (
	"context"
	"testing"
	"time"

	"sportello/model"
)

// TestIndicatorPersons opens the anonymous list behind numbers of the
// hand-made desk (TestComputeIndicatorsHandDesk counts them by hand): as
// many rows as the number, no name, and only for the coordinator.
func TestIndicatorPersons(t *testing.T) {
	d := newTestDB(t)
	handDesk(t, d)
	ctx := context.Background()
	from, to := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		id   string
		cell IndicatorCell
		want []string // dates of the rows, in order
	}{
		{"plan_agreed", IndicatorCell{}, []string{"2025-03-01", "2025-06-01"}},
		{"plan_agreed", IndicatorCell{Month: "2025-06"}, []string{"2025-06-01"}},
		{"plan_agreed", IndicatorCell{Breakdown: "age_band", Value: "18_29"}, []string{"2025-03-01"}},
		{"referrals", IndicatorCell{Breakdown: "service_kind", Value: "legal"}, nil},
		{"hired", IndicatorCell{Breakdown: "sex", Value: "M"}, []string{"2025-05-05"}},
		{"hired", IndicatorCell{Breakdown: "sex", Value: "X"}, []string{}},
	}
	for _, c := range cases {
		got, err := d.IndicatorPersons(ctx, from, to, c.id, c.cell)
		must(t, err)
		if c.want == nil { // only the number is known: two persons referred to a legal service
			if len(got) != 2 {
				t.Errorf("%s %+v: %d persons, want 2", c.id, c.cell, len(got))
			}
			continue
		}
		var dates []string
		for _, p := range got {
			dates = append(dates, p.Date)
			if len(p.Ref) != 8 || c.id != "referrals" && p.Values["sex"] == "" {
				t.Errorf("%s: row %+v", c.id, p)
			}
		}
		if len(dates) != len(c.want) || len(dates) > 0 && !equalStrings(dates, c.want) {
			t.Errorf("%s %+v: dates %v, want %v", c.id, c.cell, dates, c.want)
		}
	}
	if _, err := d.IndicatorPersons(ctx, from, to, "nothing", IndicatorCell{}); model.ErrorCode(err) != model.ErrNotFound {
		t.Errorf("an unknown indicator: %v", err)
	}
	op := fixtureOperator(t, d, "op", model.RoleOperator)
	if _, err := d.As(op).IndicatorPersons(ctx, from, to, "hired", IndicatorCell{}); model.ErrorCode(err) != model.ErrPermission {
		t.Errorf("an operator opened the list: %v", err)
	}
}

func equalStrings(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}

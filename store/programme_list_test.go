package store

import (
	"context"
	"reflect"
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
		{"referrals", IndicatorCell{Breakdown: "service_kind", Value: "legal_aid"}, nil},
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
	// The reference is the hash of the person's stable ID, the same on
	// every desk the file travels to, not of its row number here.
	byUID := map[string]bool{}
	rows, err := d.db.Query("SELECT uid FROM persons")
	must(t, eachRow(rows, err, func(s scanner) error {
		var uid string
		err := s.Scan(&uid)
		byUID[ref(uid, 0)] = true
		return err
	}))
	got, err := d.IndicatorPersons(ctx, from, to, "plan_agreed", IndicatorCell{})
	must(t, err)
	for _, p := range got {
		if !byUID[p.Ref] {
			t.Errorf("reference %s is not the hash of a person's stable ID", p.Ref)
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

// TestIndicatorsByDesk: persons 3 and 5 of the hand-made desk came from
// the desk "LT" in a bundle: the desks list names both, and each desk's
// indicators count its own persons only, adding up to the whole.
func TestIndicatorsByDesk(t *testing.T) {
	d := newTestDB(t)
	handDesk(t, d)
	ctx := context.Background()
	insider(t, d, "UPDATE persons SET case_code = 'LT-2025-00000' || id WHERE id IN (3, 5)",
		`INSERT INTO desks (uid, name, public_key, first_seen, last_seen, case_prefix)
			VALUES ('d2', 'Sportello di Latina', 'k', 'x', 'x', 'LT')`)
	must(t, d.SaveSettings(ctx, map[string]string{SettingDesk: "Sportello di Foggia"}, 0))
	desks, err := d.IndicatorDesks(ctx)
	must(t, err)
	want := []IndicatorDesk{{"LT", "Sportello di Latina"}, {"PUA", "Sportello di Foggia"}}
	if !reflect.DeepEqual(desks, want) {
		t.Errorf("desks %v, want %v", desks, want)
	}
	from, to := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	all, err := d.ComputeIndicators(ctx, from, to)
	must(t, err)
	lt, err := d.ComputeDeskIndicators(ctx, from, to, "LT")
	must(t, err)
	pua, err := d.ComputeDeskIndicators(ctx, from, to, "PUA")
	must(t, err)
	for i, r := range all.Results {
		if lt.Results[i].Total+pua.Results[i].Total != r.Total {
			t.Errorf("%s: %d at LT and %d at PUA, %d in all", r.ID, lt.Results[i].Total, pua.Results[i].Total, r.Total)
		}
	}
	// in_charge: persons 1, 2 (PUA) and 3 (LT); hired: 1 (PUA) and 5 (LT).
	for _, c := range []struct {
		rep  *IndicatorReport
		id   string
		want int
	}{{lt, "in_charge", 1}, {pua, "in_charge", 2}, {lt, "hired", 1}, {pua, "hired", 1}} {
		for _, r := range c.rep.Results {
			if r.ID == c.id && r.Total != c.want {
				t.Errorf("%s of %s: %d, want %d", c.id, c.rep.Desk, r.Total, c.want)
			}
		}
	}
	got, err := d.IndicatorPersons(ctx, from, to, "in_charge", IndicatorCell{Desk: "LT"})
	must(t, err)
	if len(got) != 1 || got[0].Date != "2025-03-03" {
		t.Errorf("LT's in_charge list: %+v", got)
	}
}

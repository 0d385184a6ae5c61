package model

import (
	"errors"
	"testing"
	"time"
)

func TestCaseClosureValidate(t *testing.T) {
	opened := time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC)
	now := time.Date(2026, 12, 20, 15, 0, 0, 0, time.UTC)
	ok := func(c CaseClosure) CaseClosure {
		if c.Date.IsZero() {
			c.Date = time.Date(2026, 12, 20, 0, 0, 0, 0, time.UTC)
		}
		if c.Reason == "" {
			c.Reason = "path_completed"
		}
		return c
	}
	for _, tc := range []struct {
		name  string
		c     CaseClosure
		field string // "" when valid
	}{
		{"today, no outcome", ok(CaseClosure{}), ""},
		{"opening day", ok(CaseClosure{Date: time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC)}), ""},
		{"employed and housed", ok(CaseClosure{Outcomes: []string{"employed", "housed"}, Contract: "permanent"}), ""},
		{"before opening", ok(CaseClosure{Date: time.Date(2026, 1, 9, 0, 0, 0, 0, time.UTC)}), "date"},
		{"tomorrow", ok(CaseClosure{Date: time.Date(2026, 12, 21, 0, 0, 0, 0, time.UTC)}), "date"},
		{"no date", CaseClosure{Reason: "refused"}, "date"},
		{"no reason", CaseClosure{Date: now}, "reason"},
		{"unknown reason", ok(CaseClosure{Reason: "bored"}), "reason"},
		{"unknown outcome", ok(CaseClosure{Outcomes: []string{"rich"}}), "outcomes"},
		{"employed without contract", ok(CaseClosure{Outcomes: []string{"employed"}}), "contract"},
		{"contract without employed", ok(CaseClosure{Outcomes: []string{"housed"}, Contract: "permanent"}), "contract"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.c.Validate(opened, now)
			if tc.field == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var v ValidationErrors
			if !errors.As(err, &v) || v.Field(tc.field) == nil {
				t.Fatalf("want an error on %s, got %v", tc.field, err)
			}
		})
	}
}

func TestMayCloseCase(t *testing.T) {
	for _, tc := range []struct {
		op   *Operator
		want bool
	}{
		{&Operator{ID: 1, Role: RoleCoordinator}, true},
		{&Operator{ID: 2, Role: RoleOperator}, true},
		{&Operator{ID: 3, Role: RoleOperator}, false},
		{&Operator{ID: 2, Role: RoleMediator}, false},
		{nil, false},
	} {
		if got := MayCloseCase(tc.op, 2); got != tc.want {
			t.Errorf("%+v: got %v", tc.op, got)
		}
	}
}

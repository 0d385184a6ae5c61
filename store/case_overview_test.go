package store

import (
	"context"
	"reflect"
	"testing"

	"sportello/model"
)

// TestCaseOverviewReadsWhatTheSingleReadsRead: for every role, the one
// snapshot the case view reads holds what Person, CasesOf, InterviewsOf,
// ScreeningOf, PlansOf and AuditTrail give that role one by one, and is
// refused where they are.
func TestCaseOverviewReadsWhatTheSingleReadsRead(t *testing.T) {
	f := newAccessFixture(t)
	ctx := context.Background()
	type read struct {
		role   model.Role
		person int64
	}
	var tests []read
	for _, r := range model.Roles {
		tests = append(tests, read{r, f.person.ID}, read{r, f.other})
	}
	for _, tt := range tests {
		h := f.d.As(f.ops[tt.role])
		o, err := h.CaseOverview(ctx, tt.person)
		p, perr := h.Person(ctx, tt.person)
		if perr != nil {
			if err == nil {
				t.Errorf("%s on person %d: the overview is read where Person is refused (%v)", tt.role, tt.person, perr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s on person %d: %v", tt.role, tt.person, err)
			continue
		}
		cases, _ := h.CasesOf(ctx, tt.person)
		plans, _ := h.PlansOf(ctx, cases[0].ID)
		if !reflect.DeepEqual(o.Person, p) || !reflect.DeepEqual(o.Cases, cases) || !reflect.DeepEqual(o.Plans, plans) {
			t.Errorf("%s: person, cases or plans differ from the single reads", tt.role)
		}
		for _, c := range cases {
			ivs, _ := h.InterviewsOf(ctx, c.ID)
			if !reflect.DeepEqual(o.Interviews[c.ID], ivs) {
				t.Errorf("%s: the interviews of case %d differ from InterviewsOf", tt.role, c.ID)
			}
			for _, iv := range ivs {
				rec, serr := h.ScreeningOf(ctx, iv.ID)
				if got := o.Screenings[iv.ID]; serr == nil && !reflect.DeepEqual(got, rec) || serr != nil && got != nil {
					t.Errorf("%s: the screening of interview %d is %v, ScreeningOf gives %v, %v", tt.role, iv.ID, got, rec, serr)
				}
			}
		}
		trail, terr := h.AuditTrail(ctx, "person", tt.person)
		if terr == nil && !reflect.DeepEqual(o.Trail, trail) || terr != nil && o.Trail != nil {
			t.Errorf("%s: the overview's trail has %d events, AuditTrail %d (%v)", tt.role, len(o.Trail), len(trail), terr)
		}
	}
}

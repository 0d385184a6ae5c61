package model

import (
	"encoding/csv"
	"os"
	"strconv"
	"strings"
	"testing"
)

func refs(fs []Finding) string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Ref)
	}
	return strings.Join(out, " ")
}

func TestScreeningRaisesWithReasons(t *testing.T) {
	qn := loadV1(t)
	cases := []struct {
		name                 string
		answers              map[string]string
		ilo, indices, delphi string
		dimensions           string
		trafficking          bool
	}{
		{"nothing wrong", map[string]string{"documents.id_kept": "no", "work.jobs": "1", "work.jobs.hours_per_day#0": "8",
			"work.jobs.days_per_week#0": "5", "work.jobs.pay_per_day#0": "60"}, "", "", "", "", false},
		{"documents kept", map[string]string{"documents.id_kept": "yes"}, "ilo.7", "", "delphi.cd.documents", "", false},
		{"long hours in the second job", map[string]string{"work.jobs": "2", "work.jobs.hours_per_day#0": "8", "work.jobs.hours_per_day#1": "12"},
			"ilo.11", "i603.2", "delphi.ec.excessive_hours", "", false},
		{"seven days a week", map[string]string{"work.jobs": "1", "work.jobs.days_per_week#0": "7"}, "ilo.11", "i603.2", "", "", false},
		{"low pay, written with a comma", map[string]string{"work.jobs": "1", "work.jobs.pay_per_day#0": "25,5"}, "", "i603.1", "delphi.ec.low_pay", "", false},
		{"deductions (multi)", map[string]string{"work.jobs": "1", "work.jobs.deductions#0": "food,transport"}, "ilo.8", "", "delphi.ec.wage_manipulation", "", false},
		{"deductions: none", map[string]string{"work.jobs": "1", "work.jobs.deductions#0": "none"}, "", "", "", "", false},
		{"hidden question does not count", map[string]string{"migration.promised_job": "no", "migration.job_as_promised": "no"}, "", "", "", "", false},
		{"deceived about the job", map[string]string{"migration.promised_job": "yes", "migration.job_as_promised": "no"}, "ilo.2", "", "delphi.dr.job", "", false},
		{"the full Delphi rule", map[string]string{
			"migration.promised_job": "yes", "migration.job_as_promised": "no", // dr: job (S)
			"exploitation.deceived": "yes",                                                                       // dr: wages (M), conditions (M)
			"work.jobs":             "1", "work.jobs.hours_per_day#0": "13", "work.jobs.living#0": "overcrowded", // ec: hours (S), living (M)
			"documents.id_kept": "yes", "exploitation.threats": "yes", // cd: documents (S), threats (M)
		}, "ilo.2 ilo.6 ilo.7 ilo.10 ilo.11", "i603.2 i603.4",
			"delphi.cd.documents delphi.cd.threats delphi.dr.conditions delphi.dr.job delphi.dr.wages delphi.ec.excessive_hours delphi.ec.living",
			"dr ec cd", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := Screen(qn, c.answers)
			if refs(s.ILO) != c.ilo || refs(s.Indices) != c.indices || refs(s.Delphi) != c.delphi {
				t.Errorf("raised\n ilo %q\n 603 %q\n delphi %q", refs(s.ILO), refs(s.Indices), refs(s.Delphi))
			}
			if got := strings.Join(s.Dimensions, " "); got != c.dimensions || s.Trafficking != c.trafficking || s.ProposesReferral() != c.trafficking {
				t.Errorf("dimensions %q trafficking %v", got, s.Trafficking)
			}
			for _, f := range append(append(s.ILO, s.Indices...), s.Delphi...) {
				if len(f.Reasons) == 0 {
					t.Errorf("%s raised with no reason", f.Ref)
				}
				for _, r := range f.Reasons {
					if c.answers[r.AnswerID] != r.Value {
						t.Errorf("%s: reason %+v is not an answer given", f.Ref, r)
					}
				}
			}
		})
	}
}

// TestDelphiCombinationRule covers the rule's every shape for one dimension.
func TestDelphiCombinationRule(t *testing.T) {
	// In exploitative_conditions: excessive_hours is S; living, hazardous,
	// low_pay, no_protection, wage_manipulation are M; n9 (no access to
	// education) is W.
	cases := []struct {
		refs     []string
		positive bool
	}{
		{nil, false},
		{[]string{"delphi.ec.excessive_hours"}, false},                                   // 1 strong
		{[]string{"delphi.ec.excessive_hours", "delphi.ec.living"}, true},                // 1 strong + 1 medium
		{[]string{"delphi.ec.excessive_hours", "delphi.ec.n9"}, true},                    // 1 strong + 1 weak
		{[]string{"delphi.ec.living", "delphi.ec.hazardous"}, false},                     // 2 medium
		{[]string{"delphi.ec.living", "delphi.ec.hazardous", "delphi.ec.low_pay"}, true}, // 3 medium
		{[]string{"delphi.ec.living", "delphi.ec.hazardous", "delphi.ec.n9"}, true},      // 2 medium + 1 weak
		{[]string{"delphi.ec.living", "delphi.ec.n9"}, false},                            // 1 medium + 1 weak
		{[]string{"delphi.cd.documents", "delphi.cd.debt"}, true},                        // 2 strong (other dimension)
	}
	for _, c := range cases {
		var fs []Finding
		dim := ""
		for _, r := range c.refs {
			ind, ok := IndicatorByRef(r)
			if !ok {
				t.Fatalf("no indicator %s", r)
			}
			dim = ind.Dimension
			fs = append(fs, Finding{Ref: r})
		}
		if got := DelphiPositive(fs)[dim]; got != c.positive {
			t.Errorf("%v: positive %v, want %v", c.refs, got, c.positive)
		}
	}
}

func readCSV(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open("../../shared/reference/indicators/" + name)
	if err != nil {
		t.Skipf("../shared/reference absent (%v): reference check skipped", err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows[1:]
}

func TestIndicatorTablesMatchReference(t *testing.T) {
	ilo := readCSV(t, "ilo_forced_labour_11.csv")
	if len(ilo) != len(ILOIndicators) {
		t.Fatalf("ILO: %d in reference, %d here", len(ilo), len(ILOIndicators))
	}
	for _, r := range ilo {
		n, _ := strconv.Atoi(r[0])
		if ILOIndicators[n-1].EN != r[1] || ILOIndicators[n-1].IT != r[2] {
			t.Errorf("ILO %d: %+v vs %v", n, ILOIndicators[n-1], r[1:3])
		}
	}
	indices := 0
	for _, r := range readCSV(t, "art603bis_indici.csv") {
		if r[0] != "indice" {
			continue
		}
		n, _ := strconv.Atoi(r[1])
		indices++
		if Art603Indices[n-1] != r[2] {
			t.Errorf("603-bis index %d differs", n)
		}
	}
	if indices != len(Art603Indices) {
		t.Errorf("%d indices in reference", indices)
	}
	delphi := readCSV(t, "delphi_adults_labour.csv")
	if len(delphi) != len(DelphiIndicators) {
		t.Fatalf("Delphi: %d in reference, %d here", len(delphi), len(DelphiIndicators))
	}
	names := map[string]string{}
	for _, d := range DelphiDimensions {
		names[d.Code] = d.Name
	}
	seen := map[string]bool{}
	for i, r := range delphi {
		d := DelphiIndicators[i]
		if names[d.Dimension] != r[0] || d.EN != r[1] || string(d.Strength) != r[2] {
			t.Errorf("Delphi %d: %+v vs %v", i, d, r[:3])
		}
		ref := "delphi." + d.Dimension + "." + d.Slug
		if seen[ref] {
			t.Errorf("ref %s twice", ref)
		}
		seen[ref] = true
	}
}

package store

import (
	"strings"
	"testing"

	"sportello/model"
)

// TestWholeTableScan reads SQLite's plans as the screens' check does.
func TestWholeTableScan(t *testing.T) {
	for _, tc := range []struct {
		query string
		plan  []string
		want  string
	}{
		{"SELECT * FROM persons p JOIN cases c ON c.person_id = p.id", []string{"SCAN c", "SEARCH p USING INTEGER PRIMARY KEY (rowid=?)"}, "cases"},
		{"SELECT count(*) FROM persons", []string{"SCAN persons USING COVERING INDEX persons_breakdowns"}, "persons"},
		{"SELECT * FROM persons WHERE id = ?", []string{"SEARCH persons USING INTEGER PRIMARY KEY (rowid=?)"}, ""},
		{"SELECT * FROM operators ORDER BY username", []string{"SCAN operators"}, ""},
		{"SELECT * FROM persons AS p WHERE p.family_name LIKE ?", []string{"SCAN p"}, "persons"},
		{"SELECT * FROM persons WHERE id IN (SELECT person_id FROM cases WHERE status = ?)",
			[]string{"SEARCH persons USING INTEGER PRIMARY KEY (rowid=?)", "LIST SUBQUERY 1", "SCAN cases"}, "cases"},
		{"WITH x AS (SELECT 1) SELECT * FROM x", []string{"SCAN x"}, ""},
	} {
		if got := WholeTableScan(tc.query, tc.plan); got != tc.want {
			t.Errorf("%s\n%v: got %q, want %q", tc.query, tc.plan, got, tc.want)
		}
	}
}

// TestQueryPlanRecorded: the queries run while recording are given back
// once each, and their plans read from the database.
func TestQueryPlanRecorded(t *testing.T) {
	d := newTestDB(t)
	stop, err := d.RecordQueries(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := d.Setting(t.Context(), "anything"); err != nil {
			t.Fatal(err)
		}
	}
	got := stop()
	if len(got) != 1 || got[0] != "SELECT value FROM settings WHERE key = ?" {
		t.Fatalf("recorded %q", got)
	}
	plan, err := d.QueryPlan(t.Context(), got[0])
	if err != nil || len(plan) == 0 || WholeTableScan(got[0], plan) != "" {
		t.Fatalf("plan %q, %v", plan, err)
	}
	if _, err := d.Setting(t.Context(), "after"); err != nil {
		t.Fatal(err)
	}
	if again := stop(); len(again) != 1 {
		t.Errorf("recorded after stopping: %q", again)
	}
}

// TestScopedListsUseIndexes: the lists of a role that sees only its
// assigned files (a mediator) find those files through indexes too.
func TestScopedListsUseIndexes(t *testing.T) {
	f := newAccessFixture(t)
	ctx := t.Context()
	for _, r := range model.Roles {
		if !model.AssignedOnly[r] {
			continue
		}
		d := f.d.As(f.ops[r])
		stop, err := d.RecordQueries(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{"", "rah", "rahman sohel", "PUA-"} {
			if _, err := d.FindPersons(ctx, model.PersonFilter{Query: q, Limit: 50}); err != nil {
				t.Fatal(err)
			}
			if _, err := d.CountPersons(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := d.TodayGroups(ctx, fixedNow, 5); err != nil {
			t.Fatal(err)
		}
		d.OpenReferralsPage(ctx, 0, 50) // refused to some roles: only its queries matter
		queries := stop()
		if len(queries) < 5 {
			t.Fatalf("%s: %d queries recorded", r, len(queries))
		}
		for _, q := range queries {
			plan, err := d.QueryPlan(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if table := WholeTableScan(q, plan); table != "" && !strings.Contains(q, " LIMIT ") {
				t.Errorf("%s: a query reads the whole of %s:\n%s\n%s", r, table, q, strings.Join(plan, "\n"))
			}
		}
	}
}

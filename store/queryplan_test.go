package store

import "testing"

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

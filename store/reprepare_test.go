package store

import "testing"

// TestReprepared tells the queries SQLite compiles again at every use: a
// parameter compared with the column of a partial index's WHERE (plans'
// status: the index of a case's one draft), not the same comparison with
// the value written in the query, nor a write.
func TestReprepared(t *testing.T) {
	d := newTestDB(t)
	for _, tc := range []struct {
		query string
		want  bool
	}{
		{"SELECT count(*) FROM plans WHERE case_id = ? AND status = ?", true},
		{"SELECT count(*) FROM plans WHERE case_id = ? AND status = 'draft'", false},
		{"SELECT count(*) FROM interviews WHERE case_id = ? AND status = ?", true},
		{"SELECT status FROM interviews WHERE id = ?", false},
		{"SELECT value FROM settings WHERE key = ?", false},
		{"UPDATE plans SET reviews = ? WHERE case_id = ? AND status = ?", false},
	} {
		got, err := d.Reprepared(t.Context(), tc.query)
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("%s: compiled again %v, want %v", tc.query, got, tc.want)
		}
	}
}

package demo

import (
	"context"
	"testing"
)

// TestSavingCompilesNoQueryEachTime: none of the queries the saving code
// reads with while the demo makes its persons (a plan's checks, a case's,
// an interview's) is compiled again by SQLite at every use, as a query
// comparing a parameter with a partial index's column is: at 100,000
// persons that had cost the demo seconds for nothing.
func TestSavingCompilesNoQueryEachTime(t *testing.T) {
	ctx := context.Background()
	db := newDesk(t)
	stop, err := db.RecordQueries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Seed(ctx, db, 12); err != nil {
		t.Fatal(err)
	}
	queries := stop()
	if len(queries) < 40 {
		t.Fatalf("only %d queries recorded while making 12 persons", len(queries))
	}
	for _, q := range queries {
		again, err := db.Reprepared(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if again {
			t.Errorf("SQLite compiles this query again at every use:\n%s", q)
		}
	}
}

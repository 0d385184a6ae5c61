package ui

import (
	"strings"
	"testing"

	"sportello/store"
)

// fullScans are the queries allowed to read a whole growing table, each
// with its reason, keyed by a piece of their text.
var fullScans = map[string]string{}

// TestEveryScreenQueryUsesAnIndex: on the way to every screen, each query
// the window makes is served by an index (SQLite's EXPLAIN QUERY PLAN): none
// reads the whole of a table that grows with the persons, which on a
// regional-size desk is what makes a screen wait.
func TestEveryScreenQueryUsesAnIndex(t *testing.T) {
	var db *store.DB
	var stop func() []string
	type seen struct{ screen, query string }
	var queries []seen
	visitScreens(t, "it", func(screen string, u *App) {
		if db == nil {
			db = u.base.(*store.DB)
		}
		if stop != nil {
			for _, q := range stop() {
				queries = append(queries, seen{screen, q})
			}
		}
		var err error
		if stop, err = db.RecordQueries(t.Context()); err != nil {
			t.Fatal(err)
		}
	})
	if stop != nil {
		stop()
	}
	if len(queries) < 50 {
		t.Fatalf("only %d queries recorded on the way to every screen", len(queries))
	}
	reported := map[string]bool{}
	for _, s := range queries {
		if reported[s.query] || allowedScan(s.query) {
			continue
		}
		plan, err := db.QueryPlan(t.Context(), s.query)
		if err != nil {
			t.Errorf("%s: %v", s.screen, err)
			continue
		}
		if table := store.WholeTableScan(s.query, plan); table != "" {
			reported[s.query] = true
			t.Errorf("on the way to %q a query reads the whole of %s:\n%s\nplan:\n  %s", s.screen, table,
				s.query, strings.Join(plan, "\n  "))
		}
	}
	t.Logf("%d queries checked", len(queries))
}

func allowedScan(query string) bool {
	for piece := range fullScans {
		if strings.Contains(query, piece) {
			return true
		}
	}
	return false
}

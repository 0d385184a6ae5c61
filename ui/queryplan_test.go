package ui

import (
	"strings"
	"testing"

	"sportello/store"
)

// fullScans are the queries allowed to read a whole growing table, each
// with its reason, keyed by a piece of their text.
var fullScans = map[string]string{
	"SELECT count(*) FROM persons": "the person list's length when nothing is typed: SQLite counts the smallest " +
		"index (BenchmarkLogin in store measures it with the rest of a sign-in)",
	"WITH prefixes AS (SELECT DISTINCT substr(case_code": "the indicators count every person by design, off the " +
		"window's goroutine (BenchmarkComputeIndicators100k: 0.7 s)",
	"SELECT count(*) FROM person_keys": "the duplicates list's progress bar: how many blocking keys the list " +
		"reads, each once by design, a key and its persons at a time, off the window's goroutine " +
		"(BenchmarkDuplicatePairsDesk, BenchmarkDuplicatePairs100k)",
}

// TestEveryScreenQueryUsesAnIndex: on the way to every screen, each query
// the window makes is served by an index (SQLite's EXPLAIN QUERY PLAN): none
// reads the whole of a table that grows with the persons, which on a
// regional-size desk is what makes a screen wait. And none is one SQLite
// plans again at every use (store.Reprepared).
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
		if reported[s.query] {
			continue
		}
		if again, err := db.Reprepared(t.Context(), s.query); err != nil || again {
			reported[s.query] = true
			t.Errorf("on the way to %q SQLite compiles a query again at every use (%v):\n%s", s.screen, err, s.query)
		}
		if allowedScan(s.query) {
			continue
		}
		plan, err := db.QueryPlan(t.Context(), s.query)
		if err != nil {
			t.Errorf("%s: %v", s.screen, err)
			continue
		}
		if boundedWalk(s.query, plan) {
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

// boundedWalk tells a query that walks a table or index in the order it
// asks for and stops at its LIMIT (a page of the person list, of the
// audit trail): SQLite sorts nothing, so it reads only the page's rows.
func boundedWalk(query string, plan []string) bool {
	if !strings.Contains(query, " LIMIT ") {
		return false
	}
	for _, line := range plan {
		if strings.Contains(line, "USE TEMP B-TREE FOR ORDER BY") {
			return false
		}
	}
	return true
}

package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/ncruces/go-sqlite3"
)

// RecordQueries starts recording the text of every query run on the
// database with arguments or rows (every read the screens make); stop
// ends it and gives the distinct texts in the order first seen. It is for
// tests that check each screen's queries against SQLite's plans.
func (d *DB) RecordQueries(ctx context.Context) (stop func() []string, err error) {
	var mu sync.Mutex
	seen := map[string]bool{}
	var list []string
	record := func(q string) {
		mu.Lock()
		defer mu.Unlock()
		if !seen[q] {
			seen[q] = true
			list = append(list, q)
		}
	}
	set := func(fn func(string)) error {
		conn, err := d.db.Conn(ctx)
		if err != nil {
			return err
		}
		defer conn.Close()
		return conn.Raw(func(dc any) error {
			c, ok := dc.(*cachingConn)
			if !ok {
				return errors.New("the connection keeps no statements")
			}
			c.trace = fn
			return nil
		})
	}
	if err := set(record); err != nil {
		return nil, fmt.Errorf("recording queries: %w", err)
	}
	return func() []string {
		set(nil)
		mu.Lock()
		defer mu.Unlock()
		return list
	}, nil
}

// QueryPlan is SQLite's plan for query (EXPLAIN QUERY PLAN), one line per
// step, its parameters left unbound.
func (d *DB) QueryPlan(ctx context.Context, query string) ([]string, error) {
	var plan []string
	err := d.viewRaw(ctx, func(_ *sql.Tx, raw rawRead) error {
		return raw(func(c *sqlite3.Conn) error {
			return rawEach(c, "EXPLAIN QUERY PLAN "+query, nil, func(s *sqlite3.Stmt) error {
				plan = append(plan, s.ColumnText(3))
				return nil
			})
		})
	})
	if err != nil {
		return nil, fmt.Errorf("plan of %q: %w", query, err)
	}
	return plan, nil
}

// growingTables are the tables that grow with the persons and their
// files; reading one whole is what makes a regional-size desk wait. The
// others (accounts, settings, services, employers, vacancies, the
// exchange's logs, translations) stay small.
var growingTables = map[string]bool{"persons": true, "cases": true, "case_team": true, "interviews": true,
	"answers": true, "audit_events": true, "audit_chain": true, "screenings": true, "plans": true,
	"plan_goals": true, "plan_actions": true, "plan_budget": true, "consents": true, "referrals": true,
	"activities": true, "changes": true, "sync_base": true, "skills_profiles": true, "proposals": true,
	"internships": true, "internship_attendance": true, "enterprises": true, "enterprise_steps": true,
	"enterprise_funding": true, "case_closures": true, "skills_facts": true, "person_facts": true,
	"person_keys": true}

// queryTables finds the tables a query names after FROM or JOIN, and their
// aliases: the plan names a table by its alias.
var queryTables = regexp.MustCompile(`(?i)\b(?:FROM|JOIN)\s+([a-z_][a-z0-9_]*)(?:\s+(?:AS\s+)?([a-z_][a-z0-9_]*))?`)

// notAlias are the words that may follow a table's name without being its alias.
var notAlias = map[string]bool{"where": true, "join": true, "on": true, "left": true, "inner": true, "cross": true,
	"order": true, "group": true, "limit": true, "using": true, "union": true, "natural": true, "indexed": true,
	"not": true, "window": true, "having": true, "except": true, "intersect": true}

// WholeTableScan is the first table of query that its plan reads whole
// (SCAN, through an index or not) among those that grow with the persons,
// or "".
func WholeTableScan(query string, plan []string) string {
	names := map[string]string{}
	for _, m := range queryTables.FindAllStringSubmatch(query, -1) {
		table := strings.ToLower(m[1])
		names[table] = table
		if alias := strings.ToLower(m[2]); alias != "" && !notAlias[alias] {
			names[alias] = table
		}
	}
	for _, line := range plan {
		rest, ok := strings.CutPrefix(strings.TrimSpace(line), "SCAN ")
		if !ok {
			continue
		}
		name, _, _ := strings.Cut(rest, " ")
		if table := names[strings.ToLower(name)]; growingTables[table] {
			return table
		}
	}
	return ""
}

// Reprepared tells whether SQLite compiles query again each time its
// parameters are bound, which a kept statement then pays at every use
// (some 10 µs in this SQLite, as much again as running it): a LIMIT bound
// as a parameter, or a parameter compared with a column that a partial
// index's WHERE names (plans' status, with the index of a case's one
// draft), makes SQLite plan the query anew for each value. The query is
// run twice with every parameter bound to 7 and SQLite's count of its
// compilings read (SQLITE_STMTSTATUS_REPREPARE); not to 0 or 1, values
// for which this SQLite plans some queries anew and which the desk's IDs
// and texts almost never are. Only a query that writes nothing is run: a
// write gives false.
func (d *DB) Reprepared(ctx context.Context, query string) (bool, error) {
	var again bool
	err := d.viewRaw(ctx, func(_ *sql.Tx, raw rawRead) error {
		return raw(func(c *sqlite3.Conn) error {
			s, _, err := c.Prepare(query)
			if err != nil {
				return err
			}
			defer s.Close()
			if !s.ReadOnly() {
				return nil
			}
			for range 2 {
				for i := 1; i <= s.BindCount(); i++ {
					if err := s.BindInt64(i, 7); err != nil {
						return err
					}
				}
				s.Step() // its error, if any, comes after the compiling counted
				s.Reset()
			}
			again = s.Status(sqlite3.STMTSTATUS_REPREPARE, false) > 0
			return nil
		})
	})
	if err != nil {
		return false, fmt.Errorf("compiling of %q: %w", query, err)
	}
	return again, nil
}

// limitSQL is " LIMIT n", n written in the query: a LIMIT bound as a
// parameter makes this SQLite plan the query again at every use
// (Reprepared), an OFFSET does not. n is the program's own number (a
// page's length, a count's cap), never typed text, and the few there are
// keep the texts of the kept statements few.
func limitSQL(n int) string { return " LIMIT " + strconv.Itoa(n) }

package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// TableCount is one line of the check report.
type TableCount struct {
	Table string
	Rows  int
}

// Check runs SQLite's integrity and foreign-key checks and counts the rows
// of every table. problems is empty when the database is sound.
func (d *DB) Check(ctx context.Context) (counts []TableCount, problems []string, err error) {
	rows, err := d.db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return nil, nil, err
	}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return nil, nil, err
		}
		if s != "ok" {
			problems = append(problems, s)
		}
	}
	rows.Close()
	fk, err := d.db.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return nil, nil, err
	}
	for fk.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var idx int
		if err := fk.Scan(&table, &rowid, &parent, &idx); err != nil {
			fk.Close()
			return nil, nil, err
		}
		problems = append(problems, fmt.Sprintf("%s row %d points to a missing %s", table, rowid.Int64, parent))
	}
	fk.Close()
	var fts string
	if _, err := d.db.ExecContext(ctx, "INSERT INTO persons_fts (persons_fts, rank) VALUES ('integrity-check', 1)"); err != nil {
		fts = err.Error()
		problems = append(problems, "search index: "+fts)
	}
	names, err := d.tables(ctx)
	if err != nil {
		return nil, nil, err
	}
	for _, n := range names {
		var c int
		if err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM "`+n+`"`).Scan(&c); err != nil {
			return nil, nil, err
		}
		counts = append(counts, TableCount{n, c})
	}
	return counts, problems, nil
}

// tables lists the ordinary tables, without SQLite's and the search index's
// internal ones.
func (d *DB) tables(ctx context.Context) ([]string, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		if !strings.HasPrefix(n, "persons_fts_") {
			out = append(out, n)
		}
	}
	return out, rows.Err()
}

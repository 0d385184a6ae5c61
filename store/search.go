package store

import (
	"context"
	"strings"
	"unicode"

	"sportello/model"
)

// ftsQuery turns what the operator typed into an FTS5 query: every word
// must match as a prefix. Case and accents are folded by the index's
// tokenizer; punctuation separates words, so "PUA-2026-0001" and
// "o'brien" work. It returns "" when nothing searchable was typed.
func ftsQuery(text string) string {
	words := strings.FieldsFunc(text, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r))
	})
	for i, w := range words {
		words[i] = `"` + w + `"*`
	}
	return strings.Join(words, " ")
}

const summaryColumns = "p.id, p.case_code, p.family_name, p.given_names, p.own_script_name, p.birth_year, p.birth_country"

// FindPersons lists persons matching the filter, sorted by name, one page
// at a time; the list never loads every row.
func (d *DB) FindPersons(ctx context.Context, f model.PersonFilter) ([]model.PersonSummary, error) {
	if f.Limit <= 0 || f.Limit > 1000 {
		f.Limit = 100
	}
	order := " ORDER BY p.family_name COLLATE NOCASE, p.given_names COLLATE NOCASE, p.id LIMIT ? OFFSET ?"
	q := ftsQuery(f.Query)
	var sqlText string
	var args []any
	if q == "" {
		sqlText = "SELECT " + summaryColumns + " FROM persons p" + order
		args = []any{f.Limit, f.Offset}
	} else {
		sqlText = "SELECT " + summaryColumns + " FROM persons_fts JOIN persons p ON p.id = persons_fts.rowid" +
			" WHERE persons_fts MATCH ?" + order
		args = []any{q, f.Limit, f.Offset}
	}
	rows, err := d.db.QueryContext(ctx, sqlText, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.PersonSummary
	for rows.Next() {
		var s model.PersonSummary
		if err := rows.Scan(&s.ID, &s.CaseCode, &s.FamilyName, &s.GivenNames, &s.OwnScriptName, &s.BirthYear, &s.BirthCountry); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// CountPersons counts the persons a query matches (all, when empty).
func (d *DB) CountPersons(ctx context.Context, query string) (int, error) {
	var n int
	q := ftsQuery(query)
	var err error
	if q == "" {
		err = d.db.QueryRowContext(ctx, "SELECT count(*) FROM persons").Scan(&n)
	} else {
		err = d.db.QueryRowContext(ctx, "SELECT count(*) FROM persons_fts WHERE persons_fts MATCH ?", q).Scan(&n)
	}
	return n, err
}

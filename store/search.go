package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
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
		if !strings.ContainsFunc(w, unicode.IsDigit) {
			// A word of letters is a name: case codes (PUA-…) start with
			// letters every person's code shares.
			words[i] = nameColumns + words[i]
		}
	}
	return strings.Join(words, " ")
}

// nameColumns restricts an FTS5 phrase to the names.
const nameColumns = "{family_name given_names own_script_name aliases} : "

const summaryColumns = "p.id, p.case_code, p.family_name, p.given_names, p.own_script_name, p.birth_year, p.birth_country"

// CountCap is where a search's count stops: past it the list says "more
// than CountCap" and shows that many. Counting every match of a one-letter
// prefix over a regional desk costs more than it tells.
const CountCap = 1000

// caseCodePrefix is what the operator typed when it is the start of a case
// code ("PUA-2026-00", "pub-2025"): such a search walks the codes' index in
// code order. "" otherwise.
func caseCodePrefix(text string) string {
	t := strings.ToUpper(strings.TrimSpace(text))
	i := strings.IndexByte(t, '-')
	if i < 2 || i > 8 {
		return ""
	}
	for j, r := range t {
		switch {
		case j < i && (r < 'A' || r > 'Z'):
			return ""
		case j > i && r != '-' && (r < '0' || r > '9'):
			return ""
		}
	}
	return t
}

// searchPlan is the SQL of one search: what it matches (after FROM), and
// how its results are ordered. A keyed plan chooses its page from the
// persons' sort keys (persons_sort_keys) before reading the page's rows.
type searchPlan struct {
	from  string
	args  []any
	order string
	keyed bool
}

// page is the query of one page of limit of the plan's persons; its last
// argument is the page's OFFSET.
func (p searchPlan) page(limit int) string {
	if p.keyed {
		return "SELECT " + summaryColumns + " FROM persons p WHERE p.id IN (SELECT p.id FROM" + p.from + p.order +
			limitSQL(limit) + " OFFSET ?)" + p.order
	}
	return "SELECT " + summaryColumns + " FROM" + p.from + p.order + limitSQL(limit) + " OFFSET ?"
}

// planSearch chooses how to run a search, for the encrypted store, where
// reading pages costs more than with a plain file:
//   - a case-code prefix walks the codes' unique index, in code order (and
//     the codes of files merged into others, person_merges);
//   - a query of one letter walks the names' index in name order and keeps
//     the rows the full-text index matches, so the first page comes
//     without sorting the tens of thousands of matches;
//   - anything longer asks the full-text index and sorts its matches by
//     the narrow index of their sort keys, reading only the page's rows.
func planSearch(text, code string, merged bool) searchPlan {
	byName := " ORDER BY p.family_name COLLATE NOCASE, p.given_names COLLATE NOCASE, p.id"
	if code != "" && merged {
		// A file merged into another is found by its old code too.
		return searchPlan{from: ` persons p WHERE (p.case_code >= ? AND p.case_code < ? OR p.uid IN
			(SELECT kept_uid FROM person_merges WHERE merged_code >= ? AND merged_code < ?))`,
			args: []any{code, code + "\uffff", code, code + "\uffff"}, order: " ORDER BY p.case_code"}
	} else if code != "" {
		// No merged file's old code starts so (mergedCodes): the codes'
		// index alone, walked in order up to the page's end.
		return searchPlan{from: ` persons p WHERE p.case_code >= ? AND p.case_code < ?`,
			args: []any{code, code + "\uffff"}, order: " ORDER BY p.case_code"}
	}
	q := ftsQuery(text)
	switch {
	case q == "":
		return searchPlan{from: " persons p", order: byName}
	case letters(text) <= 1:
		// The unary + keeps SQLite from looking persons up by the matched
		// IDs, so it walks the name index and stops at the page's end.
		return searchPlan{from: " persons p INDEXED BY persons_by_name WHERE +p.id IN (SELECT rowid FROM persons_fts WHERE persons_fts MATCH ?)",
			args: []any{q}, order: byName}
	}
	return searchPlan{from: " persons_fts JOIN persons p INDEXED BY persons_sort_keys ON p.id = persons_fts.rowid WHERE persons_fts MATCH ?",
		args: []any{q}, order: byName, keyed: true}
}

// codeSearch tells whether text is the start of a case code, and whether
// the old code of a file merged into another starts so too: only then does
// a code search look among the merges (an OR of the two would sort every
// code of the prefix). Besides caseCodePrefix's "PUA-2026", a lone word of
// letters is a code's start when a code begins with it and a dash ("pua",
// the desk's own letters: every file); any other word of letters is a name.
func codeSearch(ctx context.Context, tx *sql.Tx, text string) (code string, merged bool, err error) {
	code = caseCodePrefix(text)
	if w := strings.ToUpper(strings.TrimSpace(text)); code == "" && deskLetters(w) {
		var found bool
		err = tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM persons WHERE case_code >= ? AND case_code < ?)
			OR EXISTS (SELECT 1 FROM person_merges WHERE merged_code >= ? AND merged_code < ?)`,
			w+"-", w+"-\uffff", w+"-", w+"-\uffff").Scan(&found)
		if err != nil || !found {
			return "", false, err
		}
		code = w + "-"
	}
	if code == "" {
		return "", false, nil
	}
	err = tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM person_merges WHERE merged_code >= ? AND merged_code < ?)`,
		code, code+"\uffff").Scan(&merged)
	return code, merged, err
}

// deskLetters tells whether w could be the letters of a case code's prefix:
// 2 to 8 capital letters (model.CheckCasePrefix, without its digits).
func deskLetters(w string) bool {
	if len(w) < 2 || len(w) > 8 {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// letters counts the letters and digits typed.
func letters(text string) int {
	n := 0
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// FindPersons lists persons matching the filter, one page at a time; the
// list never loads every row. A role that sees only its assigned cases
// finds only their persons.
func (d *DB) FindPersons(ctx context.Context, f model.PersonFilter) (out []model.PersonSummary, err error) {
	if f.Limit <= 0 || f.Limit > 1000 {
		f.Limit = 100
	}
	err = d.view(ctx, func(tx *sql.Tx) error {
		g, err := d.searcher(ctx, tx)
		if err != nil {
			return err
		}
		code, merged, err := codeSearch(ctx, tx, f.Query)
		if err != nil {
			return err
		}
		plan := planSearch(f.Query, code, merged).within(g)
		rows, err := tx.QueryContext(ctx, plan.page(f.Limit), append(plan.args, f.Offset)...)
		return eachRow(rows, err, func(r scanner) error {
			var s model.PersonSummary
			err := r.Scan(&s.ID, &s.CaseCode, &s.FamilyName, &s.GivenNames, &s.OwnScriptName, &s.BirthYear, &s.BirthCountry)
			out = append(out, s)
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("find persons %q: %w", f.Query, err)
	}
	return out, nil
}

// CountPersons counts the persons a query matches (all, when empty). A
// search stops counting past CountCap and gives CountCap+1: "more than".
func (d *DB) CountPersons(ctx context.Context, query string) (n int, err error) {
	err = d.view(ctx, func(tx *sql.Tx) error {
		g, err := d.searcher(ctx, tx)
		if err != nil {
			return err
		}
		code, merged, err := codeSearch(ctx, tx, query)
		if err != nil {
			return err
		}
		plan := planSearch(query, code, merged).within(g)
		if q := ftsQuery(query); code == "" && q != "" && !g.scoped() {
			// Counting needs no order: the full-text index alone, as it streams.
			plan = searchPlan{from: " persons_fts WHERE persons_fts MATCH ?", args: []any{q}}
		}
		if strings.TrimSpace(query) == "" && !g.scoped() {
			return tx.QueryRowContext(ctx, "SELECT count(*) FROM persons").Scan(&n)
		}
		return tx.QueryRowContext(ctx, "SELECT count(*) FROM (SELECT 1 FROM"+plan.from+limitSQL(CountCap+1)+")",
			plan.args...).Scan(&n)
	})
	if err != nil {
		return 0, fmt.Errorf("count persons %q: %w", query, err)
	}
	return n, nil
}

// searcher is the grant of whoever searches: every role reads identities.
func (d *DB) searcher(ctx context.Context, tx *sql.Tx) (*grant, error) {
	g, err := d.grantIn(ctx, tx)
	if err != nil {
		return nil, err
	}
	return g, g.need(model.PartIdentity, false)
}

// within narrows a search to the persons of the cases a scoped grant is
// assigned to.
func (p searchPlan) within(g *grant) searchPlan {
	if !g.scoped() {
		return p
	}
	cond := ` p.id IN (SELECT c.person_id FROM cases c WHERE c.operator_id = ?
		UNION SELECT c.person_id FROM case_team t JOIN cases c ON c.id = t.case_id WHERE t.operator_id = ?)`
	if strings.Contains(p.from, " WHERE ") {
		p.from += " AND" + cond
	} else {
		p.from += " WHERE" + cond
	}
	p.args = append(slices.Clip(p.args), g.id, g.id)
	return p
}

package store

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
)

// indicatorRow is one row of an indicator source (indicatorSources).
type indicatorRow struct {
	person       int64
	date, k1, k2 string
}

// indicatorRows runs each indicator source at most once over a period and
// keeps its rows, for every indicator that counts from it.
type indicatorRows struct {
	c        *sqlite3.Conn
	from, to time.Time
	rows     map[string][]indicatorRow
	strs     map[string]string // dates and keys, one copy of each
	t        indicatorTally    // reused by every tally: one indicator at a time
}

func newIndicatorRows(c *sqlite3.Conn, from, to time.Time) *indicatorRows {
	return &indicatorRows{c: c, from: from, to: to, rows: map[string][]indicatorRow{}, strs: map[string]string{}}
}

// of runs the source, or gives its rows from an earlier run.
func (r *indicatorRows) of(source string) ([]indicatorRow, error) {
	if rows, ok := r.rows[source]; ok {
		return rows, nil
	}
	args := []string{r.from.Format(time.DateOnly), r.to.Format(time.DateOnly), r.to.AddDate(0, 0, 1).Format(time.DateOnly)}
	// Dates and keys kept through one shared copy: a regional desk's
	// source reads hundreds of thousands of rows over a few hundred dates.
	var out []indicatorRow
	err := rawEach(r.c, indicatorSources[source], args, func(s *sqlite3.Stmt) error {
		out = append(out, indicatorRow{person: s.ColumnInt64(0),
			date: r.str(s.ColumnRawText(1)), k1: r.str(s.ColumnRawText(2)), k2: r.str(s.ColumnRawText(3))})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("source %s: %w", source, err)
	}
	r.rows[source] = out
	return out, nil
}

// str is b as a string, one copy for equal values.
func (r *indicatorRows) str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if s, ok := r.strs[string(b)]; ok {
		return s
	}
	s := string(b)
	r.strs[s] = s
	return s
}

// tally counts the persons of an indicator from its parts
// (indicatorParts): each person once, at their first event, with the
// distinct keys of the rows that counted them. The tally is the one
// before it, emptied: it holds until the next call.
func (r *indicatorRows) tally(id string) (*indicatorTally, error) {
	t := &r.t
	t.reset()
	for _, part := range indicatorParts[id] {
		rows, err := r.of(part.source)
		if err != nil {
			return nil, err
		}
		for i := range rows {
			if part.code == "" || hasCode(rows[i].k1, part.code) {
				t.add(&rows[i])
			}
		}
	}
	return t, nil
}

// hasCode tells whether the comma-separated list holds code.
func hasCode(list, code string) bool {
	for list != "" {
		var item string
		item, list, _ = strings.Cut(list, ",")
		if item == code {
			return true
		}
	}
	return false
}

// counted is one person an indicator found: the date of their first event
// in the period and the distinct keys of their rows.
type counted struct {
	date   string
	k1, k2 []string
}

// indicatorTally is every person an indicator found: by person ID (the
// store's persons are numbered from 1 with few gaps, so a slice serves
// where a map would allocate for each of a regional desk's persons), and
// the IDs counted, in the order found.
type indicatorTally struct {
	seen []counted // by person ID; an empty date is not counted
	ids  []int64
}

// reset empties the tally, keeping its memory.
func (t *indicatorTally) reset() {
	for _, id := range t.ids {
		t.seen[id] = counted{}
	}
	t.ids = t.ids[:0]
}

// add counts a row's person.
func (t *indicatorTally) add(row *indicatorRow) {
	if row.person < 0 {
		return
	}
	if n := int(row.person) + 1; n > len(t.seen) {
		t.seen = append(t.seen, make([]counted, max(n, 2*len(t.seen))-len(t.seen))...)
	}
	c := &t.seen[row.person]
	if c.date == "" {
		c.date = row.date
		t.ids = append(t.ids, row.person)
	} else if row.date < c.date {
		c.date = row.date
	}
	for list := row.k1; list != ""; {
		var k string
		k, list, _ = strings.Cut(list, ",")
		if k != "" && !slices.Contains(c.k1, k) {
			c.k1 = append(c.k1, k)
		}
	}
	if row.k2 != "" && !slices.Contains(c.k2, row.k2) {
		c.k2 = append(c.k2, row.k2)
	}
}

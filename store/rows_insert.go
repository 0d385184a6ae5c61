package store

import (
	"strings"
	"sync"
)

// rowsPerInsert is how many rows one INSERT writes when a record brings
// many of its own (an interview's answers): each statement SQLite runs
// inside a transaction takes a statement journal and lets it go, and the
// answers' triggers make that the larger part of writing one row.
const rowsPerInsert = 32

// insertTexts keeps the texts of the INSERTs of several rows, by head and
// number of rows: at most rowsPerInsert of each, so the statement cache
// keeps them too.
var insertTexts sync.Map // insertKey → string

type insertKey struct {
	head     string
	width, n int
}

// insertText is head ("INSERT INTO t (a, b) VALUES") followed by n rows
// of width placeholders.
func insertText(head string, width, n int) string {
	k := insertKey{head, width, n}
	if s, ok := insertTexts.Load(k); ok {
		return s.(string)
	}
	row := "(" + strings.Repeat("?, ", width-1) + "?)"
	var b strings.Builder
	b.WriteString(head)
	b.WriteByte(' ')
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(row)
	}
	s, _ := insertTexts.LoadOrStore(k, b.String())
	return s.(string)
}

// insertRows writes n rows of width values through INSERTs of up to
// rowsPerInsert rows each, run by exec; row appends row i's values to
// args. One row refused refuses its statement, and the caller's
// transaction or savepoint takes the rest back, as with one row a
// statement.
func insertRows(head string, width, n int, exec func(query string, args ...any) error, row func(i int, args []any) []any) error {
	args := make([]any, 0, width*min(n, rowsPerInsert))
	for lo := 0; lo < n; lo += rowsPerInsert {
		hi := min(lo+rowsPerInsert, n)
		args = args[:0]
		for i := lo; i < hi; i++ {
			args = row(i, args)
		}
		if err := exec(insertText(head, width, hi-lo), args...); err != nil {
			return err
		}
	}
	return nil
}

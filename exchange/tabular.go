package exchange

import (
	"fmt"
	"strings"
)

// Table is one flat table of a tabular export, such as "persons", "cases" or
// "answers": a header of column names and rows of text cells. Every row holds
// exactly len(Columns) cells, and every cell is text, so that codes such as
// "0101", "000123" or dates keep their exact spelling in every format.
type Table struct {
	// Name names the table: the file name (without ".csv") in a CSV archive
	// and the sheet name in an XLSX workbook.
	Name string
	// Columns holds the column names, written as the header row.
	Columns []string
	// Rows holds the data rows, each with one cell per column.
	Rows [][]string
}

// validateTables checks what every tabular writer needs: each table has a
// name, at least one column and rows exactly as wide as its header.
func validateTables(tables []Table) error {
	for i, t := range tables {
		if t.Name == "" {
			return fmt.Errorf("exchange: table %d has no name", i+1)
		}
		if len(t.Columns) == 0 {
			return fmt.Errorf("exchange: table %q has no columns", t.Name)
		}
		for r, row := range t.Rows {
			if len(row) != len(t.Columns) {
				return fmt.Errorf("exchange: table %q row %d has %d cells, want %d",
					t.Name, r+1, len(row), len(t.Columns))
			}
		}
	}
	return nil
}

// IsFormulaLike reports whether a spreadsheet program opening a CSV file might
// take the cell text s for a formula (spreadsheet formula injection, also
// called CSV injection). That is text starting with '=', '@', a tab or a
// carriage return, and text starting with '+' or '-' unless it is a plain
// phone number or number made only of digits, spaces and the characters
// ". / ( ) - +", such as "+39 333 123 4567", "-12.5" or a lone "-".
func IsFormulaLike(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '@', '\t', '\r':
		return true
	case '+', '-':
		return strings.IndexFunc(s, func(r rune) bool {
			return !(r >= '0' && r <= '9' || strings.ContainsRune(" ./()-+", r))
		}) >= 0
	}
	return false
}

// GuardFormula returns the cell text s as it must be written to a CSV file so
// that no spreadsheet program runs it as a formula: formula-like text (see
// IsFormulaLike) gets a single quote "'" in front, and so does text that
// already starts with quotes followed by formula-like text, so that the guard
// can be told apart from a quote the text itself holds and ReadCSV gives back
// the exact original. All other text is returned unchanged.
func GuardFormula(s string) string {
	if needsGuard(s) {
		return "'" + s
	}
	return s
}

// needsGuard reports whether GuardFormula prefixes s: s is formula-like once
// its leading single quotes are removed.
func needsGuard(s string) bool {
	return IsFormulaLike(strings.TrimLeft(s, "'"))
}

// unguardFormula undoes GuardFormula: it removes the single quote that
// GuardFormula put in front of s, and leaves any other text unchanged.
func unguardFormula(s string) string {
	if strings.HasPrefix(s, "'") && needsGuard(s[1:]) {
		return s[1:]
	}
	return s
}

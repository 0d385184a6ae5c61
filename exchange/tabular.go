package exchange

import (
	"fmt"

	"sportello/model"
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

// IsFormulaLike and GuardFormula are the one CSV formula guard of every
// file Sportello writes; the rule lives in model (see model.IsFormulaLike).
var (
	IsFormulaLike = model.IsFormulaLike
	GuardFormula  = model.GuardFormula
)

// unguardFormula undoes GuardFormula.
var unguardFormula = model.UnguardFormula

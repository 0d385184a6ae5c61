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

// tableReader gives tables one after the other: use gets each table's
// head (its name and columns, no rows) and rows, which hands the table's
// rows to each one at a time. A row's slice may be used again for the
// next: each must not keep it.
type tableReader func(use func(head Table, rows func(each func(row []string) error) error) error) error

// readTables is the tableReader of tables already in memory.
func readTables(tables []Table) tableReader {
	return func(use func(Table, func(func([]string) error) error) error) error {
		for _, t := range tables {
			rows := func(each func([]string) error) error {
				for _, row := range t.Rows {
					if err := each(row); err != nil {
						return err
					}
				}
				return nil
			}
			if err := use(Table{Name: t.Name, Columns: t.Columns}, rows); err != nil {
				return err
			}
		}
		return nil
	}
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

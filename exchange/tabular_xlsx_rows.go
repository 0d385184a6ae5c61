package exchange

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// sheetRowsMax is how many rows a sheet holds (a variable for the tests).
var sheetRowsMax = 1 << 20

// eachRow reads a sheet a row at a time and hands each to each, cells at
// their columns (a missing cell is empty), a missing row as an empty one.
// A number is given as written, a boolean as TRUE or FALSE. width is the
// sheet's used range's width, 0 when it does not say (or says more than
// maxReadColumns). The row's slice is used again for the next.
func (w *workbook) eachRow(s workbookSheet, each func(row []string) error) (width int, err error) {
	rc, err := s.file.Open()
	if err != nil {
		return 0, err
	}
	defer rc.Close()
	d := newPartDecoder(rc)
	var row []string
	rowNum := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return width, nil
		}
		if err != nil {
			return width, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "dimension":
			if _, last, ok := strings.Cut(attr(se, "ref"), ":"); ok {
				if col, _, ok := cellRef(last); ok && col <= maxReadColumns {
					width = col
				}
			}
		case "row":
			n := rowNum + 1
			if r, err := strconv.Atoi(attr(se, "r")); err == nil && r > rowNum {
				n = r
			}
			if n > sheetRowsMax {
				return width, fmt.Errorf("a row beyond the %d a sheet holds", sheetRowsMax)
			}
			for ; rowNum+1 < n; rowNum++ { // rows with no cells are left out
				if err := each(row[:0]); err != nil {
					return width, err
				}
			}
			rowNum = n
			if row, err = w.readRow(d, row[:0]); err != nil {
				return width, fmt.Errorf("row %d: %w", n, err)
			}
			if err := each(row); err != nil {
				return width, err
			}
		}
	}
}

// readRow reads a row's cells, after its start.
func (w *workbook) readRow(d *partDecoder, row []string) ([]string, error) {
	for {
		tok, err := d.Token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return row, nil // </row>
		case xml.StartElement:
			if t.Name.Local != "c" {
				if err := d.skip(); err != nil {
					return nil, err
				}
				continue
			}
			col := len(row) + 1
			if c, _, ok := cellRef(attr(t, "r")); ok && c <= len(row) {
				return nil, fmt.Errorf("cell %s comes after a cell to its right", attr(t, "r"))
			} else if ok {
				col = c
			}
			if col > maxReadColumns {
				return nil, fmt.Errorf("a cell beyond column %d", maxReadColumns)
			}
			for len(row) < col-1 {
				row = append(row, "")
			}
			v, err := w.cell(d, attr(t, "t"))
			if err != nil {
				return nil, err
			}
			row = append(row, v)
		}
	}
}

// cell reads a cell's value, after its start, by its type.
func (w *workbook) cell(d *partDecoder, typ string) (string, error) {
	var v string
	for {
		tok, err := d.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return w.cellValue(typ, v) // </c>
		case xml.StartElement:
			switch t.Name.Local {
			case "is":
				if v, err = stringItem(d); err != nil {
					return "", err
				}
				typ = "is"
			case "v":
				text, err := d.text()
				if err != nil {
					return "", err
				}
				if typ != "is" {
					v = text
				}
			default: // a formula, say
				if err := d.skip(); err != nil {
					return "", err
				}
			}
		}
	}
}

// cellValue is the text of a cell of type typ holding v.
func (w *workbook) cellValue(typ, v string) (string, error) {
	switch typ {
	case "s":
		i, err := strconv.Atoi(v)
		if err != nil || i < 0 || i >= len(w.strings) {
			return "", fmt.Errorf("a shared string %q that is not there", v)
		}
		return w.strings[i], nil
	case "b":
		if v == "1" {
			return "TRUE", nil
		}
		return "FALSE", nil
	}
	return v, nil // a number or a date as written, a formula's text, an error, an inline string
}

// emptyRow tells a row with no text in any cell.
func emptyRow(row []string) bool {
	for _, c := range row {
		if c != "" {
			return false
		}
	}
	return true
}

package exchange

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

const (
	// minColumnWidth and maxColumnWidth bound the column widths of a
	// workbook, in Excel's units (about one digit each).
	minColumnWidth = 8
	maxColumnWidth = 60
	// maxReadColumns bounds the used range ReadXLSX trusts for a sheet's
	// width: a person's formatting can stretch it to all 16,384 columns.
	maxReadColumns = 1024
	// maxCellChars is how many characters (UTF-16 units) a cell holds,
	// maxSheetName how many a sheet's name, maxRowHeight a row's height in
	// points.
	maxCellChars = 32767
	maxSheetName = 31
	maxRowHeight = 409
	// maxSheetColumns is how many columns a sheet holds (A to XFD).
	maxSheetColumns = 16384
	// maxWholeCells bounds the cells ReadXLSX reads into memory, empty
	// ones it pads rows with included.
	maxWholeCells = 1 << 24
)

// WriteXLSX writes tables to w as an Excel workbook with one sheet per table,
// in the order given. A sheet is named after its table, made to fit Excel's
// rules: characters : \ / ? * [ ] become '_', names are cut to 31 characters
// and made unique with a " (2)"-style suffix. The header row is bold and
// frozen, columns are as wide as their text (within limits, longer text
// wraps), and every cell, header included, is a text cell: never a number,
// date or formula, so codes such as "0101" keep their leading zeros and text
// starting with '=' stays text with no guard prefix. Characters that XML
// cannot hold, such as NUL, are written as U+FFFD; a cell longer than Excel's
// 32,767 characters is an error. The same tables give the same bytes.
func WriteXLSX(w io.Writer, tables []Table) error {
	if len(tables) == 0 {
		return errors.New("exchange: a workbook needs at least one table")
	}
	if err := validateTables(tables); err != nil {
		return err
	}
	heads := make([]Table, len(tables))
	for i, t := range tables {
		heads[i] = Table{Name: t.Name, Columns: t.Columns}
	}
	return writeXLSXTables(w, heads, readTables(tables))
}

// sheetNames gives each table a sheet name that Excel accepts: no
// characters of : \ / ? * [ ], no quote at either end, at most 31 characters,
// not the reserved "History", and unique ignoring case.
func sheetNames(tables []Table) []string {
	names := make([]string, len(tables))
	used := make(map[string]bool, len(tables))
	for i, t := range tables {
		base := strings.Map(func(r rune) rune {
			if strings.ContainsRune(`:\/?*[]`, r) || unicode.IsControl(r) || r == utf8.RuneError || r == 0xFFFE || r == 0xFFFF {
				return '_' // also a byte that is not UTF-8, and what XML cannot hold
			}
			return r
		}, t.Name)
		base = strings.Trim(base, "'")
		if base == "" || strings.EqualFold(base, "History") {
			base = "Sheet" + strconv.Itoa(i+1)
		}
		name := CutUTF16(base, maxSheetName)
		for n := 2; used[strings.ToLower(name)]; n++ {
			suffix := " (" + strconv.Itoa(n) + ")"
			name = strings.TrimRight(CutUTF16(base, maxSheetName-len(suffix)), "'") + suffix
		}
		used[strings.ToLower(name)] = true
		names[i] = name
	}
	return names
}

// cutUTF16 cuts s to at most n UTF-16 code units, the unit Excel counts in.
func CutUTF16(s string, n int) string {
	units := 0
	for i, r := range s {
		units += utf16.RuneLen(r)
		if units > n {
			return s[:i]
		}
	}
	return s
}

// columnWidths gives each column a width fitting its widest line of text,
// the header's a little wider since it is bold, within the limits, as the
// rows are added.
type columnWidths struct{ w []float64 }

func newColumnWidths(columns []string) *columnWidths {
	cw := &columnWidths{w: make([]float64, len(columns))}
	for c, name := range columns {
		cw.w[c] = min(max(1.2*float64(textWidth(name))+2, minColumnWidth), maxColumnWidth)
	}
	return cw
}

// add widens the columns to fit a row.
func (cw *columnWidths) add(row []string) {
	for c, cell := range row {
		if cw.w[c] < maxColumnWidth {
			cw.w[c] = min(max(cw.w[c], float64(textWidth(cell))+2), maxColumnWidth)
		}
	}
}

// rowHeight gives the height in points a row needs to show every line of its
// cells, wrapped at the column widths, or 0 (the default) for a single line.
// Spreadsheets do not grow rows to fit when they open a file.
func rowHeight(row []string, widths []float64) float64 {
	lines := 1
	for c, cell := range row {
		n, perLine := 0, max(int(widths[c])-1, 1)
		for line := range strings.SplitSeq(cell, "\n") {
			n += max(1, (textWidth(line)+perLine-1)/perLine)
		}
		lines = max(lines, n)
	}
	if lines == 1 {
		return 0
	}
	return min(15*float64(lines), maxRowHeight)
}

// textWidth estimates how many digit widths the longest line of s takes:
// combining marks take none, East Asian wide characters two.
func textWidth(s string) int {
	widest := 0
	for line := range strings.SplitSeq(s, "\n") {
		w := 0
		for _, r := range line {
			switch {
			case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
			case unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana) ||
				r >= 0xFF00 && r <= 0xFF60:
				w += 2
			default:
				w++
			}
		}
		widest = max(widest, w)
	}
	return widest
}

// ReadXLSX reads a workbook back into tables: one per sheet, in sheet order,
// named after the sheet, its first row the columns. A text cell is read as
// its text, a number as written (not as its format shows it), a boolean as
// TRUE or FALSE; rows are padded with empty cells to the width of the
// sheet's used range or of its widest row, whichever is wider.
func ReadXLSX(r io.ReaderAt, size int64) ([]Table, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("exchange: reading workbook: %w", err)
	}
	wb, err := openWorkbook(zr)
	if err != nil {
		return nil, fmt.Errorf("exchange: reading workbook: %w", err)
	}
	var tables []Table
	for _, s := range wb.sheets {
		var rows [][]string
		cells, widest := 0, 0
		width, err := wb.eachRow(s, func(row []string) error {
			widest = max(widest, len(row))
			if cells += widest; cells > maxWholeCells {
				return fmt.Errorf("more than %d cells to read whole", maxWholeCells)
			}
			rows = append(rows, append([]string(nil), row...))
			return nil
		})
		if len(rows)*max(width, widest) > maxWholeCells {
			err = fmt.Errorf("more than %d cells to read whole", maxWholeCells)
		}
		if err != nil {
			return nil, fmt.Errorf("exchange: sheet %q: %w", s.name, err)
		}
		for _, row := range rows {
			width = max(width, len(row))
		}
		for i, row := range rows {
			rows[i] = append(row, make([]string, width-len(row))...)
		}
		t := Table{Name: s.name}
		if len(rows) > 0 {
			t.Columns, t.Rows = rows[0], rows[1:]
		}
		if len(t.Rows) == 0 {
			t.Rows = nil
		}
		tables = append(tables, t)
	}
	return tables, nil
}

package exchange

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

const (
	// minColumnWidth and maxColumnWidth bound the column widths of a
	// workbook, in Excel's units (about one digit each).
	minColumnWidth = 8
	maxColumnWidth = 60
	// maxReadColumns bounds the used range ReadXLSX trusts for a sheet's
	// width: a person's formatting can stretch it to all 16,384 columns.
	maxReadColumns = 1024
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
// 32,767 characters is an error.
func WriteXLSX(w io.Writer, tables []Table) error {
	if len(tables) == 0 {
		return errors.New("exchange: a workbook needs at least one table")
	}
	if err := validateTables(tables); err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	font, err := f.GetDefaultFont() // named, else some programs show bold in a serif font
	if err != nil {
		return err
	}
	header, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true, Family: font, Size: 11},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#DDEBF7"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "#8EA9DB", Style: 1}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
		NumFmt:    49, // "@": text
	})
	if err != nil {
		return err
	}
	body, err := f.NewStyle(&excelize.Style{
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
		NumFmt:    49,
	})
	if err != nil {
		return err
	}
	for i, name := range sheetNames(tables) {
		if i == 0 {
			err = f.SetSheetName(f.GetSheetName(0), name)
		} else {
			_, err = f.NewSheet(name)
		}
		if err != nil {
			return fmt.Errorf("exchange: sheet %q: %w", name, err)
		}
		if err := writeSheet(f, name, tables[i], header, body); err != nil {
			return fmt.Errorf("exchange: table %q: %w", tables[i].Name, err)
		}
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// writeSheet streams one table into the sheet called name.
func writeSheet(f *excelize.File, name string, t Table, header, body int) error {
	// The used range must be set before streaming starts: the stream writer
	// copies it from the sheet, and ReadXLSX needs it to know the width of a
	// table whose last columns are empty.
	last, err := excelize.CoordinatesToCellName(len(t.Columns), len(t.Rows)+1)
	if err != nil {
		return err
	}
	if err := f.SetSheetDimension(name, "A1:"+last); err != nil {
		return err
	}
	if err := setPrintLayout(f, name); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	widths := columnWidths(t)
	for i, width := range widths {
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return err
		}
	}
	// The column style also makes text whatever a person types later.
	if err := sw.SetColStyle(1, len(t.Columns), body); err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
	}); err != nil {
		return err
	}
	cells := make([]any, len(t.Columns))
	for r, row := range append([][]string{t.Columns}, t.Rows...) {
		style := body
		if r == 0 {
			style = header
		}
		for c, s := range row {
			if CutUTF16(s, excelize.TotalCellChars) != s {
				return fmt.Errorf("row %d column %d: longer than the %d characters a cell holds",
					r+1, c+1, excelize.TotalCellChars)
			}
			// A string value always makes an inline text cell, never a
			// number or a formula.
			cells[c] = excelize.Cell{StyleID: style, Value: s}
		}
		opts := excelize.RowOpts{Height: rowHeight(row, widths)}
		if err := sw.SetRow("A"+strconv.Itoa(r+1), cells, opts); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// setPrintLayout makes a sheet print in landscape, one page wide, with the
// header row repeated on every page. It must come before streaming starts.
func setPrintLayout(f *excelize.File, name string) error {
	fit, landscape, one, zero := true, "landscape", 1, 0
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{
		Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero,
	}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: "'" + strings.ReplaceAll(name, "'", "''") + "'!$1:$1",
		Scope:    name,
	})
}

// sheetNames gives each table a sheet name that Excel accepts: no
// characters of : \ / ? * [ ], no quote at either end, at most 31 characters,
// not the reserved "History", and unique ignoring case.
func sheetNames(tables []Table) []string {
	names := make([]string, len(tables))
	used := make(map[string]bool, len(tables))
	for i, t := range tables {
		base := strings.Map(func(r rune) rune {
			if strings.ContainsRune(`:\/?*[]`, r) || unicode.IsControl(r) {
				return '_'
			}
			return r
		}, t.Name)
		base = strings.Trim(base, "'")
		if base == "" || strings.EqualFold(base, "History") {
			base = "Sheet" + strconv.Itoa(i+1)
		}
		name := CutUTF16(base, excelize.MaxSheetNameLength)
		for n := 2; used[strings.ToLower(name)]; n++ {
			suffix := " (" + strconv.Itoa(n) + ")"
			name = strings.TrimRight(CutUTF16(base, excelize.MaxSheetNameLength-len(suffix)), "'") + suffix
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
// the header's a little wider since it is bold, within the limits.
func columnWidths(t Table) []float64 {
	widths := make([]float64, len(t.Columns))
	for c, name := range t.Columns {
		w := 1.2 * float64(textWidth(name))
		for _, row := range t.Rows {
			w = max(w, float64(textWidth(row[c])))
		}
		widths[c] = min(max(w+2, minColumnWidth), maxColumnWidth)
	}
	return widths
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
	return min(15*float64(lines), excelize.MaxRowHeight)
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
// named after the sheet, its first row the columns. Cell values are read as
// shown (numbers a person typed come back in their displayed form), and rows
// are padded with empty cells to the width of the sheet.
func ReadXLSX(r io.Reader) ([]Table, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, fmt.Errorf("exchange: reading workbook: %w", err)
	}
	defer f.Close()
	var tables []Table
	for _, name := range f.GetSheetList() {
		rows, err := readSheet(f, name)
		if err != nil {
			return nil, fmt.Errorf("exchange: sheet %q: %w", name, err)
		}
		t := Table{Name: name}
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

// readSheet returns all rows of a sheet, each padded to the width of the
// sheet's used range (as WriteXLSX records it) or of its widest row,
// whichever is wider.
func readSheet(f *excelize.File, name string) ([][]string, error) {
	it, err := f.Rows(name)
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var rows [][]string
	width := 0
	if dim, err := f.GetSheetDimension(name); err == nil {
		if _, last, ok := strings.Cut(dim, ":"); ok {
			if col, _, err := excelize.CellNameToCoordinates(last); err == nil && col <= maxReadColumns {
				width = col
			}
		}
	}
	for it.Next() {
		row, err := it.Columns()
		if err != nil {
			return nil, err
		}
		rows = append(rows, row)
		width = max(width, len(row))
	}
	if err := it.Error(); err != nil {
		return nil, err
	}
	for i, row := range rows {
		rows[i] = append(row, make([]string, width-len(row))...)
	}
	return rows, nil
}

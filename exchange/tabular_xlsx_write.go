package exchange

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// The workbook is written here part by part into its ZIP archive, each
// sheet a row at a time as the rows come, rather than by excelize: its
// streaming writer keeps a sheet's rows past 16 MB in a temporary file in
// clear, and its whole-workbook writer holds every cell in memory (992 MB
// for the export of 10,000 persons). The parts are the few a workbook of
// text cells needs, in the SpreadsheetML that excelize writes and reads.

// Cell styles of the workbook's styles part: a header cell and a body cell,
// both text ("@"), top-aligned and wrapped.
const (
	xlsxHeaderStyle = 1
	xlsxBodyStyle   = 2
)

// Namespaces and content types of the parts.
const (
	xlsxMain     = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	xlsxRelsNS   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	xlsxPkgRels  = "http://schemas.openxmlformats.org/package/2006/relationships"
	xlsxTypeBase = "application/vnd.openxmlformats-officedocument.spreadsheetml."
	xmlHead      = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

// xlsxStylesPart holds the default font (Calibri 11, which Excel and
// LibreOffice show alike), the bold header on a light blue fill with a
// line beneath, and the text body.
const xlsxStylesPart = xmlHead + `<styleSheet xmlns="` + xlsxMain + `">` +
	`<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
	`<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
	`<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
	`<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>` +
	`<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>` +
	`<border><left/><right/><top/><bottom style="thin"><color rgb="FF8EA9DB"/></bottom><diagonal/></border></borders>` +
	`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
	`<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
	`<xf numFmtId="49" fontId="1" fillId="2" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"` +
	` applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
	`<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1">` +
	`<alignment vertical="top" wrapText="1"/></xf></cellXfs>` +
	`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`

// writeXLSXTables writes the tables read, whose names and columns heads
// gives in order, as WriteXLSX does: each sheet from two readings of its
// rows, the first for the columns' widths and the used range, the second
// to write them. Nothing but a sheet's row is held.
func writeXLSXTables(w io.Writer, heads []Table, read tableReader) error {
	names := sheetNames(heads)
	zw := zip.NewWriter(w)
	for _, p := range []struct{ name, body string }{
		{"[Content_Types].xml", xlsxContentTypes(len(heads))},
		{"_rels/.rels", xmlHead + `<Relationships xmlns="` + xlsxPkgRels + `"><Relationship Id="rId1" Type="` +
			xlsxRelsNS + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", xlsxWorkbook(names)},
		{"xl/_rels/workbook.xml.rels", xlsxWorkbookRels(len(heads))},
		{"xl/styles.xml", xlsxStylesPart},
	} {
		pw, err := xlsxPart(zw, p.name)
		if err == nil {
			_, err = io.WriteString(pw, p.body)
		}
		if err != nil {
			return err
		}
	}
	i := 0
	err := read(func(head Table, rows func(func([]string) error) error) error {
		if i >= len(heads) || head.Name != heads[i].Name {
			return fmt.Errorf("exchange: table %q was not announced", head.Name)
		}
		pw, err := xlsxPart(zw, "xl/worksheets/sheet"+strconv.Itoa(i+1)+".xml")
		if err == nil {
			err = writeSheet(pw, head, rows, i == 0)
		}
		if err != nil {
			return fmt.Errorf("exchange: table %q: %w", head.Name, err)
		}
		i++
		return nil
	})
	if err != nil {
		return err
	}
	if i != len(heads) {
		return fmt.Errorf("exchange: %d tables announced, %d read", len(heads), i)
	}
	return zw.Close()
}

// xlsxPart starts a part of the archive, compressed, dated as the CSV
// archive's files are so that the same tables give the same bytes.
func xlsxPart(zw *zip.Writer, name string) (io.Writer, error) {
	return zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: csvModTime})
}

func xlsxContentTypes(sheets int) string {
	var b strings.Builder
	b.WriteString(xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="` + xlsxTypeBase + `sheet.main+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="` + xlsxTypeBase + `styles+xml"/>`)
	for i := range sheets {
		b.WriteString(`<Override PartName="/xl/worksheets/sheet` + strconv.Itoa(i+1) + `.xml" ContentType="` +
			xlsxTypeBase + `worksheet+xml"/>`)
	}
	b.WriteString(`</Types>`)
	return b.String()
}

// xlsxWorkbook names the sheets, the first one shown, each printing its
// header row on every page.
func xlsxWorkbook(names []string) string {
	var b strings.Builder
	b.WriteString(xmlHead + `<workbook xmlns="` + xlsxMain + `" xmlns:r="` + xlsxRelsNS + `">` +
		`<bookViews><workbookView activeTab="0"/></bookViews><sheets>`)
	for i, name := range names {
		n := strconv.Itoa(i + 1)
		b.WriteString(`<sheet name="` + xmlText(name) + `" sheetId="` + n + `" r:id="rId` + n + `"/>`)
	}
	b.WriteString(`</sheets><definedNames>`)
	for i, name := range names {
		b.WriteString(`<definedName name="_xlnm.Print_Titles" localSheetId="` + strconv.Itoa(i) + `">` +
			xmlText("'"+strings.ReplaceAll(name, "'", "''")+"'!$1:$1") + `</definedName>`)
	}
	b.WriteString(`</definedNames></workbook>`)
	return b.String()
}

func xlsxWorkbookRels(sheets int) string {
	var b strings.Builder
	b.WriteString(xmlHead + `<Relationships xmlns="` + xlsxPkgRels + `">`)
	for i := range sheets {
		n := strconv.Itoa(i + 1)
		b.WriteString(`<Relationship Id="rId` + n + `" Type="` + xlsxRelsNS + `/worksheet" Target="worksheets/sheet` +
			n + `.xml"/>`)
	}
	b.WriteString(`<Relationship Id="rId` + strconv.Itoa(sheets+1) + `" Type="` + xlsxRelsNS +
		`/styles" Target="styles.xml"/></Relationships>`)
	return b.String()
}

// writeSheet writes one table's sheet: its used range, the header row
// frozen, the columns' widths and text style, the rows, and the print
// layout (landscape, one page wide).
func writeSheet(pw io.Writer, head Table, rows func(func([]string) error) error, first bool) error {
	widths, n, err := measureSheet(head, rows)
	if err != nil {
		return err
	}
	if n+1 > sheetRowsMax || len(head.Columns) > maxSheetColumns {
		return fmt.Errorf("%d rows of %d columns: a sheet holds %d rows of %d", n+1, len(head.Columns),
			sheetRowsMax, maxSheetColumns)
	}
	cols := make([]string, len(head.Columns))
	for c := range cols {
		cols[c] = columnName(c + 1)
	}
	w := bufio.NewWriterSize(pw, 64<<10)
	writeSheetStart(w, cols[len(cols)-1]+strconv.Itoa(n+1), widths, first)
	r := 0
	writeRow := func(row []string) error {
		if r++; r-1 > n {
			return fmt.Errorf("more rows the second time than the first (%d)", n)
		}
		style := xlsxBodyStyle
		if r == 1 {
			style = xlsxHeaderStyle
		}
		return writeSheetRow(w, r, row, cols, style, rowHeight(row, widths))
	}
	if err := writeRow(head.Columns); err != nil {
		return err
	}
	if err := rows(writeRow); err != nil {
		return err
	}
	if r != n+1 {
		return fmt.Errorf("%d rows the second time, %d the first", r-1, n)
	}
	w.WriteString(`</sheetData><pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>`)
	return w.Flush()
}

// measureSheet reads a table's rows a first time: the columns' widths and
// how many rows there are.
func measureSheet(head Table, rows func(func([]string) error) error) ([]float64, int, error) {
	widths := newColumnWidths(head.Columns)
	n := 0
	err := rows(func(row []string) error {
		if n++; len(row) != len(head.Columns) {
			return fmt.Errorf("row %d has %d cells, want %d", n, len(row), len(head.Columns))
		}
		widths.add(row)
		return nil
	})
	return widths.w, n, err
}

// writeSheetStart writes what comes before a sheet's rows: the used range
// up to its last cell, the frozen header row (the first sheet the one
// shown), the columns' widths and text style.
func writeSheetStart(w *bufio.Writer, last string, widths []float64, first bool) {
	selected := ""
	if first {
		selected = ` tabSelected="1"`
	}
	w.WriteString(xmlHead + `<worksheet xmlns="` + xlsxMain + `" xmlns:r="` + xlsxRelsNS + `">` +
		`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:` + last +
		`"/><sheetViews><sheetView` + selected + ` workbookViewId="0"><pane ySplit="1" topLeftCell="A2"` +
		` activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>`)
	for c, width := range widths {
		i := strconv.Itoa(c + 1)
		w.WriteString(`<col min="` + i + `" max="` + i + `" width="` + strconv.FormatFloat(width, 'f', -1, 64) +
			`" style="` + strconv.Itoa(xlsxBodyStyle) + `" customWidth="1"/>`)
	}
	w.WriteString(`</cols><sheetData>`)
}

// writeSheetRow writes row r of a sheet, each cell an inline text cell.
func writeSheetRow(w *bufio.Writer, r int, row, cols []string, style int, height float64) error {
	num, s := strconv.Itoa(r), strconv.Itoa(style)
	w.WriteString(`<row r="` + num + `"`)
	if height > 0 {
		w.WriteString(` ht="` + strconv.FormatFloat(height, 'f', -1, 64) + `" customHeight="1"`)
	}
	w.WriteString(`>`)
	for c, text := range row {
		if CutUTF16(text, maxCellChars) != text {
			return fmt.Errorf("row %d column %d: longer than the %d characters a cell holds", r, c+1, maxCellChars)
		}
		w.WriteString(`<c r="` + cols[c] + num + `" s="` + s + `" t="inlineStr"><is><t`)
		if text != "" && (isXMLSpace(text[0]) || isXMLSpace(text[len(text)-1])) {
			w.WriteString(` xml:space="preserve"`)
		}
		w.WriteByte('>')
		writeCellText(w, text)
		w.WriteString(`</t></is></c>`)
	}
	_, err := w.WriteString(`</row>`)
	return err
}

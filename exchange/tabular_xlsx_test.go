package exchange

import (
	"archive/zip"
	"bufio"
	"bytes"
	"io"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// spreadsheetText is text a workbook's XML must carry with care.
var spreadsheetText = Table{
	Name:    "testo",
	Columns: []string{"a", "b", "c"},
	Rows: [][]string{
		{"_x0041_", "_x005F_", "a_xZZZZ_b_x00e9_"},
		{"<b>&amp;</b>", "\ttab", "fine riga\n"},
		{" spazio", "مرحبا 👋🏽", "ਸਤਿ ਸ੍ਰੀ ਅਕਾਲ"},
		{"", "]]>", `"'`},
	},
}

// A workbook is read back as written, by ReadXLSX and by excelize, and the
// same tables give the same bytes.
func TestXLSXReadBackByExcelize(t *testing.T) {
	tables := []Table{trickyTable, spreadsheetText, {Name: "vuota", Columns: []string{"x", "y"}}}
	var a, b bytes.Buffer
	if err := WriteXLSX(&a, tables); err != nil {
		t.Fatal(err)
	}
	if err := WriteXLSX(&b, tables); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of the same tables differ")
	}
	got, err := ReadXLSX(bytes.NewReader(a.Bytes()), int64(a.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if want := normalized(tables); !reflect.DeepEqual(got, want) {
		t.Errorf("ReadXLSX:\n got %q\nwant %q", got, want)
	}
	f, err := excelize.OpenReader(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, tb := range tables {
		rows, err := f.GetRows(tb.Name)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range append([][]string{tb.Columns}, tb.Rows...) {
			want := strings.TrimRight(strings.Join(row, "\x00"), "\x00") // excelize leaves out empty cells at the end
			if r >= len(rows) || strings.Join(rows[r], "\x00") != want {
				t.Errorf("excelize reads %s row %d as %q, want %q", tb.Name, r+1, rows[min(r, len(rows)-1)], row)
			}
		}
	}
	if v, err := f.GetCellValue("persons", "A7"); err != nil || v != "'quoted" {
		t.Errorf("A7 = %q (%v)", v, err)
	}
	if p, err := f.GetPageLayout("persons"); err != nil || p.Orientation == nil || *p.Orientation != "landscape" {
		t.Errorf("page layout %+v (%v), want landscape", p, err)
	}
	if dn := f.GetDefinedName(); len(dn) != 3 || dn[1].Name != "_xlnm.Print_Titles" || dn[1].RefersTo != "'testo'!$1:$1" {
		t.Errorf("defined names %+v, want each sheet's header row printed on every page", dn)
	}
}

// A workbook saved by a spreadsheet program keeps its text in shared
// strings, its numbers and booleans as values, and leaves out empty cells
// and rows: ReadXLSX reads them all (text such as "_x0041_" as the
// character it escapes, as Excel shows it), and puts nothing in a
// temporary file (excelize puts the shared strings there, in clear).
func TestReadXLSXOfASpreadsheetProgram(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	f := excelize.NewFile()
	defer f.Close()
	cells := map[string]any{"A1": "id", "B1": "nome", "C1": "n", "A2": "0101", "B2": "محمد", "C2": 42,
		"A4": "_x0041_", "C4": true, "B5": 1.5, "D5": "oltre"}
	for cell, v := range cells {
		if err := f.SetCellValue("Sheet1", cell, v); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.NewSheet("seconda"); err != nil {
		t.Fatal(err)
	}
	f.SetCellValue("seconda", "A1", "solo")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := ReadXLSX(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	want := []Table{
		{Name: "Sheet1", Columns: []string{"id", "nome", "n", ""}, Rows: [][]string{
			{"0101", "محمد", "42", ""}, {"", "", "", ""}, {"A", "", "TRUE", ""}, {"", "1.5", "", "oltre"}}},
		{Name: "seconda", Columns: []string{"solo"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadXLSX:\n got %q\nwant %q", got, want)
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("reading left %d files in the temporary folder", len(left))
	}
}

// A workbook that is not one, or whose shared strings hold more text than
// is held in memory, is refused.
func TestReadXLSXRefuses(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	for r := 1; r <= 40; r++ {
		f.SetCellValue("Sheet1", "A"+strconv.Itoa(r), strings.Repeat("x", 20)+strconv.Itoa(r))
	}
	var book bytes.Buffer
	if err := f.Write(&book); err != nil {
		t.Fatal(err)
	}
	defer func(was int) { maxSharedStrings = was }(maxSharedStrings)
	maxSharedStrings = 500
	if _, err := ReadXLSX(bytes.NewReader(book.Bytes()), int64(book.Len())); err == nil ||
		!strings.Contains(err.Error(), "shared strings") {
		t.Errorf("40 shared strings of some 870 characters read under a bound of 500 bytes: %v", err)
	}
	maxSharedStrings = 2000 // each string counts 16 bytes more
	if _, err := ReadXLSX(bytes.NewReader(book.Bytes()), int64(book.Len())); err != nil {
		t.Errorf("under the bound: %v", err)
	}
	var csv bytes.Buffer
	if err := WriteCSV(&csv, []Table{trickyTable}); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"not a ZIP": []byte("id,nome\n1,a\n"), "a CSV archive": csv.Bytes()} {
		if _, err := ReadXLSX(bytes.NewReader(data), int64(len(data))); err == nil {
			t.Errorf("%s read as a workbook", name)
		}
	}
}

// xmlClean is what a workbook keeps of a cell: characters XML cannot hold
// become U+FFFD.
func xmlClean(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			return utf8.RuneError
		}
		return r
	}, s) // a byte that is not UTF-8 is a U+FFFD of its own
}

func FuzzXLSXRoundTrip(f *testing.F) {
	for _, tb := range append(roundTripCases[2].tables, spreadsheetText) {
		for _, row := range tb.Rows {
			f.Add(row[0], row[1], row[len(row)-1])
		}
	}
	f.Fuzz(func(t *testing.T, a, b, c string) {
		tables := []Table{{Name: "t", Columns: []string{a, b}, Rows: [][]string{{b, c}, {c, a}}}}
		var buf bytes.Buffer
		if err := WriteXLSX(&buf, tables); err != nil {
			t.Fatal(err)
		}
		got, err := ReadXLSX(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		a, b, c = xmlClean(a), xmlClean(b), xmlClean(c)
		want := []Table{{Name: "t", Columns: []string{a, b}, Rows: [][]string{{b, c}, {c, a}}}}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round trip:\n got %q\nwant %q", got, want)
		}
	})
}

// A cell longer than a spreadsheet's cell holds, in one text or in many
// runs, or in a CSV file, stops the reading with why, before it is held.
func TestLongCellsAreRefused(t *testing.T) {
	var book bytes.Buffer
	if err := WriteXLSX(&book, []Table{{Name: "t", Columns: []string{"a"}, Rows: [][]string{{"QUI"}}}}); err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("a", 8*maxCellBytes+1)
	runs := strings.Repeat("</t></r><r><t>"+strings.Repeat("é", 1000), maxCellBytes/2000+1)
	for name, text := range map[string]string{"one text": long, "many runs": runs} {
		data := rewritePart(t, book.Bytes(), "xl/worksheets/sheet1.xml", func(s string) string {
			return strings.Replace(s, "<is><t>QUI</t></is>", "<is><r><t>"+text+"</t></r></is>", 1)
		})
		_, err := ReadXLSX(bytes.NewReader(data), int64(len(data)))
		if err == nil || !strings.Contains(err.Error(), "longer than") {
			t.Errorf("%s: %v, want a cell too long", name, err)
		}
	}
	var csvRows int
	err := eachCSVRow(bufio.NewReader(strings.NewReader("a,b\n"+long+",x\n")), func([]string) error {
		csvRows++
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), "line 2") || csvRows != 1 {
		t.Errorf("CSV: %v after %d rows, want line 2 refused after 1", err, csvRows)
	}
	wide := strings.Repeat("x,", maxReadColumns) + "x\n"
	if err := eachCSVRow(bufio.NewReader(strings.NewReader(wide)), func([]string) error { return nil }); err == nil {
		t.Errorf("a row of %d cells read", maxReadColumns+1)
	}
}

// rewritePart gives a ZIP archive with one part's text changed.
func rewritePart(t *testing.T, data []byte, name string, change func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == name {
			body = []byte(change(string(body)))
		}
		w, err := zw.Create(f.Name)
		if err == nil {
			_, err = w.Write(body)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// The indicators read a sheet's rows but those left empty (a spreadsheet
// leaves an emptied row out); a row numbered past a sheet's rows stops the
// reading.
func TestSheetRowsForTheIndicators(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	for cell, v := range map[string]string{"A1": "id", "B1": "kind", "A2": "s1", "B2": "x", "A5": "s2"} {
		f.SetCellValue("Sheet1", cell, v)
	}
	var book bytes.Buffer
	if err := f.Write(&book); err != nil {
		t.Fatal(err)
	}
	rows := func(data []byte) ([]string, error) {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		wb, err := openWorkbook(zr)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		err = sheetTables(wb)["Sheet1"](func(cells func([]string) rowOf, row []string) error {
			r := cells(row)
			got = append(got, r("id")+"/"+r("kind"))
			return nil
		})
		return got, err
	}
	got, err := rows(book.Bytes())
	if want := []string{"s1/x", "s2/"}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("rows %q (%v), want %q", got, err, want)
	}
	far := rewritePart(t, book.Bytes(), "xl/worksheets/sheet1.xml", func(s string) string {
		return strings.Replace(s, `<row r="5"`, `<row r="2000000000"`, 1)
	})
	if _, err := rows(far); err == nil || !strings.Contains(err.Error(), "beyond") {
		t.Errorf("a row numbered 2,000,000,000: %v", err)
	}
}

// A hostile workbook is refused before it takes the memory or the time it
// asks for: elements nested without end, a value split by comments past a
// cell's length, rows padded to a wide used range, cells out of order; a
// workbook saved in Strict Open XML is read.
func TestHostileWorkbooks(t *testing.T) {
	var book bytes.Buffer
	if err := WriteXLSX(&book, []Table{{Name: "export", Columns: []string{"a", "b"}, Rows: [][]string{{"x", "y"}}}}); err != nil {
		t.Fatal(err)
	}
	sheet := "xl/worksheets/sheet1.xml"
	split := "<c r=\"A3\"><v>" + strings.Repeat(strings.Repeat("1", 1000)+"<!---->", maxCellBytes/1000+1) + "</v></c>"
	for name, tc := range map[string]struct{ part, old, new, want string }{
		"nested":                    {sheet, "</sheetData>", strings.Repeat("<a>", 100_000) + "</sheetData>", "nested deeper"},
		"a value split past a cell": {sheet, "</sheetData>", "<row r=\"3\">" + split + "</row></sheetData>", "longer than"},
		"a padding bomb":            {sheet, `<dimension ref="A1:B2"/>`, `<dimension ref="A1:AMJ2"/>`, ""},
		"cells out of order":        {sheet, `<c r="A2"`, `<c r="C2"/><c r="A2"`, "comes after"},
		"ends inside an element":    {sheet, "</sheetData>", "<row>", "ends inside"},
	} {
		if tc.part != sheet {
			continue
		}
		data := rewritePart(t, book.Bytes(), tc.part, func(s string) string { return strings.Replace(s, tc.old, tc.new, 1) })
		if name == "a padding bomb" {
			data = rewritePart(t, data, sheet, func(s string) string {
				return strings.Replace(s, "</sheetData>", `<row r="1048576"/></sheetData>`, 1)
			})
			tc.want = "to read whole"
		}
		_, err := ReadXLSX(bytes.NewReader(data), int64(len(data)))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", name, err, tc.want)
		}
	}
	f := excelize.NewFile()
	defer f.Close()
	f.SetCellValue("Sheet1", "A1", "id")
	var shared bytes.Buffer
	if err := f.Write(&shared); err != nil {
		t.Fatal(err)
	}
	deep := rewritePart(t, shared.Bytes(), "xl/sharedStrings.xml", func(s string) string {
		return strings.Replace(s, "<si>", "<si>"+strings.Repeat("<r>", 100_000), 1)
	})
	if _, err := ReadXLSX(bytes.NewReader(deep), int64(len(deep))); err == nil || !strings.Contains(err.Error(), "nested deeper") {
		t.Errorf("nested shared strings: %v", err)
	}
	strict := rewritePart(t, book.Bytes(), "xl/workbook.xml", func(s string) string {
		return strings.Replace(s, xlsxRelsNS, "http://purl.oclc.org/ooxml/officeDocument/relationships", 1)
	})
	if got, err := ReadXLSX(bytes.NewReader(strict), int64(len(strict))); err != nil || len(got) != 1 || got[0].Rows[0][1] != "y" {
		t.Errorf("Strict Open XML: %q, %v", got, err)
	}
}

// A table longer than a sheet holds is refused by the writer.
func TestWriteXLSXRefusesMoreRowsThanASheet(t *testing.T) {
	defer func(was int) { sheetRowsMax = was }(sheetRowsMax)
	sheetRowsMax = 3
	fits := Table{Name: "t", Columns: []string{"a"}, Rows: [][]string{{"1"}, {"2"}}}
	if err := WriteXLSX(io.Discard, []Table{fits}); err != nil {
		t.Errorf("a header and two rows in a sheet of three: %v", err)
	}
	fits.Rows = append(fits.Rows, []string{"3"})
	if err := WriteXLSX(io.Discard, []Table{fits}); err == nil || !strings.Contains(err.Error(), "a sheet holds 3 rows") {
		t.Errorf("four rows in a sheet of three: %v", err)
	}
}

// Table names with bytes that are not UTF-8 make distinct sheet names.
func TestSheetNamesOfBadBytes(t *testing.T) {
	got := sheetNames([]Table{{Name: "a\xff"}, {Name: "a\xfe"}, {Name: "b\uFFFE"}})
	if want := []string{"a_", "a_ (2)", "b_"}; !reflect.DeepEqual(got, want) {
		t.Errorf("sheet names %q, want %q", got, want)
	}
}

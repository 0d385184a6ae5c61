package exchange

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// trickyTable holds text that breaks naive exports.
var trickyTable = Table{
	Name:    "persons",
	Columns: []string{"id", "nome", "note", "codice"},
	Rows: [][]string{
		{"000123", "Hôtel Ünïcödé", "Via Roma, 1", "0101"},
		{"2", "محمد عبد الله", `Lui ha detto "ciao"`, "2024-01-31"},
		{"3", "রহিম উদ্দিন", "riga 1\nriga 2\r\nriga 3", "1e5"},
		{"4", "", "", "TRUE"},
		{"=1+1", "@SUM(A1)", "-2+3+cmd|' /C calc'!A0", "+39 333 123 4567"},
		{"'quoted", "  spazi  ", "a\rb", "-"},
	},
}

// roundTripCases are the tables every format must give back unchanged.
var roundTripCases = []struct {
	name   string
	tables []Table
}{
	{"tricky text", []Table{trickyTable}},
	{"zero rows", []Table{{Name: "cases", Columns: []string{"id", "aperto il"}}}},
	{"several tables", []Table{
		trickyTable,
		{Name: "cases", Columns: []string{"id", "persona"}, Rows: [][]string{{"C-1", "000123"}}},
		{Name: "answers", Columns: []string{"domanda", "risposta"}, Rows: [][]string{{"q1", "sì"}}},
	}},
	{"one column with empty cells", []Table{{Name: "solo", Columns: []string{"x"}, Rows: [][]string{{""}, {"a"}, {""}}}}},
	{"empty last column and row", []Table{{Name: "t", Columns: []string{"a", ""}, Rows: [][]string{{"x", ""}, {"", ""}}}}},
}

func TestFormulaGuard(t *testing.T) {
	tests := []struct {
		in, want    string
		formulaLike bool
	}{
		{"=1+1", "'=1+1", true},
		{"@SUM(A1)", "'@SUM(A1)", true},
		{"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0", true},
		{"+SUM(A1)", "'+SUM(A1)", true},
		{"-A1", "'-A1", true},
		{"\tx", "'\tx", true},
		{"\r=x", "'\r=x", true},
		{"+1\n2", "'+1\n2", true},
		{"'=1+1", "''=1+1", false}, // already quoted: one more quote keeps it exact
		{"''@x", "'''@x", false},
		{"+39 333 123 4567", "+39 333 123 4567", false},
		{"+39 (06) 123-456", "+39 (06) 123-456", false},
		{"-12.5", "-12.5", false},
		{"-", "-", false}, // a lone dash means "none", not a formula
		{"+", "+", false},
		{"", "", false},
		{"Hôtel", "Hôtel", false},
		{"a=b", "a=b", false},
		{"'hello", "'hello", false},
		{"2024-01-31", "2024-01-31", false},
		{" =1", " =1", false},
	}
	for _, tt := range tests {
		if got := GuardFormula(tt.in); got != tt.want {
			t.Errorf("GuardFormula(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := IsFormulaLike(tt.in); got != tt.formulaLike {
			t.Errorf("IsFormulaLike(%q) = %v, want %v", tt.in, got, tt.formulaLike)
		}
		if got := unguardFormula(GuardFormula(tt.in)); got != tt.in {
			t.Errorf("unguardFormula(GuardFormula(%q)) = %q", tt.in, got)
		}
	}
}

// normalized returns tables as the readers give them back: no rows is nil.
func normalized(tables []Table) []Table {
	out := make([]Table, len(tables))
	for i, tb := range tables {
		out[i] = tb
		if len(tb.Rows) == 0 {
			out[i].Rows = nil
		}
	}
	return out
}

func csvRoundTrip(t testing.TB, tables []Table) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteCSV(&buf, tables); err != nil {
		t.Fatalf("WriteCSV: %v", err)
	}
	got, err := ReadCSV(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatalf("ReadCSV: %v", err)
	}
	if want := normalized(tables); !reflect.DeepEqual(got, want) {
		t.Fatalf("CSV round trip:\n got %q\nwant %q", got, want)
	}
}

func TestTabularRoundTrip(t *testing.T) {
	for _, tc := range roundTripCases {
		t.Run("CSV/"+tc.name, func(t *testing.T) { csvRoundTrip(t, tc.tables) })
		t.Run("XLSX/"+tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteXLSX(&buf, tc.tables); err != nil {
				t.Fatalf("WriteXLSX: %v", err)
			}
			got, err := ReadXLSX(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
			if err != nil {
				t.Fatalf("ReadXLSX: %v", err)
			}
			if want := normalized(tc.tables); !reflect.DeepEqual(got, want) {
				t.Fatalf("XLSX round trip:\n got %q\nwant %q", got, want)
			}
		})
	}
}

func TestCSVDeterministic(t *testing.T) {
	tables := roundTripCases[2].tables
	var a, b bytes.Buffer
	if err := WriteCSV(&a, tables); err != nil {
		t.Fatal(err)
	}
	if err := WriteCSV(&b, tables); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two writes of the same tables differ")
	}
	zr, err := zip.NewReader(bytes.NewReader(a.Bytes()), int64(a.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(csvModTime) {
			t.Errorf("%s modified %v, want %v", f.Name, f.Modified, csvModTime)
		}
	}
	if want := []string{"persons.csv", "cases.csv", "answers.csv"}; !reflect.DeepEqual(names, want) {
		t.Errorf("files %q, want %q", names, want)
	}
	rc, err := zr.File[1].Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	var got bytes.Buffer
	if _, err := got.ReadFrom(rc); err != nil {
		t.Fatal(err)
	}
	if want := "\uFEFFid,persona\r\nC-1,000123\r\n"; got.String() != want {
		t.Errorf("cases.csv = %q, want %q", got.String(), want)
	}
}

func TestXLSXCellsAreStrings(t *testing.T) {
	long := Table{Name: strings.Repeat("x", 40), Columns: []string{"breve", "lungo"},
		Rows: [][]string{{"a", strings.Repeat("parola ", 30)}}}
	var buf bytes.Buffer
	one := []string{"a"}
	tables := []Table{trickyTable, long, {Name: "persons", Columns: one}, {Name: "'a/b:c'", Columns: one}, {Name: "history", Columns: one}}
	if err := WriteXLSX(&buf, tables); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{"persons", strings.Repeat("x", 31), "persons (2)", "a_b_c", "Sheet5"}
	if got := f.GetSheetList(); !reflect.DeepEqual(got, want) {
		t.Fatalf("sheets %q, want %q (no Sheet1)", got, want)
	}
	for r, row := range append([][]string{trickyTable.Columns}, trickyTable.Rows...) {
		for c, text := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			typ, err := f.GetCellType("persons", cell)
			if err != nil || (typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString) {
				t.Errorf("%s (%q) has type %v (%v), want a string cell", cell, text, typ, err)
			}
			if formula, _ := f.GetCellFormula("persons", cell); formula != "" {
				t.Errorf("%s has formula %q", cell, formula)
			}
		}
	}
	style, _ := f.GetCellStyle("persons", "A1")
	if s, err := f.GetStyle(style); err != nil || s.Font == nil || !s.Font.Bold {
		t.Errorf("header A1 style %+v (%v), want bold", s, err)
	}
	if p, err := f.GetPanes("persons"); err != nil || !p.Freeze || p.YSplit != 1 {
		t.Errorf("panes %+v (%v), want the header row frozen", p, err)
	}
	for _, w := range []struct {
		col  string
		want float64
	}{{"A", minColumnWidth}, {"B", maxColumnWidth}} {
		if got, _ := f.GetColWidth(long.Name[:31], w.col); got != w.want {
			t.Errorf("column %s width %v, want %v", w.col, got, w.want)
		}
	}
}

func TestTabularWriteErrors(t *testing.T) {
	tests := []struct {
		name      string
		tables    []Table
		csv, xlsx bool // whether each writer must fail
	}{
		{"short row", []Table{{Name: "t", Columns: []string{"a", "b"}, Rows: [][]string{{"1"}}}}, true, true},
		{"no name", []Table{{Columns: []string{"a"}}}, true, true},
		{"no columns", []Table{{Name: "t"}}, true, true},
		{"path in name", []Table{{Name: "../t", Columns: []string{"a"}}}, true, false},
		{"same name twice", []Table{{Name: "t", Columns: []string{"a"}}, {Name: "T", Columns: []string{"a"}}}, true, false},
		{"no tables", nil, false, true},
		{"cell too long", []Table{{Name: "t", Columns: []string{"a"}, Rows: [][]string{{strings.Repeat("é", excelize.TotalCellChars+1)}}}}, false, true},
	}
	for _, tt := range tests {
		if err := WriteCSV(&bytes.Buffer{}, tt.tables); (err != nil) != tt.csv {
			t.Errorf("%s: WriteCSV error %v, want error %v", tt.name, err, tt.csv)
		}
		if err := WriteXLSX(&bytes.Buffer{}, tt.tables); (err != nil) != tt.xlsx {
			t.Errorf("%s: WriteXLSX error %v, want error %v", tt.name, err, tt.xlsx)
		}
	}
}

// TestXLSXLibreOffice opens the workbook in LibreOffice, as a person would,
// and checks what it shows in the first sheet.
func TestXLSXLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) not installed")
	}
	dir := t.TempDir()
	table := trickyTable
	table.Rows = table.Rows[:len(table.Rows)-1] // encoding/csv cannot read a lone CR back
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, []Table{table, roundTripCases[2].tables[1]}); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "export.xlsx")
	if err := os.WriteFile(in, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, soffice, "--headless",
		"-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", dir, in).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "export.csv"))
	if err != nil {
		t.Fatalf("%v\nsoffice said: %s", err, out)
	}
	got, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var want [][]string
	for _, row := range append([][]string{table.Columns}, table.Rows...) {
		var cells []string
		for _, cell := range row {
			cells = append(cells, strings.ReplaceAll(cell, "\r\n", "\n")) // as encoding/csv reads it
		}
		want = append(want, cells)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("LibreOffice shows\n%q\nwant\n%q", got, want)
	}
}

func FuzzCSVRoundTrip(f *testing.F) {
	for _, tc := range roundTripCases {
		for _, tb := range tc.tables {
			cells := append([]string{tb.Name}, tb.Columns...)
			for _, row := range tb.Rows {
				cells = append(cells, row...)
			}
			for i := 0; i+2 < len(cells); i += 3 {
				f.Add(cells[i], cells[i+1], cells[i+2])
			}
		}
	}
	f.Fuzz(func(t *testing.T, a, b, c string) {
		csvRoundTrip(t, []Table{
			{Name: "t", Columns: []string{a, b}, Rows: [][]string{{b, c}, {c, a}}},
			{Name: "u", Columns: []string{c}, Rows: [][]string{{a}, {b}}},
		})
	})
}

package report

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"sportello/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or writes it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output; run go test ./report -update and check the diff:\n%s", name, firstDiff(got, want))
	}
}

// firstDiff shows the first line that differs.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range max(len(g), len(w)) {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\n got %q\nwant %q", i+1, a, b)
		}
	}
	return ""
}

// dumpXLSX writes every sheet's cells as text, a row per line, cells
// separated by tabs; a number cell is marked with #.
func dumpXLSX(t *testing.T, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "== %s\n", sheet)
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if c > 0 {
					b.WriteByte('\t')
				}
				if typ, _ := f.GetCellType(sheet, cellName(c+1, r+1)); v != "" && typ != excelize.CellTypeSharedString &&
					typ != excelize.CellTypeInlineString {
					b.WriteByte('#')
				}
				b.WriteString(v)
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func TestWorkbookGolden(t *testing.T) {
	for _, lang := range []string{"it", "en"} {
		t.Run(lang, func(t *testing.T) {
			var a, b bytes.Buffer
			if err := WriteXLSX(&a, handInput(lang)); err != nil {
				t.Fatal(err)
			}
			if err := WriteXLSX(&b, handInput(lang)); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Error("two writes of the same Input differ")
			}
			golden(t, "workbook-"+lang+".txt", []byte(dumpXLSX(t, a.Bytes())))
		})
	}
}

// TestWorkbookHandCount opens the hand desk's workbook and checks, on the
// sheets, the numbers counted by hand in store/programme_test.go: they are
// number cells, and each breakdown's values add up as they should.
func TestWorkbookHandCount(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, handInput("en")); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) != len(model.ProgrammeIndicators)+2 || sheets[0] != "Summary" || sheets[len(sheets)-1] != "Definitions" {
		t.Fatalf("sheets %q", sheets)
	}
	tests := []struct {
		sheet string
		label string // a row's first cell: the value the count is beside
		want  float64
	}{
		{"Summary", "People reached (registered)", 3},
		{"Summary", "People in paths to work", 3},
		{"Summary", "Enterprises created", 1},
		{"01 People reached (registered)", "People", 3},
		{"01 People reached (registered)", "Target", 3000},
		{"01 People reached (registered)", "Women", 1},
		{"01 People reached (registered)", "Non-binary", 1},
		{"01 People reached (registered)", "Under 18", 1},
		{"01 People reached (registered)", "No (EU/EEA/CH)", 2},
		{"01 People reached (registered)", "2025-01", 3},
		{"03 ESF+ participants", "ISCED 3–4", 1},
		{"03 ESF+ participants", "2025-03", 1},
		{"05 People referred to services", "People", 3},
		{"05 People referred to services", "Legal aid", 2},
		{"05 People referred to services", "Completed", 1},
		{"08 People in paths to work", "30–54", 2},
		{"08 People in paths to work", "2025-09", 1},
		{"16 Participants leaving (cases…", "People", 2},
	}
	for _, tt := range tests {
		rows, err := f.GetRows(tt.sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Errorf("%s: %v", tt.sheet, err)
			continue
		}
		col := 2
		if tt.sheet == "Summary" {
			col = 3
		}
		found := false
		for r, row := range rows {
			if len(row) < col || row[0] != tt.label {
				continue
			}
			found = true
			cell := cellName(col, r+1)
			v, err := f.GetCellValue(tt.sheet, cell, excelize.Options{RawCellValue: true})
			typ, _ := f.GetCellType(tt.sheet, cell)
			if err != nil || v != fmt.Sprint(tt.want) || typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
				t.Errorf("%s %s (%s): %q (type %v), want the number %v", tt.sheet, tt.label, cell, v, typ, tt.want)
			}
			break
		}
		if !found {
			t.Errorf("%s: no row %q", tt.sheet, tt.label)
		}
	}
	// The months add up to the total, and the last cumulative is the total.
	rows, _ := f.GetRows("08 People in paths to work", excelize.Options{RawCellValue: true})
	sum, last := 0, ""
	for _, row := range rows {
		if len(row) == 3 && strings.HasPrefix(row[0], "2025-") {
			var n int
			fmt.Sscan(row[1], &n)
			sum += n
			last = row[2]
		}
	}
	if sum != 3 || last != "3" {
		t.Errorf("work_path months add to %d, last cumulative %q; want 3 and 3", sum, last)
	}
	// Percent of target: 3 of 3,000 is 0.001 of it.
	if v, _ := f.GetCellValue("Summary", "E7", excelize.Options{RawCellValue: true}); v != "0.001" {
		t.Errorf("reach %% of target %q, want 0.001", v)
	}
}

// TestSheetNames: every language, every indicator: at most 31 UTF-16
// units, unique ignoring case, none of the characters Excel refuses.
func TestSheetNames(t *testing.T) {
	inds, err := prepare(handInput("it"))
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"it", "en"} {
		tr := textsFor(lang).tr
		seen := map[string]bool{strings.ToLower(tr.T("report.sheet_summary")): true,
			strings.ToLower(tr.T("report.sheet_definitions")): true}
		for _, n := range sheetNames(inds, lang) {
			if len(utf16.Encode([]rune(n))) > 31 || strings.ContainsAny(n, `:\/?*[]`) || strings.HasPrefix(n, "'") ||
				strings.HasSuffix(n, "'") || seen[strings.ToLower(n)] {
				t.Errorf("%s: sheet name %q", lang, n)
			}
			seen[strings.ToLower(n)] = true
		}
	}
}

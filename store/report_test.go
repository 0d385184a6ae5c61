package store_test

import (
	"bytes"
	"context"
	"io"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"sportello/model"
	"sportello/report"
	"sportello/store"
)

// TestHandDeskWorkbook computes the hand desk's indicators over 2025 (see
// handDesk in programme_test.go for who is who), writes the workbook and
// finds in its cells the numbers counted by hand.
func TestHandDeskWorkbook(t *testing.T) {
	d := store.HandDesk(t)
	from, to := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	rep, err := d.ComputeIndicators(context.Background(), from, to)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	in := report.Input{Report: rep, Targets: model.DemoTargets(), Lang: "en", Desk: "Hand desk", Generated: to}
	if err := report.WriteXLSX(&buf, in); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// cells maps each sheet's rows by their first cell to the second (the
	// summary's to the third: the total).
	cells := map[string]map[string]string{}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		cells[sheet] = map[string]string{}
		for _, r := range rows {
			switch {
			case sheet == "Summary" && len(r) > 2:
				cells[sheet][r[1]] = r[2]
			case len(r) > 1:
				cells[sheet][r[0]] = r[1]
			}
		}
	}
	tests := []struct {
		sheet, row string
		want       int
	}{
		{"Summary", "reach", 3},       // persons 1–3 registered in January
		{"Summary", "in_charge", 3},   // 1, 2, 3 (3 has two cases: once)
		{"Summary", "plan_agreed", 2}, // 1 and 4; 2's plan is of 2024
		{"Summary", "hired", 2},       // 1 and 5, by the hiring date
		{"Summary", "work_path", 3},   // 1, 5 and 4
		{"Summary", "enterprises", 1}, // 4
		{"Summary", "leavers", 2},     // cases 1 and 2; 3 was reopened
		{"Summary", "employed_6m", 1}, // 1
		{"Summary", "recognition_applied", 1},
		{"01 People reached (registered)", "Target", 3000},
		{"01 People reached (registered)", "Non-binary", 1}, // person 3
		{"01 People reached (registered)", "Under 18", 1},   // person 3, 16
		{"01 People reached (registered)", "Yes", 1},        // person 1, MA; 3 is also RO
		{"01 People reached (registered)", "2025-01", 3},
		{"03 ESF+ participants", "ISCED 3–4", 1}, // person 1
		{"03 ESF+ participants", "Unknown", 1},   // person 3 has no profile
		{"05 People referred to services", "People", 3},
		{"05 People referred to services", "Legal aid", 2},
		{"05 People referred to services", "Anti-trafficking body", 1},
		{"05 People referred to services", "2025-03", 2},
		{"08 People in paths to work", "30–54", 2}, // 4 and 5
		{"16 Participants leaving (cases…", "55 and over", 1},
	}
	for _, tt := range tests {
		if got := cells[tt.sheet][tt.row]; got != strconv.Itoa(tt.want) {
			t.Errorf("%s, %s: %q, want %d", tt.sheet, tt.row, got, tt.want)
		}
	}
}

// BenchmarkReport100k is the report command's work at 100,000 persons:
// compute every indicator over 2025, then write the workbook and the PDF.
func BenchmarkReport100k(b *testing.B) {
	d := store.BenchIndicatorDesk(b, 100_000)
	from, to := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for b.Loop() {
		rep, err := d.ComputeIndicators(context.Background(), from, to)
		if err != nil {
			b.Fatal(err)
		}
		in := report.Input{Report: rep, Targets: model.DemoTargets(), Lang: "it", Desk: "Bench", Generated: to}
		if err := report.WriteXLSX(io.Discard, in); err != nil {
			b.Fatal(err)
		}
		if err := report.WritePDF(io.Discard, in); err != nil {
			b.Fatal(err)
		}
	}
}

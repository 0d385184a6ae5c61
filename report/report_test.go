package report

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"sportello/model"
	"sportello/store"
)

func TestPDFGolden(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (apt-get install poppler-utils): the PDF's text is not compared")
	}
	for _, lang := range []string{"it", "en"} {
		t.Run(lang, func(t *testing.T) {
			var a, b bytes.Buffer
			if err := WritePDF(&a, handInput(lang)); err != nil {
				t.Fatal(err)
			}
			if err := WritePDF(&b, handInput(lang)); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Error("two writes of the same Input differ")
			}
			golden(t, "report-"+lang+".txt", pdfText(t, a.Bytes()))
		})
	}
}

// pdfText is the PDF's text as pdftotext reads it, page by page.
func pdfText(t *testing.T, pdf []byte) []byte {
	t.Helper()
	cmd := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return out
}

// TestEveryIndicatorAlone writes, for each indicator, a report where only
// it counts anybody (with a value no codelist knows, and a target it
// exceeds), and checks both files are made and the workbook's sheet of
// that indicator has its total, its breakdowns and months adding up.
func TestEveryIndicatorAlone(t *testing.T) {
	from, to := time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)
	for i, def := range model.ProgrammeIndicators {
		t.Run(def.ID, func(t *testing.T) {
			rep := &store.IndicatorReport{From: from, To: to}
			total := 1000 + 37*i
			for _, d := range model.ProgrammeIndicators {
				r := store.IndicatorResult{ID: d.ID, Breakdowns: map[string]map[string]int{}, Months: map[string]int{}}
				if d.ID == def.ID {
					r.Total = total
					r.Months = map[string]int{"2024-07": total - 400, "2025-06": 400}
					for _, code := range d.Breakdowns {
						r.Breakdowns[code] = map[string]int{"never_heard_of": 1}
						if vs := model.BreakdownValues(code); len(vs) > 0 {
							r.Breakdowns[code][vs[0].Code] = total - 1
						}
					}
				}
				rep.Results = append(rep.Results, r)
			}
			in := Input{Report: rep, Lang: "it", Desk: "Prova", Generated: to,
				Targets: []model.Target{{Indicator: def.ID, Number: total / 2, From: from, To: to}}}
			var pdf, xlsx bytes.Buffer
			if err := WritePDF(&pdf, in); err != nil {
				t.Fatal(err)
			}
			if err := WriteXLSX(&xlsx, in); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenReader(&xlsx)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			sheet := f.GetSheetList()[i+1]
			rows, _ := f.GetRows(sheet, excelize.Options{RawCellValue: true})
			got := map[string]int{} // first cell → sum of the numbers beside it
			months, lastCum := 0, ""
			for _, r := range rows {
				if len(r) >= 2 {
					var n int
					if _, err := fmt.Sscan(r[1], &n); err == nil {
						got[r[0]] += n
						if strings.HasPrefix(r[0], "202") {
							months += n
							lastCum = r[2]
						}
					}
				}
			}
			if got["Persone"] != total || got["Obiettivo"] != total/2 || months != total || lastCum != fmt.Sprint(total) {
				t.Errorf("sheet %s: total %d, target %d, months %d, cumulative %s; want %d, %d", sheet, got["Persone"],
					got["Obiettivo"], months, lastCum, total, total/2)
			}
			if n := len(def.Breakdowns); n > 0 && got["never_heard_of"] != n {
				t.Errorf("sheet %s: the unknown value shown in %d breakdowns, want %d", sheet, got["never_heard_of"], n)
			}
			if !strings.Contains(string(pdfTextOrSkip(pdf.Bytes())), def.NameIT) {
				t.Errorf("the PDF does not name %s", def.ID)
			}
		})
	}
}

// pdfTextOrSkip is the PDF's text, or the indicator names' check passes
// when pdftotext is missing (TestPDFGolden says so).
func pdfTextOrSkip(pdf []byte) []byte {
	cmd := exec.Command("pdftotext", "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		return []byte(strings.Join(names(), "\n"))
	}
	return bytes.Join(bytes.Fields(out), []byte(" "))
}

func names() []string {
	var out []string
	for _, d := range model.ProgrammeIndicators {
		out = append(out, d.NameIT)
	}
	return out
}

// TestOddInputs: what the report must survive or refuse.
func TestOddInputs(t *testing.T) {
	long := handInput("en")
	long.Report.From = time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC) // ten years: 120 months
	pending := handInput("it")
	pending.Report.Results[3].Pending = "needs the plans table"
	empty := handInput("en")
	empty.Report = &store.IndicatorReport{From: empty.Report.From, To: empty.Report.To}
	zeros := handInput("it")
	for i := range zeros.Report.Results {
		zeros.Report.Results[i] = store.IndicatorResult{ID: zeros.Report.Results[i].ID}
	}
	unknown := handInput("en")
	unknown.Report.Results = append(unknown.Report.Results, store.IndicatorResult{ID: "no_such_indicator"})
	french := handInput("fr")
	tests := []struct {
		name    string
		in      Input
		wantErr bool
	}{
		{"ten years", long, false},
		{"a pending indicator", pending, false},
		{"no indicators", empty, false},
		{"all zero", zeros, false},
		{"an unknown indicator", unknown, true},
		{"a language", french, true},
		{"no report", Input{Lang: "it"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var pdf, xlsx bytes.Buffer
			errP, errX := WritePDF(&pdf, tt.in), WriteXLSX(&xlsx, tt.in)
			if (errP != nil) != tt.wantErr || (errX != nil) != tt.wantErr {
				t.Fatalf("PDF: %v, XLSX: %v; want an error: %v", errP, errX, tt.wantErr)
			}
			if tt.wantErr {
				return
			}
			if _, err := excelize.OpenReader(&xlsx); err != nil {
				t.Errorf("the workbook does not open: %v", err)
			}
			if !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")) {
				t.Error("not a PDF")
			}
		})
	}
}

func TestScale(t *testing.T) {
	tests := []struct{ n, step, top int }{
		{0, 1, 1}, {1, 1, 1}, {3, 1, 3}, {4, 1, 4}, {5, 2, 6}, {9, 5, 10}, {10, 5, 10}, {37, 10, 40}, {100000, 50000, 100000},
		{1234, 500, 1500},
	}
	for _, tt := range tests {
		if step, top := scale(tt.n); step != tt.step || top != tt.top {
			t.Errorf("scale(%d) = %d, %d; want %d, %d", tt.n, step, top, tt.step, tt.top)
		}
	}
}

func TestNumbersAndPercent(t *testing.T) {
	it, en := textsFor("it"), textsFor("en")
	tests := []struct{ got, want string }{
		{it.number(1234567), "1.234.567"}, {en.number(1234567), "1,234,567"}, {it.number(999), "999"}, {en.number(-1000), "-1,000"},
		{it.percent(1, 3), "33,3%"}, {en.percent(3, 2), "150.0%"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%q, want %q", tt.got, tt.want)
		}
	}
}

package report

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"sportello/exchange"
)

// WriteXLSX writes the workbook: a summary sheet (each indicator's total,
// target and share of it), one sheet per indicator (total, target, a table
// per breakdown, the months with a running total and a column chart of
// them) and a sheet of definitions. Counts are numbers, not text.
func WriteXLSX(w io.Writer, in Input) error {
	inds, err := prepare(in)
	if err != nil {
		return err
	}
	t := textsFor(in.Lang)
	f := excelize.NewFile()
	defer f.Close()
	x := &book{f: f, t: t}
	if err := x.styles(); err != nil {
		return fmt.Errorf("report: workbook styles: %w", err)
	}
	summary, defs := t.tr.T("report.sheet_summary"), t.tr.T("report.sheet_definitions")
	names := sheetNames(inds, in.Lang)
	if err := f.SetSheetName(f.GetSheetName(0), summary); err != nil {
		return fmt.Errorf("report: sheet %q: %w", summary, err)
	}
	for _, name := range append(names, defs) {
		if _, err := f.NewSheet(name); err != nil {
			return fmt.Errorf("report: sheet %q: %w", name, err)
		}
	}
	if err := x.summary(summary, in, inds, names); err != nil {
		return fmt.Errorf("report: summary sheet: %w", err)
	}
	for i, ind := range inds {
		if err := x.indicator(names[i], in, ind); err != nil {
			return fmt.Errorf("report: sheet of %s: %w", ind.def.ID, err)
		}
	}
	if err := x.definitions(defs, inds); err != nil {
		return fmt.Errorf("report: definitions sheet: %w", err)
	}
	f.SetActiveSheet(0)
	err = f.SetDocProps(&excelize.DocProperties{Title: t.tr.T("report.title"), Creator: "Sportello",
		LastModifiedBy: "Sportello", Created: epoch.Format("2006-01-02T15:04:05Z"),
		Modified: epoch.Format("2006-01-02T15:04:05Z"), Language: in.Lang})
	if err != nil {
		return fmt.Errorf("report: workbook properties: %w", err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return fmt.Errorf("report: write workbook: %w", err)
	}
	data, err := canonical(buf.Bytes())
	if err != nil {
		return fmt.Errorf("report: write workbook: %w", err)
	}
	if _, err := w.Write(data); err != nil {
		return fmt.Errorf("report: write workbook: %w", err)
	}
	return nil
}

// book is a workbook being written, with its styles.
type book struct {
	f                       *excelize.File
	t                       texts
	title, bold, head, wrap int
	pct, count              int
}

func (x *book) styles() error {
	var err error
	add := func(s *excelize.Style) int {
		id, e := x.f.NewStyle(s)
		if err == nil {
			err = e
		}
		return id
	}
	font, e := x.f.GetDefaultFont() // named, else some programs show bold in a serif font
	if e != nil {
		return e
	}
	x.title = add(&excelize.Style{Font: &excelize.Font{Bold: true, Family: font, Size: 14}})
	x.bold = add(&excelize.Style{Font: &excelize.Font{Bold: true, Family: font, Size: 11}})
	x.head = add(&excelize.Style{Font: &excelize.Font{Bold: true, Family: font, Size: 11},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#DDEBF7"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "#8EA9DB", Style: 1}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	x.wrap = add(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	pctFmt, countFmt := "0.0%", "#,##0"
	x.pct = add(&excelize.Style{CustomNumFmt: &pctFmt})
	x.count = add(&excelize.Style{CustomNumFmt: &countFmt})
	return err
}

// put writes a row of values from column A; the style applies to the
// whole row when not 0.
func (x *book) put(sheet string, r int, style int, values ...any) error {
	cell, _ := excelize.CoordinatesToCellName(1, r)
	if err := x.f.SetSheetRow(sheet, cell, &values); err != nil {
		return err
	}
	if style == 0 || len(values) == 0 {
		return nil
	}
	last, _ := excelize.CoordinatesToCellName(len(values), r)
	return x.f.SetCellStyle(sheet, cell, last, style)
}

// heading writes the title, the desk, the period and the generation date
// in rows 1–4 and returns the next free row.
func (x *book) heading(sheet, title string, in Input) (int, error) {
	t := x.t
	lines := []string{title, t.tr.Tf("report.desk", map[string]any{"Desk": in.Desk}),
		t.period(in.Report.From, in.Report.To), t.tr.Tf("report.generated", map[string]any{"Date": t.date(in.Generated)})}
	for i, l := range lines {
		style := 0
		if i == 0 {
			style = x.title
		}
		if err := x.put(sheet, i+1, style, l); err != nil {
			return 0, err
		}
	}
	return len(lines) + 2, nil
}

func (x *book) summary(sheet string, in Input, inds []indicator, names []string) error {
	t := x.t
	r, err := x.heading(sheet, t.tr.T("report.title"), in)
	if err != nil {
		return err
	}
	head := []any{t.tr.T("report.indicator"), t.tr.T("report.code"), t.tr.T("report.persons"), t.tr.T("report.target"),
		t.tr.T("report.percent"), t.tr.T("report.target_period"), t.tr.T("report.sheet")}
	if err := x.put(sheet, r, x.head, head...); err != nil {
		return err
	}
	for i, ind := range inds {
		r++
		var target, pct any = "", ""
		if ind.target != nil {
			target, pct = ind.target.Number, float64(ind.res.Total)/float64(ind.target.Number)
		}
		var total any = ind.res.Total
		if ind.res.Pending != "" {
			total = t.tr.Tf("report.pending", map[string]any{"Reason": ind.res.Pending})
		}
		if err := x.put(sheet, r, 0, ind.def.Name(t.lang), ind.def.ID, total, target, pct, t.targetPeriod(ind.target), names[i]); err != nil {
			return err
		}
		if err := x.link(sheet, r, names[i]); err != nil {
			return err
		}
		cell, _ := excelize.CoordinatesToCellName(5, r)
		if err := x.f.SetCellStyle(sheet, cell, cell, x.pct); err != nil {
			return err
		}
	}
	return x.widths(sheet, 48, 22, 10, 10, 14, 26, 34)
}

// link makes column G of row r a link to the sheet named there.
func (x *book) link(sheet string, r int, target string) error {
	cell, _ := excelize.CoordinatesToCellName(7, r)
	return x.f.SetCellHyperLink(sheet, cell, quoteSheet(target)+"!A1", "Location")
}

// widths sets the columns' widths and makes the sheet print one A4 page
// wide, in landscape.
func (x *book) widths(sheet string, w ...float64) error {
	fit, landscape, a4, one, zero := true, "landscape", 9, 1, 0
	if err := x.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	err := x.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, Size: &a4, FitToWidth: &one,
		FitToHeight: &zero})
	if err != nil {
		return err
	}
	for i, v := range w {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := x.f.SetColWidth(sheet, col, col, v); err != nil {
			return err
		}
	}
	return nil
}

func (x *book) definitions(sheet string, inds []indicator) error {
	t := x.t
	head := []any{t.tr.T("report.code"), t.tr.T("report.name"), t.tr.T("report.definition"), t.tr.T("report.rule"),
		t.tr.T("report.counted_by"), t.tr.T("report.breakdowns")}
	if err := x.put(sheet, 1, x.head, head...); err != nil {
		return err
	}
	for i, ind := range inds {
		d := ind.def
		if err := x.put(sheet, i+2, x.wrap, d.ID, d.Name(t.lang), d.Definition(t.lang), d.Rule, d.CountedBy,
			t.breakdownNames(d.Breakdowns)); err != nil {
			return err
		}
	}
	return x.widths(sheet, 22, 34, 50, 50, 28, 34)
}

// sheetNames names each indicator's sheet "NN name", cut to Excel's 31
// characters, with no character a sheet name may not hold; the number
// keeps them unique, and apart from Summary and Definitions.
func sheetNames(inds []indicator, lang string) []string {
	out := make([]string, len(inds))
	clean := strings.NewReplacer(":", " ", `\`, " ", "/", " ", "?", " ", "*", " ", "[", "(", "]", ")", "'", "’")
	for i, ind := range inds {
		name := fmt.Sprintf("%02d %s", i+1, clean.Replace(ind.def.Name(lang)))
		if cut := exchange.CutUTF16(name, excelize.MaxSheetNameLength-1); cut != name {
			name = strings.TrimSpace(cut) + "…"
		}
		out[i] = name
	}
	return out
}

// quoteSheet quotes a sheet name for a reference.
func quoteSheet(name string) string { return "'" + strings.ReplaceAll(name, "'", "''") + "'" }

package report

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// indicator writes one indicator's sheet: heading, definition, total and
// target, a table per breakdown, the months with a running total, and a
// column chart of the months beside them.
func (x *book) indicator(sheet string, in Input, ind indicator) error {
	t := x.t
	r, err := x.heading(sheet, ind.def.Name(t.lang), in)
	if err != nil {
		return err
	}
	if err := x.put(sheet, r, x.wrap, ind.def.Definition(t.lang)); err != nil {
		return err
	}
	r += 2
	if ind.res.Pending != "" {
		return x.put(sheet, r, x.bold, t.tr.Tf("report.pending", map[string]any{"Reason": ind.res.Pending}))
	}
	var target, pct any = t.tr.T("report.no_target"), ""
	if ind.target != nil {
		target, pct = ind.target.Number, float64(ind.res.Total)/float64(ind.target.Number)
	}
	rows := [][]any{{t.tr.T("report.persons"), ind.res.Total}, {t.tr.T("report.target"), target},
		{t.tr.T("report.percent"), pct}, {t.tr.T("report.target_period"), t.targetPeriod(ind.target)}}
	for i, v := range rows {
		if err := x.put(sheet, r+i, 0, v...); err != nil {
			return err
		}
		if err := x.f.SetCellStyle(sheet, cellName(1, r+i), cellName(1, r+i), x.bold); err != nil {
			return err
		}
	}
	if err := x.f.SetCellStyle(sheet, cellName(2, r+2), cellName(2, r+2), x.pct); err != nil {
		return err
	}
	r += len(rows) + 1
	for _, b := range ind.breakdowns {
		if r, err = x.breakdown(sheet, r, b); err != nil {
			return err
		}
	}
	if err := x.months(sheet, r, ind); err != nil {
		return err
	}
	return x.widths(sheet, 40, 14, 14)
}

// breakdown writes a breakdown's table at row r and returns the next free
// row after a blank one.
func (x *book) breakdown(sheet string, r int, b breakdown) (int, error) {
	if err := x.put(sheet, r, x.head, b.name, x.t.tr.T("report.persons")); err != nil {
		return 0, err
	}
	for _, v := range b.rows {
		r++
		if err := x.put(sheet, r, 0, v.label, v.count); err != nil {
			return 0, err
		}
	}
	if b.multi {
		r++
		if err := x.put(sheet, r, 0, x.t.tr.T("report.multi")); err != nil {
			return 0, err
		}
	}
	return r + 2, nil
}

// months writes the months table at row r and the chart beside it.
func (x *book) months(sheet string, r int, ind indicator) error {
	t := x.t
	if err := x.put(sheet, r, x.head, t.tr.T("report.month"), t.tr.T("report.persons"), t.tr.T("report.cumulative")); err != nil {
		return err
	}
	first := r + 1
	for _, m := range ind.months {
		r++
		if err := x.put(sheet, r, 0, m.ym, m.count, m.cumulative); err != nil {
			return err
		}
	}
	if len(ind.months) == 0 {
		return nil
	}
	q := quoteSheet(sheet)
	ref := func(col string) string { return fmt.Sprintf("%s!$%s$%d:$%s$%d", q, col, first, col, r) }
	legend := excelize.ChartLegend{Position: "bottom"}
	bars := &excelize.Chart{Type: excelize.Col,
		Series: []excelize.ChartSeries{{Name: fmt.Sprintf("%s!$B$%d", q, first-1), Categories: ref("A"), Values: ref("B"),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#4F81BD"}}}},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: t.tr.T("report.by_month")}}},
		Legend:    legend,
		YAxis:     excelize.ChartAxis{MajorGridLines: true},
		Dimension: excelize.ChartDimension{Width: 640, Height: 320},
	}
	line := &excelize.Chart{Type: excelize.Line,
		Series: []excelize.ChartSeries{{Name: fmt.Sprintf("%s!$C$%d", q, first-1), Categories: ref("A"), Values: ref("C"),
			Line: excelize.LineOptions{Width: 2}}},
		YAxis: excelize.ChartAxis{Secondary: true}, // the running total on its own scale, as in the PDF
	}
	return x.f.AddChart(sheet, cellName(5, first-1), bars, line)
}

func cellName(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

package report

import (
	"math"
)

// Colours of the charts.
var (
	barColour  = [3]int{79, 129, 189} // monthly bars, breakdown bars, progress
	lineColour = [3]int{228, 108, 10} // the cumulative line
)

// Sizes of a section's parts, in points.
const (
	chartH     = 118.0 // the plot area of the month chart
	chartTail  = 32.0  // month labels and legend under the plot
	barRowH    = 12.0  // a breakdown's row
	colGap     = 20.0  // between the two columns of breakdowns
	sectionGap = 18.0
)

// section draws one indicator; it starts a page when it would not fit.
func (r *pdfReport) section(ind indicator) {
	t := r.t
	name, def := ind.def.Name(t.lang), ind.def.Definition(t.lang)
	h := sectionGap + float64(r.lines(name, true, 13, width))*17 + float64(r.lines(def, false, 9.5, width))*13 + 6 + 22 + 13
	if ind.res.Pending == "" {
		h += chartH + chartTail + r.breakdownsHeight(ind.breakdowns)
	}
	r.room(h)
	if r.y > margin {
		r.p.SetDrawColor(200, 200, 200)
		r.p.SetLineWidth(0.5)
		r.p.Line(margin, r.y+sectionGap/2, margin+width, r.y+sectionGap/2)
		r.y += sectionGap
	}
	r.gray(0)
	r.para(margin, width, name, true, 13, 17)
	r.gray(70)
	r.para(margin, width, def, false, 9.5, 13)
	r.y += 6
	r.gray(0)
	if ind.res.Pending != "" {
		r.para(margin, width, t.tr.Tf("report.pending", map[string]any{"Reason": ind.res.Pending}), true, 10, 14)
		return
	}
	r.font(true, 10.5)
	r.p.SetXY(margin, r.y)
	label := t.tr.T("report.persons") + ": " + t.ofTarget(ind.res.Total, ind.target)
	labelW := r.p.GetStringWidth(label)
	r.p.CellFormat(labelW+4, 14, label, "", 0, "L", false, 0, "")
	if ind.target != nil {
		r.progress(margin+labelW+14, r.y+3.5, 100, 8, ind.res.Total, ind.target.Number)
		r.font(false, 8)
		r.gray(90)
		period := t.tr.T("report.target_period") + ": " + t.targetPeriod(ind.target)
		if x := margin + labelW + 124; x+r.p.GetStringWidth(period) <= margin+width {
			r.p.SetXY(x, r.y)
		} else { // a long total: the period goes under it
			r.y += 13
			r.p.SetXY(margin, r.y)
		}
		r.p.CellFormat(r.p.GetStringWidth(period)+2, 14, period, "", 0, "L", false, 0, "")
		r.gray(0)
	}
	r.y += 22
	r.monthChart(ind)
	r.breakdowns(ind.breakdowns)
}

// progress draws a bar w wide, filled to total/target (at most full).
func (r *pdfReport) progress(x, y, w, h float64, total, target int) {
	p := r.p
	p.SetFillColor(230, 230, 230)
	p.Rect(x, y, w, h, "F")
	share := math.Min(1, float64(total)/float64(target))
	if share > 0 {
		p.SetFillColor(barColour[0], barColour[1], barColour[2])
		p.Rect(x, y, math.Max(0.8, w*share), h, "F")
	}
	p.SetDrawColor(150, 150, 150)
	p.SetLineWidth(0.4)
	p.Rect(x, y, w, h, "D")
}

// monthChart draws the months as bars against the left axis and the
// running total as a line against the right one, with a legend.
func (r *pdfReport) monthChart(ind indicator) {
	p, t := r.p, r.t
	x0, x1 := margin+28, margin+width-28
	top, base := r.y+6, r.y+6+chartH
	maxMonth, total := 0, 0
	for _, m := range ind.months {
		maxMonth = max(maxMonth, m.count)
		total = max(total, m.cumulative)
	}
	stepL, topL := scale(maxMonth)
	stepR, topR := scale(total)
	// Grid and the two axes' numbers: the left for months, the right for
	// the running total, each in its series' colour.
	r.font(false, 7)
	p.SetLineWidth(0.3)
	for v := 0; v <= topL; v += stepL {
		y := base - chartH*float64(v)/float64(topL)
		p.SetDrawColor(225, 225, 225)
		p.Line(x0, y, x1, y)
		p.SetTextColor(barColour[0], barColour[1], barColour[2])
		p.SetXY(margin, y-4)
		p.CellFormat(24, 8, t.number(v), "", 0, "R", false, 0, "")
	}
	p.SetTextColor(lineColour[0], lineColour[1], lineColour[2])
	for v := 0; v <= topR; v += stepR {
		y := base - chartH*float64(v)/float64(topR)
		p.SetXY(x1+4, y-4)
		p.CellFormat(24, 8, t.number(v), "", 0, "L", false, 0, "")
	}
	p.SetDrawColor(120, 120, 120)
	p.SetLineWidth(0.6)
	p.Line(x0, base, x1, base)
	n := len(ind.months)
	if n > 0 {
		slot := (x1 - x0) / float64(n)
		labelEvery := int(math.Ceil(30 / slot))
		p.SetFillColor(barColour[0], barColour[1], barColour[2])
		var pts []float64
		for i, m := range ind.months {
			cx := x0 + slot*(float64(i)+0.5)
			if h := chartH * float64(m.count) / float64(topL); h > 0 {
				p.Rect(cx-slot*0.35, base-h, slot*0.7, h, "F")
			}
			pts = append(pts, cx, base-chartH*float64(m.cumulative)/float64(topR))
			if i%labelEvery == 0 {
				r.gray(80)
				r.font(false, 6.5)
				p.SetXY(cx-18, base+2)
				p.CellFormat(36, 8, m.ym, "", 0, "C", false, 0, "")
			}
		}
		if total == 0 {
			pts = nil // no line along the axis: the note below says why
		}
		p.SetDrawColor(lineColour[0], lineColour[1], lineColour[2])
		p.SetFillColor(lineColour[0], lineColour[1], lineColour[2])
		p.SetLineWidth(1.4)
		for i := 2; i < len(pts); i += 2 {
			p.Line(pts[i-2], pts[i-1], pts[i], pts[i+1])
		}
		for i := 0; i < len(pts); i += 2 {
			p.Circle(pts[i], pts[i+1], 1.6, "F")
		}
	}
	if total == 0 {
		r.font(false, 9)
		r.gray(110)
		p.SetXY(x0, top+chartH/2-6)
		p.CellFormat(x1-x0, 12, t.tr.T("report.none"), "", 0, "C", false, 0, "")
	}
	r.legend(x0, base+14)
	r.gray(0)
	r.y = base + chartTail
}

// legend names the bars and the line under the chart.
func (r *pdfReport) legend(x, y float64) {
	p, t := r.p, r.t
	r.font(false, 8)
	r.gray(40)
	p.SetFillColor(barColour[0], barColour[1], barColour[2])
	p.Rect(x, y+2, 9, 7, "F")
	label := t.tr.T("report.by_month")
	p.SetXY(x+12, y)
	p.CellFormat(p.GetStringWidth(label)+2, 11, label, "", 0, "L", false, 0, "")
	x += 12 + p.GetStringWidth(label) + 18
	p.SetDrawColor(lineColour[0], lineColour[1], lineColour[2])
	p.SetLineWidth(1.4)
	p.Line(x, y+5.5, x+14, y+5.5)
	p.SetXY(x+17, y)
	p.CellFormat(100, 11, t.tr.T("report.cumulative"), "", 0, "L", false, 0, "")
}

// scale picks a round step for an axis up to n and the axis's top, a
// multiple of the step at or over n; at least 1.
func scale(n int) (step, top int) {
	if n <= 0 {
		return 1, 1
	}
	raw := float64(n) / 4
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if step = int(math.Max(1, m*mag)); float64(step) >= raw {
			break
		}
	}
	top = ((n + step - 1) / step) * step
	return step, top
}

// breakdownsHeight is how tall the breakdowns' two columns stand.
func (r *pdfReport) breakdownsHeight(bs []breakdown) float64 {
	var col [2]float64
	for i, b := range bs {
		col[i%2] += r.breakdownHeight(b)
	}
	return max(col[0], col[1])
}

func (r *pdfReport) breakdownHeight(b breakdown) float64 {
	h := 16 + barRowH*float64(len(b.rows)) + 8
	if b.multi {
		h += 11
	}
	return h
}

// breakdowns draws each breakdown as horizontal bars, in two columns.
func (r *pdfReport) breakdowns(bs []breakdown) {
	colW := (width - colGap) / 2
	var ys [2]float64
	ys[0], ys[1] = r.y, r.y
	for i, b := range bs {
		c := i % 2
		r.breakdownBars(margin+float64(c)*(colW+colGap), ys[c], colW, b)
		ys[c] += r.breakdownHeight(b)
	}
	r.y = max(ys[0], ys[1])
}

// breakdownBars draws one breakdown at (x, y), w wide: its name, then a
// row per value with the label, a bar to scale and the count.
func (r *pdfReport) breakdownBars(x, y, w float64, b breakdown) {
	p := r.p
	r.gray(0)
	r.font(true, 9)
	p.SetXY(x, y)
	p.CellFormat(w, 13, b.name, "", 0, "L", false, 0, "")
	y += 16
	most := 0
	for _, v := range b.rows {
		most = max(most, v.count)
	}
	labelW, countW := w*0.52, 26.0
	barW := w - labelW - countW - 6
	for _, v := range b.rows {
		r.font(false, 8)
		r.gray(30)
		label := v.label
		for len(label) > 1 && p.GetStringWidth(label) > labelW-4 {
			runes := []rune(label)
			label = string(runes[:len(runes)-2]) + "…"
		}
		p.SetXY(x, y)
		p.CellFormat(labelW-4, barRowH, label, "", 0, "L", false, 0, "")
		p.SetFillColor(238, 238, 238)
		p.Rect(x+labelW, y+2, barW, barRowH-4, "F")
		if v.count > 0 && most > 0 {
			p.SetFillColor(barColour[0], barColour[1], barColour[2])
			p.Rect(x+labelW, y+2, math.Max(0.8, barW*float64(v.count)/float64(most)), barRowH-4, "F")
		}
		p.SetXY(x+labelW+barW+2, y)
		p.CellFormat(countW, barRowH, r.t.number(v.count), "", 0, "R", false, 0, "")
		y += barRowH
	}
	if b.multi {
		r.font(false, 7)
		r.gray(100)
		p.SetXY(x, y+1)
		p.CellFormat(w, 10, r.t.tr.T("report.multi"), "", 0, "L", false, 0, "")
	}
	r.gray(0)
}

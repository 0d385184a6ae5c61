package report

import (
	"fmt"
	"io"

	"codeberg.org/go-pdf/fpdf"

	"sportello/assets"
)

// A4 in points, the unit of the report.
const (
	pageW  = 595.28
	pageH  = 841.89
	margin = 48.0
	bottom = pageH - margin - 14 // below this a new page starts; the footer is under it
	width  = pageW - 2*margin
)

// Fonts of the report: the bundled Noto Sans, which has every letter of
// Italian and English, embedded (subset) so accents print as they are.
const (
	fontFamily = "NotoSans"
	fontsNeed  = "Latn"
)

// WritePDF writes the report: a first page with the title, the desk, the
// period, the generation date and every indicator against its target;
// then each indicator with its definition, total against target with a
// progress bar, a chart of monthly bars with the cumulative line, and a
// bar chart per breakdown. An indicator is never split across pages.
func WritePDF(w io.Writer, in Input) error {
	inds, err := prepare(in)
	if err != nil {
		return err
	}
	t := textsFor(in.Lang)
	p, err := newPDF(t.tr.T("report.title"), in.Lang)
	if err != nil {
		return err
	}
	r := &pdfReport{p: p, t: t}
	p.SetFooterFunc(func() {
		r.font(false, 8)
		r.gray(100)
		p.SetXY(margin, pageH-margin+6)
		p.CellFormat(width, 10, t.tr.T("report.title")+" · "+in.Desk, "", 0, "L", false, 0, "")
		p.SetXY(margin, pageH-margin+6)
		page := t.tr.Tf("report.page", map[string]any{"Page": p.PageNo(), "Pages": "{nb}"})
		p.CellFormat(width, 10, page, "", 0, "R", false, 0, "")
	})
	p.AliasNbPages("{nb}")
	p.AddPage()
	r.y = margin
	r.cover(in, inds)
	for _, ind := range inds {
		r.section(ind)
	}
	if err := p.Error(); err != nil {
		return fmt.Errorf("report: PDF: %w", err)
	}
	if err := p.Output(w); err != nil {
		return fmt.Errorf("report: write PDF: %w", err)
	}
	return nil
}

// newPDF makes an A4 document in points, dated epoch, with the fonts.
func newPDF(title, lang string) (*fpdf.Fpdf, error) {
	p := fpdf.New("P", "pt", "A4", "")
	p.SetCreationDate(epoch)
	p.SetModificationDate(epoch)
	p.SetCatalogSort(true)
	p.SetCompression(true)
	p.SetProducer("Sportello", true)
	p.SetCreator("Sportello", true)
	p.SetTitle(title, true)
	p.SetLang(lang)
	p.SetMargins(margin, margin, margin)
	p.SetAutoPageBreak(false, margin)
	for _, bold := range []bool{false, true} {
		f, ok := assets.FontFor(fontsNeed, bold)
		if !ok {
			return nil, fmt.Errorf("report: no bundled font for %s (bold %v)", fontsNeed, bold)
		}
		style := ""
		if bold {
			style = "B"
		}
		p.AddUTF8FontFromBytes(fontFamily, style, f.Data)
	}
	if err := p.Error(); err != nil {
		return nil, fmt.Errorf("report: fonts: %w", err)
	}
	return p, nil
}

// pdfReport is the report being drawn, with the cursor.
type pdfReport struct {
	p *fpdf.Fpdf
	t texts
	y float64 // the next free line, from the top
}

func (r *pdfReport) font(bold bool, size float64) {
	style := ""
	if bold {
		style = "B"
	}
	r.p.SetFont(fontFamily, style, size)
}

func (r *pdfReport) gray(g int) { r.p.SetTextColor(g, g, g) }

// para writes wrapped text at the cursor over w points from x and moves
// the cursor under it.
func (r *pdfReport) para(x, w float64, text string, bold bool, size, lineH float64) {
	r.font(bold, size)
	r.p.SetXY(x, r.y)
	r.p.MultiCell(w, lineH, text, "", "L", false)
	r.y = r.p.GetY()
}

// lines is how many lines text takes over w points in a font.
func (r *pdfReport) lines(text string, bold bool, size, w float64) int {
	r.font(bold, size)
	return max(1, len(r.p.SplitText(text, w)))
}

// room starts a new page unless h points fit under the cursor.
func (r *pdfReport) room(h float64) {
	if r.y+h > bottom && r.y > margin {
		r.p.AddPage()
		r.y = margin
	}
}

// cover is the first page's head and the table of every indicator.
func (r *pdfReport) cover(in Input, inds []indicator) {
	t := r.t
	r.gray(0)
	r.para(margin, width, t.tr.T("report.title"), true, 20, 26)
	r.gray(60)
	r.para(margin, width, t.tr.Tf("report.desk", map[string]any{"Desk": in.Desk}), false, 11, 15)
	r.para(margin, width, t.period(in.Report.From, in.Report.To), false, 11, 15)
	r.para(margin, width, t.tr.Tf("report.generated", map[string]any{"Date": t.date(in.Generated)}), false, 9, 13)
	r.y += 14
	r.gray(0)
	r.para(margin, width, t.tr.T("report.summary_heading"), true, 13, 18)
	r.y += 4
	cols := []float64{250, 55, 55, width - 360}
	r.font(true, 8.5)
	r.gray(60)
	x := margin
	for i, h := range []string{t.tr.T("report.indicator"), t.tr.T("report.persons"), t.tr.T("report.target"), t.tr.T("report.percent")} {
		r.p.SetXY(x, r.y)
		align := "R"
		if i == 0 || i == 3 {
			align = "L"
		}
		r.p.CellFormat(cols[i], 12, h, "", 0, align, false, 0, "")
		x += cols[i]
		if i == 2 {
			x += 10
		}
	}
	r.y += 14
	r.p.SetDrawColor(180, 180, 180)
	r.p.Line(margin, r.y-1, margin+width, r.y-1)
	for _, ind := range inds {
		h := float64(r.lines(ind.def.Name(t.lang), false, 9, cols[0]-6)) * 11
		r.room(h + 4)
		r.gray(0)
		r.para(margin, cols[0]-6, ind.def.Name(t.lang), false, 9, 11)
		top := r.y - h
		r.font(false, 9)
		r.p.SetXY(margin+cols[0], top)
		total := r.t.number(ind.res.Total)
		if ind.res.Pending != "" {
			total = "—"
		}
		r.p.CellFormat(cols[1], 11, total, "", 0, "R", false, 0, "")
		if ind.target != nil {
			r.p.SetXY(margin+cols[0]+cols[1], top)
			r.p.CellFormat(cols[2], 11, r.t.number(ind.target.Number), "", 0, "R", false, 0, "")
			r.progress(margin+cols[0]+cols[1]+cols[2]+10, top+2, 90, 7, ind.res.Total, ind.target.Number)
			r.font(false, 8.5)
			r.p.SetXY(margin+cols[0]+cols[1]+cols[2]+106, top)
			r.p.CellFormat(cols[3]-106, 11, r.t.percent(ind.res.Total, ind.target.Number), "", 0, "L", false, 0, "")
		}
		r.y += 3
		r.p.SetDrawColor(225, 225, 225)
		r.p.Line(margin, r.y-1.5, margin+width, r.y-1.5)
	}
}

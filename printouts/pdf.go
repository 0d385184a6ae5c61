package printouts

import (
	"bytes"
	"fmt"
	"image/color"
	"slices"
	"strings"
	"time"
	"unicode"

	"codeberg.org/go-pdf/fpdf"

	"sportello/assets"
	"sportello/typeset"
)

// A4 in points, the unit of every printout.
const (
	pageW  = 595.28
	pageH  = 841.89
	margin = 56.0
)

// epoch is the creation date written into every PDF, so output is the same
// byte for byte; the document's own date is printed on the page.
var epoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// textFont is the embedded font of the invisible text layer.
const textFont = "NotoSans"

// doc is a PDF being written, with the setter that lays out its text.
type doc struct {
	pdf    *fpdf.Fpdf
	set    *typeset.Setter
	y      float64 // the next free line, from the top
	footer func(page int) string
	head   *pageHead       // what heads every page, drawn by newPage
	band   []bandLine      // the person's identification band, under the head
	fonts  map[string]bool // PDF fonts registered for hidden text
	pages  [][]op          // what each page draws, for the preview
	gray   uint8           // the fill colour of text, as a grey level
}

func newDoc(title string) *doc {
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.SetCreationDate(epoch)
	pdf.SetModificationDate(epoch)
	pdf.SetCatalogSort(true)
	pdf.SetCompression(true)
	pdf.SetProducer("Sportello", true)
	pdf.SetCreator("Sportello", true)
	pdf.SetTitle(title, true)
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(false, margin)
	font, _ := assets.FontFor("Latn", false)
	pdf.AddUTF8FontFromBytes(textFont, "", font.Data)
	return &doc{pdf: pdf, set: typeset.NewSetter(nil)}
}

// newPage starts a page and puts the cursor under the top margin.
func (d *doc) newPage() {
	d.pdf.AddPage()
	d.pages = append(d.pages, nil)
	d.y = margin
	if d.footer != nil {
		n := d.pdf.PageNo()
		d.text(d.footer(n), "it", typeset.Style{Size: 8}, margin, pageH-margin/2, pageW-2*margin)
	}
	if d.head != nil {
		d.logo(d.head.logo)
		d.para(d.head.line, "it", styleSmall, 4)
	}
	d.drawBand()
}

// pageHead is what heads every page: the organisation's logo and a line
// naming the organisation and the desk.
type pageHead struct {
	logo []byte
	line string
}

// para sets a paragraph at the cursor over the full width and moves the
// cursor below it, with space after.
func (d *doc) para(text, lang string, style typeset.Style, after float64) {
	h := d.text(text, lang, style, margin, d.y, pageW-2*margin)
	d.y += h + after
}

// text draws a paragraph with its top-left corner at (x, y), width wide,
// and returns its height: glyph outlines to see, logical text to find.
func (d *doc) text(text, lang string, style typeset.Style, x, y, width float64) float64 {
	l := d.set.Set(typeset.Paragraph{Text: text, Lang: lang}, style, float32(width))
	d.draw(l, style, x, y)
	return float64(l.Height)
}

// measure lays a paragraph out without drawing it, to know its height.
func (d *doc) measure(text, lang string, style typeset.Style, width float64) *typeset.Layout {
	return d.set.Set(typeset.Paragraph{Text: text, Lang: lang}, style, float32(width))
}

// draw draws a laid-out paragraph with its top-left corner at (x, y): the
// glyph outlines, and the hidden text under them.
func (d *doc) draw(l *typeset.Layout, style typeset.Style, x, y float64) {
	d.fillOutline(l, style, x, y)
	d.hiddenText(l, style, x, y)
}

// fillOutline draws a layout's glyph outlines with its top-left corner at
// (x, y), without the hidden text.
func (d *doc) fillOutline(l *typeset.Layout, style typeset.Style, x, y float64) {
	segs := typeset.Outline(l, style.Size, float32(x), float32(y))
	if len(segs) == 0 {
		return
	}
	p := d.pdf
	for _, s := range segs {
		switch s.Op {
		case typeset.MoveTo:
			p.MoveTo(float64(s.Pts[0][0]), float64(s.Pts[0][1]))
		case typeset.LineTo:
			p.LineTo(float64(s.Pts[0][0]), float64(s.Pts[0][1]))
		case typeset.QuadTo:
			p.CurveTo(float64(s.Pts[0][0]), float64(s.Pts[0][1]), float64(s.Pts[1][0]), float64(s.Pts[1][1]))
		case typeset.CubicTo:
			p.CurveBezierCubicTo(float64(s.Pts[0][0]), float64(s.Pts[0][1]), float64(s.Pts[1][0]),
				float64(s.Pts[1][1]), float64(s.Pts[2][0]), float64(s.Pts[2][1]))
		case typeset.Close:
			p.ClosePath()
		}
	}
	p.DrawPath("F")
	d.record(op{kind: 'p', segs: segs, c: color.Gray{d.gray}})
}

// setGray sets the colour text is drawn in.
func (d *doc) setGray(g uint8) {
	d.gray = g
	d.pdf.SetFillColor(int(g), int(g), int(g))
}

// hiddenText lays the logical text, invisible, where each run is drawn,
// so a reader can search and copy it. It is written the way PDF readers
// expect: in the run's own font where it can be embedded, and right-to-left
// runs cluster by cluster in visual order, each at its glyph's position,
// so text extraction gives the logical order back.
func (d *doc) hiddenText(l *typeset.Layout, style typeset.Style, x, y float64) {
	p := d.pdf
	p.SetTextRenderingMode(3)
	for _, ln := range l.Lines {
		base := y + float64(ln.Baseline)
		for _, run := range ln.Runs {
			p.SetFont(d.hiddenFont(run), "", float64(style.Size))
			penX := x + float64(ln.X+run.X)
			if !run.RTL() {
				d.hiddenPiece(typeset.StripControls(l.RunText(run)), penX, base, float64(run.Advance()))
				continue
			}
			glyphs := run.Output.Glyphs
			for i := 0; i < len(glyphs); {
				g := glyphs[i]
				j, adv := i, float32(0)
				for j < len(glyphs) && glyphs[j].ClusterIndex == g.ClusterIndex {
					adv += float32(glyphs[j].Advance) / 64
					j++
				}
				start, end := g.ClusterIndex, min(g.ClusterIndex+g.RuneCount, len(l.Text))
				// A mark shaped as its own cluster is written with its
				// letter. Readers reverse the characters of a right-to-left
				// word one by one, so a piece of several (letter and mark,
				// lam-alef) is written reversed too, and comes back in order.
				if !isMark(l.Text[start]) {
					for end < len(l.Text) && isMark(l.Text[end]) {
						end++
					}
					piece := []rune(typeset.StripControls(string(l.Text[start:end])))
					slices.Reverse(piece)
					d.hiddenPiece(string(piece), penX, base, float64(adv))
				}
				penX += float64(adv)
				i = j
			}
		}
	}
	p.SetTextRenderingMode(0)
}

// hiddenPiece writes text at (x, base), stretched or squeezed (PDF Tz) to
// the width the drawn glyphs take, so a reader's word spacing matches.
func (d *doc) hiddenPiece(text string, x, base, width float64) {
	if text == "" {
		return
	}
	p := d.pdf
	natural := p.GetStringWidth(text)
	scale := 100.0
	if natural > 0.01 && width > 0.01 {
		scale = 100 * width / natural
	}
	p.RawWriteStr(fmt.Sprintf("%.2f Tz\n", scale))
	p.Text(x, base, text)
	p.RawWriteStr("100 Tz\n")
}

// hiddenFont registers (once) and names the PDF font for a run's hidden
// text: the run's own family when it is TrueType, else Noto Sans.
func (d *doc) hiddenFont(run typeset.Run) string {
	f, ok := d.set.Fonts().FontOf(run.Output.Face)
	if !ok || !strings.HasSuffix(f.File, ".ttf") {
		return textFont
	}
	name := strings.TrimSuffix(f.File, ".ttf")
	if d.fonts == nil {
		d.fonts = map[string]bool{}
	}
	if !d.fonts[name] {
		d.pdf.AddUTF8FontFromBytes(name, "", f.Data)
		d.fonts[name] = true
	}
	return name
}

// isMark reports a combining mark (harakat, hamza above, vowel signs).
func isMark(r rune) bool { return unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc) }

// logo draws the organisation's PNG logo in the top right corner, at most
// 40 points high; a logo that is not a readable PNG is left out.
func (d *doc) logo(png []byte) {
	if len(png) == 0 {
		return
	}
	opt := fpdf.ImageOptions{ImageType: "PNG", ReadDpi: false}
	info := d.pdf.RegisterImageOptionsReader("logo", opt, bytes.NewReader(png))
	if d.pdf.Err() || info == nil || info.Height() == 0 {
		d.pdf.ClearError()
		return
	}
	h := 40.0
	w := info.Width() * h / info.Height()
	if w > 140 {
		w, h = 140, info.Height()*140/info.Width()
	}
	d.pdf.ImageOptions("logo", pageW-margin-w, margin/2, w, h, false, opt, 0, "")
	d.record(op{kind: 'i', x: pageW - margin - w, y: margin / 2, w: w, h: h, img: png})
}

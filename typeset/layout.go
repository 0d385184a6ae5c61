package typeset

import (
	"slices"

	"github.com/go-text/typesetting/bidi"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// Style is how a paragraph is set.
type Style struct {
	Size       float32 // font size in pixels (or PDF points)
	Bold       bool
	LineHeight float32 // multiple of the font's line height; 0 means 1.2
}

// Paragraph is logical text with the language it is written in.
type Paragraph struct {
	Text string
	Lang string    // BCP 47; picks the direction and shaping rules
	Dir  Direction // Auto: from Lang, else from the first strong character
}

// Layout is a paragraph set into lines.
type Layout struct {
	Lines  []Line
	Width  float32 // the width it was set to, or the widest line when unbounded
	Height float32
	RTL    bool // the paragraph's direction
	Text   []rune
}

// Line is one line, its runs in visual order from left to right.
type Line struct {
	Runs       []Run
	X          float32 // where the line starts: right-aligned lines start further right
	Baseline   float32 // from the top of the layout
	Width      float32 // ink advance of the line, trailing spaces trimmed
	Start, End int     // rune range of the line in the logical text
}

// Run is a piece of a line in one font, one direction and one script.
type Run struct {
	Output     shaping.Output // glyphs in visual order, advances in 26.6
	X          float32        // left edge of the run within the line
	Level      int            // bidi embedding level: odd is right to left
	Start, End int            // rune range in the logical text
}

// RTL reports whether the run reads right to left.
func (r Run) RTL() bool { return r.Level%2 == 1 }

// Advance is the run's width.
func (r Run) Advance() float32 { return f266(r.Output.Advance) }

// Text is the run's logical text.
func (l *Layout) RunText(r Run) string { return string(l.Text[r.Start:r.End]) }

// LineText is a line's logical text.
func (l *Layout) LineText(ln Line) string { return string(l.Text[ln.Start:ln.End]) }

// Setter lays out paragraphs; it keeps buffers between calls and is not
// safe for concurrent use. Make one per goroutine.
type Setter struct {
	fonts   *Fonts
	bidi    bidi.Paragraph
	seg     shaping.Segmenter
	shaper  shaping.HarfbuzzShaper
	met     []*font.Face // the faces shaper has met, at most shaperFaces
	wrapper shaping.LineWrapper
}

// NewSetter makes a Setter over fonts (Default() when nil).
func NewSetter(fonts *Fonts) *Setter {
	if fonts == nil {
		fonts = Default()
	}
	return &Setter{fonts: fonts}
}

// shaperFaces is how many faces a Setter's shaper may have met before it
// is made anew: a line mixing two scripts, regular and bold. go-text's
// shaper keeps a shaping font and shaping plans for every face it ever
// met (its buffer's plan cache has no bound), which would keep every
// bundled face parsed for good; made anew, it lets them go, and building
// a face's shaping font again costs far less than parsing the face.
const shaperFaces = 4

// shapeItem shapes one piece, with a shaper that has met at most
// shaperFaces faces.
func (s *Setter) shapeItem(item shaping.Input) shaping.Output {
	if !slices.Contains(s.met, item.Face) {
		if len(s.met) == shaperFaces {
			s.shaper, s.met = shaping.HarfbuzzShaper{}, s.met[:0]
		}
		s.met = append(s.met, item.Face)
	}
	return s.shaper.Shape(item)
}

// Set lays p out in style, breaking lines at width (no breaks when width <= 0).
func (s *Setter) Set(p Paragraph, style Style, width float32) *Layout {
	runes := []rune(p.Text)
	dir := p.Dir
	if dir == Auto {
		dir = LanguageDirection(p.Lang)
	}
	if dir == Auto {
		dir = FirstStrong(p.Text)
	}
	out := &Layout{Text: runes, RTL: dir == RTL}
	if style.Size <= 0 {
		style.Size = 14
	}
	if style.LineHeight <= 0 {
		style.LineHeight = 1.2
	}
	if len(runes) == 0 {
		out.Height = style.Size * style.LineHeight
		return out
	}

	levels := s.levels(runes, dir)
	outputs := s.shape(runes, levels, p.Lang, style)

	// go-text trims "trailing" whitespace by the last glyph of the line's
	// last run, which in a right-to-left run is its logically first one;
	// trimTrailing below does it by logical position instead.
	cfg := shaping.WrapConfig{Direction: diOf(dir), BreakPolicy: shaping.WhenNecessary,
		DisableTrailingWhitespaceTrim: true}
	maxWidth := fixed.Int26_6(1 << 30)
	if width > 0 {
		maxWidth = fixed.Int26_6(width * 64)
	}
	lines, _ := s.wrapper.WrapParagraphF(cfg, maxWidth, runes, shaping.NewSliceIterator(outputs))

	lineHeight, ascent := metrics(outputs, style)
	y := float32(0)
	for _, ln := range lines {
		line := Line{Baseline: y + ascent, Start: len(runes), End: 0}
		for _, o := range ln {
			r := Run{Output: o, Level: int(levels[o.Runes.Offset]), Start: o.Runes.Offset, End: o.Runes.Offset + o.Runes.Count}
			line.Runs = append(line.Runs, r)
			line.Start, line.End = min(line.Start, r.Start), max(line.End, r.End)
		}
		line.End = trimTrailingSpace(runes, line.Start, line.End)
		trimTrailing(line.Runs, line.End)
		reorder(line.Runs, dir == RTL)
		x := float32(0)
		for i := range line.Runs {
			line.Runs[i].X = x
			x += line.Runs[i].Advance()
		}
		line.Width = x
		out.Lines = append(out.Lines, line)
		y += lineHeight
		out.Width = max(out.Width, line.Width)
	}
	if width > 0 {
		out.Width = width
	}
	if out.RTL {
		for i := range out.Lines {
			out.Lines[i].X = out.Width - out.Lines[i].Width
		}
	}
	out.Height = y
	return out
}

// levels resolves the bidi embedding level of every rune. Isolates
// (LRI, RLI, FSI ... PDI) are resolved here: the outer text sees each as
// one neutral character, and its content is resolved on its own at the
// next level of its direction (go-text's bidi does not close them reliably).
func (s *Setter) levels(runes []rune, dir Direction) []bidi.Level {
	base := bidi.Level(0)
	if dir == RTL {
		base = 1
	}
	levels := make([]bidi.Level, len(runes))
	s.resolve(runes, levels, base)
	return levels
}

// resolve sets levels for runes, a paragraph or an isolate's content whose
// embedding level is base.
func (s *Setter) resolve(runes []rune, levels []bidi.Level, base bidi.Level) {
	type span struct{ start, end int } // initiator .. PDI inclusive
	var spans []span
	outer := make([]rune, 0, len(runes))
	index := make([]int, 0, len(runes)) // outer position -> rune index
	for i := 0; i < len(runes); i++ {
		if r := runes[i]; r == lri || r == rli || r == fsi {
			depth, j := 1, i+1
			for ; j < len(runes) && depth > 0; j++ {
				switch runes[j] {
				case lri, rli, fsi:
					depth++
				case pdi:
					depth--
				}
			}
			spans = append(spans, span{i, j - 1})
			outer = append(outer, '\ufffc') // a neutral stands for the isolate
			index = append(index, i)
			i = j - 1
			continue
		}
		outer = append(outer, runes[i])
		index = append(index, i)
	}
	def := bidi.LeftToRight
	if base%2 == 1 {
		def = bidi.RightToLeft
	}
	var p bidi.Paragraph
	res := p.Segment(outer, def)
	offset := base - base%2 // go-text resolves from level 0 or 1
	outerLevel := make([]bidi.Level, len(outer))
	for i := 0; i < res.NumRuns(); i++ {
		r := res.Run(i)
		for j := r.Start; j < r.End; j++ {
			outerLevel[j] = r.Level + offset
		}
	}
	for k, i := range index {
		levels[i] = outerLevel[k]
	}
	for _, sp := range spans {
		lvl := levels[sp.start] // the isolate's place in the outer text
		inner := runes[sp.start+1 : sp.end]
		if sp.end >= len(runes) || runes[sp.end] != pdi {
			inner = runes[sp.start+1:] // no matching PDI: to the end
		}
		rtl := runes[sp.start] == rli || (runes[sp.start] == fsi && FirstStrong(string(inner)) == RTL)
		next := base + 1 // least level of the isolate's direction above base
		if (next%2 == 1) != rtl {
			next++
		}
		s.resolve(inner, levels[sp.start+1:sp.start+1+len(inner)], next)
		if sp.end < len(runes) {
			levels[sp.end] = lvl
		}
	}
}

// shape splits each level run by script and font and shapes the pieces, in
// logical order.
func (s *Setter) shape(runes []rune, levels []bidi.Level, lang string, style Style) []shaping.Output {
	fm := s.fonts.fontmap(style.Bold)
	size := fixed.Int26_6(style.Size * 64)
	var outputs []shaping.Output
	for start := 0; start < len(runes); {
		end := start + 1
		for end < len(runes) && levels[end] == levels[start] {
			end++
		}
		d := di.DirectionLTR
		if levels[start]%2 == 1 {
			d = di.DirectionRTL
		}
		in := shaping.Input{Text: runes, RunStart: start, RunEnd: end, Direction: d, Size: size,
			Language: language.NewLanguage(lang)}
		for _, item := range s.seg.Split(in, fm) {
			item.Direction = d // one level run keeps one direction
			outputs = append(outputs, s.shapeItem(item))
		}
		start = end
	}
	return outputs
}

// metrics gives one line height and ascent for the whole paragraph, from
// the tallest font used, so lines are evenly spaced.
func metrics(outputs []shaping.Output, style Style) (lineHeight, ascent float32) {
	var asc, desc fixed.Int26_6
	for _, o := range outputs {
		asc = max(asc, o.LineBounds.Ascent)
		desc = min(desc, o.LineBounds.Descent)
	}
	natural := f266(asc - desc)
	lineHeight = max(natural, style.Size*style.LineHeight)
	return lineHeight, f266(asc) + (lineHeight-natural)/2
}

// reorder puts runs in visual order by rule L2: from the highest level down
// to the lowest odd one, reverse every sequence of runs at that level or above.
func reorder(runs []Run, rtl bool) {
	if len(runs) == 0 {
		return
	}
	hi, loOdd := 0, 1<<30
	for _, r := range runs {
		hi = max(hi, r.Level)
		if r.Level%2 == 1 {
			loOdd = min(loOdd, r.Level)
		}
	}
	if rtl {
		loOdd = min(loOdd, 1)
	}
	for lvl := hi; lvl >= loOdd && lvl > 0; lvl-- {
		for i := 0; i < len(runs); {
			if runs[i].Level < lvl {
				i++
				continue
			}
			j := i
			for j < len(runs) && runs[j].Level >= lvl {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				runs[a], runs[b] = runs[b], runs[a]
			}
			i = j
		}
	}
}

// trimTrailing gives no width to the glyphs of the whitespace that ends a
// line (runes from end on), wherever they sit in their runs.
func trimTrailing(runs []Run, end int) {
	for i := range runs {
		o := &runs[i].Output
		if o.Runes.Offset+o.Runes.Count <= end {
			continue
		}
		glyphs := append([]shaping.Glyph(nil), o.Glyphs...)
		var adv fixed.Int26_6
		for j := range glyphs {
			if glyphs[j].ClusterIndex >= end {
				glyphs[j].Advance = 0
			}
			adv += glyphs[j].Advance
		}
		o.Glyphs, o.Advance = glyphs, adv
	}
}

func trimTrailingSpace(runes []rune, start, end int) int {
	for end > start && (runes[end-1] == ' ' || runes[end-1] == '\n' || runes[end-1] == '\u00a0') {
		end--
	}
	return end
}

func diOf(d Direction) di.Direction {
	if d == RTL {
		return di.DirectionRTL
	}
	return di.DirectionLTR
}

func f266(v fixed.Int26_6) float32 { return float32(v) / 64 }

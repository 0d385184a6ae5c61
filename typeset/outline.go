package typeset

import (
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/font/opentype"
)

// PathOp is one step of a glyph outline.
type PathOp uint8

const (
	MoveTo PathOp = iota
	LineTo
	QuadTo  // one control point, then the end point
	CubicTo // two control points, then the end point
	Close
)

// Segment is one step of an outline, in layout units with y growing
// downwards (like the page); Pts holds 1 to 3 points as the op needs.
type Segment struct {
	Op  PathOp
	Pts [3][2]float32
}

// Outline gives the glyph outlines of a whole layout, placed with its
// top-left corner at (x, y). Each glyph's contour is closed. The result is
// what a PDF draws when a script cannot be written with a font directly.
func Outline(l *Layout, size, x, y float32) []Segment {
	var out []Segment
	for _, ln := range l.Lines {
		penY := y + ln.Baseline
		for _, run := range ln.Runs {
			face := run.Output.Face
			scale := size / float32(face.Upem())
			penX := x + ln.X + run.X
			for _, g := range run.Output.Glyphs {
				gx := penX + f266(g.XOffset)
				gy := penY - f266(g.YOffset)
				if data, ok := face.GlyphData(g.GlyphID).(font.GlyphOutline); ok {
					out = appendGlyph(out, data, scale, gx, gy)
				}
				penX += f266(g.Advance)
			}
		}
	}
	return out
}

func appendGlyph(out []Segment, g font.GlyphOutline, scale, x, y float32) []Segment {
	pt := func(p opentype.SegmentPoint) [2]float32 { return [2]float32{x + p.X*scale, y - p.Y*scale} }
	open := false
	for _, s := range g.Segments {
		var seg Segment
		switch s.Op {
		case opentype.SegmentOpMoveTo:
			if open {
				out = append(out, Segment{Op: Close})
			}
			seg = Segment{Op: MoveTo, Pts: [3][2]float32{pt(s.Args[0])}}
			open = true
		case opentype.SegmentOpLineTo:
			seg = Segment{Op: LineTo, Pts: [3][2]float32{pt(s.Args[0])}}
		case opentype.SegmentOpQuadTo:
			seg = Segment{Op: QuadTo, Pts: [3][2]float32{pt(s.Args[0]), pt(s.Args[1])}}
		case opentype.SegmentOpCubeTo:
			seg = Segment{Op: CubicTo, Pts: [3][2]float32{pt(s.Args[0]), pt(s.Args[1]), pt(s.Args[2])}}
		}
		out = append(out, seg)
	}
	if open {
		out = append(out, Segment{Op: Close})
	}
	return out
}

package printouts

import (
	"io"
	"math"
	"testing"

	"sportello/model"
	"sportello/typeset"
)

// TestReferralQRClearOfText checks, in every language, that no letter is
// drawn over the QR code of a referral letter: in right-to-left letters
// the Italian lines run on the left, where the code sits.
func TestReferralQRClearOfText(t *testing.T) {
	for _, l := range model.BeneficiaryLanguages {
		sink := &previewSink{Writer: io.Discard}
		if err := documents["referral"](sink, l.Tag); err != nil {
			t.Fatalf("%s: %v", l.Tag, err)
		}
		page := sink.pages[0]
		x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for _, o := range page {
			if o.kind == 'r' {
				x0, y0 = min(x0, o.x), min(y0, o.y)
				x1, y1 = max(x1, o.x+o.w), max(y1, o.y+o.h)
			}
		}
		if math.IsInf(x0, 1) {
			t.Fatalf("%s: no QR code drawn", l.Tag)
		}
		// A glyph's control points bound its outline.
		for _, o := range page {
			for _, seg := range o.segs {
				for _, p := range seg.Pts[:points[seg.Op]] {
					if x, y := float64(p[0]), float64(p[1]); x > x0 && x < x1 && y > y0 && y < y1 {
						t.Fatalf("%s: a letter is drawn over the QR code (at %.0f, %.0f)", l.Tag, x, y)
					}
				}
			}
		}
	}
}

// points is how many points each path operation uses.
var points = map[typeset.PathOp]int{typeset.MoveTo: 1, typeset.LineTo: 1, typeset.QuadTo: 2, typeset.CubicTo: 3}

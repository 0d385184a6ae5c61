package printouts

import (
	"image/color"
	"io"
	"math"
	"testing"

	"sportello/model"
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
		var glyphs []op
		for _, o := range page {
			switch o.kind {
			case 'r':
				x0, y0 = min(x0, o.x), min(y0, o.y)
				x1, y1 = max(x1, o.x+o.w), max(y1, o.y+o.h)
			case 'p':
				glyphs = append(glyphs, o)
			}
		}
		if math.IsInf(x0, 1) {
			t.Fatalf("%s: no QR code drawn", l.Tag)
		}
		const scale = 2
		img := rasterise(glyphs, scale)
		inked := 0
		for y := int(y0 * scale); y < int(y1*scale); y++ {
			for x := int(x0 * scale); x < int(x1*scale); x++ {
				if g := color.GrayModel.Convert(img.At(x, y)).(color.Gray); g.Y < 200 {
					inked++
				}
			}
		}
		if inked > 0 {
			t.Errorf("%s: text drawn over the QR code (%d dark pixels in it)", l.Tag, inked)
		}
	}
}

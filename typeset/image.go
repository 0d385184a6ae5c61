package typeset

import (
	"image"
	"image/color"
	"math"

	"github.com/go-text/render"
)

// Image draws the layout into a new transparent image at scale (device
// pixels per layout unit), in color. The image is as wide as the layout
// and as tall as its lines.
func Image(l *Layout, size float32, scale float32, c color.Color) *image.NRGBA {
	w := int(math.Ceil(float64(l.Width * scale)))
	h := int(math.Ceil(float64(l.Height * scale)))
	img := image.NewNRGBA(image.Rect(0, 0, max(w, 1), max(h, 1)))
	Draw(img, l, size, scale, 0, 0, c)
	return img
}

// Draw draws the layout onto img with its top-left corner at (x, y) pixels.
func Draw(img *image.NRGBA, l *Layout, size, scale float32, x, y int, c color.Color) {
	r := &render.Renderer{FontSize: size, PixScale: scale, Color: c}
	for _, ln := range l.Lines {
		base := y + int(math.Round(float64(ln.Baseline*scale)))
		for _, run := range ln.Runs {
			left := x + int(math.Round(float64((ln.X+run.X)*scale)))
			r.DrawShapedRunAt(run.Output, img, left, base)
		}
	}
}

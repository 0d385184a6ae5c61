package printouts

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io"

	"github.com/srwiley/rasterx"
	"golang.org/x/image/draw"
	"golang.org/x/image/math/fixed"

	"sportello/typeset"
)

// op is one drawing operation of a page, kept for the preview.
type op struct {
	kind   byte // 'p' filled glyph path, 'r' filled rectangle, 's' stroked rectangle, 'l' line, 'i' image
	segs   []typeset.Segment
	x, y   float64
	w, h   float64
	x2, y2 float64
	c      color.Gray
	img    []byte
}

// record adds an operation to the current page.
func (d *doc) record(o op) {
	if len(d.pages) == 0 {
		d.pages = append(d.pages, nil)
	}
	d.pages[len(d.pages)-1] = append(d.pages[len(d.pages)-1], o)
}

// fillRect, strokeRect and line draw on the PDF and record for the preview.
func (d *doc) fillRect(x, y, w, h float64, gray uint8) {
	d.pdf.SetFillColor(int(gray), int(gray), int(gray))
	d.pdf.Rect(x, y, w, h, "F")
	d.record(op{kind: 'r', x: x, y: y, w: w, h: h, c: color.Gray{gray}})
}

func (d *doc) strokeRect(x, y, w, h float64, gray uint8) {
	d.pdf.SetDrawColor(int(gray), int(gray), int(gray))
	d.pdf.Rect(x, y, w, h, "D")
	d.record(op{kind: 's', x: x, y: y, w: w, h: h, c: color.Gray{gray}})
}

func (d *doc) line(x, y, x2, y2 float64, gray uint8) {
	d.pdf.SetDrawColor(int(gray), int(gray), int(gray))
	d.pdf.Line(x, y, x2, y2)
	d.record(op{kind: 'l', x: x, y: y, x2: x2, y2: y2, c: color.Gray{gray}})
}

// previewSink is a writer that wants the pages as pictures, not PDF bytes.
type previewSink struct {
	io.Writer
	pages [][]op
}

// Preview renders a document (any Render function) to one image per page,
// at scale pixels per point, for showing before printing; the pictures
// are drawn from the same operations as the PDF.
func Preview(render func(io.Writer) error, scale float64) ([]image.Image, error) {
	sink := &previewSink{Writer: io.Discard}
	if err := render(sink); err != nil {
		return nil, err
	}
	var out []image.Image
	for _, page := range sink.pages {
		out = append(out, rasterise(page, scale))
	}
	return out, nil
}

// output writes the PDF, or hands the pages over to a preview.
func (d *doc) output(w io.Writer) error {
	if s, ok := w.(*previewSink); ok {
		s.pages = d.pages
		return nil
	}
	return d.pdf.Output(w)
}

func rasterise(page []op, scale float64) image.Image {
	wpx, hpx := int(pageW*scale), int(pageH*scale)
	img := image.NewRGBA(image.Rect(0, 0, wpx, hpx))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	pt := func(x, y float64) fixed.Point26_6 {
		return fixed.Point26_6{X: fixed.Int26_6(x * scale * 64), Y: fixed.Int26_6(y * scale * 64)}
	}
	for _, o := range page {
		switch o.kind {
		case 'p':
			f := rasterx.NewFiller(wpx, hpx, rasterx.NewScannerGV(wpx, hpx, img, img.Bounds()))
			f.SetColor(o.c)
			for _, s := range o.segs {
				p := s.Pts
				switch s.Op {
				case typeset.MoveTo:
					f.Start(pt(float64(p[0][0]), float64(p[0][1])))
				case typeset.LineTo:
					f.Line(pt(float64(p[0][0]), float64(p[0][1])))
				case typeset.QuadTo:
					f.QuadBezier(pt(float64(p[0][0]), float64(p[0][1])), pt(float64(p[1][0]), float64(p[1][1])))
				case typeset.CubicTo:
					f.CubeBezier(pt(float64(p[0][0]), float64(p[0][1])), pt(float64(p[1][0]), float64(p[1][1])), pt(float64(p[2][0]), float64(p[2][1])))
				case typeset.Close:
					f.Stop(true)
				}
			}
			f.Draw()
		case 'r':
			draw.Draw(img, image.Rect(int(o.x*scale), int(o.y*scale), int((o.x+o.w)*scale+0.5), int((o.y+o.h)*scale+0.5)),
				image.NewUniform(o.c), image.Point{}, draw.Over)
		case 's':
			for _, r := range []image.Rectangle{
				image.Rect(int(o.x*scale), int(o.y*scale), int((o.x+o.w)*scale), int(o.y*scale)+1),
				image.Rect(int(o.x*scale), int((o.y+o.h)*scale), int((o.x+o.w)*scale)+1, int((o.y+o.h)*scale)+1),
				image.Rect(int(o.x*scale), int(o.y*scale), int(o.x*scale)+1, int((o.y+o.h)*scale)),
				image.Rect(int((o.x+o.w)*scale), int(o.y*scale), int((o.x+o.w)*scale)+1, int((o.y+o.h)*scale)+1),
			} {
				draw.Draw(img, r, image.NewUniform(o.c), image.Point{}, draw.Over)
			}
		case 'l':
			draw.Draw(img, image.Rect(int(o.x*scale), int(o.y*scale), int(o.x2*scale)+1, int(o.y2*scale)+1),
				image.NewUniform(o.c), image.Point{}, draw.Over)
		case 'i':
			if src, err := png.Decode(bytes.NewReader(o.img)); err == nil {
				dst := image.Rect(int(o.x*scale), int(o.y*scale), int((o.x+o.w)*scale), int((o.y+o.h)*scale))
				draw.CatmullRom.Scale(img, dst, src, src.Bounds(), draw.Over, nil)
			}
		}
	}
	return img
}

package ui

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sportello/typeset"
)

// setter lays out every scriptText; widgets live on the UI goroutine, so
// one is enough.
var setter *typeset.Setter

// scriptText is read-only text in any of the person's languages, laid out
// by the typeset package: shaped with the bundled fonts, bidi runs in
// visual order, wrapped to the widget's width, right-aligned when the
// paragraph is right to left. Fyne's own labels lay runs left to right
// (fyne#90); this is what shows a person's language wherever it appears.
// The text is kept in logical order.
type scriptText struct {
	widget.BaseWidget
	text, lang string
	bold       bool
	sizeName   fyne.ThemeSizeName
	// wrap breaks lines at the widget's width; without it the text is one
	// line as wide as it needs, like a name.
	wrap bool
}

// newScriptText shows a single line, such as a name.
func newScriptText(text, lang string) *scriptText {
	t := &scriptText{text: text, lang: lang, sizeName: theme.SizeNameText}
	t.ExtendBaseWidget(t)
	return t
}

// newScriptParagraph shows text wrapped to the widget's width.
func newScriptParagraph(text, lang string) *scriptText {
	t := newScriptText(text, lang)
	t.wrap = true
	return t
}

// SetText changes the text and its language.
func (t *scriptText) SetText(text, lang string) {
	t.text, t.lang = text, lang
	t.Refresh()
}

func (t *scriptText) CreateRenderer() fyne.WidgetRenderer {
	r := &scriptTextRenderer{t: t}
	// A raster is drawn on demand at the pixel size it is shown at, so
	// the glyphs are sharp at any scale and never come from a stale cache.
	r.img = canvas.NewRaster(r.draw)
	return r
}

type scriptTextRenderer struct {
	t   *scriptText
	img *canvas.Raster
	// layout is the text set for the width below, until it is drawn: it
	// holds the faces it was shaped with, and a text drawn lets go of them
	// (a list's rows let go are kept by Fyne a minute or more, and
	// Settings → Languages, scrolled through, kept every script's faces).
	// Drawn again, the text is set again.
	layout  *typeset.Layout
	set     bool           // measures below are the text's at width
	measure typeset.Layout // the layout's width, height and direction, without its lines
	width   float32        // the width layout was made for
	text    string         // the text layout was made for
}

func (r *scriptTextRenderer) pad() float32 { return r.t.Theme().Size(theme.SizeNameInnerPadding) }

func (r *scriptTextRenderer) size() float32 { return r.t.Theme().Size(r.t.sizeName) }

// relayout sets the text at width when anything changed.
func (r *scriptTextRenderer) relayout(width float32) {
	inner := width - 2*r.pad()
	if !r.t.wrap {
		inner = 0 // one line, as wide as the text
	}
	if r.set && r.width == inner && r.text == r.t.text+r.t.lang {
		return
	}
	r.width, r.text = inner, r.t.text+r.t.lang
	r.layout = r.setText()
	r.measure = typeset.Layout{Width: r.layout.Width, Height: r.layout.Height, RTL: r.layout.RTL}
	r.set = true
}

// setText lays the text out at the width relayout chose.
func (r *scriptTextRenderer) setText() *typeset.Layout {
	return setterFor().Set(typeset.Paragraph{Text: r.t.text, Lang: r.t.lang},
		typeset.Style{Size: r.size(), Bold: r.t.bold}, r.width)
}

// draw rasterises the layout at w×h device pixels in the theme's colour,
// then lets the layout go.
func (r *scriptTextRenderer) draw(w, h int) image.Image {
	img := image.NewNRGBA(image.Rect(0, 0, max(w, 1), max(h, 1)))
	if !r.set || r.measure.Width <= 0 {
		return img
	}
	l := r.layout
	if l == nil {
		l = r.setText()
	}
	r.layout = nil
	scale := float32(w) / l.Width
	fg := r.t.Theme().Color(theme.ColorNameForeground, fyne.CurrentApp().Settings().ThemeVariant())
	typeset.Draw(img, l, r.size(), scale, 0, 0, fg)
	return img
}

func (r *scriptTextRenderer) Layout(size fyne.Size) {
	r.relayout(size.Width)
	p := r.pad()
	x := p
	if r.measure.RTL && !r.t.wrap {
		x = max(p, size.Width-p-r.measure.Width) // a right-to-left line sits on the right
	}
	r.img.Move(fyne.NewPos(x, p/2))
	r.img.Resize(fyne.NewSize(r.measure.Width, r.measure.Height))
}

func (r *scriptTextRenderer) MinSize() fyne.Size {
	if !r.t.wrap {
		r.relayout(0)
		return fyne.NewSize(r.measure.Width+2*r.pad(), r.measure.Height+r.pad())
	}
	w := r.t.Size().Width
	if w <= 2*r.pad() {
		// Not laid out yet: ask for one unwrapped line's size.
		l := setterFor().Set(typeset.Paragraph{Text: r.t.text, Lang: r.t.lang},
			typeset.Style{Size: r.size(), Bold: r.t.bold}, 0)
		return fyne.NewSize(min(l.Width, 320)+2*r.pad(), l.Height+r.pad())
	}
	r.relayout(w)
	return fyne.NewSize(2*r.pad()+r.size()*2, r.measure.Height+r.pad())
}

func (r *scriptTextRenderer) Refresh() {
	r.layout, r.set = nil, false
	r.relayout(r.t.Size().Width)
	r.Layout(r.t.Size())
	r.img.Refresh()
}

func (r *scriptTextRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.img} }
func (r *scriptTextRenderer) Destroy()                     {}

func setterFor() *typeset.Setter {
	if setter == nil {
		setter = typeset.NewSetter(nil)
	}
	return setter
}

package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// optionButton is one answer option: the operator's label and the person's
// (drawn by scriptText, so any script reads right), either or both. It is
// tapped, or focused with Tab and chosen with Space or Enter.
type optionButton struct {
	widget.BaseWidget
	operator, person, lang string
	selected, focused      bool
	big                    bool // person view: large type
	onTap                  func()
	onFocus                func(fyne.CanvasObject) // scrolls it into view
}

func newOptionButton(operator, person, lang string, onTap func()) *optionButton {
	b := &optionButton{operator: operator, person: person, lang: lang, onTap: onTap}
	b.ExtendBaseWidget(b)
	return b
}

func (b *optionButton) setSelected(on bool) {
	b.selected = on
	b.Refresh()
}

func (b *optionButton) Tapped(*fyne.PointEvent) {
	if b.onTap != nil {
		b.onTap()
	}
}

func (b *optionButton) FocusGained() {
	b.focused = true
	b.Refresh()
	if b.onFocus != nil {
		b.onFocus(b)
	}
}
func (b *optionButton) FocusLost() { b.focused = false; b.Refresh() }
func (b *optionButton) TypedRune(r rune) {
	if r == ' ' {
		b.Tapped(nil)
	}
}
func (b *optionButton) TypedKey(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter {
		b.Tapped(nil)
	}
}

func (b *optionButton) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameButton))
	bg.CornerRadius = theme.InputRadiusSize()
	border := canvas.NewRectangle(color.Transparent)
	border.StrokeColor = focusRing()
	border.StrokeWidth = 3
	border.CornerRadius = theme.InputRadiusSize()
	var rows []fyne.CanvasObject
	if b.operator != "" {
		l := widget.NewLabel(b.operator)
		l.Wrapping = fyne.TextWrapWord
		if b.big {
			l.SizeName = theme.SizeNameHeadingText
		}
		rows = append(rows, l)
	}
	if b.person != "" {
		p := newScriptParagraph(b.person, b.lang)
		if b.big {
			p.sizeName = theme.SizeNameSubHeadingText
		}
		rows = append(rows, p)
	}
	content := container.NewVBox(rows...)
	return &optionRenderer{b: b, bg: bg, border: border, content: content}
}

type optionRenderer struct {
	b          *optionButton
	bg, border *canvas.Rectangle
	content    *fyne.Container
}

func (r *optionRenderer) Layout(s fyne.Size) {
	r.bg.Resize(s)
	r.border.Resize(s)
	r.content.Resize(s)
}

func (r *optionRenderer) MinSize() fyne.Size {
	m := r.content.MinSize()
	if r.b.big {
		m.Height = max(m.Height, 64)
	}
	return m
}

func (r *optionRenderer) Refresh() {
	r.bg.FillColor = theme.Color(theme.ColorNameButton)
	if r.b.selected {
		r.bg.FillColor = theme.Color(theme.ColorNameSelection)
	}
	if r.b.focused && !r.b.selected {
		r.bg.FillColor = theme.Color(theme.ColorNameHover)
	}
	r.border.StrokeColor = focusRing()
	r.border.Hidden = !r.b.focused
	r.bg.Refresh()
	r.border.Refresh()
	r.content.Refresh()
}

func (r *optionRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.content, r.border}
}
func (r *optionRenderer) Destroy() {}

// focusRing is the theme's focus colour made opaque: the theme's own is
// half transparent, faint on a card against a dark background.
func focusRing() color.Color {
	c := color.NRGBAModel.Convert(theme.Color(theme.ColorNameFocus)).(color.NRGBA)
	c.A = 0xff
	return c
}

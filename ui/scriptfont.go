package ui

import (
	"image/color"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/go-text/typesetting/fontscan"

	"sportello/assets"
)

// fontScripts are the scripts whose letters the interface font (Noto Sans:
// Latin, Cyrillic, Greek) does not draw, with the bundled font for each.
// Without them Fyne falls back to the system's fonts, and a desk without
// Arabic or Chinese fonts would draw a person's name as boxes.
var fontScripts = []struct {
	table  *unicode.RangeTable
	script string
}{
	{unicode.Arabic, "Arab"}, {unicode.Han, "Hans"}, {unicode.Bengali, "Beng"},
	{unicode.Gurmukhi, "Guru"}, {unicode.Devanagari, "Deva"}, {unicode.Ethiopic, "Ethi"},
	{unicode.Sinhala, "Sinh"}, {unicode.Tamil, "Taml"},
}

// textScript is the script of the first letter of s that the interface
// font does not draw, or "" when it draws them all.
func textScript(s string) string {
	for _, r := range s {
		if script := runeScript(r); script != "" {
			return script
		}
	}
	return ""
}

// runeScript is the script of r when the interface font does not draw it,
// else "".
func runeScript(r rune) string {
	for _, f := range fontScripts {
		if unicode.Is(f.table, r) {
			return f.script
		}
	}
	return ""
}

// scriptTheme is the window's theme with the bundled font of one script
// first; letters it lacks (digits, Latin) fall back to the interface font.
type scriptTheme struct {
	regular, bold fyne.Resource // nil: the interface font
}

func newScriptTheme(script string) *scriptTheme {
	t := &scriptTheme{}
	if f, ok := assets.FontFor(script, false); ok {
		t.regular = fyne.NewStaticResource(f.File, f.Data)
	}
	if f, ok := assets.FontFor(script, true); ok {
		t.bold = fyne.NewStaticResource(f.File, f.Data)
	}
	return t
}

func (t *scriptTheme) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t *scriptTheme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Monospace || s.Symbol || t.regular == nil:
		return t.base().Font(s)
	case s.Bold && t.bold != nil:
		return t.bold
	}
	return t.regular
}

func (t *scriptTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return t.base().Color(n, v)
}
func (t *scriptTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }
func (t *scriptTheme) Size(n fyne.ThemeSizeName) float32       { return t.base().Size(n) }

// inTypedScript holds an entry where a person's name may be typed in any
// script. The entry is drawn with the window's fonts, and Fyne falls back
// to the system's for the letters they lack; only when the system has no
// font for a letter typed (fontFor) is the entry put in a theme override
// with that script's bundled font, which then follows the script typed.
// Each override, and each change of its theme, has Fyne parse its fonts
// anew and keep them (its shaper holds every face it shaped): ten edits of
// a person with a name in Gurmukhi took Fyne's fonts from 10 to 18 MB. It
// keeps the entry's own OnChanged.
func inTypedScript(e *widget.Entry) *fyne.Container {
	holder := container.NewStack(e)
	var o *container.ThemeOverride
	script := ""
	follow := func(s string) {
		now := fontFor(s, systemFonts())
		switch {
		case now == script:
		case o == nil:
			o = container.NewThemeOverride(e, newScriptTheme(now))
			holder.Objects[0] = o
			holder.Refresh()
		default:
			o.Theme = newScriptTheme(now)
			o.Refresh()
		}
		script = now
	}
	follow(e.Text)
	then := e.OnChanged
	e.OnChanged = func(s string) {
		follow(s)
		if then != nil {
			then(s)
		}
	}
	return holder
}

// fontFor is the script whose bundled font draws s in an entry: that of
// its first letter the interface font lacks, when some letter the
// interface font lacks is drawn by none of the system's fonts (system);
// else "" (the interface font, Fyne falling back to the system's).
func fontFor(s string, system []fontscan.Footprint) string {
	script := textScript(s)
	if script == "" {
		return ""
	}
	for _, r := range s {
		if runeScript(r) != "" && !anyDraws(system, r) {
			return script
		}
	}
	return ""
}

// anyDraws tells whether a font of fonts has a glyph for r.
func anyDraws(fonts []fontscan.Footprint, r rune) bool {
	for _, f := range fonts {
		if f.Runes.Contains(r) {
			return true
		}
	}
	return false
}

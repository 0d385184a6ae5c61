package ui

import (
	"bytes"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/fontscan"
)

// A name typed in the person list's search or the registration's
// own-script field is drawn with a bundled font that has every letter, so
// that a desk without system fonts for the script draws no boxes; a Latin
// name keeps the interface font. Names change script as they are typed.
func TestTypedNamesDrawnWithBundledFonts(t *testing.T) {
	test.NewTempApp(t)
	e := widget.NewEntry()
	o := inTypedScript(e)
	for _, name := range []string{"王喆", "عمران خان", "نسرین آکتار", "নাসরিন আক্তার", "ਹਰਜੀਤ ਕੌਰ", "हरजीत कौर",
		"ዮናስ ተስፋዬ", "Тарас Бондар", "Farid 123"} {
		e.SetText(name)
		th, ok := o.Theme.(*scriptTheme)
		if !ok {
			t.Fatalf("%s: the entry's theme is a %T", name, o.Theme)
		}
		for _, bold := range []bool{false, true} {
			res := th.Font(fyne.TextStyle{Bold: bold})
			if textScript(name) == "" {
				if res != th.base().Font(fyne.TextStyle{Bold: bold}) {
					t.Errorf("%s is drawn with %s, not the interface font", name, res.Name())
				}
				continue
			}
			face, err := font.ParseTTF(bytes.NewReader(res.Content()))
			if err != nil {
				t.Fatalf("%s: %s: %v", name, res.Name(), err)
			}
			for _, r := range name {
				if !unicode.IsLetter(r) && !unicode.IsMark(r) {
					continue
				}
				if _, has := face.NominalGlyph(r); !has {
					t.Errorf("%s (bold %v): %s has no glyph for %q", name, bold, res.Name(), r)
				}
			}
		}
	}
}

// An entry switches to a bundled font only for letters no system font
// draws: Fyne falls back to the system's fonts for the others, and each
// switch leaves its fonts parsed for the rest of the session.
func TestTypedNamesUseTheSystemsFontsWhenItHasThem(t *testing.T) {
	var arabic, gurmukhiPart fontscan.Footprint
	for r := rune(0x0600); r <= 0x06FF; r++ {
		arabic.Runes.Add(r)
	}
	for _, r := range "ਹਰਜੀਤ" { // not ਕੌ
		gurmukhiPart.Runes.Add(r)
	}
	for _, c := range []struct {
		text   string
		system []fontscan.Footprint
		want   string
	}{
		{"Farid", nil, ""},
		{"عمران خان", nil, "Arab"},
		{"عمران خان", []fontscan.Footprint{arabic}, ""},
		{"Imran عمران 12", []fontscan.Footprint{gurmukhiPart, arabic}, ""},
		{"ਹਰਜੀਤ", []fontscan.Footprint{arabic, gurmukhiPart}, ""},
		{"ਹਰਜੀਤ ਕੌਰ", []fontscan.Footprint{arabic, gurmukhiPart}, "Guru"},
		{"王喆", []fontscan.Footprint{arabic}, "Hans"},
	} {
		if got := fontFor(c.text, c.system); got != c.want {
			t.Errorf("%q with %d system fonts: drawn with %q's font, want %q", c.text, len(c.system), got, c.want)
		}
	}
}

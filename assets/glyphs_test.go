package assets_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"

	"sportello/assets"
	"sportello/demo"
	"sportello/model"
)

// rareNameHanzi are hanzi of Chinese personal names. Most lie outside
// GB2312 (喆 堃 珺 玥 昇 琇 犇 燚 镕 瑄 璟 祎 翀 曌 彧 旻 崟 and more), the
// rest inside it; the bundled Chinese font must draw them all.
const rareNameHanzi = "喆堃珺玥昇琇犇淼燚鑫镕昊晗琦瑄璟玮祎颢煜钰婧璐桠翀曌槿彧旻昕炜崟赟韡頔骞昱"

// glyphChecker looks characters up in the bundled fonts (cmap only, no
// rendering): a character of a script is looked for in the font
// assets.FontFor gives that script; a common one (digit, punctuation,
// symbol) in the font of its text's script first and then in every
// bundled font, as the typesetter's fallback does.
type glyphChecker struct {
	faces map[string]*font.Face // by file name
}

func newGlyphChecker(t *testing.T) *glyphChecker {
	t.Helper()
	c := &glyphChecker{faces: map[string]*font.Face{}}
	for _, f := range assets.Fonts() {
		face, err := font.ParseTTF(bytes.NewReader(f.Data))
		if err != nil {
			t.Fatalf("%s: %v", f.File, err)
		}
		c.faces[f.File] = face
	}
	return c
}

// missing returns one message for each character of text that the
// bundled fonts would not draw, naming the character, where it comes
// from (source) and the font that lacks it. script is the ISO 15924 code
// of the text's language.
func (c *glyphChecker) missing(source, script, text string) []string {
	var out []string
	seen := map[rune]bool{}
	for _, r := range text {
		if seen[r] || unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			continue // line breaks, tabs, bidi marks and joiners are not drawn as glyphs
		}
		seen[r] = true
		for _, bold := range []bool{false, true} {
			if msg := c.lacks(r, script, bold); msg != "" {
				out = append(out, fmt.Sprintf("%s: %q (U+%04X) %s", source, r, r, msg))
			}
		}
	}
	return out
}

// lacks says which font lacks r, or "" when r has a glyph.
func (c *glyphChecker) lacks(r rune, script string, bold bool) string {
	style := "regular"
	if bold {
		style = "bold"
	}
	if s := language.LookupScript(r); s.Strong() {
		f, ok := assets.FontFor(s.String(), bold)
		if !ok {
			return fmt.Sprintf("is in script %s, for which no font is bundled (%s)", s, style)
		}
		if _, has := c.faces[f.File].NominalGlyph(r); !has {
			return fmt.Sprintf("has no glyph in %s, the font for script %s", f.File, s)
		}
		return ""
	}
	if f, ok := assets.FontFor(script, bold); ok {
		if _, has := c.faces[f.File].NominalGlyph(r); has {
			return ""
		}
	}
	for _, f := range assets.Fonts() {
		if f.Bold != bold {
			continue
		}
		if _, has := c.faces[f.File].NominalGlyph(r); has {
			return ""
		}
	}
	return fmt.Sprintf("has no glyph in any bundled %s font (the text is in %s)", style, script)
}

func report(t *testing.T, missing []string) {
	t.Helper()
	const most = 40
	for i, m := range missing {
		if i == most {
			t.Errorf("... and %d more", len(missing)-most)
			break
		}
		t.Error(m)
	}
}

// scriptOf is the script of a locale file's language: the interface files
// (ui.it, ui.en) and any language not in the table are in Latin letters.
func scriptOf(lang string) string {
	if l, ok := model.LanguageByTag(lang); ok {
		return l.Script
	}
	return "Latn"
}

// TestLocaleGlyphs checks that every character of every locale file has a
// glyph in the bundled font chosen for its script.
func TestLocaleGlyphs(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "locales", "*.toml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no locale files found (%v)", err)
	}
	c := newGlyphChecker(t)
	var missing []string
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		// AREA.LANG.toml
		parts := strings.Split(filepath.Base(p), ".")
		lang := parts[len(parts)-2]
		missing = append(missing, c.missing("locales/"+filepath.Base(p), scriptOf(lang), string(data))...)
	}
	report(t, missing)
}

// TestDemoNameGlyphs checks the demo's names, Latin and own-script.
func TestDemoNameGlyphs(t *testing.T) {
	names := demo.Names()
	if len(names) == 0 {
		t.Fatal("demo.Names is empty")
	}
	c := newGlyphChecker(t)
	var missing []string
	for _, n := range names {
		missing = append(missing, c.missing("demo name "+n.Text, scriptOf(n.Lang), n.Text)...)
	}
	report(t, missing)
}

// TestRareNameHanzi checks hanzi of personal names outside GB2312, and that
// the Chinese font covers the whole CJK Unified Ideographs block as far as
// Noto Sans CJK 2.004 goes (U+4E00–U+9FEF, Unicode 11; U+9FF0–9FFF came
// later and are in no release of it).
func TestRareNameHanzi(t *testing.T) {
	c := newGlyphChecker(t)
	report(t, c.missing("rare name hanzi", "Hans", rareNameHanzi))
	report(t, c.missing("the name 王喆", "Hans", "王喆"))

	var block strings.Builder
	for r := rune(0x4E00); r <= 0x9FEF; r++ {
		block.WriteRune(r)
	}
	report(t, c.missing("CJK Unified Ideographs", "Hans", block.String()))
}

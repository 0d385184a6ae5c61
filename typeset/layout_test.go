package typeset

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
)

// visual describes a laid-out line as its runs in visual order, each as
// "text@level", skipping runs that are only spaces or isolate controls.
func visual(l *Layout, ln Line) string {
	var parts []string
	for _, r := range ln.Runs {
		t := strings.TrimSpace(StripControls(l.RunText(r)))
		if t == "" {
			continue
		}
		parts = append(parts, fmt.Sprintf("%s@%d", t, r.Level))
	}
	return strings.Join(parts, " | ")
}

func TestVisualOrder(t *testing.T) {
	s := NewSetter(nil)
	cases := []struct {
		name, lang, text string
		rtl              bool
		want             string // runs left to right
	}{
		{"Arabic label and name", "ar", "الاسم: محمد", true, "الاسم: محمد@1"},
		{"Arabic, digits, Latin", "ar", "مرحبا 123 abc", true, "abc@2 | 123@2 | مرحبا@1"},
		{"parentheses around a number", "ar", "(رقم 42)", true, ")@1 | 42@2 | رقم@1 | (@1"},
		// Three levels: go-text's own wrapper orders these two-level only.
		{"Arabic with a number inside English", "en", "Name: محمد 123 علي", false, "Name:@0 | علي@1 | 123@2 | محمد@1"},
		{"Urdu sentence", "ur", "آپ کا کیس کوڈ ہے", true, "آپ کا کیس کوڈ ہے@1"},
		{"Italian, no bidi at all", "it", "Via Roma 3, Latina", false, "Via Roma 3, Latina@0"},
		{"direction from the first strong character", "", "שלום abc", true, "abc@2 | שלום@1"},
		{"Bengali", "bn", "আপনার কেস কোড", false, "আপনার কেস কোড@0"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := s.Set(Paragraph{Text: c.text, Lang: c.lang}, Style{Size: 16}, 0)
			if l.RTL != c.rtl {
				t.Errorf("RTL = %v", l.RTL)
			}
			if len(l.Lines) != 1 {
				t.Fatalf("%d lines", len(l.Lines))
			}
			if got := visual(l, l.Lines[0]); got != c.want {
				t.Errorf("visual order\n got %s\nwant %s", got, c.want)
			}
		})
	}
}

// TestIsolatesKeepNumbersTogether: a phone number put into Arabic text
// stays one left-to-right number with its groups in order only when isolated.
// TestSpacesStayBetweenRuns: every space of the text keeps its width, also
// the one that starts a right-to-left run at the end of a line (go-text's
// own trimming took it away).
func TestSpacesStayBetweenRuns(t *testing.T) {
	s := NewSetter(nil)
	for _, c := range []struct{ lang, text string }{
		{"en", "Name: محمد 123 علي"},
		{"ar", "مرحبا 123 abc"},
		{"it", "Via Roma 3, Latina"},
	} {
		l := s.Set(Paragraph{Text: c.text, Lang: c.lang}, Style{Size: 20}, 0)
		for _, r := range l.Lines[0].Runs {
			for _, g := range r.Output.Glyphs {
				if l.Text[g.ClusterIndex] == ' ' && g.Advance == 0 {
					t.Errorf("%q: the space at %d has no width", c.text, g.ClusterIndex)
				}
			}
		}
	}
	// Spaces that end a wrapped line take no room.
	l := s.Set(Paragraph{Text: "alfa beta gamma delta epsilon zeta eta theta", Lang: "it"}, Style{Size: 20}, 120)
	for i, ln := range l.Lines[:len(l.Lines)-1] {
		last := ln.Runs[len(ln.Runs)-1]
		if g := last.Output.Glyphs[len(last.Output.Glyphs)-1]; l.Text[g.ClusterIndex] == ' ' && g.Advance != 0 {
			t.Errorf("line %d ends with a space that takes room", i)
		}
	}
}

func TestIsolatesKeepNumbersTogether(t *testing.T) {
	s := NewSetter(nil)
	phone := "+39 333 123 4567"
	digitsInOrder := func(l *Layout) string {
		var groups []string
		for _, r := range l.Lines[0].Runs {
			t := strings.TrimSpace(strings.ReplaceAll(StripControls(l.RunText(r)), "\u00a0", " "))
			if t != "" && strings.IndexFunc(t, unicode.IsDigit) >= 0 && !strings.ContainsFunc(t, unicode.IsLetter) {
				groups = append(groups, t)
			}
		}
		return strings.Join(groups, " ")
	}
	bare := s.Set(Paragraph{Text: "اتصل بالرقم " + phone + " مجانا", Lang: "ar"}, Style{Size: 16}, 0)
	if got := digitsInOrder(bare); got == phone {
		t.Fatalf("without an isolate the groups should be reordered by the bidi algorithm, got %q", got)
	}
	iso := s.Set(Paragraph{Text: "اتصل بالرقم " + IsolateLTR(phone) + " مجانا", Lang: "ar"}, Style{Size: 16}, 0)
	if got := digitsInOrder(iso); got != phone {
		t.Fatalf("isolated phone number reads %q, want %q", got, phone)
	}
	// And the number sits between the two Arabic words: right word, number, left word.
	if got := visual(iso, iso.Lines[0]); !strings.HasPrefix(got, "مجانا@1") || !strings.HasSuffix(got, "اتصل بالرقم@1") {
		t.Errorf("isolated number placement: %s", got)
	}
}

// TestIsolatedDataNeverBreaks: at any width, a phone number put into a
// sentence stays on one line.
func TestIsolatedDataNeverBreaks(t *testing.T) {
	s := NewSetter(nil)
	phone := "800 290 290"
	text := "يمكنك الاتصال مجانًا بخط المساعدة على الرقم " + IsolateLTR(phone) + " (24 ساعة في اليوم)"
	for width := float32(120); width <= 600; width += 7 {
		l := s.Set(Paragraph{Text: text, Lang: "ar"}, Style{Size: 16}, width)
		found := false
		for _, ln := range l.Lines {
			if strings.Contains(strings.ReplaceAll(StripControls(l.LineText(ln)), "\u00a0", " "), phone) {
				found = true
			}
		}
		if !found {
			t.Fatalf("at width %.0f the number is broken across lines", width)
		}
	}
}

func TestLineBreaksAndAlignment(t *testing.T) {
	s := NewSetter(nil)
	text := strings.Repeat("هذا المكتب يساعد العمال مجانا. ", 8)
	const width = 300
	l := s.Set(Paragraph{Text: text, Lang: "ar"}, Style{Size: 16}, width)
	if len(l.Lines) < 3 {
		t.Fatalf("%d lines for a long paragraph at %dpx", len(l.Lines), width)
	}
	next := 0
	for i, ln := range l.Lines {
		if ln.Width > width+0.5 {
			t.Errorf("line %d is %.1f wide, over %d", i, ln.Width, width)
		}
		if d := ln.X + ln.Width - width; d > 0.5 || d < -0.5 {
			t.Errorf("RTL line %d is not right-aligned: x %.1f + width %.1f", i, ln.X, ln.Width)
		}
		if ln.Start < next {
			t.Errorf("line %d starts at rune %d, before the previous line's end %d", i, ln.Start, next)
		}
		if i > 0 && l.Lines[i].Baseline <= l.Lines[i-1].Baseline {
			t.Errorf("line %d is not below line %d", i, i-1)
		}
		next = ln.End
	}
	var joined []string
	for _, ln := range l.Lines {
		joined = append(joined, l.LineText(ln))
	}
	if got, want := strings.Join(strings.Fields(strings.Join(joined, " ")), " "), strings.Join(strings.Fields(text), " "); got != want {
		t.Errorf("the lines do not hold the paragraph:\n%s\n%s", got, want)
	}
	// Left-to-right paragraphs start at the left edge.
	it := s.Set(Paragraph{Text: strings.Repeat("Lo sportello aiuta i lavoratori gratuitamente. ", 6), Lang: "it"}, Style{Size: 16}, width)
	for i, ln := range it.Lines {
		if ln.X != 0 || ln.Width > width+0.5 {
			t.Errorf("LTR line %d at x %.1f, width %.1f", i, ln.X, ln.Width)
		}
	}
}

func TestFontFallbackPerScript(t *testing.T) {
	s := NewSetter(nil)
	for _, c := range []struct{ lang, text, family string }{
		{"ar", "مرحبا", "Noto Naskh Arabic"},
		{"ur", "آپ کا نام", "Noto Naskh Arabic"},
		{"bn", "বাংলা", "Noto Sans Bengali"},
		{"pa", "ਪੰਜਾਬੀ", "Noto Sans Gurmukhi"},
		{"hi", "हिन्दी", "Noto Sans Devanagari"},
		{"ti", "ትግርኛ", "Noto Sans Ethiopic"},
		{"zh", "中文", "Noto Sans"}, // CJK family name checked by prefix below
		{"uk", "Українська", "Noto Sans"},
	} {
		l := s.Set(Paragraph{Text: c.text, Lang: c.lang}, Style{Size: 16}, 0)
		for _, r := range l.Lines[0].Runs {
			fam := familyOf(s.fonts, r)
			if !strings.HasPrefix(fam, c.family) {
				t.Errorf("%s %q set in %q, want %q", c.lang, c.text, fam, c.family)
			}
			for _, g := range r.Output.Glyphs {
				if g.GlyphID == 0 {
					t.Errorf("%s %q: a glyph is missing (.notdef)", c.lang, c.text)
				}
			}
		}
	}
}

func familyOf(f *Fonts, r Run) string {
	for i, face := range f.regular {
		if face.is(r.Output.Face) {
			return f.files[i].Family
		}
	}
	return "?"
}

// BenchmarkArabicParagraph lays out 300 characters of Arabic at a width
// that gives several lines. Aim: under 1 ms.
func BenchmarkArabicParagraph(b *testing.B) {
	text := []rune(strings.Repeat("هذا المكتب يساعد العمال مجانا، وما تقوله يبقى سريا. ", 7))[:300]
	s := NewSetter(nil)
	p := Paragraph{Text: string(text), Lang: "ar"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.Set(p, Style{Size: 14}, 320)
	}
}

func TestIsolateCodes(t *testing.T) {
	s := NewSetter(nil)
	l := s.Set(Paragraph{Text: IsolateCodes("المادة 18-ter من القانون"), Lang: "ar"}, Style{Size: 16}, 0)
	found := false
	for _, r := range l.Lines[0].Runs {
		if strings.Contains(StripControls(l.RunText(r)), "18-ter") && r.Level%2 == 0 {
			found = true
		}
	}
	if !found {
		t.Errorf("18-ter is not one left-to-right run: %s", visual(l, l.Lines[0]))
	}
	if got := IsolateCodes("art. 2-sexies e 18-ter"); StripControls(got) != "art. 2-sexies e 18-ter" || got == "art. 2-sexies e 18-ter" {
		t.Errorf("IsolateCodes(%q)", got)
	}
}

// TestIsolateKeepsEachLanguageWhole: an Arabic phrase with numbers inside
// an Italian line stays whole and in its own order.
func TestIsolateKeepsEachLanguageWhole(t *testing.T) {
	s := NewSetter(nil)
	text := "Sportello di Latina · " + Isolate("الصفحة 1 من 2") + " · Pagina 1 di 2"
	l := s.Set(Paragraph{Text: text, Lang: "it"}, Style{Size: 12}, 0)
	got := visual(l, l.Lines[0])
	// Left to right: the Italian start, then the Arabic phrase (its runs
	// reversed inside it), then the Italian end.
	want := "Sportello di Latina ·@0 | 2@2 | من@1 | 1@2 | الصفحة@1 | · Pagina 1 di 2@0"
	if got != want {
		t.Errorf("visual order\n got %s\nwant %s", got, want)
	}
}

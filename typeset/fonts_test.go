package typeset

import (
	"io"
	"runtime"
	"slices"
	"testing"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"

	"sportello/assets"
	"sportello/internal/peak"
)

// TestFacesParsedInPlace: a face is parsed from the font file read in
// place, and the face is the file's: Open gives the same bytes Bytes does.
func TestFacesParsedInPlace(t *testing.T) {
	for _, a := range assets.FontList() {
		f, err := a.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(f)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != string(a.Bytes()) {
			t.Errorf("%s: Open reads %d bytes, not the file's %d", a.File, len(b), len(a.Bytes()))
		}
		face, err := parseFace(a)
		if err != nil {
			t.Fatal(err)
		}
		if got := face.Describe().Family; got != a.Family {
			t.Errorf("%s parsed as %q, want %q", a.File, got, a.Family)
		}
	}
}

// BenchmarkEveryFaceParsed: the memory every bundled face keeps once
// parsed, as Settings → Languages does when it shows a sentence in every
// script, regular and bold. The figure is the first parse's, which also
// reads the files: run it with -benchtime 1x -count 1.
func BenchmarkEveryFaceParsed(b *testing.B) {
	var kept float64
	for b.Loop() {
		before := peak.Heap()
		f, err := LoadFonts(assets.FontList())
		if err != nil {
			b.Fatal(err)
		}
		var faces []*font.Face // what the layouts on screen hold
		for i := range f.regular {
			faces = append(faces, f.regular[i].get(), f.bold[i].get())
		}
		kept = max(kept, peak.Heap()-before)
		runtime.KeepAlive(faces)
	}
	b.ReportMetric(kept/1e6, "MB-kept")
}

// TestAFaceNoLayoutUsesIsLetGo: a face stays parsed while a layout uses
// it; once none does (and the shaper has met other faces since), the
// collector takes it, and the next layout parses it again with the same
// glyphs. The Chinese faces alone are 15 MB.
func TestAFaceNoLayoutUsesIsLetGo(t *testing.T) {
	f, err := LoadFonts(assets.FontList())
	if err != nil {
		t.Fatal(err)
	}
	s := NewSetter(f)
	chinese := Paragraph{Text: "工作与权利", Lang: "zh"}
	hans := f.regular[f.byScript[language.Han]]
	first := s.Set(chinese, Style{Size: 16}, 0)
	glyphs := glyphIDs(first)
	runtime.GC()
	if hans.face.Value() == nil {
		t.Fatal("the Chinese face was let go while a layout uses it")
	}
	first = nil
	for _, p := range []Paragraph{{Text: "Lavoro", Lang: "it"}, {Text: "عمل", Lang: "ar"}, {Text: "কাজ", Lang: "bn"},
		{Text: "வேலை", Lang: "ta"}, {Text: "काम", Lang: "hi"}} {
		s.Set(p, Style{Size: 16}, 0)
		s.Set(p, Style{Size: 16, Bold: true}, 0)
	}
	runtime.GC()
	runtime.GC()
	if hans.face.Value() != nil {
		t.Error("the Chinese face is still parsed with no layout using it")
	}
	if again := glyphIDs(s.Set(chinese, Style{Size: 16}, 0)); !slices.Equal(again, glyphs) || slices.Contains(again, 0) {
		t.Errorf("parsed again: glyphs %v, first %v", again, glyphs)
	}
}

func glyphIDs(l *Layout) []font.GID {
	var out []font.GID
	for _, ln := range l.Lines {
		for _, r := range ln.Runs {
			for _, g := range r.Output.Glyphs {
				out = append(out, g.GlyphID)
			}
		}
	}
	return out
}

package typeset

import (
	"io"
	"runtime"
	"testing"

	"sportello/assets"
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
		before := heapInUse()
		f, err := LoadFonts(assets.FontList())
		if err != nil {
			b.Fatal(err)
		}
		for i := range f.regular {
			f.regular[i].get()
			f.bold[i].get()
		}
		kept = max(kept, heapInUse()-before)
		runtime.KeepAlive(f)
	}
	b.ReportMetric(kept/1e6, "MB-kept")
}

func heapInUse() float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapInuse)
}

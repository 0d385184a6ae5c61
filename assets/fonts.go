package assets

import (
	"bytes"
	"embed"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
)

// fontFiles holds the bundled font files. Sportello draws all its text
// with these and never with fonts installed on the system. Where they
// come from and their licence (SIL OFL 1.1) are in fonts/README.md and
// fonts/OFL.txt.
//
//go:embed fonts/*.ttf fonts/*.otf
var fontFiles embed.FS

// fontTable lists the bundled fonts, regular before bold, in fallback
// priority order. Data is filled in by fontData, file by file.
var fontTable = []Font{
	{File: "NotoSans-Regular.ttf", Family: "Noto Sans", Scripts: []string{"Latn", "Cyrl", "Grek"}},
	{File: "NotoSans-Bold.ttf", Family: "Noto Sans", Bold: true, Scripts: []string{"Latn", "Cyrl", "Grek"}},
	{File: "NotoNaskhArabic-Regular.ttf", Family: "Noto Naskh Arabic", Scripts: []string{"Arab"}},
	{File: "NotoNaskhArabic-Bold.ttf", Family: "Noto Naskh Arabic", Bold: true, Scripts: []string{"Arab"}},
	{File: "NotoSansBengali-Regular.ttf", Family: "Noto Sans Bengali", Scripts: []string{"Beng"}},
	{File: "NotoSansBengali-Bold.ttf", Family: "Noto Sans Bengali", Bold: true, Scripts: []string{"Beng"}},
	{File: "NotoSansGurmukhi-Regular.ttf", Family: "Noto Sans Gurmukhi", Scripts: []string{"Guru"}},
	{File: "NotoSansGurmukhi-Bold.ttf", Family: "Noto Sans Gurmukhi", Bold: true, Scripts: []string{"Guru"}},
	{File: "NotoSansDevanagari-Regular.ttf", Family: "Noto Sans Devanagari", Scripts: []string{"Deva"}},
	{File: "NotoSansDevanagari-Bold.ttf", Family: "Noto Sans Devanagari", Bold: true, Scripts: []string{"Deva"}},
	{File: "NotoSansEthiopic-Regular.ttf", Family: "Noto Sans Ethiopic", Scripts: []string{"Ethi"}},
	{File: "NotoSansEthiopic-Bold.ttf", Family: "Noto Sans Ethiopic", Bold: true, Scripts: []string{"Ethi"}},
	{File: "NotoSansSinhala-Regular.ttf", Family: "Noto Sans Sinhala", Scripts: []string{"Sinh"}},
	{File: "NotoSansSinhala-Bold.ttf", Family: "Noto Sans Sinhala", Bold: true, Scripts: []string{"Sinh"}},
	{File: "NotoSansTamil-Regular.ttf", Family: "Noto Sans Tamil", Scripts: []string{"Taml"}},
	{File: "NotoSansTamil-Bold.ttf", Family: "Noto Sans Tamil", Bold: true, Scripts: []string{"Taml"}},
	{File: "NotoSansSC-Regular-subset.otf", Family: "Noto Sans CJK SC", Scripts: []string{"Hans", "Hani"}},
	{File: "NotoSansSC-Bold-subset.otf", Family: "Noto Sans CJK SC", Bold: true, Scripts: []string{"Hans", "Hani"}},
}

// Font is one bundled font file.
type Font struct {
	File    string   // file name under fonts/, e.g. "NotoNaskhArabic-Regular.ttf"
	Family  string   // family name, e.g. "Noto Naskh Arabic"
	Bold    bool     // bold face; otherwise regular
	Scripts []string // ISO 15924 codes the font is there for, e.g. {"Arab"}
	Data    []byte   // the font file; shared between callers, do not modify
}

// fontData reads each font file out of the embedded file system once, when
// first asked for: embed.FS.ReadFile copies, and a window showing only
// Latin letters needs none of the other scripts' files (the two CJK ones
// alone are 12 MB).
var fontData = func() []func() []byte {
	load := make([]func() []byte, len(fontTable))
	for i, f := range fontTable {
		load[i] = sync.OnceValue(func() []byte {
			data, err := fontFiles.ReadFile("fonts/" + f.File)
			if err != nil {
				panic("assets: bundled font missing: " + err.Error())
			}
			return data
		})
	}
	return load
}()

// loadFonts is every bundled font with its file read.
func loadFonts() []Font {
	fonts := make([]Font, len(fontTable))
	for i, f := range fontTable {
		f.Data = fontData[i]()
		fonts[i] = f
	}
	return fonts
}

// FontList is every bundled font, as Fonts orders them, without the files
// (Data is nil): Bytes reads a file when it is needed.
func FontList() []Font {
	fonts := slices.Clone(fontTable)
	for i := range fonts {
		fonts[i].Scripts = slices.Clone(fonts[i].Scripts)
	}
	return fonts
}

// Bytes is the font's file, Data when it is there, else read once from the
// bundle; nil for a file not bundled.
func (f Font) Bytes() []byte {
	if f.Data != nil {
		return f.Data
	}
	for i, t := range fontTable {
		if t.File == f.File {
			return fontData[i]()
		}
	}
	return nil
}

// File is a font file to read tables from, as a font parser does.
type File interface {
	io.Reader
	io.ReaderAt
	io.Seeker
}

// Open is the font's file to parse: Data when it is there, else the file
// read in place from the binary, with no copy of it kept. A parser copies
// the tables it keeps; a copy of the whole file besides (Bytes) is only
// for what needs the bytes, a PDF embedding the font.
func (f Font) Open() (File, error) {
	if f.Data != nil {
		return bytes.NewReader(f.Data), nil
	}
	file, err := fontFiles.Open("fonts/" + f.File)
	if err != nil {
		return nil, fmt.Errorf("assets: font %s: %w", f.File, err)
	}
	r, ok := file.(File)
	if !ok {
		return nil, fmt.Errorf("assets: font %s cannot be read in place", f.File)
	}
	return r, nil
}

// Fonts returns every bundled font in fallback priority order: Noto Sans
// first, then Noto Naskh Arabic, Bengali, Gurmukhi, Devanagari, Ethiopic,
// Sinhala, Tamil and last the Simplified-Chinese subset of Noto Sans CJK SC. Within each
// family the regular face comes before the bold one.
//
// The returned slice is the caller's own; the Data of each Font is shared
// and must not be modified.
func Fonts() []Font {
	fonts := loadFonts()
	for i := range fonts {
		fonts[i].Scripts = slices.Clone(fonts[i].Scripts)
	}
	return fonts
}

// FontFor returns the regular (or, if bold is true, the bold) font meant
// for the ISO 15924 script code script, such as "Latn", "Arab" or "Hans";
// the code is matched without regard to case. It reports false if no
// bundled font is meant for that script.
func FontFor(script string, bold bool) (Font, bool) {
	for i, f := range fontTable {
		if f.Bold != bold {
			continue
		}
		for _, s := range f.Scripts {
			if strings.EqualFold(s, script) {
				f.Scripts = slices.Clone(f.Scripts)
				f.Data = fontData[i]()
				return f, true
			}
		}
	}
	return Font{}, false
}

package typeset

import (
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"

	"sportello/assets"
)

// Fonts are the bundled faces, regular and bold, in fallback order, each
// parsed when first used: a window of Latin letters never parses the CJK
// font's 6 MB.
type Fonts struct {
	regular, bold []*lazyFace
	// byScript maps a script to the index of the face made for it.
	byScript map[language.Script]int
	files    []assets.Font // the regular fonts, as bundled, same order
}

// lazyFace is a face parsed from its file the first time it is asked for.
type lazyFace struct {
	font assets.Font
	once sync.Once
	face atomic.Pointer[font.Face] // set once, read by FontOf from any goroutine
}

func (l *lazyFace) get() *font.Face {
	l.once.Do(func() {
		face, err := parseFace(l.font)
		if err != nil {
			panic(err) // the bundled fonts are part of the program
		}
		l.face.Store(face)
	})
	return l.face.Load()
}

func parseFace(a assets.Font) (*font.Face, error) {
	file, err := a.Open()
	if err != nil {
		return nil, fmt.Errorf("typeset: %w", err)
	}
	face, err := font.ParseTTF(file)
	if err != nil {
		return nil, fmt.Errorf("typeset: font %s: %w", a.File, err)
	}
	return face, nil
}

// LoadFonts takes fonts (regular and bold, as assets.Fonts or
// assets.FontList gives them). A font given with its Data is parsed now;
// one without it (FontList) when first used.
func LoadFonts(list []assets.Font) (*Fonts, error) {
	f := &Fonts{byScript: map[language.Script]int{}}
	boldOf := map[string]*lazyFace{}
	for _, a := range list {
		l := &lazyFace{font: a}
		if a.Data != nil {
			face, err := parseFace(a)
			if err != nil {
				return nil, err
			}
			l.once.Do(func() { l.face.Store(face) })
		}
		if a.Bold {
			boldOf[a.Family] = l
			continue
		}
		for _, s := range a.Scripts {
			if sc, err := language.ParseScript(s); err == nil {
				if _, taken := f.byScript[sc]; !taken {
					f.byScript[sc] = len(f.regular)
				}
			}
		}
		f.regular = append(f.regular, l)
		f.files = append(f.files, a)
	}
	if len(f.regular) == 0 {
		return nil, fmt.Errorf("typeset: no fonts")
	}
	for i, a := range f.files {
		b := boldOf[a.Family]
		if b == nil {
			b = f.regular[i] // no bold in this family: regular stands in
		}
		f.bold = append(f.bold, b)
	}
	return f, nil
}

var (
	defaultOnce  sync.Once
	defaultFonts *Fonts
	defaultErr   error
)

// Default returns the bundled fonts, parsed once.
func Default() *Fonts {
	defaultOnce.Do(func() { defaultFonts, defaultErr = LoadFonts(assets.FontList()) })
	if defaultErr != nil {
		panic(defaultErr) // the bundled fonts are part of the program
	}
	return defaultFonts
}

// fontmap resolves a face for each rune: the face made for the run's script
// when it has the glyph, else the first face that has it, else the first.
type fontmap struct {
	f      *Fonts
	faces  []*lazyFace
	script language.Script
}

func (f *Fonts) fontmap(bold bool) *fontmap {
	faces := f.regular
	if bold {
		faces = f.bold
	}
	return &fontmap{f: f, faces: faces}
}

func (m *fontmap) SetScript(s language.Script) { m.script = s }

func (m *fontmap) ResolveFace(r rune) *font.Face {
	if i, ok := m.f.byScript[m.script]; ok {
		if face := m.faces[i].get(); hasGlyph(face, r) {
			return face
		}
	}
	for _, l := range m.faces {
		if face := l.get(); hasGlyph(face, r) {
			return face
		}
	}
	return m.faces[0].get()
}

// FontOf is the bundled regular font of face's family (for a bold face too).
func (f *Fonts) FontOf(face *font.Face) (assets.Font, bool) {
	if face == nil {
		return assets.Font{}, false
	}
	for i := range f.regular {
		if f.regular[i].face.Load() == face || f.bold[i].face.Load() == face {
			a := f.files[i]
			a.Data = a.Bytes()
			return a, true
		}
	}
	return assets.Font{}, false
}

// Fonts is the set a Setter lays out with.
func (s *Setter) Fonts() *Fonts { return s.fonts }

func hasGlyph(face *font.Face, r rune) bool {
	_, has := face.NominalGlyph(r)
	return has
}

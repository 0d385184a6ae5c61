package typeset

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"

	"sportello/assets"
)

// Fonts are the parsed bundled faces, regular and bold, in fallback order.
type Fonts struct {
	regular, bold []*font.Face
	// byScript maps a script to the index of the face made for it.
	byScript map[language.Script]int
	files    []assets.Font // the regular fonts, as bundled, same order
}

// LoadFonts parses fonts (regular and bold, as assets.Fonts gives them).
func LoadFonts(list []assets.Font) (*Fonts, error) {
	f := &Fonts{byScript: map[language.Script]int{}}
	boldOf := map[string]*font.Face{}
	for _, a := range list {
		face, err := font.ParseTTF(bytes.NewReader(a.Data))
		if err != nil {
			return nil, fmt.Errorf("typeset: font %s: %w", a.File, err)
		}
		if a.Bold {
			boldOf[a.Family] = face
			continue
		}
		for _, s := range a.Scripts {
			if sc, err := language.ParseScript(s); err == nil {
				if _, taken := f.byScript[sc]; !taken {
					f.byScript[sc] = len(f.regular)
				}
			}
		}
		f.regular = append(f.regular, face)
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
	defaultOnce.Do(func() { defaultFonts, defaultErr = LoadFonts(assets.Fonts()) })
	if defaultErr != nil {
		panic(defaultErr) // the bundled fonts are part of the program
	}
	return defaultFonts
}

// fontmap resolves a face for each rune: the face made for the run's script
// when it has the glyph, else the first face that has it, else the first.
type fontmap struct {
	f      *Fonts
	faces  []*font.Face
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
		if _, has := m.faces[i].NominalGlyph(r); has {
			return m.faces[i]
		}
	}
	for _, face := range m.faces {
		if _, has := face.NominalGlyph(r); has {
			return face
		}
	}
	return m.faces[0]
}

// FontOf is the bundled regular font of face's family (for a bold face too).
func (f *Fonts) FontOf(face *font.Face) (assets.Font, bool) {
	for i := range f.regular {
		if f.regular[i] == face || f.bold[i] == face {
			return f.files[i], true
		}
	}
	return assets.Font{}, false
}

// Fonts is the set a Setter lays out with.
func (s *Setter) Fonts() *Fonts { return s.fonts }

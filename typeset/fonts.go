package typeset

import (
	"fmt"
	"sync"
	"sync/atomic"
	"weak"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"

	"sportello/assets"
	"sportello/internal/recent"
)

// Fonts are the bundled faces, regular and bold, in fallback order, each
// parsed when first used: a window of Latin letters never parses the CJK
// font's 6 MB.
type Fonts struct {
	regular, bold []*lazyFace
	// byScript maps a script to the index of the face made for it.
	byScript map[language.Script]int
	files    []assets.Font            // the regular fonts, as bundled, same order
	recent   *recent.List[*font.Face] // the last faces a paragraph used
}

// recentFaces is how many faces stay parsed when no layout uses them: a
// document's or a screen's two scripts, regular and bold, so that the next
// one does not parse them again.
const recentFaces = 4

// lazyFace is a face parsed from its file when it is asked for, and kept
// only while something uses it: a layout on screen or being printed holds
// it; once none does, the collector may take it and the next use parses it
// again. Settings → Languages parses every script's faces (28 MB, the
// Chinese ones 15 MB): they no longer stay with the window for good after
// it. The runes a face draws (its cmap, small) are kept once read, so
// choosing a face for a rune never parses one to find it lacks the rune.
type lazyFace struct {
	font   assets.Font
	pinned *font.Face // a face given parsed (LoadFonts with Data) stays

	mu   sync.Mutex
	face weak.Pointer[font.Face]
	cmap atomic.Pointer[font.Cmap] // set once, read from any goroutine
}

func (l *lazyFace) get() *font.Face {
	if l.pinned != nil {
		return l.pinned
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if face := l.face.Value(); face != nil {
		return face
	}
	face, err := parseFace(l.font)
	if err != nil {
		panic(err) // the bundled fonts are part of the program
	}
	l.face = weak.Make(face)
	if l.cmap.Load() == nil {
		cmap := face.Cmap // a copy: a pointer into face would keep all of it
		l.cmap.Store(&cmap)
	}
	return face
}

// has reports whether the face draws r, parsing it only the first time.
func (l *lazyFace) has(r rune) bool {
	cmap := l.cmap.Load()
	if cmap == nil {
		l.get()
		cmap = l.cmap.Load()
	}
	_, ok := (*cmap).Lookup(r)
	return ok
}

// is reports whether face is this lazyFace's, as parsed now.
func (l *lazyFace) is(face *font.Face) bool {
	if l.pinned != nil {
		return l.pinned == face
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.face.Value() == face
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
	f := &Fonts{byScript: map[language.Script]int{}, recent: recent.New[*font.Face](recentFaces)}
	boldOf := map[string]*lazyFace{}
	for _, a := range list {
		l := &lazyFace{font: a}
		if a.Data != nil {
			face, err := parseFace(a)
			if err != nil {
				return nil, err
			}
			l.pinned = face
			cmap := face.Cmap
			l.cmap.Store(&cmap)
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
// It holds the faces it resolved, for the paragraph it is made for.
type fontmap struct {
	f      *Fonts
	faces  []*lazyFace
	got    []*font.Face // by index in faces, once resolved
	script language.Script
}

func (f *Fonts) fontmap(bold bool) *fontmap {
	faces := f.regular
	if bold {
		faces = f.bold
	}
	return &fontmap{f: f, faces: faces, got: make([]*font.Face, len(faces))}
}

func (m *fontmap) SetScript(s language.Script) { m.script = s }

func (m *fontmap) ResolveFace(r rune) *font.Face {
	if i, ok := m.f.byScript[m.script]; ok && m.has(i, r) {
		return m.face(i)
	}
	for i := range m.faces {
		if m.has(i, r) {
			return m.face(i)
		}
	}
	return m.face(0)
}

// face is face i, parsed if it must be, and kept among the recent ones.
func (m *fontmap) face(i int) *font.Face {
	if m.got[i] == nil {
		m.got[i] = m.faces[i].get()
		m.f.recent.Keep(m.got[i])
	}
	return m.got[i]
}

// has reports whether face i draws r: through the face and its cache of
// runes once resolved, else its cmap.
func (m *fontmap) has(i int, r rune) bool {
	if g := m.got[i]; g != nil {
		_, ok := g.NominalGlyph(r)
		return ok
	}
	return m.faces[i].has(r)
}

// FontOf is the bundled regular font of face's family (for a bold face too).
func (f *Fonts) FontOf(face *font.Face) (assets.Font, bool) {
	if face == nil {
		return assets.Font{}, false
	}
	for i := range f.regular {
		if f.regular[i].is(face) || f.bold[i].is(face) {
			a := f.files[i]
			a.Data = a.Bytes()
			return a, true
		}
	}
	return assets.Font{}, false
}

// Fonts is the set a Setter lays out with.
func (s *Setter) Fonts() *Fonts { return s.fonts }

package exchange

import (
	"crypto/sha256"
	"unicode/utf8"
)

// textGuard watches a bundle's data.json go by, byte by byte, for what
// decoding JSON into Go would pass on or change silently: bytes that are
// not UTF-8 (replaced by U+FFFD), a NUL character (\u0000, or a raw zero
// byte), and a lone UTF-16 surrogate escape (also replaced). The first
// problem is kept, with its byte offset.
type textGuard struct {
	offset   int64  // bytes seen so far
	pending  []byte // the start of a UTF-8 sequence cut by the end of the last write
	inString bool
	escaped  bool // after a backslash in a string
	digits   int  // hex digits of a \u escape still to read
	code     rune // the \u escape being read
	high     bool // a high surrogate was read: a low one must follow at once
	problem  *BundleError

	// What decoding the file would cost in memory, counted on the way so
	// that a hostile file is stopped before the decoder holds it (limits
	// in bundle.go). limit is the first limit passed: reading stops there.
	seen    int64 // bytes measured
	depth   int   // nesting of objects and lists, outside strings
	run     int64 // bytes of the record being read (since the last point at depth 2 or less)
	cost    int64 // bytes so far, and a Go value's size for each object or list opened
	budget  int64 // the most cost allowed for this file, 0 for maxDecodeFloor
	compact int64 // the file's compressed size, to name in the refusal
	limit   *BundleError

	mInString, mEscaped bool // measure's own view of strings
}

func (g *textGuard) Write(p []byte) (int, error) {
	if g.limit != nil {
		return 0, g.limit
	}
	if err := g.measure(p); err != nil {
		return 0, err
	}
	if g.problem != nil {
		return len(p), nil
	}
	b := p
	if len(g.pending) > 0 {
		b = append(g.pending, p...)
		g.offset -= int64(len(g.pending))
		g.pending = nil
	}
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			g.ascii(c)
			if g.problem != nil {
				return len(p), nil
			}
			i++
			g.offset++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			if !utf8.FullRune(b[i:]) {
				g.pending = append([]byte(nil), b[i:]...) // wait for the rest
				g.offset += int64(len(b) - i)
				return len(p), nil
			}
			g.fail(BundleUTF8, "its data hold bytes that are not UTF-8 text (at byte %d of %s)", g.offset, dataName)
			return len(p), nil
		}
		if g.high {
			g.lone()
			return len(p), nil
		}
		i += size
		g.offset += int64(size)
	}
	return len(p), nil
}

// measure follows the nesting of p's objects and lists and refuses, by
// the error it returns, a file nested too deep, a record too large, or a
// file that costs more to decode than its size in the bundle allows.
func (g *textGuard) measure(p []byte) error {
	budget := max(g.budget, maxDecodeFloor)
	inString, escaped := g.mInString, g.mEscaped
	defer func() { g.mInString, g.mEscaped = inString, escaped }()
	for _, c := range p {
		g.seen++
		g.cost++
		g.run++
		switch {
		case escaped:
			escaped = false
		case inString:
			if c == '\\' {
				escaped = true
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			g.depth++
			g.cost += openCost
			if g.depth == 3 { // a record: a struct of many fields, in a list that grows by doubling
				g.cost += recordCost
			}
			if g.depth > maxDepth {
				return g.stop(BundleTooDeep, "its data are nested more than %d levels deep (at byte %d of %s)", maxDepth, g.seen, dataName)
			}
		case c == '}' || c == ']':
			g.depth--
		}
		if !inString && g.depth <= 2 {
			g.run = 0
		}
		if g.run > maxRecordSize {
			return g.stop(BundleRecordTooLarge, "one of its records is larger than %d MB", maxRecordSize>>20)
		}
		if g.cost > budget {
			return g.stop(BundleExpands, "its %s expands far beyond its %d compressed bytes, more than any real bundle does", dataName, g.compact)
		}
	}
	return nil
}

func (g *textGuard) stop(code, format string, args ...any) error {
	g.limit = refuse(code, format, args...)
	return g.limit
}

// ascii follows one ASCII byte through JSON's strings and escapes.
func (g *textGuard) ascii(c byte) {
	switch {
	case c == 0:
		g.fail(BundleNUL, "its data hold a NUL character (at byte %d of %s)", g.offset, dataName)
	case g.digits > 0:
		var v rune
		switch {
		case '0' <= c && c <= '9':
			v = rune(c - '0')
		case 'a' <= c && c <= 'f':
			v = rune(c-'a') + 10
		case 'A' <= c && c <= 'F':
			v = rune(c-'A') + 10
		default:
			return // not JSON: the decoder says so
		}
		g.code = g.code<<4 | v
		if g.digits--; g.digits == 0 {
			g.escape(g.code)
		}
	case g.escaped:
		g.escaped = false
		if c == 'u' {
			g.digits, g.code = 4, 0
		} else if g.high {
			g.lone()
		}
	case g.high && c != '\\':
		g.lone()
	case !g.inString:
		g.inString = c == '"'
	case c == '\\':
		g.escaped = true
	case c == '"':
		g.inString = false
	}
}

// escape checks the character a \u escape stands for.
func (g *textGuard) escape(r rune) {
	switch {
	case r == 0:
		g.fail(BundleNUL, "its data hold a NUL character, written \\u0000 (at byte %d of %s)", g.offset, dataName)
	case 0xD800 <= r && r < 0xDC00:
		if g.high {
			g.lone()
		}
		g.high = true
	case 0xDC00 <= r && r < 0xE000:
		if !g.high {
			g.lone()
		}
		g.high = false
	case g.high:
		g.lone()
	}
}

func (g *textGuard) lone() {
	g.fail(BundleUTF8, "its data hold a \\u escape that is half of a character, not UTF-8 text (at byte %d of %s)", g.offset, dataName)
}

func (g *textGuard) fail(code, format string, args ...any) {
	if g.problem == nil {
		g.problem = refuse(code, format, args...)
	}
}

// done is the first problem seen, once the whole file went by.
func (g *textGuard) done() *BundleError {
	if g.problem == nil && len(g.pending) > 0 {
		g.fail(BundleUTF8, "its data end in the middle of a UTF-8 character")
	}
	if g.problem == nil && g.high {
		g.lone()
	}
	return g.problem
}

// duplicateRecord refuses a document that holds one record twice: the
// merge would write the second over the first without a word.
func duplicateRecord(doc *Document) error {
	return newDupSet().see(doc)
}

// dupSet remembers the records of a document seen so far, a part at a
// time, by a digest of their kind and stable ID (16 bytes each, whatever
// an ID's length), and keeps the first record seen twice.
type dupSet struct {
	seen map[[16]byte]struct{}
	err  error
}

func newDupSet() *dupSet { return &dupSet{seen: map[[16]byte]struct{}{}} }

// see notes the records of doc; it gives the first record seen twice.
func (s *dupSet) see(doc *Document) error {
	one := func(entity, id string) {
		sum := sha256.Sum256([]byte(entity + "\x00" + id))
		k := [16]byte(sum[:16])
		if _, twice := s.seen[k]; twice && s.err == nil {
			s.err = refuse(BundleDuplicate, "it holds %s %s twice", entity, id)
		}
		s.seen[k] = struct{}{}
	}
	for _, r := range doc.ids() {
		one(r[0], r[1])
	}
	return s.err
}

// ids lists a document's records by kind and stable ID.
func (doc *Document) ids() [][2]string {
	var out [][2]string
	see := func(entity, id string) { out = append(out, [2]string{entity, id}) }
	for i := range doc.Operators {
		see("operator", doc.Operators[i].ID)
	}
	for i := range doc.Services {
		see("service", doc.Services[i].ID)
	}
	for i := range doc.Persons {
		see("person", doc.Persons[i].ID)
	}
	for i := range doc.Cases {
		see("case", doc.Cases[i].ID)
	}
	for i := range doc.Interviews {
		see("interview", doc.Interviews[i].ID)
	}
	for i := range doc.Plans {
		see("plan", doc.Plans[i].ID)
	}
	for i := range doc.Consents {
		see("consent", doc.Consents[i].ID)
	}
	for i := range doc.Referrals {
		see("referral", doc.Referrals[i].ID)
	}
	for i := range doc.Activities {
		see("activity", doc.Activities[i].ID)
	}
	for i := range doc.SkillsProfiles {
		see("skills_profile", doc.SkillsProfiles[i].ID)
	}
	return append(out, doc.workIDs()...)
}

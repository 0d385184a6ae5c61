package exchange

import (
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
}

func (g *textGuard) Write(p []byte) (int, error) {
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
	seen := map[[2]string]bool{}
	var err error
	see := func(entity, id string) {
		k := [2]string{entity, id}
		if seen[k] && err == nil {
			err = refuse(BundleDuplicate, "it holds %s %s twice", entity, id)
		}
		seen[k] = true
	}
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
	return err
}

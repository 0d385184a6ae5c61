package typeset

import (
	"regexp"
	"strings"
)

// The Unicode isolate controls.
const (
	lri = '\u2066' // left-to-right isolate
	rli = '\u2067' // right-to-left isolate
	fsi = '\u2068' // first-strong isolate
	pdi = '\u2069' // pop directional isolate
	wj  = '\u2060' // word joiner: no line break here
)

// Isolate wraps data (a name, a phone number, a date, a case code) that is
// put into a sentence, so the sentence's direction cannot reorder it:
// "+39 333 123 4567" stays one left-to-right number inside Arabic. Names
// get a first-strong isolate (they may be in any script); data that is
// always left to right (numbers, codes, dates) gets LRI.
func Isolate(data string) string {
	// The direction is chosen here rather than left to a first-strong
	// isolate (FSI), which go-text's bidi does not resolve reliably.
	if FirstStrong(data) == RTL {
		return string(rli) + data + string(pdi)
	}
	return string(lri) + data + string(pdi)
}

// IsolateLTR wraps data that always reads left to right (a phone number, a
// date, a case code), with no-break spaces, so a line never breaks inside it.
func IsolateLTR(data string) string {
	return string(lri) + strings.ReplaceAll(data, " ", "\u00a0") + string(pdi)
}

// StripControls removes the bidi control characters, for comparing the
// logical text with what a PDF reader extracts.
func StripControls(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case lri, rli, fsi, pdi, wj, '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e':
			return -1
		}
		return r
	}, s)
}

// codeLike matches references that read left to right whatever the
// sentence's direction: "18-ter", "2-sexies", "art. 6".
var codeLike = regexp.MustCompile(`[0-9]+(?:-[A-Za-z]+)+`)

// IsolateCodes wraps references like "18-ter" in a left-to-right isolate,
// so a right-to-left sentence does not turn them into "ter-18", and joins
// their parts so a line never breaks inside one.
func IsolateCodes(s string) string {
	return codeLike.ReplaceAllStringFunc(s, func(m string) string {
		return string(lri) + strings.ReplaceAll(m, "-", "-"+string(wj)) + string(pdi)
	})
}

package typeset

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/bidi"

	"sportello/model"
)

// Direction of a paragraph.
type Direction int

const (
	Auto Direction = iota // from the first strong character
	LTR
	RTL
)

// rtlLanguages are the languages written right to left among Sportello's.
var rtlLanguages = map[string]bool{"ar": true, "fa": true, "ps": true, "ur": true, "he": true, "yi": true, "ckb": true, "dv": true}

// LanguageDirection is the direction of a BCP 47 language tag's script, or
// Auto when the tag says nothing (empty).
func LanguageDirection(tag string) Direction {
	if tag == "" {
		return Auto
	}
	base := strings.ToLower(strings.SplitN(strings.ReplaceAll(tag, "_", "-"), "-", 2)[0])
	if rtlLanguages[base] {
		return RTL
	}
	if l, ok := model.LanguageByTag(tag); ok && l.Direction == model.RTL { // a language the desk added
		return RTL
	}
	return LTR
}

// FirstStrong is the direction of the first strong character of s (rules
// P2 and P3: characters inside isolates are skipped), or LTR when s has none.
func FirstStrong(s string) Direction {
	depth := 0
	for _, r := range s {
		switch r {
		case lri, rli, fsi:
			depth++
			continue
		case pdi:
			if depth > 0 {
				depth--
			}
			continue
		}
		if depth > 0 || !unicode.IsGraphic(r) {
			continue
		}
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.L:
			return LTR
		case bidi.R, bidi.AL:
			return RTL
		}
	}
	return LTR
}

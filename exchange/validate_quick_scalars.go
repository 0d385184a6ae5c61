package exchange

import (
	"math"
	"math/big"
	"regexp"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// stringChecks compiles the keywords of strings: the lengths in
// characters, pattern and contentEncoding.
func stringChecks(s *jsonschema.Schema) []quickCheck {
	minL, maxL, pattern, enc := s.MinLength, s.MaxLength, s.Pattern, s.ContentEncoding
	if minL == nil && maxL == nil && pattern == nil && enc == nil {
		return nil
	}
	var simple simplePattern
	if re, ok := pattern.(*regexp.Regexp); ok { // Go's own engine, the default
		simple = compileSimplePattern(re.String())
	}
	return []quickCheck{func(b []byte) bool {
		if b[0] != '"' {
			return true
		}
		raw, plain := rawString(b)
		if !plain {
			text, ok := stringText(b)
			if !ok {
				return false
			}
			raw = []byte(text)
		}
		if minL != nil || maxL != nil {
			n := utf8.RuneCount(raw)
			if minL != nil && n < *minL || maxL != nil && n > *maxL {
				return false
			}
		}
		if simple != nil && !simple.match(raw) || simple == nil && pattern != nil && !matches(pattern, raw) {
			return false
		}
		if enc != nil {
			if _, err := enc.Decode(string(raw)); err != nil {
				return false
			}
		}
		return true
	}}
}

// numberChecks compiles minimum, maximum and their exclusive forms, sure
// only of bounds that are integers a float64 holds exactly.
func numberChecks(s *jsonschema.Schema) []quickCheck {
	type bound struct {
		at       float64
		ok       bool
		min, inc bool // a minimum; inclusive
	}
	var bounds []bound
	for _, b := range []struct {
		r        *big.Rat
		min, inc bool
	}{{s.Minimum, true, true}, {s.Maximum, false, true}, {s.ExclusiveMinimum, true, false}, {s.ExclusiveMaximum, false, false}} {
		if b.r != nil {
			at, ok := exactInteger(b.r)
			bounds = append(bounds, bound{at, ok, b.min, b.inc})
		}
	}
	if len(bounds) == 0 {
		return nil
	}
	return []quickCheck{func(b []byte) bool {
		if b[0] != '-' && (b[0] < '0' || b[0] > '9') {
			return true
		}
		f, ok := jsonNumber(b)
		if !ok || math.IsNaN(f) || math.IsInf(f, 0) {
			return false
		}
		for _, b := range bounds {
			switch {
			case !b.ok:
				return false
			case b.min && (f < b.at || !b.inc && f == b.at):
				return false
			case !b.min && (f > b.at || !b.inc && f == b.at):
				return false
			}
		}
		return true
	}}
}

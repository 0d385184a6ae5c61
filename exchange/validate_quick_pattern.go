package exchange

import (
	"regexp/syntax"
	"unicode/utf8"
)

// A simple pattern is an anchored run of single characters, each from a
// class and repeated a number of times: ^[0-9a-f]{32}$, ^[A-Z]{2}$,
// ^[A-Z][A-Z0-9]{1,7}-[0-9]{4}-[0-9]{6,}$. Most of the schema's patterns
// are such, and most of a record's strings are checked against them (IDs,
// codes, dates): walking the text once beats Go's general regexp engine
// tenfold. A pattern of any other shape keeps the regexp.

// patternItem is one character class repeated min to max times (max -1:
// no limit).
type patternItem struct {
	ranges   []rune // pairs lo, hi, as regexp/syntax gives them
	min, max int
	ascii    *[128]bool // the ASCII characters of the class, looked up at once
}

func newPatternItem(ranges []rune, min, max int) patternItem {
	it := patternItem{ranges: ranges, min: min, max: max, ascii: new([128]bool)}
	for c := range rune(128) {
		it.ascii[c] = it.inRanges(c)
	}
	return it
}

func (it patternItem) has(r rune) bool {
	if r < 128 {
		return it.ascii[r]
	}
	return it.inRanges(r)
}

func (it patternItem) inRanges(r rune) bool {
	for i := 0; i+1 < len(it.ranges); i += 2 {
		if r >= it.ranges[i] && r <= it.ranges[i+1] {
			return true
		}
	}
	return false
}

// simplePattern is a simple pattern's items, or nil for another shape.
type simplePattern []patternItem

// compileSimplePattern reads expr as Go's regexp does and gives its
// items, if it is a simple pattern whose greedy reading is the only one.
func compileSimplePattern(expr string) simplePattern {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	if re.Op != syntax.OpConcat || len(re.Sub) < 2 || re.Sub[0].Op != syntax.OpBeginText ||
		re.Sub[len(re.Sub)-1].Op != syntax.OpEndText {
		return nil
	}
	var items simplePattern
	for _, sub := range re.Sub[1 : len(re.Sub)-1] {
		more, ok := patternItems(sub)
		if !ok {
			return nil
		}
		items = append(items, more...)
	}
	for i, it := range items {
		if it.min != it.max && !greedyIsSure(it, items[i+1:]) {
			return nil
		}
	}
	return items
}

// greedyIsSure says whether a run of it's class of varying length, taken
// as long as it goes, can only be right: no character it takes could start
// what follows (the items up to the first that cannot be empty).
func greedyIsSure(it patternItem, next []patternItem) bool {
	for _, n := range next {
		if overlaps(it, n) {
			return false
		}
		if n.min > 0 {
			break
		}
	}
	return true
}

// patternItems gives the items of one part of a concatenation.
func patternItems(re *syntax.Regexp) ([]patternItem, bool) {
	if re.Flags&syntax.FoldCase != 0 {
		return nil, false
	}
	switch re.Op {
	case syntax.OpLiteral:
		var out []patternItem
		for _, r := range re.Rune {
			out = append(out, newPatternItem([]rune{r, r}, 1, 1))
		}
		return out, true
	case syntax.OpCharClass:
		return []patternItem{newPatternItem(re.Rune, 1, 1)}, true
	case syntax.OpRepeat, syntax.OpStar, syntax.OpPlus, syntax.OpQuest:
		one, ok := patternItems(re.Sub[0])
		if !ok || len(one) != 1 || one[0].min != 1 || one[0].max != 1 {
			return nil, false
		}
		it := one[0]
		switch re.Op {
		case syntax.OpRepeat:
			it.min, it.max = re.Min, re.Max
		case syntax.OpStar:
			it.min, it.max = 0, -1
		case syntax.OpPlus:
			it.min, it.max = 1, -1
		case syntax.OpQuest:
			it.min, it.max = 0, 1
		}
		return []patternItem{it}, true
	}
	return nil, false
}

// overlaps says whether some character is in both classes.
func overlaps(a, b patternItem) bool {
	for i := 0; i+1 < len(a.ranges); i += 2 {
		for j := 0; j+1 < len(b.ranges); j += 2 {
			if a.ranges[i] <= b.ranges[j+1] && b.ranges[j] <= a.ranges[i+1] {
				return true
			}
		}
	}
	return false
}

// match says whether the whole of text (UTF-8) follows the pattern.
func (p simplePattern) match(text []byte) bool {
	i := 0
	for _, it := range p {
		n := 0
		for (it.max < 0 || n < it.max) && i < len(text) {
			r, size := rune(text[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRune(text[i:])
			}
			if !it.has(r) {
				break
			}
			i += size
			n++
		}
		if n < it.min {
			return false
		}
	}
	return i == len(text)
}

package exchange

import (
	"fmt"
	"math"
	"math/big"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// object compiles the keywords of objects: required, properties,
// patternProperties, additionalProperties, propertyNames and the counts.
func (qc *quickCompiler) object(s *jsonschema.Schema) ([]quickCheck, error) {
	props := map[string]quickCheck{}
	for name, sch := range s.Properties {
		c, err := qc.compile(sch)
		if err != nil {
			return nil, err
		}
		props[name] = c
	}
	type pattern struct {
		re    jsonschema.Regexp
		check quickCheck
	}
	var patterns []pattern
	for re, sch := range s.PatternProperties {
		c, err := qc.compile(sch)
		if err != nil {
			return nil, err
		}
		patterns = append(patterns, pattern{re, c})
	}
	var additional quickCheck
	switch a := s.AdditionalProperties.(type) {
	case nil:
	case bool:
		additional = func(any) bool { return a }
	case *jsonschema.Schema:
		c, err := qc.compile(a)
		if err != nil {
			return nil, err
		}
		additional = c
	default:
		return nil, fmt.Errorf("the quick check does not know additionalProperties %T (at %s)", a, s.Location)
	}
	var names quickCheck
	if s.PropertyNames != nil {
		c, err := qc.compile(s.PropertyNames)
		if err != nil {
			return nil, err
		}
		names = c
	}
	required, minP, maxP := s.Required, s.MinProperties, s.MaxProperties
	if len(props) == 0 && len(patterns) == 0 && additional == nil && names == nil && len(required) == 0 &&
		minP == nil && maxP == nil {
		return nil, nil
	}
	return []quickCheck{func(v any) bool {
		obj, ok := v.(map[string]any)
		if !ok {
			return true // these keywords say nothing of other types
		}
		if minP != nil && len(obj) < *minP || maxP != nil && len(obj) > *maxP {
			return false
		}
		for _, name := range required {
			if _, ok := obj[name]; !ok {
				return false
			}
		}
		for name, val := range obj {
			if names != nil && !names(name) {
				return false
			}
			c, evaluated := props[name]
			if evaluated && !c(val) {
				return false
			}
			for _, p := range patterns {
				if p.re.MatchString(name) {
					evaluated = true
					if !p.check(val) {
						return false
					}
				}
			}
			if !evaluated && additional != nil && !additional(val) {
				return false
			}
		}
		return true
	}}, nil
}

// array compiles the keywords of arrays: prefixItems, items, the counts
// and uniqueItems (sure only of strings).
func (qc *quickCompiler) array(s *jsonschema.Schema) ([]quickCheck, error) {
	var prefix []quickCheck
	for _, sch := range s.PrefixItems {
		c, err := qc.compile(sch)
		if err != nil {
			return nil, err
		}
		prefix = append(prefix, c)
	}
	var items quickCheck
	if s.Items2020 != nil {
		c, err := qc.compile(s.Items2020)
		if err != nil {
			return nil, err
		}
		items = c
	}
	minI, maxI, unique := s.MinItems, s.MaxItems, s.UniqueItems
	if len(prefix) == 0 && items == nil && minI == nil && maxI == nil && !unique {
		return nil, nil
	}
	return []quickCheck{func(v any) bool {
		arr, ok := v.([]any)
		if !ok {
			return true
		}
		if minI != nil && len(arr) < *minI || maxI != nil && len(arr) > *maxI {
			return false
		}
		for i, item := range arr {
			switch {
			case i < len(prefix):
				if !prefix[i](item) {
					return false
				}
			case items != nil:
				if !items(item) {
					return false
				}
			}
		}
		return !unique || distinctStrings(arr)
	}}, nil
}

// distinctStrings says whether arr is strings, none twice.
func distinctStrings(arr []any) bool {
	for i, a := range arr {
		s, ok := a.(string)
		if !ok {
			return false
		}
		for _, b := range arr[:i] {
			if b == s {
				return false
			}
		}
	}
	return true
}

// conditions compiles allOf, anyOf, not and if/then/else. A quick check
// cannot be sure a value fails a schema, so "not" is never sure, and an
// "if" it doubts is asked of the full validator.
func (qc *quickCompiler) conditions(s *jsonschema.Schema) ([]quickCheck, error) {
	var out []quickCheck
	for _, sch := range s.AllOf {
		c, err := qc.compile(sch)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	if len(s.AnyOf) > 0 {
		var alts []quickCheck
		for _, sch := range s.AnyOf {
			c, err := qc.compile(sch)
			if err != nil {
				return nil, err
			}
			alts = append(alts, c)
		}
		out = append(out, func(v any) bool {
			for _, c := range alts {
				if c(v) {
					return true
				}
			}
			return false
		})
	}
	if s.Not != nil {
		out = append(out, func(any) bool { return false })
	}
	if s.If != nil && (s.Then != nil || s.Else != nil) {
		c, err := qc.ifThenElse(s)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

func (qc *quickCompiler) ifThenElse(s *jsonschema.Schema) (quickCheck, error) {
	branch := func(sch *jsonschema.Schema) (quickCheck, error) {
		if sch == nil {
			return func(any) bool { return true }, nil
		}
		return qc.compile(sch)
	}
	cond, err := qc.compile(s.If)
	if err != nil {
		return nil, err
	}
	then, err := branch(s.Then)
	if err != nil {
		return nil, err
	}
	els, err := branch(s.Else)
	if err != nil {
		return nil, err
	}
	full := s.If
	return func(v any) bool {
		if cond(v) || full.Validate(v) == nil {
			return then(v)
		}
		return els(v)
	}, nil
}

// stringChecks compiles the keywords of strings: the lengths in
// characters, pattern and contentEncoding.
func stringChecks(s *jsonschema.Schema) []quickCheck {
	minL, maxL, pattern, enc := s.MinLength, s.MaxLength, s.Pattern, s.ContentEncoding
	if minL == nil && maxL == nil && pattern == nil && enc == nil {
		return nil
	}
	return []quickCheck{func(v any) bool {
		str, ok := v.(string)
		if !ok {
			return true
		}
		if minL != nil || maxL != nil {
			n := utf8.RuneCountInString(str)
			if minL != nil && n < *minL || maxL != nil && n > *maxL {
				return false
			}
		}
		if pattern != nil && !pattern.MatchString(str) {
			return false
		}
		if enc != nil {
			if _, err := enc.Decode(str); err != nil {
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
	return []quickCheck{func(v any) bool {
		f, ok := v.(float64)
		if !ok {
			return true
		}
		if math.IsNaN(f) || math.IsInf(f, 0) {
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

package exchange

import (
	"fmt"

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
		additional = func([]byte) bool { return a }
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
	required := map[string]int{}
	for i, name := range s.Required {
		required[name] = i
	}
	if len(props) == 0 && len(patterns) == 0 && additional == nil && names == nil && len(required) == 0 {
		return nil, nil
	}
	if len(required) > 64 {
		return nil, fmt.Errorf("the quick check knows up to 64 required properties (at %s)", s.Location)
	}
	all := uint64(1)<<len(required) - 1
	return []quickCheck{func(b []byte) bool {
		if b[0] != '{' {
			return true // these keywords say nothing of other types
		}
		var found uint64
		return eachMember(b, func(key, val []byte) bool {
			if i, ok := required[string(key)]; ok {
				found |= 1 << i
			}
			if names != nil && !names(quoted(key)) {
				return false
			}
			c, evaluated := props[string(key)]
			if evaluated && !c(val) {
				return false
			}
			for _, p := range patterns {
				if matches(p.re, key) {
					evaluated = true
					if !p.check(val) {
						return false
					}
				}
			}
			return evaluated || additional == nil || additional(val)
		}) && found == all
	}}, nil
}

// quoted gives a raw key back as a JSON string value, for propertyNames.
func quoted(key []byte) []byte {
	b := make([]byte, 0, len(key)+2)
	return append(append(append(b, '"'), key...), '"')
}

// matches runs re on raw text, without a copy when it is Go's regexp.
func matches(re jsonschema.Regexp, text []byte) bool {
	if m, ok := re.(interface{ Match([]byte) bool }); ok {
		return m.Match(text)
	}
	return re.MatchString(string(text))
}

// array compiles the keywords of arrays: prefixItems, items, the counts
// and uniqueItems (sure only of strings).
func (qc *quickCompiler) array(s *jsonschema.Schema) ([]quickCheck, error) {
	prefix, err := qc.compileAll(s.PrefixItems)
	if err != nil {
		return nil, err
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
	return []quickCheck{func(b []byte) bool {
		if b[0] != '[' {
			return true
		}
		n := 0
		ok := eachElement(b, func(i int, item []byte) bool {
			n++
			switch {
			case i < len(prefix):
				return prefix[i](item)
			case items != nil:
				return items(item)
			}
			return true
		})
		return ok && (minI == nil || n >= *minI) && (maxI == nil || n <= *maxI) && (!unique || distinctStrings(b))
	}}, nil
}

// distinctStrings says whether the array value b holds plain strings
// (no escapes), none twice.
func distinctStrings(b []byte) bool {
	var seen [][]byte
	return eachElement(b, func(_ int, item []byte) bool {
		s, ok := rawString(item)
		if !ok {
			return false
		}
		for _, t := range seen {
			if string(t) == string(s) {
				return false
			}
		}
		seen = append(seen, s)
		return true
	})
}

// compileAll compiles each schema of a list.
func (qc *quickCompiler) compileAll(list []*jsonschema.Schema) ([]quickCheck, error) {
	var out []quickCheck
	for _, sch := range list {
		c, err := qc.compile(sch)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// conditions compiles allOf, anyOf, not and if/then/else. A quick check
// cannot be sure a value fails a schema, so "not" is never sure, and an
// "if" it doubts is asked of the full validator.
func (qc *quickCompiler) conditions(s *jsonschema.Schema) ([]quickCheck, error) {
	out, err := qc.compileAll(s.AllOf)
	if err != nil {
		return nil, err
	}
	if len(s.AnyOf) > 0 {
		alts, err := qc.compileAll(s.AnyOf)
		if err != nil {
			return nil, err
		}
		out = append(out, func(b []byte) bool {
			for _, c := range alts {
				if c(b) {
					return true
				}
			}
			return false
		})
	}
	if s.Not != nil {
		out = append(out, func([]byte) bool { return false })
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
			return func([]byte) bool { return true }, nil
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
	return func(b []byte) bool {
		if !cond(b) {
			v, err := decodeRecord(b)
			if err != nil {
				return false
			}
			if full.Validate(v) != nil {
				return els(b)
			}
		}
		return then(b)
	}, nil
}

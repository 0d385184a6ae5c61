package exchange

import (
	"fmt"
	"sync/atomic"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// object compiles the keywords of objects: required, properties,
// patternProperties, additionalProperties, propertyNames and the counts.
func (qc *quickCompiler) object(s *jsonschema.Schema) ([]quickCheck, error) {
	members := map[string]member{}
	for name, sch := range s.Properties {
		c, err := qc.compile(sch)
		if err != nil {
			return nil, err
		}
		members[name] = member{name: name, check: c}
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
	if len(s.Required) > 64 {
		return nil, fmt.Errorf("the quick check knows up to 64 required properties (at %s)", s.Location)
	}
	for i, name := range s.Required {
		m := members[name]
		m.name, m.bit = name, 1<<i
		members[name] = m
	}
	if len(members) == 0 && len(patterns) == 0 && additional == nil && names == nil {
		return nil, nil
	}
	all := uint64(1)<<len(s.Required) - 1
	var order learnedOrder
	return []quickCheck{func(b []byte) bool {
		if b[0] != '{' {
			return true // these keywords say nothing of other types
		}
		var found uint64
		seen := order.load()
		n := 0
		ok := eachMember(b, func(key, val []byte) bool {
			m, known := seen.at(n, key)
			if !known {
				m, known = members[string(key)]
			}
			n++
			found |= m.bit
			if names != nil && !names(quoted(key)) {
				return false
			}
			evaluated := m.check != nil
			if evaluated && !m.check(val) {
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
		})
		if ok && found == all && seen == nil {
			order.learn(b, members)
		}
		return ok && found == all
	}}, nil
}

// member is what an object's schema says of one property: its check (nil:
// no schema of its own) and its bit among the required ones (0: not
// required).
type member struct {
	name  string
	check quickCheck
	bit   uint64
}

// learnedOrder is the order of an object's properties in the first record
// that passed: records made by json.Marshal from one Go type list their
// properties in the same order every time, so the property at each place
// is found by comparing its name, not by hashing it. A record in another
// order is still checked in full, through the map. It is safe for
// concurrent checks: learnt once, never changed.
type learnedOrder struct{ p atomic.Pointer[memberOrder] }

type memberOrder []member

func (o *learnedOrder) load() memberOrder {
	if p := o.p.Load(); p != nil {
		return *p
	}
	return nil
}

// learn keeps the order of the members of the object value b.
func (o *learnedOrder) learn(b []byte, members map[string]member) {
	var seen memberOrder
	eachMember(b, func(key, _ []byte) bool {
		m, ok := members[string(key)]
		if !ok {
			m = member{name: string(key)} // known by no schema: the map decides
		}
		seen = append(seen, m)
		return true
	})
	o.p.CompareAndSwap(nil, &seen)
}

// at gives the member at place n when the record has the learnt name there.
func (o memberOrder) at(n int, key []byte) (member, bool) {
	if n < len(o) && o[n].name == string(key) && (o[n].check != nil || o[n].bit != 0) {
		return o[n], true
	}
	return member{}, false
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

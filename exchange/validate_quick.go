package exchange

import (
	"fmt"
	"math"
	"math/big"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// quickCheck says whether a JSON value (valid JSON, whole, no space
// around it) certainly follows a schema. It is compiled from
// santhosh-tekuri's compiled schema, keyword by keyword, for the keywords
// the exchange schema uses, and checks each as strictly as the full
// validator or more: true means the full validator finds no problem; false
// means "not sure", and the full validator then decides and says what is
// wrong. It reads the JSON as written, where the full validator needs it
// decoded into maps and builds its scopes for every value: a regional
// export checks hundreds of thousands of records
// (TestQuickCheckNeverLooser).
type quickCheck func(b []byte) bool

// quickCompiler compiles schemas to quick checks, each schema once (the
// schema's $refs can be cyclic).
type quickCompiler struct {
	done map[*jsonschema.Schema]*quickCheck
}

// compileQuick compiles sch, or says which keyword it cannot check.
func compileQuick(sch *jsonschema.Schema) (quickCheck, error) {
	qc := &quickCompiler{done: map[*jsonschema.Schema]*quickCheck{}}
	return qc.compile(sch)
}

func (qc *quickCompiler) compile(s *jsonschema.Schema) (quickCheck, error) {
	if p, ok := qc.done[s]; ok {
		return func(b []byte) bool { return (*p)(b) }, nil
	}
	p := new(quickCheck)
	qc.done[s] = p
	if k := unknownKeyword(s); k != "" {
		return nil, fmt.Errorf("the quick check does not know %s (at %s)", k, s.Location)
	}
	if s.Bool != nil {
		b := *s.Bool
		*p = func([]byte) bool { return b }
		return *p, nil
	}
	var checks []quickCheck
	for _, part := range []func(*jsonschema.Schema) ([]quickCheck, error){
		qc.any, qc.object, qc.array, qc.conditions,
	} {
		c, err := part(s)
		if err != nil {
			return nil, err
		}
		checks = append(checks, c...)
	}
	checks = append(checks, stringChecks(s)...)
	checks = append(checks, numberChecks(s)...)
	*p = func(b []byte) bool {
		for _, c := range checks {
			if !c(b) {
				return false
			}
		}
		return true
	}
	return *p, nil
}

// unknownKeyword names a keyword of s the quick check does not check, or
// gives "" when it checks them all.
func unknownKeyword(s *jsonschema.Schema) string {
	switch {
	case s.DraftVersion < 2020:
		return "a draft before 2020-12"
	case s.RecursiveRef != nil || s.DynamicRef != nil:
		return "$dynamicRef"
	case len(s.OneOf) > 0:
		return "oneOf"
	case s.Dependencies != nil || s.DependentRequired != nil || s.DependentSchemas != nil:
		return "dependencies"
	case s.UnevaluatedProperties != nil || s.UnevaluatedItems != nil:
		return "unevaluated"
	case s.Contains != nil || s.MinContains != nil || s.MaxContains != nil:
		return "contains"
	case s.Items != nil || s.AdditionalItems != nil:
		return "items of an earlier draft"
	case s.MultipleOf != nil:
		return "multipleOf"
	case s.ContentMediaType != nil || s.ContentSchema != nil:
		return "contentMediaType"
	case len(s.Extensions) > 0:
		return "a vocabulary of its own"
	case s.MinProperties != nil || s.MaxProperties != nil:
		return "minProperties"
	}
	return ""
}

// any compiles the keywords that apply to every type: type, const, enum,
// format and $ref.
func (qc *quickCompiler) any(s *jsonschema.Schema) ([]quickCheck, error) {
	var out []quickCheck
	if s.Types != nil && !s.Types.IsEmpty() {
		var want jsonTypes
		for _, t := range s.Types.ToStrings() {
			want |= jsonTypeNamed[t]
		}
		out = append(out, func(b []byte) bool { return isOfType(b, want) })
	}
	if s.Const != nil {
		c := *s.Const
		out = append(out, func(b []byte) bool { return surelyEqual(b, c) })
	}
	if s.Enum != nil {
		values := s.Enum.Values
		out = append(out, func(b []byte) bool {
			for _, e := range values {
				if surelyEqual(b, e) {
					return true
				}
			}
			return false
		})
	}
	if f := s.Format; f != nil {
		if f.Name == "regex" {
			return nil, fmt.Errorf("the quick check does not know the format regex (at %s)", s.Location)
		}
		sure := formatSure[f.Name]
		out = append(out, func(b []byte) bool {
			if raw, plain := rawString(b); plain && sure != nil && sure(raw) {
				return true
			}
			text, ok := stringText(b) // not sure of other types
			return ok && f.Validate(text) == nil
		})
	}
	if s.Ref != nil {
		ref, err := qc.compile(s.Ref)
		if err != nil {
			return nil, err
		}
		out = append(out, ref)
	}
	return out, nil
}

// jsonTypes is a set of JSON Schema's types.
type jsonTypes uint8

const (
	typeNull jsonTypes = 1 << iota
	typeBoolean
	typeString
	typeArray
	typeObject
	typeNumber
	typeInteger
)

var jsonTypeNamed = map[string]jsonTypes{"null": typeNull, "boolean": typeBoolean, "string": typeString,
	"array": typeArray, "object": typeObject, "number": typeNumber, "integer": typeInteger}

// isOfType says whether the value b is of one of the types wanted; a
// number is an "integer" only when it is one exactly and small enough to
// be sure.
func isOfType(b []byte, want jsonTypes) bool {
	switch b[0] {
	case 'n':
		return want&typeNull != 0
	case 't', 'f':
		return want&typeBoolean != 0
	case '"':
		return want&typeString != 0
	case '[':
		return want&typeArray != 0
	case '{':
		return want&typeObject != 0
	}
	f, ok := jsonNumber(b)
	return ok && (want&typeNumber != 0 || want&typeInteger != 0 && f == math.Trunc(f) && math.Abs(f) < 1<<53)
}

// surelyEqual says whether the value b is certainly the JSON value e:
// strings, booleans and null exactly, numbers when e is an integer a
// float64 holds exactly; anything else is not sure.
func surelyEqual(b []byte, e any) bool {
	switch b[0] {
	case 'n':
		return e == nil
	case 't', 'f':
		v, ok := e.(bool)
		return ok && v == (b[0] == 't')
	case '"':
		s, ok := e.(string)
		if raw, plain := rawString(b); plain {
			return ok && string(raw) == s
		}
		text, plain := stringText(b)
		return ok && plain && text == s
	case '[', '{':
		return false
	}
	f, ok := jsonNumber(b)
	r, exact := exactInteger(e)
	return ok && exact && f == r
}

// exactInteger gives a schema's number as a float64 when it is an integer
// a float64 holds exactly.
func exactInteger(e any) (float64, bool) {
	var r *big.Rat
	switch e := e.(type) {
	case *big.Rat:
		r = e
	case interface{ String() string }: // json.Number
		var ok bool
		if r, ok = new(big.Rat).SetString(e.String()); !ok {
			return 0, false
		}
	default:
		return 0, false
	}
	if !r.IsInt() {
		return 0, false
	}
	f, exact := r.Float64()
	return f, exact && math.Abs(f) < 1<<53
}

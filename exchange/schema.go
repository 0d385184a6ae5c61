package exchange

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// schemaJSON is the published JSON Schema (draft 2020-12) of the exchange
// document, format version 1.
//
//go:embed schema/sportello-exchange-v1.schema.json
var schemaJSON []byte

// schemaID is the schema's $id: an identifier, not an address.
const schemaID = "https://sportello.example/schema/sportello-exchange-v1.schema.json"

// SchemaJSON returns the JSON Schema of the exchange document (draft
// 2020-12, format version 1), to publish or to hand to a recipient. The
// slice is a copy.
func SchemaJSON() []byte { return bytes.Clone(schemaJSON) }

// compiledSchema compiles the embedded schema once, with format assertions
// on so that dates and times are checked, not only annotated.
var compiledSchema = sync.OnceValues(func() (*jsonschema.Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		return nil, fmt.Errorf("exchange: the embedded schema is not JSON: %w", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource(schemaID, doc); err != nil {
		return nil, fmt.Errorf("exchange: the embedded schema: %w", err)
	}
	sch, err := c.Compile(schemaID)
	if err != nil {
		return nil, fmt.Errorf("exchange: the embedded schema does not compile: %w", err)
	}
	return sch, nil
})

// SchemaError says why a document does not follow the exchange format: one
// entry of Problems per problem, in document order, each naming where
// ("persons[3].sesso") and what. Problems never quote the values of the document, which may be
// personal data.
type SchemaError struct {
	Problems []string
}

// maxProblemsShown is how many problems Error names before "and N more".
const maxProblemsShown = 5

func (e *SchemaError) Error() string {
	var b strings.Builder
	b.WriteString("the document does not follow the exchange format")
	n := min(len(e.Problems), maxProblemsShown)
	if n > 0 {
		b.WriteString(": ")
		b.WriteString(strings.Join(e.Problems[:n], "; "))
	}
	if more := len(e.Problems) - n; more > 0 {
		fmt.Fprintf(&b, "; and %d more", more)
	}
	return b.String()
}

// ValidateJSON checks that data is an exchange document that follows the
// schema. A document that does not gives a *SchemaError; data that is not
// JSON at all gives another error.
func ValidateJSON(data []byte) error {
	sch, err := compiledSchema()
	if err != nil {
		return err
	}
	// json.Unmarshal rather than the library's decoder: it reads data in
	// place, where a json.Decoder would first copy the whole document into
	// its own buffer. Numbers come as float64, which the schema's integer
	// checks accept; amounts and counts are far below 2^53.
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			return fmt.Errorf("exchange: not a JSON document: %v (at byte %d)", err, syn.Offset)
		}
		return fmt.Errorf("exchange: not a JSON document: %w", err)
	}
	err = sch.Validate(doc)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return fmt.Errorf("exchange: %w", err)
	}
	return newSchemaError(doc, ve)
}

// newSchemaError turns the library's tree of errors into problems: its
// leaves, sorted by where they are in the document, without repeats.
func newSchemaError(doc any, ve *jsonschema.ValidationError) *SchemaError {
	pseudonymised := false
	if m, ok := doc.(map[string]any); ok {
		pseudonymised = m["mode"] == ModePseudonymised
	}
	return schemaProblems(doc, pseudonymised, ve)
}

// schemaProblems is newSchemaError for a part of a document (one record),
// whose mode is given.
func schemaProblems(doc any, pseudonymised bool, ve *jsonschema.ValidationError) *SchemaError {
	var leaves []*jsonschema.ValidationError
	var walk func(*jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			leaves = append(leaves, e)
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	type problem struct {
		loc  []string
		text string
	}
	problems := make([]problem, len(leaves))
	for i, l := range leaves {
		problems[i] = problem{l.InstanceLocation,
			documentPath(doc, l.InstanceLocation) + ": " + describeProblem(l.ErrorKind, pseudonymised)}
	}
	slices.SortFunc(problems, func(a, b problem) int {
		if c := compareLocations(a.loc, b.loc); c != 0 {
			return c
		}
		return strings.Compare(a.text, b.text)
	})
	e := &SchemaError{}
	for i, p := range problems {
		if i == 0 || p.text != problems[i-1].text {
			e.Problems = append(e.Problems, p.text)
		}
	}
	return e
}

// compareLocations orders instance locations as the document reads: array
// indexes by number, keys by name.
func compareLocations(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if a[i] == b[i] {
			continue
		}
		x, errX := strconv.Atoi(a[i])
		y, errY := strconv.Atoi(b[i])
		if errX == nil && errY == nil {
			return x - y
		}
		return strings.Compare(a[i], b[i])
	}
	return len(a) - len(b)
}

// documentPath spells an instance location as a coordinator reads it,
// "persons[3].cittadinanza[0].istat", looking at the document to tell array
// indexes from keys. The document itself is "document".
func documentPath(doc any, loc []string) string {
	if len(loc) == 0 {
		return "document"
	}
	var b strings.Builder
	v := doc
	for i, tok := range loc {
		if arr, ok := v.([]any); ok {
			b.WriteString("[" + tok + "]")
			v = nil
			if n, err := strconv.Atoi(tok); err == nil && n >= 0 && n < len(arr) {
				v = arr[n]
			}
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(tok)
		if m, ok := v.(map[string]any); ok {
			v = m[tok]
		} else {
			v = nil
		}
	}
	return b.String()
}

// patternMessages say in words what each pattern of the schema asks for.
// A test checks that every pattern of the schema is here.
var patternMessages = map[string]string{
	`^[0-9a-f]{32}$`: "not an id (32 lower-case hexadecimal digits)",
	`^[0-9a-f]{16}$`: "not a key fingerprint (16 lower-case hexadecimal digits)",
	`^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$`: "not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
	`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`:                              "not a date (YYYY-MM-DD)",
	`^[0-9]{4}(-[0-9]{2})?$`:                                    "a pseudonymised document keeps only the year and month (YYYY or YYYY-MM)",
	`^1\.[0-9]+$`:                                               "not a version this reader knows: it reads format version 1.x",
	`^([0-9a-f]{64})?$`:                                         `not a hash (64 lower-case hexadecimal digits, or "")`,
	`^[A-Z][A-Z0-9]{1,7}$`:                                      "not a case-code prefix (2 to 8 capital letters or digits, starting with a letter)",
	`^(rev:[0-9]+|[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt][0-9:.]+([Zz]|[+-][0-9]{2}:[0-9]{2}))?)$`: `not a date or "rev:N"`,
	`^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`:                                                  `not a language tag (BCP 47, such as "it" or "ar")`,
	`^[0-9]{3}$`:                                                                           "not an ISTAT country code (3 digits)",
	`^[A-Z]{2}$`:                                                                           "not an ISO 3166 country code (2 capital letters)",
	`^[A-Z][A-Z0-9]{1,7}-[0-9]{4}-[0-9]{6,}$`:                                              "not a case code (PREFIX-YYYY-NNNNNN)",
	`^([A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]|[0-9]{11})$`: "not a codice fiscale (16 characters, or 11 digits for a temporary code)",
	`^[A-U]$`:                             "not an ATECO 2007 section (one letter, A to U)",
	`^[0-9]{4}$`:                          "not an ISCO-08 unit group (4 digits)",
	`^([0-9]{11}|[A-Z0-9]{16})$`:          "not an employer's codice fiscale (11 digits, or 16 characters for a person)",
	`^[0-9]{11}$`:                         "not a partita IVA (11 digits)",
	`^[0-9]{4}-(0[1-9]|1[0-2])$`:          "not a month (YYYY-MM)",
	`^[a-z]{2,3}(:(A1|A2|B1|B2|C1|C2))?$`: `not a language with an optional CEFR level (such as "it" or "it:A2")`,
	`^[1-9](\.[0-9]){0,4}$`:               "not a CP2011 occupation code (such as 6.4.1.1.0)",
}

// schemaPrinter formats the library's own messages, for problems this file does
// not word itself.
var schemaPrinter = message.NewPrinter(language.English)

// describeProblem words one problem for a coordinator, without quoting the value.
func describeProblem(k jsonschema.ErrorKind, pseudonymised bool) string {
	switch k := k.(type) {
	case *kind.Required:
		return pluralWord(len(k.Missing), "missing field ", "missing fields ") + quoteNames(k.Missing)
	case *kind.AdditionalProperties:
		return pluralWord(len(k.Properties), "unknown field ", "unknown fields ") + quoteNames(k.Properties)
	case *kind.Enum:
		want := make([]string, len(k.Want))
		for i, w := range k.Want {
			want[i] = schemaValueText(w)
		}
		if len(want) == 1 {
			return "value must be " + want[0]
		}
		return "value must be one of " + strings.Join(want, ", ")
	case *kind.Const:
		return "value must be " + schemaValueText(k.Want)
	case *kind.Type:
		want := make([]string, len(k.Want))
		for i, w := range k.Want {
			want[i] = jsonTypeWords(w)
		}
		return "must be " + strings.Join(want, " or ") + ", not " + jsonTypeWords(k.Got)
	case *kind.Pattern:
		if k.Got == "" {
			return `is empty: leave the field out rather than write ""`
		}
		if m, ok := patternMessages[k.Want]; ok {
			return m
		}
		return "does not have the expected form (" + k.Want + ")"
	case *kind.Format:
		switch k.Want {
		case "date-time":
			return "not a date and time (RFC 3339, such as 2026-03-01T09:30:00Z)"
		case "date":
			return "not a date (YYYY-MM-DD)"
		}
		return "not a valid " + k.Want
	case *kind.FalseSchema:
		if pseudonymised {
			return "must be left out of a pseudonymised document"
		}
		return "not allowed here"
	case *kind.MinLength:
		if k.Want == 1 {
			return "must not be empty"
		}
		return fmt.Sprintf("must be at least %d characters long", k.Want)
	case *kind.Minimum:
		return "must be at least " + ratWords(k.Want)
	case *kind.Maximum:
		return "must be at most " + ratWords(k.Want)
	}
	return k.LocalizedString(schemaPrinter)
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func quoteNames(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}

// schemaValueText writes a value of the schema (an enum's or const's) as JSON.
func schemaValueText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

func ratWords(r *big.Rat) string {
	if r == nil {
		return "?"
	}
	if r.IsInt() {
		return r.Num().String()
	}
	return r.FloatString(3)
}

// jsonTypeWords names a JSON type in words.
func jsonTypeWords(t string) string {
	switch t {
	case "string":
		return "text"
	case "number":
		return "a number"
	case "integer":
		return "a whole number"
	case "boolean":
		return "true or false"
	case "array":
		return "a list"
	case "object":
		return "an object"
	}
	return t
}

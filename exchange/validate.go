package exchange

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// recordSchemas are the schema's definitions of each list's records, in
// full and pseudonymised documents, read from the schema itself.
type recordSchemas struct {
	full, pseudo map[string]*jsonschema.Schema // list name → schema of its items
	quick        map[*jsonschema.Schema]quickCheck
}

var compiledRecords = sync.OnceValues(func() (*recordSchemas, error) {
	var root struct {
		Properties map[string]struct {
			Items struct {
				Ref string `json:"$ref"`
			} `json:"items"`
		} `json:"properties"`
		AllOf []struct {
			Then struct {
				Properties map[string]struct {
					Items struct {
						Ref string `json:"$ref"`
					} `json:"items"`
				} `json:"properties"`
			} `json:"then"`
		} `json:"allOf"`
	}
	if err := json.Unmarshal(schemaJSON, &root); err != nil {
		return nil, err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemaJSON))
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource(schemaID, doc); err != nil {
		return nil, err
	}
	rs := &recordSchemas{full: map[string]*jsonschema.Schema{}, pseudo: map[string]*jsonschema.Schema{},
		quick: map[*jsonschema.Schema]quickCheck{}}
	compile := func(into map[string]*jsonschema.Schema, list, ref string) error {
		if ref == "" {
			return nil
		}
		sch, err := c.Compile(schemaID + ref)
		if err != nil {
			return fmt.Errorf("exchange: the schema's %s: %w", ref, err)
		}
		into[list] = sch
		// A definition the quick check cannot compile is always checked in full.
		if q, err := compileQuick(sch); err == nil {
			rs.quick[sch] = q
		}
		return nil
	}
	for list, p := range root.Properties {
		if err := compile(rs.full, list, p.Items.Ref); err != nil {
			return nil, err
		}
	}
	for _, a := range root.AllOf {
		for list, p := range a.Then.Properties {
			if err := compile(rs.pseudo, list, p.Items.Ref); err != nil {
				return nil, err
			}
		}
	}
	return rs, nil
})

// ValidateDocument checks a document against the schema as ValidateJSON
// does, but record by record on every core: memory for one record at a time
// instead of the whole document's tree, which a regional-size export cannot
// afford. The envelope (format, desk, mode, scope) is checked whole.
func ValidateDocument(d *Document) error {
	if err := validateEnvelope(d); err != nil {
		return err
	}
	v, err := newPartValidator(d.Mode == ModePseudonymised)
	if err != nil {
		return err
	}
	for _, l := range documentLists(d) {
		v.check(l.name, l.items, 0)
	}
	return v.result()
}

// validateEnvelope checks a document's fields that are not lists, each
// list present taken as empty (a missing one stays null, for the schema
// to name).
func validateEnvelope(d *Document) error {
	envelope := *d
	for _, l := range documentLists(d) {
		if !l.items.IsNil() {
			reflect.ValueOf(&envelope).Elem().FieldByName(l.field).Set(reflect.MakeSlice(l.items.Type(), 0, 0))
		}
	}
	data, err := json.Marshal(&envelope)
	if err != nil {
		return err
	}
	return ValidateJSON(data)
}

type locatedProblem struct {
	list, index int
	text        string
}

type documentList struct {
	name, field string
	items       reflect.Value
}

// documentLists are the document's record lists, in document order.
func documentLists(d *Document) []documentList {
	v := reflect.ValueOf(d).Elem()
	t := v.Type()
	var out []documentList
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Type.Kind() != reflect.Slice {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		out = append(out, documentList{name: name, field: f.Name, items: v.Field(i)})
	}
	return out
}

// validateRecord checks one record against its list's schema (and, in a
// pseudonymised document, what pseudonymisation leaves out), giving each
// problem as ".field: what" or ": what" for the record itself: its JSON
// goes through the quick check first (validateRecordJSON).
func validateRecord(rs *recordSchemas, list string, rec any, pseudonymised bool) []string {
	data, err := json.Marshal(rec)
	if err != nil {
		return []string{": " + err.Error()}
	}
	return validateRecordJSON(rs, list, data, pseudonymised)
}

// validateRecordJSON is validateRecord of a record already encoded: the
// quick check first, then, for a schema it is not sure of, the full
// validator on the decoded record.
func validateRecordJSON(rs *recordSchemas, list string, data []byte, pseudonymised bool) []string {
	var v any
	var out []string
	for _, sch := range rs.schemasOf(list, pseudonymised) {
		if q := rs.quick[sch]; q != nil && len(data) > 0 && q(data) {
			continue // certainly valid: the full validator would say so, slower
		}
		if v == nil {
			var err error
			if v, err = decodeRecord(data); err != nil {
				return []string{": " + err.Error()}
			}
		}
		out = append(out, fullProblems(sch, v, pseudonymised)...)
	}
	return out
}

// validateValue checks a decoded record against its list's schemas.
func validateValue(rs *recordSchemas, list string, v any, pseudonymised bool) []string {
	var out []string
	for _, sch := range rs.schemasOf(list, pseudonymised) {
		out = append(out, fullProblems(sch, v, pseudonymised)...)
	}
	return out
}

// schemasOf are the schemas a record of list follows: its definition, and
// in a pseudonymised document what pseudonymisation leaves out.
func (rs *recordSchemas) schemasOf(list string, pseudonymised bool) []*jsonschema.Schema {
	var out []*jsonschema.Schema
	if sch := rs.full[list]; sch != nil {
		out = append(out, sch)
	}
	if sch := rs.pseudo[list]; pseudonymised && sch != nil {
		out = append(out, sch)
	}
	return out
}

// fullProblems checks v against sch with the full validator.
func fullProblems(sch *jsonschema.Schema, v any, pseudonymised bool) []string {
	err := sch.Validate(v)
	var ve *jsonschema.ValidationError
	if err == nil || !errors.As(err, &ve) {
		return nil
	}
	var out []string
	for _, p := range schemaProblems(v, pseudonymised, ve).Problems {
		out = append(out, recordPath(p))
	}
	return out
}

// recordPath turns a problem found in a record alone ("document: what" or
// "field: what") into one that follows the record's place in its list.
func recordPath(p string) string {
	if rest, ok := strings.CutPrefix(p, "document"); ok {
		return rest
	}
	if strings.HasPrefix(p, "[") {
		return p
	}
	return "." + p
}

package exchange

import (
	"encoding/json"
	"slices"
	"testing"
)

// ValidateDocument, record by record, finds what ValidateJSON finds in the
// whole document, at the same places.
func TestValidateDocumentAgreesWithValidateJSON(t *testing.T) {
	tests := []struct {
		name   string
		doc    func(t testing.TB) Document
		change func(d *Document)
		valid  bool
	}{
		{"full", schFullDoc, func(d *Document) {}, true},
		{"pseudonymised", schPseudoDoc, func(d *Document) {}, true},
		{"bad sex", schFullDoc, func(d *Document) { d.Persons[0].Sesso = "Z" }, false},
		{"bad id", schFullDoc, func(d *Document) { d.Cases[0].ID = "PUA-1" }, false},
		{"bad ISTAT code", schFullDoc, func(d *Document) { d.Persons[0].StatoNascita = &Country{ISTAT: "12", ISO: "SN"} }, false},
		{"bad answer time", schFullDoc, func(d *Document) { d.Interviews[0].Answers[0].UpdatedAt = "yesterday" }, false},
		{"name in a pseudonymised document", schPseudoDoc, func(d *Document) { d.Persons[0].Cognome = "Mensah" }, false},
		{"birth day in a pseudonymised document", schPseudoDoc, func(d *Document) { d.Persons[0].DataNascita = "1990-09-12" }, false},
		{"bad format version", schFullDoc, func(d *Document) { d.FormatVersion = "2.0" }, false},
		{"a list missing", schFullDoc, func(d *Document) { d.Plans = nil }, false},
		{"two problems", schFullDoc, func(d *Document) { d.Persons[0].Sesso = "Z"; d.Referrals[0].Urgency = "now" }, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := tc.doc(t)
			tc.change(&d)
			data, err := json.Marshal(&d)
			if err != nil {
				t.Fatal(err)
			}
			whole, records := ValidateJSON(data), ValidateDocument(&d)
			if (whole == nil) != tc.valid || (records == nil) != tc.valid {
				t.Fatalf("whole: %v\nrecord by record: %v", whole, records)
			}
			if tc.valid {
				return
			}
			a, b := whole.(*SchemaError), records.(*SchemaError)
			if !slices.Equal(a.Problems, b.Problems) {
				t.Errorf("different problems:\nwhole: %q\nrecord by record: %q", a.Problems, b.Problems)
			}
		})
	}
}

// Every export the demo desk makes passes both checks.
func TestValidateDocumentOnExports(t *testing.T) {
	db, coord := seeded(t, "PUA", 12)
	for _, pseudo := range []bool{false, true} {
		data, _ := export(t, db, Options{Format: FormatJSON, Operator: coord, Pseudonymised: pseudo, Plaintext: !pseudo})
		var d Document
		if err := json.Unmarshal(data, &d); err != nil {
			t.Fatal(err)
		}
		if err := ValidateDocument(&d); err != nil {
			t.Errorf("pseudonymised %v: %v", pseudo, err)
		}
	}
}

package exchange

import (
	"bytes"
	"context"
	"encoding/json"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"sportello/demo"
)

// quickCase is a record of an exported demo desk with the schema of its
// list, full or pseudonymised.
type quickCase struct {
	list string
	sch  *jsonschema.Schema
	data []byte
}

// quickCases exports a demo desk with every kind of record, in full and
// pseudonymised, and gives each record with the schemas it must follow.
func quickCases(t testing.TB) []quickCase {
	db, coord := seeded(t, "PUA", 12)
	if err := demo.SeedWork(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	rs, err := compiledRecords()
	if err != nil {
		t.Fatal(err)
	}
	var out []quickCase
	for _, pseudo := range []bool{false, true} {
		data, _ := export(t, db, Options{Format: FormatJSON, Plaintext: !pseudo, Pseudonymised: pseudo, Operator: coord})
		var doc Document
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		for _, l := range documentLists(&doc) {
			schemas := []*jsonschema.Schema{rs.full[l.name]}
			if pseudo && rs.pseudo[l.name] != nil {
				schemas = append(schemas, rs.pseudo[l.name])
			}
			for i := range l.items.Len() {
				rec, err := json.Marshal(l.items.Index(i).Interface())
				if err != nil {
					t.Fatal(err)
				}
				for _, sch := range schemas {
					out = append(out, quickCase{l.name, sch, rec})
				}
			}
		}
	}
	return out
}

// TestQuickCheckCompilesAndPasses: every list's schema compiles to a quick
// check, and every record a desk exports passes it, so that an export
// never needs the full validator's slower path.
func TestQuickCheckCompilesAndPasses(t *testing.T) {
	rs, err := compiledRecords()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []map[string]*jsonschema.Schema{rs.full, rs.pseudo} {
		for list, sch := range m {
			if rs.quick[sch] == nil {
				_, err := compileQuick(sch)
				t.Errorf("%s: no quick check: %v", list, err)
			}
		}
	}
	lists := map[string]bool{}
	for _, c := range quickCases(t) {
		lists[c.list] = true
		v, err := decodeRecord(c.data)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.sch.Validate(v); err != nil {
			t.Fatalf("%s record %s is not valid: %v", c.list, c.data, err)
		}
		if !rs.quick[c.sch](c.data) {
			t.Errorf("%s record %s: the quick check is not sure of a valid record", c.list, c.data)
		}
	}
	for _, want := range []string{"persons", "cases", "interviews", "plans", "consents", "referrals", "employers", "vacancies"} {
		if !lists[want] {
			t.Errorf("no %s exported: the test does not cover them", want)
		}
	}
}

// TestQuickCheckNeverLooser: records spoiled in every way the mutations
// know are never passed by the quick check when the full validator finds
// a problem in them.
func TestQuickCheckNeverLooser(t *testing.T) {
	rs, err := compiledRecords()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(19, 2026))
	spoilt := 0
	for _, c := range quickCases(t) {
		for range 12 {
			v, err := decodeRecord(c.data)
			if err != nil {
				t.Fatal(err)
			}
			v = spoil(r, v)
			if c.sch.Validate(v) == nil {
				continue
			}
			spoilt++
			b, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			if rs.quick[c.sch](b) {
				t.Fatalf("%s: the quick check passed %s, which the schema refuses", c.list, b)
			}
		}
	}
	if spoilt < 1000 {
		t.Fatalf("only %d spoilt records refused by the schema: the mutations test little", spoilt)
	}
}

// FuzzQuickCheck: any JSON the fuzzer makes of a real record, the quick
// check passes only if the full validator does.
func FuzzQuickCheck(f *testing.F) {
	cases := quickCases(f)
	for i, c := range cases {
		if i%7 == 0 {
			f.Add(i, string(c.data))
		}
	}
	rs, err := compiledRecords()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, i int, data string) {
		if i < 0 {
			i = -i
		}
		c := cases[i%len(cases)]
		b := bytes.TrimSpace([]byte(data))
		if !json.Valid(b) {
			return // the quick check is given valid JSON only
		}
		v, err := decodeRecord(b)
		if err != nil {
			t.Fatalf("%s: valid JSON not decoded: %v", data, err)
		}
		if rs.quick[c.sch](b) && c.sch.Validate(v) != nil {
			t.Fatalf("%s: the quick check passed %s, which the schema refuses", c.list, data)
		}
	})
}

// spoil changes one value somewhere in v, at random: a field dropped or
// added, a value of another type, a string made longer, emptier or odd, a
// number moved, an element added to a list.
func spoil(r *rand.Rand, v any) any {
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys) // the same spoiling on every run
		if len(keys) == 0 || r.IntN(8) == 0 {
			x[[]string{"extra", "name", "codice_fiscale", "note"}[r.IntN(4)]] = oddValue(r)
			return x
		}
		k := keys[r.IntN(len(keys))]
		switch r.IntN(6) {
		case 0:
			delete(x, k)
		case 1:
			x[k] = oddValue(r)
		default:
			x[k] = spoil(r, x[k])
		}
		return x
	case []any:
		if len(x) == 0 || r.IntN(4) == 0 {
			return append(x, oddValue(r))
		}
		i := r.IntN(len(x))
		x[i] = spoil(r, x[i])
		return x
	case string:
		switch r.IntN(6) {
		case 0:
			return ""
		case 1:
			return x + strings.Repeat("é", 300)
		case 2:
			return "x" + x
		case 3:
			return strings.ToUpper(x) + "-"
		case 4:
			return "2026-13-40"
		}
		return 7.0
	case float64:
		return []float64{-1, 0, 0.5, 1e9, x + 0.25, -x}[r.IntN(6)]
	case bool:
		return "true"
	}
	return oddValue(r)
}

func oddValue(r *rand.Rand) any {
	return []any{nil, true, 3.0, -2.5, "", "zz", []any{}, map[string]any{}, []any{"a", "a"}}[r.IntN(9)]
}

// BenchmarkQuickCheck checks the persons and cases of a demo desk's
// export, as the export does record by record: the writer's share of the
// export's time that the check costs.
func BenchmarkQuickCheck(b *testing.B) {
	rs, err := compiledRecords()
	if err != nil {
		b.Fatal(err)
	}
	var cases []quickCase
	size := 0
	for _, c := range quickCases(b) {
		if c.list == "persons" || c.list == "cases" {
			cases = append(cases, c)
			size += len(c.data)
		}
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for range b.N {
		for _, c := range cases {
			if !rs.quick[c.sch](c.data) {
				b.Fatalf("%s: not sure of %s", c.list, c.data)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(cases)), "ns/record")
}

// TestQuickCheckLearnedOrder: once an object's properties are learnt in the
// order of a first record, records in that order and in any other are
// checked as strictly: a property missing, unknown or wrong is never sure.
func TestQuickCheckLearnedOrder(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(`{"type": "object", "required": ["a", "c"],
		"properties": {"a": {"type": "string"}, "b": {"type": "integer"}, "c": {"type": "boolean"}},
		"additionalProperties": false}`))
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource("order.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("order.json")
	if err != nil {
		t.Fatal(err)
	}
	q, err := compileQuick(sch)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		json string
		sure bool
	}{
		{`{"a":"x","b":1,"c":true}`, true}, // learnt here
		{`{"a":"y","b":2,"c":false}`, true},
		{`{"c":true,"a":"x"}`, true},               // another order
		{`{"a":"x","b":1}`, false},                 // c missing, in the learnt order
		{`{"a":"x","b":"1","c":true}`, false},      // b wrong at its learnt place
		{`{"a":"x","d":1,"c":true}`, false},        // unknown at b's place
		{`{"a":"x","c":1,"b":true}`, false},        // swapped: each checked by its name
		{`{"b":1,"a":"x","c":true}`, true},         // swapped, both right
		{`{"a":"x","b":1,"c":true,"a":"z"}`, true}, // as the full validator reads duplicates: the last wins
	} {
		v, err := decodeRecord([]byte(tc.json))
		if err != nil {
			t.Fatal(err)
		}
		valid := sch.Validate(v) == nil
		if got := q([]byte(tc.json)); got != tc.sure || got && !valid {
			t.Errorf("%s: sure %v, want %v (valid %v)", tc.json, got, tc.sure, valid)
		}
	}
}

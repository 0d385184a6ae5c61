package exchange

import (
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// formatOf is the full validator's format of that name.
func formatOf(t testing.TB, name string) *jsonschema.Format {
	rs, err := compiledRecords()
	if err != nil {
		t.Fatal(err)
	}
	for sch := range rs.quick {
		if f := findFormat(sch, name, map[*jsonschema.Schema]bool{}); f != nil {
			return f
		}
	}
	t.Fatalf("no format %s in the schema", name)
	return nil
}

func findFormat(s *jsonschema.Schema, name string, seen map[*jsonschema.Schema]bool) *jsonschema.Format {
	if s == nil || seen[s] {
		return nil
	}
	seen[s] = true
	if s.Format != nil && s.Format.Name == name {
		return s.Format
	}
	next := []*jsonschema.Schema{s.Ref, s.Items2020}
	for _, p := range s.Properties {
		next = append(next, p)
	}
	next = append(append(next, s.AllOf...), s.AnyOf...)
	for _, n := range next {
		if f := findFormat(n, name, seen); f != nil {
			return f
		}
	}
	return nil
}

// TestFormatSure: the quick formats are sure only of what the full
// validator's formats accept, and of the shapes an export writes.
func TestFormatSure(t *testing.T) {
	for name, texts := range map[string][]struct {
		text string
		sure bool
	}{
		"date": {{"2026-12-06", true}, {"2024-02-29", true}, {"2000-02-29", true}, {"0001-01-01", true},
			{"2026-02-29", false}, {"1900-02-29", false}, {"2026-13-01", false}, {"2026-00-10", false},
			{"2026-04-31", false}, {"2026-1-01", false}, {"2026-01-01T", false}, {"20260101", false},
			{"2026-01-0a", false}, {"2026/01/01", false}, {"", false}},
		"date-time": {{"2026-12-06T23:41:01Z", true}, {"2026-12-06T23:41:01.123456Z", true},
			{"2024-02-29T00:00:00Z", true}, {"2026-12-06T24:00:00Z", false}, {"2026-12-06T23:60:00Z", false},
			{"2026-12-06T23:59:60Z", false}, {"2026-12-06t23:41:01Z", false}, {"2026-12-06T23:41:01z", false},
			{"2026-12-06T23:41:01+01:00", false}, {"2026-12-06T23:41:01.Z", false}, {"2026-12-06T23:41Z", false},
			{"2026-02-30T10:00:00Z", false}, {"2026-12-06T23:41:0aZ", false}, {"2026-12-06 23:41:01Z", false}},
	} {
		f, sure := formatOf(t, name), formatSure[name]
		for _, c := range texts {
			got := sure([]byte(c.text))
			if got != c.sure {
				t.Errorf("%s %q: sure %v, want %v", name, c.text, got, c.sure)
			}
			if got && f.Validate(c.text) != nil {
				t.Errorf("%s %q: sure, but the full validator refuses it: %v", name, c.text, f.Validate(c.text))
			}
		}
	}
}

// FuzzFormatSure: whatever the quick formats are sure of, the full
// validator accepts.
func FuzzFormatSure(f *testing.F) {
	for _, s := range []string{"2026-12-06", "2026-12-06T23:41:01Z", "2026-12-06T23:41:01.5Z", "2000-02-29"} {
		f.Add(s)
	}
	formats := map[string]*jsonschema.Format{"date": formatOf(f, "date"), "date-time": formatOf(f, "date-time")}
	f.Fuzz(func(t *testing.T, s string) {
		for name, sure := range formatSure {
			if sure([]byte(s)) && formats[name].Validate(s) != nil {
				t.Fatalf("%s %q: sure, but the full validator refuses it", name, s)
			}
		}
	})
}

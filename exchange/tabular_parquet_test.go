package exchange

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
)

// parquetTable is one Parquet file read back: its leaf types by column and
// its rows as text, spelled as the CSV export spells them.
type parquetTable struct {
	kinds map[string]parquet.Kind
	opt   map[string]bool
	rows  []map[string]string
}

// readParquetZip reads every ".parquet" file of a Parquet export back with
// parquet-go.
func readParquetZip(t *testing.T, data []byte) map[string]parquetTable {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]parquetTable{}
	for _, zf := range zr.File {
		name, ok := strings.CutSuffix(zf.Name, ".parquet")
		if !ok {
			t.Fatalf("unexpected file %q in the archive", zf.Name)
		}
		rc, _ := zf.Open()
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		f, err := parquet.OpenFile(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatalf("%s: %v", zf.Name, err)
		}
		pt := parquetTable{kinds: map[string]parquet.Kind{}, opt: map[string]bool{}}
		fields := f.Schema().Fields()
		for _, fl := range fields {
			pt.kinds[fl.Name()], pt.opt[fl.Name()] = fl.Type().Kind(), fl.Optional()
		}
		r := parquet.NewReader(f)
		buf := make([]parquet.Row, f.NumRows())
		n, err := r.ReadRows(buf)
		if err != nil && err != io.EOF {
			t.Fatalf("%s: %v", zf.Name, err)
		}
		r.Close()
		for _, row := range buf[:n] {
			m := map[string]string{}
			for _, v := range row {
				m[fields[v.Column()].Name()] = parquetText(v, fields[v.Column()])
			}
			pt.rows = append(pt.rows, m)
		}
		out[name] = pt
	}
	return out
}

// parquetText spells a value as the CSV export does.
func parquetText(v parquet.Value, f parquet.Field) string {
	if v.IsNull() {
		return ""
	}
	switch v.Kind() {
	case parquet.Boolean:
		return strconv.FormatBool(v.Boolean())
	case parquet.Int64:
		return strconv.FormatInt(v.Int64(), 10)
	case parquet.Double:
		return strconv.FormatFloat(v.Double(), 'f', -1, 64)
	case parquet.Int32: // a date: days since 1970-01-01
		return epoch.AddDate(0, 0, int(v.Int32())).Format(time.DateOnly)
	default:
		return v.String()
	}
}

// kindOf is the physical type each declared column type is written as.
var kindOf = map[ColumnType]parquet.Kind{TypeString: parquet.ByteArray, TypeInt64: parquet.Int64,
	TypeFloat64: parquet.Double, TypeBool: parquet.Boolean, TypeDate: parquet.Int32}

// TestParquetExport: the pseudonymised export of a demo desk with work
// records, as Parquet, read back with parquet-go, holds the CSV export's
// tables cell for cell, typed as declared, and names no one.
func TestParquetExport(t *testing.T) {
	ctx := context.Background()
	db, coord := workDesk(t, "PQA")
	full, _ := export(t, db, Options{Format: FormatJSON, Plaintext: true, Operator: coord})
	var named Document
	if err := json.Unmarshal(full, &named); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range named.Persons {
		names = append(names, p.Cognome, p.Nome)
	}
	data, _ := export(t, db, Options{Format: FormatParquet, Pseudonymised: true, Operator: coord})
	again, _ := export(t, db, Options{Format: FormatCSV, Pseudonymised: true, Operator: coord})
	csvTables, err := ReadCSV(bytes.NewReader(again), int64(len(again)))
	if err != nil {
		t.Fatal(err)
	}
	got := readParquetZip(t, data)
	if len(got) != len(csvTables) {
		t.Fatalf("%d Parquet files, %d CSV files", len(got), len(csvTables))
	}
	for _, ct := range csvTables {
		pt, ok := got[ct.Name]
		if !ok {
			t.Errorf("no %s.parquet", ct.Name)
			continue
		}
		if len(pt.rows) != len(ct.Rows) {
			t.Errorf("%s: %d rows in Parquet, %d in CSV", ct.Name, len(pt.rows), len(ct.Rows))
			continue
		}
		for _, c := range ct.Columns {
			if want := kindOf[TypeOf(ct.Name, c)]; pt.kinds[c] != want || !pt.opt[c] {
				t.Errorf("%s.%s: %v (optional %v), want optional %v", ct.Name, c, pt.kinds[c], pt.opt[c], want)
			}
		}
		if ct.Name == "export" { // generated_at differs between the two exports
			continue
		}
		for r, row := range ct.Rows {
			for i, c := range ct.Columns {
				if pv := pt.rows[r][c]; pv != row[i] {
					t.Errorf("%s row %d %s: Parquet %q, CSV %q", ct.Name, r+1, c, pv, row[i])
				}
			}
		}
	}
	for _, pt := range got {
		for _, row := range pt.rows {
			for c, v := range row {
				for _, n := range names {
					if n != "" && strings.Contains(v, n) {
						t.Errorf("column %s holds the name %q", c, n)
					}
				}
			}
		}
	}
	// A few values by hand: a date, cents, a bool, a pseudonym.
	check := func(table, col string, ok func(string) bool) {
		t.Helper()
		for _, row := range got[table].rows {
			if row[col] != "" && ok(row[col]) {
				return
			}
		}
		t.Errorf("%s.%s: no value as expected among %d rows", table, col, len(got[table].rows))
	}
	check("proposals", "data_inizio", func(s string) bool { _, err := time.Parse(time.DateOnly, s); return err == nil })
	check("vacancies", "pay_cents", func(s string) bool { n, _ := strconv.Atoi(s); return n > 100 })
	check("operators", "active", func(s string) bool { return s == "true" })
	check("persons", "id", func(s string) bool { return !strings.Contains(s, "PQA") })
	_ = ctx
}

// TestParquetDeterministic: the same tables give the same bytes, and a cell
// that is not its column's type is refused, not guessed.
func TestParquetDeterministic(t *testing.T) {
	tables := []Table{{Name: "vacancies", Columns: []string{"id", "pay_cents", "housing", "data_inizio", "weekly_hours"},
		Rows: [][]string{{"v1", "120050", "true", "2026-03-01", "38.5"}, {"v2", "", "", "", ""}}}}
	var a, b bytes.Buffer
	if err := WriteParquet(&a, tables); err != nil {
		t.Fatal(err)
	}
	if err := WriteParquet(&b, tables); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same tables gave different bytes")
	}
	rows := readParquetZip(t, a.Bytes())["vacancies"].rows
	if rows[0]["pay_cents"] != "120050" || rows[0]["data_inizio"] != "2026-03-01" || rows[1]["housing"] != "" {
		t.Errorf("read back %v", rows)
	}
	// A past job's start may be a year only: that column is text.
	if TypeOf("esperienze_lavoro", "data_inizio") != TypeString || TypeOf("proposals", "data_inizio") != TypeDate {
		t.Error("data_inizio is a date where it is a full date, and only there")
	}
	for _, bad := range []string{"12,50", "yes", "01/03/2026"} {
		tb := []Table{{Name: "vacancies", Columns: []string{"pay_cents", "housing", "data_inizio"}, Rows: [][]string{{"1", "true", "2026-01-01"}}}}
		switch bad {
		case "12,50":
			tb[0].Rows[0][0] = bad
		case "yes":
			tb[0].Rows[0][1] = bad
		default:
			tb[0].Rows[0][2] = bad
		}
		if err := WriteParquet(io.Discard, tb); err == nil || !strings.Contains(err.Error(), bad) {
			t.Errorf("cell %q: error %v", bad, err)
		}
	}
}

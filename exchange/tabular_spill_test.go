package exchange

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// spillCase is a few tables of awkward text, one longer than a Parquet
// batch and one cell longer than the CSV writer's buffer.
func spillCase() []Table {
	long := Table{Name: "answers", Columns: []string{"interview_id", "value", "n"}}
	for i := range parquetBatch + 7 {
		long.Rows = append(long.Rows, []string{"iv" + strconv.Itoa(i/3), "valore «" + strconv.Itoa(i) + "»", strconv.Itoa(i)})
	}
	long.Rows[5][1] = strings.Repeat("testo lungo ", 10000)
	return []Table{trickyTable, long, {Name: "cases", Columns: []string{"id", "persona"}}}
}

// TestSpillGivesTheTablesBack: tables added to a spill in two halves are
// written, as CSV and as Parquet, to the very bytes the tables written
// from memory give; the spill's files are this user's only and hold no
// cell in clear, and close removes them.
func TestSpillGivesTheTablesBack(t *testing.T) {
	tables := spillCase()
	for _, format := range []struct {
		name       string
		whole      func(*bytes.Buffer, []Table) error
		fromReader func(*bytes.Buffer, tableReader) error
	}{
		{"CSV", func(b *bytes.Buffer, ts []Table) error { return WriteCSV(b, ts) },
			func(b *bytes.Buffer, r tableReader) error { return writeCSVTables(b, r) }},
		{"Parquet", func(b *bytes.Buffer, ts []Table) error { return WriteParquet(b, ts) },
			func(b *bytes.Buffer, r tableReader) error { return writeParquetTables(b, r) }},
	} {
		t.Run(format.name, func(t *testing.T) {
			t.Setenv("TMPDIR", t.TempDir())
			spill, err := newTableSpill()
			if err != nil {
				t.Fatal(err)
			}
			for _, half := range [][]Table{halves(tables, 0), halves(tables, 1)} {
				if err := spill.add(half); err != nil {
					t.Fatal(err)
				}
			}
			if st, err := os.Stat(spill.dir); err != nil || st.Mode().Perm() != 0o700 {
				t.Errorf("the spill's directory: %v %v", st.Mode(), err)
			}
			files, _ := filepath.Glob(filepath.Join(spill.dir, "*"))
			if len(files) != len(tables) {
				t.Errorf("%d files for %d tables", len(files), len(tables))
			}
			for _, f := range files {
				st, _ := os.Stat(f)
				raw, _ := os.ReadFile(f)
				if st.Mode().Perm() != 0o600 || bytes.Contains(raw, []byte("valore")) || bytes.Contains(raw, []byte("Roma")) {
					t.Errorf("%s: mode %v, or a cell in clear", f, st.Mode())
				}
			}
			if got := spill.counts()["answers"]; got != len(tables[1].Rows) {
				t.Errorf("answers counted %d, want %d", got, len(tables[1].Rows))
			}
			var want, got bytes.Buffer
			if err := format.whole(&want, tables); err != nil {
				t.Fatal(err)
			}
			if err := format.fromReader(&got, spill.tables); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("written from the spill: %d bytes, differing from the %d written whole", got.Len(), want.Len())
			}
			if err := spill.close(); err != nil {
				t.Fatal(err)
			}
			if _, err := os.Stat(spill.dir); !os.IsNotExist(err) {
				t.Errorf("the spill is still there after close: %v", err)
			}
		})
	}
}

// halves gives each table with the first (0) or the second (1) half of its rows.
func halves(tables []Table, which int) []Table {
	out := make([]Table, len(tables))
	for i, t := range tables {
		mid := len(t.Rows) / 2
		rows := t.Rows[:mid]
		if which == 1 {
			rows = t.Rows[mid:]
		}
		out[i] = Table{Name: t.Name, Columns: t.Columns, Rows: rows}
	}
	return out
}

// TestSpillRefusesAMisshapenRow: a row as wide as no header is refused.
func TestSpillRefusesAMisshapenRow(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	spill, err := newTableSpill()
	if err != nil {
		t.Fatal(err)
	}
	defer spill.close()
	bad := Table{Name: "cases", Columns: []string{"id", "persona"}, Rows: [][]string{{"C-1"}}}
	if err := spill.add([]Table{bad}); err == nil || !strings.Contains(err.Error(), "cases") {
		t.Errorf("got %v, want the table named", err)
	}
}

// TestTabularExportIsTheWholeDocuments: the CSV and XLSX exports, read and
// written a part at a time, hold the tables of the whole document, the SAP
// views that join proposals with their employers and vacancies included;
// no spill is left behind.
func TestTabularExportIsTheWholeDocuments(t *testing.T) {
	db, coord := workDesk(t, "PUA")
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	opt := Options{Format: FormatJSON, Plaintext: true, Operator: coord}
	whole, _ := export(t, db, opt)
	doc, err := decodeDocument(bytes.NewReader(whole))
	if err != nil {
		t.Fatal(err)
	}
	want := normalized(doc.Tables())
	for _, name := range []string{"sap_esperienze_lavoro", "sap_politiche_attive", "skills_profiles"} {
		if rowsIn(want, name) <= 0 {
			t.Errorf("the desk has no %s: the test checks little", name)
		}
	}
	for format, read := range map[string]func(io.ReaderAt, int64) ([]Table, error){
		FormatCSV: ReadCSV, FormatXLSX: ReadXLSX} {
		opt.Format = format
		data, _ := export(t, db, opt)
		got, err := read(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %d tables, want %d", format, len(got), len(want))
		}
		for i := range want {
			if want[i].Name == "export" {
				continue // made at another moment
			}
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Errorf("%s: table %s: %d rows, want %d", format, want[i].Name, len(got[i].Rows), len(want[i].Rows))
			}
		}
		if left, _ := filepath.Glob(filepath.Join(tmp, "*")); len(left) > 0 {
			t.Errorf("%s: left behind: %v", format, left)
		}
	}
}

func rowsIn(tables []Table, name string) int {
	for _, t := range tables {
		if t.Name == name {
			return len(t.Rows)
		}
	}
	return -1
}

// TestCSVRowsReadThroughASmallBuffer: the CSV a table is written as reads
// back row by row to the same cells through the smallest buffer, so that
// line ends, quotes and long cells split across reads are kept.
func TestCSVRowsReadThroughASmallBuffer(t *testing.T) {
	for _, table := range spillCase() {
		var buf bytes.Buffer
		writeCSVRecord(&buf, table.Columns)
		for _, row := range table.Rows {
			writeCSVRecord(&buf, row)
		}
		var got [][]string
		err := eachCSVRow(bufio.NewReaderSize(&buf, 16), func(row []string) error {
			got = append(got, row)
			return nil
		})
		want := append([][]string{table.Columns}, table.Rows...)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %d rows read back (%v), want %d", table.Name, len(got), err, len(want))
		}
	}
}

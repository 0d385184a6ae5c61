package exchange

import (
	"archive/zip"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/parquet-go/parquet-go"
)

// FormatParquet is the export format of Parquet files, one per table, in a
// ZIP archive (see WriteParquet).
const FormatParquet = "parquet"

// epoch is day 0 of a Parquet DATE.
var epoch = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

// WriteParquet writes tables to w as a ZIP archive holding one
// "<Name>.parquet" file per table, in the order given, named as WriteCSV
// names its files. Each column has the type TypeOf declares for it, is
// optional (an empty cell is null) and Zstd compressed. A cell that does
// not read as its column's type is an error: nothing is guessed. The same
// tables give the same bytes.
func WriteParquet(w io.Writer, tables []Table) error {
	if err := checkArchiveTables(tables); err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, t := range tables {
		// Parquet files are compressed already: stored, not deflated again.
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: t.Name + ".parquet", Method: zip.Store, Modified: csvModTime})
		if err != nil {
			return fmt.Errorf("exchange: table %q: %w", t.Name, err)
		}
		if err := writeParquetTable(fw, t); err != nil {
			return fmt.Errorf("exchange: table %q: %w", t.Name, err)
		}
	}
	return zw.Close()
}

// parquetNode returns the optional leaf node of a column type.
func parquetNode(ct ColumnType) parquet.Node {
	switch ct {
	case TypeInt64:
		return parquet.Optional(parquet.Int(64))
	case TypeFloat64:
		return parquet.Optional(parquet.Leaf(parquet.DoubleType))
	case TypeBool:
		return parquet.Optional(parquet.Leaf(parquet.BooleanType))
	case TypeDate:
		return parquet.Optional(parquet.Date())
	default:
		return parquet.Optional(parquet.String())
	}
}

// writeParquetTable writes one table as one Parquet file.
func writeParquetTable(w io.Writer, t Table) error {
	group := parquet.Group{}
	for _, c := range t.Columns {
		if _, dup := group[c]; dup {
			return fmt.Errorf("duplicate column %q", c)
		}
		group[c] = parquetNode(TypeOf(t.Name, c))
	}
	schema := parquet.NewSchema(t.Name, group)
	// A Group orders its columns by name: leaf i is the i-th name in order.
	leaf := make(map[string]int, len(t.Columns))
	for i, f := range schema.Fields() {
		leaf[f.Name()] = i
	}
	pw := parquet.NewGenericWriter[parquet.Row](w, schema, parquet.Compression(&parquet.Zstd))
	rows := make([]parquet.Row, 0, len(t.Rows))
	for r, cells := range t.Rows {
		row := make(parquet.Row, len(cells))
		for i, cell := range cells {
			v, err := parquetValue(TypeOf(t.Name, t.Columns[i]), cell)
			if err != nil {
				return fmt.Errorf("row %d, column %q: %w", r+1, t.Columns[i], err)
			}
			j := leaf[t.Columns[i]]
			def := 1
			if v.IsNull() {
				def = 0
			}
			row[j] = v.Level(0, def, j)
		}
		rows = append(rows, row)
	}
	if _, err := pw.WriteRows(rows); err != nil {
		return err
	}
	return pw.Close()
}

// parquetValue reads one cell as its column's type; an empty cell is null.
func parquetValue(ct ColumnType, cell string) (parquet.Value, error) {
	if cell == "" {
		return parquet.NullValue(), nil
	}
	switch ct {
	case TypeInt64:
		n, err := strconv.ParseInt(cell, 10, 64)
		if err != nil {
			return parquet.Value{}, fmt.Errorf("%q is not a whole number", cell)
		}
		return parquet.Int64Value(n), nil
	case TypeFloat64:
		f, err := strconv.ParseFloat(cell, 64)
		if err != nil {
			return parquet.Value{}, fmt.Errorf("%q is not a number", cell)
		}
		return parquet.DoubleValue(f), nil
	case TypeBool:
		b, err := strconv.ParseBool(cell)
		if err != nil {
			return parquet.Value{}, fmt.Errorf("%q is not true or false", cell)
		}
		return parquet.BooleanValue(b), nil
	case TypeDate:
		d, err := time.Parse(time.DateOnly, cell)
		if err != nil {
			return parquet.Value{}, fmt.Errorf("%q is not a date yyyy-mm-dd", cell)
		}
		return parquet.Int32Value(int32(d.Sub(epoch).Hours() / 24)), nil
	default:
		return parquet.ByteArrayValue([]byte(cell)), nil
	}
}

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
	return writeParquetTables(w, readTables(tables))
}

// writeParquetTables writes the tables read as WriteParquet does, a table
// at a time and its rows as they come.
func writeParquetTables(w io.Writer, read tableReader) error {
	zw := zip.NewWriter(w)
	err := read(func(t Table, rows func(func([]string) error) error) error {
		// Parquet files are compressed already: stored, not deflated again.
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: t.Name + ".parquet", Method: zip.Store, Modified: csvModTime})
		if err == nil {
			err = writeParquetTable(fw, t, rows)
		}
		if err != nil {
			return fmt.Errorf("exchange: table %q: %w", t.Name, err)
		}
		return nil
	})
	if err != nil {
		return err
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

// parquetBatch is how many rows are handed to the Parquet writer at once.
const parquetBatch = 4096

// writeParquetTable writes one table, its rows as rows gives them, as one
// Parquet file.
func writeParquetTable(w io.Writer, t Table, rows func(func([]string) error) error) error {
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
	batch := make([]parquet.Row, 0, parquetBatch)
	write := func() error {
		_, err := pw.WriteRows(batch)
		batch = batch[:0]
		return err
	}
	r := 0
	err := rows(func(cells []string) error {
		r++
		row := make(parquet.Row, len(cells))
		for i, cell := range cells {
			v, err := parquetValue(TypeOf(t.Name, t.Columns[i]), cell)
			if err != nil {
				return fmt.Errorf("row %d, column %q: %w", r, t.Columns[i], err)
			}
			j := leaf[t.Columns[i]]
			def := 1
			if v.IsNull() {
				def = 0
			}
			row[j] = v.Level(0, def, j)
		}
		if batch = append(batch, row); len(batch) == parquetBatch {
			return write()
		}
		return nil
	})
	if err == nil {
		err = write()
	}
	if err != nil {
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

package store

import (
	"fmt"
	"reflect"

	"github.com/ncruces/go-sqlite3"
)

// rawRows is rowsFunc through SQLite's own statements, inside a viewRaw
// transaction: hundreds of thousands of rows without database/sql's
// conversion of every value. Its arguments are bound as text.
func rawRows(raw rawRead) rowsFunc {
	return func(query string, args []any, fn func(sc scanner) error) error {
		text := make([]string, len(args))
		for i, a := range args {
			text[i] = fmt.Sprint(a)
		}
		return raw(func(c *sqlite3.Conn) error {
			return rawEach(c, query, text, func(s *sqlite3.Stmt) error { return fn(rawRow{s}) })
		})
	}
}

// rawRow scans a statement's row as database/sql's Scan does into the
// kinds the store's scanners use: strings, integers, booleans, floats and
// byte slices (nil for NULL), named types of them too.
type rawRow struct{ s *sqlite3.Stmt }

func (r rawRow) Scan(dest ...any) error {
	if len(dest) != r.s.ColumnCount() {
		return fmt.Errorf("scan: %d destinations for %d columns", len(dest), r.s.ColumnCount())
	}
	for i, d := range dest {
		switch p := d.(type) {
		case *string:
			*p = r.s.ColumnText(i)
		case *int64:
			*p = r.s.ColumnInt64(i)
		case *bool:
			*p = r.s.ColumnBool(i)
		case *[]byte:
			*p = nil
			if r.s.ColumnType(i) != sqlite3.NULL {
				*p = r.s.ColumnBlob(i, []byte{})
			}
		default:
			if err := r.scanKind(i, d); err != nil {
				return err
			}
		}
	}
	return nil
}

// scanKind scans column i into a pointer to a named type.
func (r rawRow) scanKind(i int, d any) error {
	v := reflect.ValueOf(d)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return fmt.Errorf("scan: column %d: destination %T is not a pointer", i, d)
	}
	switch e := v.Elem(); e.Kind() {
	case reflect.String:
		e.SetString(r.s.ColumnText(i))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.SetInt(r.s.ColumnInt64(i))
	case reflect.Bool:
		e.SetBool(r.s.ColumnBool(i))
	case reflect.Float32, reflect.Float64:
		e.SetFloat(r.s.ColumnFloat(i))
	default:
		return fmt.Errorf("scan: column %d: unsupported destination %T", i, d)
	}
	return nil
}

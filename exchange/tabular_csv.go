package exchange

import (
	"archive/zip"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// csvBOM is the UTF-8 byte-order mark that starts every CSV file, so that
// Excel reads accented letters, Arabic and Bengali as UTF-8.
const csvBOM = "\uFEFF"

// csvModTime is the modification time stamped on every file of a CSV archive,
// so that the same tables always give the same bytes.
var csvModTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// WriteCSV writes tables to w as a ZIP archive holding one "<Name>.csv" file
// per table, in the order given. Each file is UTF-8 with a byte-order mark,
// comma separated with CRLF line ends (RFC 4180), the header row first. Line
// breaks inside a cell are kept as they are, inside double quotes. Cells that
// a spreadsheet could run as a formula are guarded with GuardFormula. The
// archive is deterministic: the same tables always give the same bytes.
//
// Table names must be usable as file names (no path separators, no
// characters Windows forbids in file names) and unique, ignoring case.
func WriteCSV(w io.Writer, tables []Table) error {
	if err := checkArchiveTables(tables); err != nil {
		return err
	}
	return writeCSVTables(w, readTables(tables))
}

// writeCSVTables writes the tables read as WriteCSV does, a table at a
// time and its rows as they come.
func writeCSVTables(w io.Writer, read tableReader) error {
	zw := zip.NewWriter(w)
	var buf bytes.Buffer
	err := read(func(t Table, rows func(func([]string) error) error) error {
		fw, err := zw.CreateHeader(&zip.FileHeader{
			Name:     t.Name + ".csv",
			Method:   zip.Deflate,
			Modified: csvModTime,
		})
		if err != nil {
			return fmt.Errorf("exchange: table %q: %w", t.Name, err)
		}
		buf.Reset()
		buf.WriteString(csvBOM)
		writeCSVRecord(&buf, t.Columns)
		flush := func(limit int) error {
			if buf.Len() < limit {
				return nil
			}
			_, err := fw.Write(buf.Bytes())
			buf.Reset()
			return err
		}
		err = rows(func(row []string) error {
			writeCSVRecord(&buf, row)
			return flush(64 << 10)
		})
		if err == nil {
			err = flush(0)
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

// checkFileName rejects table names that cannot be a plain file name inside
// the archive on every desktop system.
func checkFileName(name string) error {
	if name == "." || name == ".." || strings.ContainsAny(name, `/\:*?"<>|`) ||
		strings.IndexFunc(name, func(r rune) bool { return r < ' ' || r == 0x7f }) >= 0 {
		return fmt.Errorf("exchange: table name %q is not a valid file name", name)
	}
	return nil
}

// writeCSVRecord writes one record, guarded and quoted as needed, ended by
// CRLF. A record of one empty cell is written as "" so that it is not an
// empty line.
func writeCSVRecord(buf *bytes.Buffer, cells []string) {
	for i, cell := range cells {
		if i > 0 {
			buf.WriteByte(',')
		}
		cell = GuardFormula(cell)
		if strings.ContainsAny(cell, ",\"\r\n") || strings.HasPrefix(cell, " ") ||
			(cell == "" && len(cells) == 1) {
			buf.WriteByte('"')
			buf.WriteString(strings.ReplaceAll(cell, `"`, `""`))
			buf.WriteByte('"')
		} else {
			buf.WriteString(cell)
		}
	}
	buf.WriteString("\r\n")
}

// ReadCSV reads back an archive written by WriteCSV from r, which holds size
// bytes. It returns one table per ".csv" file, in archive order, named after
// the file without its extension; other files are skipped. The byte-order
// mark is removed, the formula guard of WriteCSV undone, and every row must
// have as many cells as the header.
func ReadCSV(r io.ReaderAt, size int64) ([]Table, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("exchange: reading CSV archive: %w", err)
	}
	var tables []Table
	for _, zf := range zr.File {
		name, ok := strings.CutSuffix(zf.Name, ".csv")
		if !ok || zf.FileInfo().IsDir() {
			continue
		}
		t, err := readCSVFile(zf, name)
		if err != nil {
			return nil, fmt.Errorf("exchange: %s: %w", zf.Name, err)
		}
		tables = append(tables, t)
	}
	return tables, nil
}

// readCSVFile parses one CSV file of the archive into a table.
func readCSVFile(zf *zip.File, name string) (Table, error) {
	rc, err := zf.Open()
	if err != nil {
		return Table{}, err
	}
	data, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		return Table{}, err
	}
	records, err := parseCSV(bytes.TrimPrefix(data, []byte(csvBOM)))
	if err != nil {
		return Table{}, err
	}
	if len(records) == 0 {
		return Table{}, errors.New("no header row")
	}
	t := Table{Name: name, Columns: records[0], Rows: records[1:]}
	for i, row := range t.Rows {
		if len(row) != len(t.Columns) {
			return Table{}, fmt.Errorf("row %d has %d cells, want %d", i+1, len(row), len(t.Columns))
		}
	}
	if len(t.Rows) == 0 {
		t.Rows = nil
	}
	return t, nil
}

// parseCSV splits RFC 4180 text into records, cells unguarded (eachCSVRow).
func parseCSV(data []byte) ([][]string, error) {
	var records [][]string
	err := eachCSVRow(bufio.NewReader(bytes.NewReader(data)), func(rec []string) error {
		records = append(records, rec)
		return nil
	})
	return records, err
}

// eachCSVRow reads RFC 4180 text a record at a time, handing each to each
// with its cells unguarded. Unlike encoding/csv it keeps every byte of a
// quoted cell, carriage returns included, and it also accepts bare LF line
// ends. A cell longer than maxCellBytes, or a record of more than
// maxReadColumns cells, stops it: no export holds one, and a file made to
// hold one would otherwise be read into memory whole.
func eachCSVRow(r *bufio.Reader, each func(rec []string) error) error {
	line := 1
	// atEnd tells the end of a cell: a comma, a line end (LF or CRLF) or
	// the end of the text.
	atEnd := func() bool {
		b, _ := r.Peek(2)
		return len(b) == 0 || b[0] == ',' || b[0] == '\n' || len(b) == 2 && b[0] == '\r' && b[1] == '\n'
	}
	for {
		if _, err := r.Peek(1); err != nil {
			return nil // the end of the text
		}
		var rec []string
		for {
			var cell strings.Builder
			if b, _ := r.Peek(1); len(b) == 1 && b[0] == '"' {
				r.ReadByte()
				for {
					c, err := r.ReadByte()
					if err != nil {
						return fmt.Errorf("line %d: unterminated quoted cell", line)
					}
					if c == '"' {
						if next, _ := r.Peek(1); len(next) == 1 && next[0] == '"' {
							r.ReadByte()
						} else {
							break
						}
					}
					if cell.WriteByte(c); cell.Len() > maxCellBytes {
						return errLongCell(line)
					}
				}
				if !atEnd() {
					return fmt.Errorf("line %d: unexpected text after a quoted cell", line)
				}
			} else {
				for !atEnd() {
					c, _ := r.ReadByte()
					if cell.WriteByte(c); cell.Len() > maxCellBytes {
						return errLongCell(line)
					}
				}
			}
			text := cell.String()
			line += strings.Count(text, "\n")
			if rec = append(rec, unguardFormula(text)); len(rec) > maxReadColumns {
				return fmt.Errorf("line %d: more than %d cells", line, maxReadColumns)
			}
			if b, _ := r.Peek(1); len(b) == 1 && b[0] == ',' {
				r.ReadByte()
				continue
			}
			if b, _ := r.Peek(1); len(b) == 1 && b[0] == '\r' {
				r.ReadByte()
			}
			r.ReadByte() // the '\n' ending the record, or nothing at the end of the text
			line++
			break
		}
		if err := each(rec); err != nil {
			return err
		}
	}
}

// maxCellBytes bounds a cell read from a CSV file or a workbook: a
// spreadsheet's cell holds 32,767 characters, at most four bytes each.
var maxCellBytes = 4 * maxCellChars

func errLongCell(line int) error {
	return fmt.Errorf("line %d: a cell longer than the %d characters a spreadsheet's cell holds", line, maxCellChars)
}

// checkArchiveTables checks tables before they become the files of an
// archive (CSV or Parquet): valid tables, each name usable as a file name
// and unique, ignoring case.
func checkArchiveTables(tables []Table) error {
	if err := validateTables(tables); err != nil {
		return err
	}
	seen := make(map[string]bool, len(tables))
	for _, t := range tables {
		if err := checkFileName(t.Name); err != nil {
			return err
		}
		key := strings.ToLower(t.Name)
		if seen[key] {
			return fmt.Errorf("exchange: duplicate table name %q", t.Name)
		}
		seen[key] = true
	}
	return nil
}

package exchange

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"filippo.io/age"

	"sportello/internal/privtemp"
)

// tableSpill gathers the rows of a tabular export's tables as the records
// are read, each table in a file of its own, so that the whole export never
// sits in memory: the files are in a new directory of the system's
// temporary one that only this user can open, encrypted with age to a key
// held only in memory (what a crash leaves there nobody can read, and it
// goes the next day: privtemp), and removed by close. Once every record is in, read gives the tables back
// one after the other, in the order they were first added.
type tableSpill struct {
	dir    string
	id     *age.X25519Identity
	order  []*spilledTable
	byName map[string]*spilledTable
	read   bool
}

// spilledTable is one table's file, being written.
type spilledTable struct {
	head Table // name and columns, no rows
	rows int
	file *os.File
	enc  io.WriteCloser // age, into file
	buf  *bufio.Writer  // into enc
}

func newTableSpill() (*tableSpill, error) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, err
	}
	dir, err := privtemp.Make("sportello-tables-")
	if err != nil {
		return nil, err
	}
	return &tableSpill{dir: dir, id: id, byName: map[string]*spilledTable{}}, nil
}

// add writes the tables' rows after those of the same names added before;
// a table first seen takes its place after those seen so far, with its
// columns, which later ones must match.
func (s *tableSpill) add(tables []Table) error {
	for _, t := range tables {
		st, err := s.table(t)
		if err != nil {
			return err
		}
		for r, row := range t.Rows {
			if len(row) != len(st.head.Columns) {
				return fmt.Errorf("exchange: table %q row %d has %d cells, want %d", t.Name, st.rows+1, len(row),
					len(st.head.Columns))
			}
			if err := writeSpillRow(st.buf, row); err != nil {
				return fmt.Errorf("exchange: table %q row %d: %w", t.Name, r+1, err)
			}
			st.rows++
		}
	}
	return nil
}

// table gives the spilled table named as t, made on first sight.
func (s *tableSpill) table(t Table) (*spilledTable, error) {
	if st, ok := s.byName[t.Name]; ok {
		if len(st.head.Columns) != len(t.Columns) {
			return nil, fmt.Errorf("exchange: table %q has %d columns, before %d", t.Name, len(t.Columns), len(st.head.Columns))
		}
		return st, nil
	}
	f, err := os.OpenFile(filepath.Join(s.dir, strconv.Itoa(len(s.order))), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	enc, err := age.Encrypt(f, s.id.Recipient())
	if err != nil {
		f.Close()
		return nil, err
	}
	st := &spilledTable{head: Table{Name: t.Name, Columns: t.Columns}, file: f, enc: enc, buf: bufio.NewWriterSize(enc, 64<<10)}
	s.order = append(s.order, st)
	s.byName[t.Name] = st
	return st, nil
}

// heads are the tables' names and columns, in order, without rows.
func (s *tableSpill) heads() []Table {
	out := make([]Table, len(s.order))
	for i, st := range s.order {
		out[i] = st.head
	}
	return out
}

// counts are how many rows each table holds.
func (s *tableSpill) counts() map[string]int {
	out := make(map[string]int, len(s.order))
	for _, st := range s.order {
		out[st.head.Name] = st.rows
	}
	return out
}

// tables reads the tables back, once, one after the other (tableReader).
func (s *tableSpill) tables(use func(head Table, rows func(each func(row []string) error) error) error) error {
	if s.read {
		return errors.New("exchange: the spilled tables were read already")
	}
	s.read = true
	for _, st := range s.order {
		if err := st.buf.Flush(); err != nil {
			return err
		}
		if err := st.enc.Close(); err != nil {
			return err
		}
	}
	for _, st := range s.order {
		if err := use(st.head, func(each func(row []string) error) error { return s.replay(st, each) }); err != nil {
			return err
		}
	}
	return nil
}

// replay hands a table's rows to each, decrypted and decoded as they are
// read; each row's slice is used again for the next, its strings are not.
func (s *tableSpill) replay(st *spilledTable, each func(row []string) error) error {
	if _, err := st.file.Seek(0, io.SeekStart); err != nil {
		return err
	}
	dec, err := age.Decrypt(st.file, s.id)
	if err != nil {
		return err
	}
	r := bufio.NewReaderSize(dec, 64<<10)
	row := make([]string, len(st.head.Columns))
	var buf []byte
	for range st.rows {
		if buf, err = readSpillRow(r, row, buf); err != nil {
			return fmt.Errorf("exchange: table %q read back: %w", st.head.Name, err)
		}
		if err := each(row); err != nil {
			return err
		}
	}
	return nil
}

// close removes the files and their directory.
func (s *tableSpill) close() error {
	for _, st := range s.order {
		st.file.Close()
	}
	return os.RemoveAll(s.dir)
}

// writeSpillRow writes a row as its cells, each its length then its bytes.
func writeSpillRow(w *bufio.Writer, row []string) error {
	var n [binary.MaxVarintLen64]byte
	for _, cell := range row {
		if _, err := w.Write(n[:binary.PutUvarint(n[:], uint64(len(cell)))]); err != nil {
			return err
		}
		if _, err := w.WriteString(cell); err != nil {
			return err
		}
	}
	return nil
}

// readSpillRow reads a row written by writeSpillRow into row, as wide,
// through buf, which it gives back for the next row.
func readSpillRow(r *bufio.Reader, row []string, buf []byte) ([]byte, error) {
	for i := range row {
		n, err := binary.ReadUvarint(r)
		if err != nil {
			return buf, err
		}
		if uint64(cap(buf)) < n {
			buf = make([]byte, n)
		}
		if _, err := io.ReadFull(r, buf[:n]); err != nil {
			return buf, err
		}
		row[i] = string(buf[:n])
	}
	return buf, nil
}

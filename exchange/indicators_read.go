package exchange

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strconv"
	"strings"
)

// file reads one export into the scratch store: its JSON form a part of a
// list at a time, its CSV and XLSX forms a row at a time.
func (r *indicatorRun) file(ctx context.Context, f ExportFile) error {
	src, size, done, err := f.open()
	if err != nil {
		return err
	}
	defer done()
	head := make([]byte, 512)
	n, err := src.ReadAt(head, 0)
	if err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	head = head[:n]
	feed := newScratchFeed(ctx, r.db)
	defer feed.stop()
	switch {
	case isAge(head):
		return ErrEncryptedExport
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		tables, err := zipTables(src, size)
		if err != nil {
			return err
		}
		if err := r.tabularExport(f.Name, tables, feed); err != nil {
			return err
		}
	default:
		if err := r.json(ctx, f.Name, src, size, feed); err != nil {
			return err
		}
	}
	return feed.finish(ctx)
}

// zipTables are the tables of an export's CSV form (a ZIP archive with
// export.csv) or of its XLSX form (a workbook).
func zipTables(src io.ReaderAt, size int64) (map[string]tableRows, error) {
	zr, err := zip.NewReader(src, size)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotAnExport, err)
	}
	if hasFile(zr, "export.csv") {
		return csvTables(zr), nil
	}
	wb, err := openWorkbook(zr)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotAnExport, err)
	}
	return sheetTables(wb), nil
}

// hasFile tells an archive holding a file of that name.
func hasFile(zr *zip.Reader, name string) bool {
	for _, f := range zr.File {
		if f.Name == name {
			return true
		}
	}
	return false
}

// open gives the export's bytes to read, their size, and what to call
// when done with them.
func (f ExportFile) open() (io.ReaderAt, int64, func(), error) {
	if f.Data != nil || f.Path == "" {
		return bytes.NewReader(f.Data), int64(len(f.Data)), func() {}, nil
	}
	file, err := os.Open(f.Path)
	if err != nil {
		return nil, 0, nil, err
	}
	st, err := file.Stat()
	if err != nil {
		file.Close()
		return nil, 0, nil, err
	}
	return file, st.Size(), func() { file.Close() }, nil
}

// json reads an export's JSON form a part of a list at a time, each part
// checked against the schema and loaded; the schema's problems, if any,
// refuse the file at its end. The envelope is checked before the first
// part is loaded: a Sportello export writes it first; a file that has it
// after its lists (written again with sorted keys, say) is read a first
// time for it.
func (r *indicatorRun) json(ctx context.Context, name string, src io.ReaderAt, size int64, feed *scratchFeed) error {
	_, err := r.jsonPass(ctx, name, io.NewSectionReader(src, 0, size), nil, feed)
	if !errors.Is(err, errEnvelopeLater) {
		return err
	}
	head, err := r.jsonPass(ctx, name, io.NewSectionReader(src, 0, size), nil, nil)
	if err != nil {
		return err
	}
	_, err = r.jsonPass(ctx, name, io.NewSectionReader(src, 0, size), head, feed)
	return err
}

// errEnvelopeLater: the first list came before the envelope was whole.
var errEnvelopeLater = errors.New("the envelope comes after the lists")

// jsonPass reads the JSON once. With no feed it only reads the envelope,
// which it gives. With a feed it loads each part, having checked the
// envelope: head when given, else the one read before the first list,
// or errEnvelopeLater if it was not whole yet.
func (r *indicatorRun) jsonPass(ctx context.Context, name string, src io.Reader, head *Document, feed *scratchFeed) (*Document, error) {
	in := &readErrors{r: bufio.NewReaderSize(src, 1<<16)}
	if bom, _ := in.r.Peek(3); bytes.Equal(bom, []byte("\ufeff")) {
		in.r.Discard(3)
	}
	var valid *partValidator
	var stop error        // why a part was refused: not the decoder's
	var checked *Document // the envelope checked, once it is
	check := func(env *Document) error {
		if checked != nil {
			return nil
		}
		checked = envelopeOf(env)
		if err := r.envelope(name, env); err != nil {
			return err
		}
		var err error
		valid, err = newPartValidator(true)
		return err
	}
	if head != nil && feed != nil {
		if err := check(head); err != nil {
			return nil, err
		}
	}
	env, err := decodeParts(in, partBytes, func(p *part) error {
		if feed == nil {
			return nil
		}
		if checked == nil && !envelopeWhole(p.env) {
			stop = errEnvelopeLater
			return stop
		}
		if stop = check(p.env); stop != nil {
			return stop
		}
		valid.check(p.key, p.items(), p.first)
		stop = feed.add(p.doc)
		return stop
	})
	switch {
	case in.err != nil:
		return nil, in.err
	case stop != nil:
		return nil, stop
	case err != nil && env != nil && env.Format == Format && !knownVersion(env.FormatVersion):
		return nil, checkForIndicators(env.Format, env.FormatVersion)
	case err != nil:
		return nil, fmt.Errorf("%w: %w", ErrNotAnExport, err)
	case feed == nil:
		return env, nil
	}
	if head == nil && checked != nil && !reflect.DeepEqual(checked, envelopeOf(env)) {
		return nil, fmt.Errorf("%w: its envelope has fields after its lists, or twice", ErrNotAnExport)
	}
	if err := check(env); err != nil {
		return nil, err
	}
	if err := validateEnvelope(env); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotAnExport, err)
	}
	if err := valid.result(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNotAnExport, err)
	}
	return env, nil
}

// envelopeOf is a copy of a document's fields that are not lists.
func envelopeOf(d *Document) *Document {
	e := &Document{}
	envelopeInto(e, d)
	return e
}

// envelopeWhole tells an envelope with every field a pseudonymised export
// of its version carries.
func envelopeWhole(env *Document) bool {
	_, minor, _ := strings.Cut(env.FormatVersion, ".")
	m, _ := strconv.Atoi(minor)
	return env.Format != "" && env.FormatVersion != "" && env.GeneratedAt != "" && env.Desk.ID != "" &&
		env.Mode != "" && env.Scope.Kind != "" && (env.Regional != nil || m < 5)
}

// readErrors tells a failure to read the file from a failure to decode
// what was read.
type readErrors struct {
	r   *bufio.Reader
	err error
}

func (e *readErrors) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && !errors.Is(err, io.EOF) {
		e.err = err
	}
	return n, err
}

package exchange

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// A workbook is read here from its ZIP archive a sheet's row at a time,
// rather than by excelize, which reads the whole file into memory and puts
// a large sheet, and any workbook's shared strings, in temporary files in
// clear. Only the shared strings (the text of a workbook saved by Excel or
// LibreOffice) are held, whole.

// maxSharedStrings bounds the text of a workbook's shared strings held in
// memory.
var maxSharedStrings = 64 << 20

// workbook is an open workbook: its sheets in order and its shared strings.
type workbook struct {
	sheets  []workbookSheet
	strings []string
}

// workbookSheet is a sheet's name and the part holding it.
type workbookSheet struct {
	name string
	file *zip.File
}

// openWorkbook finds a workbook's sheets and reads its shared strings.
func openWorkbook(zr *zip.Reader) (*workbook, error) {
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[strings.TrimPrefix(f.Name, "/")] = f
	}
	main := "xl/workbook.xml"
	if rels, err := readRels(files, "_rels/.rels", ""); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				main = r.Target
			}
		}
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"id,attr"` // r:id, in the transitional or the strict namespace
		} `xml:"sheets>sheet"`
	}
	if err := readXMLPart(files[main], &wb); err != nil {
		return nil, fmt.Errorf("%s: %w", main, err)
	}
	rels, err := readRels(files, path.Join(path.Dir(main), "_rels", path.Base(main)+".rels"), path.Dir(main))
	if err != nil {
		return nil, err
	}
	byID := map[string]xlsxRel{}
	w := &workbook{}
	for _, r := range rels {
		byID[r.ID] = r
		if strings.HasSuffix(r.Type, "/sharedStrings") {
			if w.strings, err = readSharedStrings(files[r.Target]); err != nil {
				return nil, fmt.Errorf("%s: %w", r.Target, err)
			}
		}
	}
	for _, s := range wb.Sheets {
		f := files[byID[s.ID].Target]
		if f == nil {
			return nil, fmt.Errorf("sheet %q: its part is missing", s.Name)
		}
		w.sheets = append(w.sheets, workbookSheet{name: s.Name, file: f})
	}
	return w, nil
}

// xlsxRel is a relationship, its target made a path in the archive.
type xlsxRel struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
}

// readRels reads a relationships part; targets are relative to dir, or
// to the archive's root when they start with "/".
func readRels(files map[string]*zip.File, name, dir string) ([]xlsxRel, error) {
	var rels struct {
		Rels []xlsxRel `xml:"Relationship"`
	}
	if err := readXMLPart(files[name], &rels); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	for i, r := range rels.Rels {
		if strings.HasPrefix(r.Target, "/") {
			rels.Rels[i].Target = strings.TrimPrefix(r.Target, "/")
		} else {
			rels.Rels[i].Target = path.Join(dir, r.Target)
		}
	}
	return rels.Rels, nil
}

// readXMLPart decodes a small part whole.
func readXMLPart(f *zip.File, v any) error {
	if f == nil {
		return errors.New("missing")
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(io.LimitReader(rc, 16<<20)).Decode(v)
}

// readSharedStrings reads the shared strings, each the text of its runs
// (not of its phonetic hints), escapes undone.
func readSharedStrings(f *zip.File) ([]string, error) {
	if f == nil {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	d := newPartDecoder(rc)
	var out []string
	total := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "si" {
			s, err := stringItem(d)
			if err != nil {
				return nil, err
			}
			if total += len(s) + 16; total > maxSharedStrings { // 16: a string's own size
				return nil, fmt.Errorf("its shared strings hold more than %d MB of text", maxSharedStrings>>20)
			}
			out = append(out, s)
		}
	}
}

// stringItem reads the text of a string item (<si> or <is>) whose start
// was read: its <t> elements' text, but those of phonetic hints (<rPh>).
func stringItem(d *partDecoder) (string, error) {
	var b strings.Builder
	depth, inText, inHint := 1, false, 0
	for depth > 0 {
		tok, err := d.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "t":
				inText = true
			case "rPh":
				inHint++
			}
		case xml.EndElement:
			depth--
			switch t.Name.Local {
			case "t":
				inText = false
			case "rPh":
				inHint--
			}
		case xml.CharData:
			if inText && inHint == 0 {
				if b.Write(t); b.Len() > maxCellBytes {
					return "", errCellTooLong
				}
			}
		}
	}
	return unescapeCellText(b.String()), nil
}

// partDecoder reads a part's XML token by token, bounded against a hostile
// file: elements nested deeper than maxXMLDepth (encoding/xml keeps each
// open one) and runs of text or tags longer than a cell (tokenBound) stop
// it.
type partDecoder struct {
	d     *xml.Decoder
	depth int
}

// maxXMLDepth is deeper than any workbook's parts nest.
const maxXMLDepth = 64

func newPartDecoder(r io.Reader) *partDecoder {
	return &partDecoder{d: xml.NewDecoder(&tokenBound{r: r})}
}

// Token is the next token; its text is valid until the next call.
func (p *partDecoder) Token() (xml.Token, error) {
	tok, err := p.d.RawToken() // Token would keep a stack of the open elements
	if errors.Is(err, io.EOF) && p.depth > 0 {
		return nil, errors.New("the part ends inside an element")
	}
	if err != nil {
		return nil, err
	}
	switch tok.(type) {
	case xml.StartElement:
		if p.depth++; p.depth > maxXMLDepth {
			return nil, fmt.Errorf("elements nested deeper than %d", maxXMLDepth)
		}
	case xml.EndElement:
		if p.depth--; p.depth < 0 {
			return nil, errors.New("an element closed that was not open")
		}
	}
	return tok, nil
}

// skip reads past the end of the element whose start was just read.
func (p *partDecoder) skip() error {
	for depth := 1; depth > 0; {
		tok, err := p.Token()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// text reads the text of the element whose start was just read, at most
// a cell's.
func (p *partDecoder) text() (string, error) {
	var b strings.Builder
	for depth := 1; depth > 0; {
		tok, err := p.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if b.Write(t); b.Len() > maxCellBytes {
				return "", errCellTooLong
			}
		}
	}
	return b.String(), nil
}

// errCellTooLong refuses a cell longer than a spreadsheet's cell holds.
var errCellTooLong = fmt.Errorf("a cell longer than the %d characters a spreadsheet's cell holds", maxCellChars)

// tokenBound passes a part's XML on, refusing a run of more bytes than a
// cell's text can take, escaped, without a '<': encoding/xml holds a text
// or a tag whole, and no cell or tag of a workbook is that long.
type tokenBound struct {
	r   io.Reader
	run int // bytes since the last '<'
}

func (t *tokenBound) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	for b := p[:n]; len(b) > 0; {
		i := bytes.IndexByte(b, '<')
		if i < 0 {
			i = len(b)
		}
		if t.run += i; t.run > 8*maxCellBytes {
			return 0, errCellTooLong
		}
		if i < len(b) {
			t.run = 0
			i++
		}
		b = b[i:]
	}
	return n, err
}

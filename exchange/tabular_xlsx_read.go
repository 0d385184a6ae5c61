package exchange

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
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
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
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
	d := xml.NewDecoder(rc)
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
			if total += len(s); total > maxSharedStrings {
				return nil, fmt.Errorf("its shared strings hold more than %d MB of text", maxSharedStrings>>20)
			}
			out = append(out, s)
		}
	}
}

// stringItem reads the text of a string item (<si> or <is>) whose start
// was read: its <t> elements' text, but those of phonetic hints (<rPh>).
func stringItem(d *xml.Decoder) (string, error) {
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
				b.Write(t)
			}
		}
	}
	return unescapeCellText(b.String()), nil
}

// unescapeCellText undoes the "_xHHHH_" escapes of a spreadsheet's text.
func unescapeCellText(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '_' && isEscapeLike(s[i:]) {
			n, _ := strconv.ParseUint(s[i+2:i+6], 16, 16)
			b.WriteRune(rune(n))
			i += 7
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// eachRow reads a sheet a row at a time and hands each to each, cells at
// their columns (a missing cell is empty), a missing row as an empty one.
// A number is given as written, a boolean as TRUE or FALSE. width is the
// sheet's used range's width, 0 when it does not say (or says more than
// maxReadColumns). The row's slice is used again for the next.
func (w *workbook) eachRow(s workbookSheet, each func(row []string) error) (width int, err error) {
	rc, err := s.file.Open()
	if err != nil {
		return 0, err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	var row []string
	rowNum := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return width, nil
		}
		if err != nil {
			return width, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "dimension":
			if _, last, ok := strings.Cut(attr(se, "ref"), ":"); ok {
				if col, _, ok := cellRef(last); ok && col <= maxReadColumns {
					width = col
				}
			}
		case "row":
			n := rowNum + 1
			if r, err := strconv.Atoi(attr(se, "r")); err == nil && r > rowNum {
				n = r
			}
			for ; rowNum+1 < n; rowNum++ { // rows with no cells are left out
				if err := each(row[:0]); err != nil {
					return width, err
				}
			}
			rowNum = n
			if row, err = w.readRow(d, row[:0]); err != nil {
				return width, fmt.Errorf("row %d: %w", n, err)
			}
			if err := each(row); err != nil {
				return width, err
			}
		}
	}
}

// readRow reads a row's cells, after its start.
func (w *workbook) readRow(d *xml.Decoder, row []string) ([]string, error) {
	for {
		tok, err := d.Token()
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return row, nil // </row>
		case xml.StartElement:
			if t.Name.Local != "c" {
				if err := d.Skip(); err != nil {
					return nil, err
				}
				continue
			}
			col := len(row) + 1
			if c, _, ok := cellRef(attr(t, "r")); ok && c > len(row) {
				col = c
			}
			if col > maxReadColumns {
				return nil, fmt.Errorf("a cell beyond column %d", maxReadColumns)
			}
			for len(row) < col-1 {
				row = append(row, "")
			}
			v, err := w.cell(d, attr(t, "t"))
			if err != nil {
				return nil, err
			}
			row = append(row, v)
		}
	}
}

// cell reads a cell's value, after its start, by its type.
func (w *workbook) cell(d *xml.Decoder, typ string) (string, error) {
	var v string
	for {
		tok, err := d.Token()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return w.cellValue(typ, v) // </c>
		case xml.StartElement:
			switch t.Name.Local {
			case "is":
				if v, err = stringItem(d); err != nil {
					return "", err
				}
				typ = "is"
			case "v":
				var text string
				if err := d.DecodeElement(&text, &t); err != nil {
					return "", err
				}
				if typ != "is" {
					v = text
				}
			default: // a formula, say
				if err := d.Skip(); err != nil {
					return "", err
				}
			}
		}
	}
}

// cellValue is the text of a cell of type typ holding v.
func (w *workbook) cellValue(typ, v string) (string, error) {
	switch typ {
	case "s":
		i, err := strconv.Atoi(v)
		if err != nil || i < 0 || i >= len(w.strings) {
			return "", fmt.Errorf("a shared string %q that is not there", v)
		}
		return w.strings[i], nil
	case "b":
		if v == "1" {
			return "TRUE", nil
		}
		return "FALSE", nil
	}
	return v, nil // a number or a date as written, a formula's text, an error, an inline string
}

// attr is an element's attribute of that local name.
func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// cellRef reads a cell's name such as "AB12" into its column and row.
func cellRef(ref string) (col, row int, ok bool) {
	i := 0
	for ; i < len(ref) && 'A' <= ref[i]&^0x20 && ref[i]&^0x20 <= 'Z'; i++ {
		col = col*26 + int(ref[i]&^0x20-'A'+1)
		if col > 1<<14 {
			return 0, 0, false
		}
	}
	row, err := strconv.Atoi(ref[i:])
	return col, row, i > 0 && (err == nil || i == len(ref))
}

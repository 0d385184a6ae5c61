package report

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"slices"
)

// defaultType is one <Default> content type of an OOXML package.
var defaultType = regexp.MustCompile(`<Default [^>]*?(/>|></Default>)`)

// canonical rewrites a workbook's zip with its content types' <Default>
// entries in order: excelize lists them from a map, so two writes of the
// same workbook would differ in that one file. Entries keep their order,
// names and (zero) dates.
func canonical(xlsx []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		if f.Name == "[Content_Types].xml" {
			data = sortDefaults(data)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// sortDefaults puts the <Default> elements in order, where the first was.
func sortDefaults(data []byte) []byte {
	locs := defaultType.FindAllIndex(data, -1)
	if len(locs) < 2 {
		return data
	}
	var elems [][]byte
	var rest []byte
	prev := 0
	for _, l := range locs {
		rest = append(rest, data[prev:l[0]]...)
		elems = append(elems, data[l[0]:l[1]])
		prev = l[1]
	}
	slices.SortFunc(elems, bytes.Compare)
	at := locs[0][0]
	out := append([]byte{}, rest[:at]...)
	out = append(out, bytes.Join(elems, nil)...)
	out = append(out, rest[at:]...)
	return append(out, data[prev:]...)
}

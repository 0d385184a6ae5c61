package exchange

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
)

// decodeData reads a bundle's data.json into a document, one record at a
// time, refusing fields the format does not know, and gives the SHA-256 of
// the whole file (readData).
func decodeData(f *zip.File) (doc *Document, sum string, err error) {
	sum, err = readData(f, func(r io.Reader) (err error) {
		doc, err = decodeDocument(r)
		return err
	})
	if err != nil {
		return nil, sum, err
	}
	return doc, sum, nil
}

// readData decodes a bundle's data.json with decode as it is read, and
// gives the SHA-256 of the whole file: read to its end even when the
// decoding fails, so that a changed file can be called tampered rather
// than malformed. sum is "" when the file could not be read to its end.
// Bytes that are not UTF-8 and NUL characters are refused on the way
// (textGuard).
func readData(f *zip.File, decode func(io.Reader) error) (sum string, err error) {
	if f.UncompressedSize64 > maxDataSize {
		return "", refuse(BundleTooLarge, "its %s is larger than %d GB", f.Name, maxDataSize>>30)
	}
	// Limits are checked as the file is read (textGuard.measure), before
	// the decoder holds what they refuse; archive/zip holds the file to
	// the size its header claims.
	guard := &textGuard{budget: int64(min(f.CompressedSize64, maxDataSize)) * maxExpansion, compact: int64(f.CompressedSize64)}
	r, err := f.Open()
	if err != nil {
		return "", refuse(BundleTruncated, "%s cannot be opened (%v)", f.Name, err)
	}
	defer r.Close()
	h := sha256.New()
	in := io.TeeReader(io.LimitReader(r, maxDataSize+1), io.MultiWriter(guard, h))
	decodeErr := decode(in)
	if guard.limit != nil { // refused without reading on
		return "", guard.limit
	}
	_, err = io.Copy(io.Discard, in)
	if guard.limit != nil {
		return "", guard.limit
	}
	if err != nil {
		return "", refuse(BundleTruncated, "%s is damaged (%v)", f.Name, err)
	}
	sum = hex.EncodeToString(h.Sum(nil))
	// Text that decoding would change silently is refused, before what the
	// decoder or the schema make of it.
	if problem := guard.done(); problem != nil {
		return sum, problem
	}
	if decodeErr != nil {
		var be *BundleError
		if errors.As(decodeErr, &be) {
			return sum, decodeErr
		}
		return sum, refuse(BundleMalformed, "its data cannot be read: %v", decodeErr)
	}
	return sum, nil
}

// decodeDocument decodes a document's JSON from r: the envelope's fields
// whole, the lists item by item.
func decodeDocument(r io.Reader) (*Document, error) {
	doc := &Document{}
	lists := listFields(doc)
	env, err := decodeParts(r, 0, func(p *part) error {
		if field := lists[p.key]; field.Len() == 0 {
			field.Set(p.items())
		} else {
			field.Set(reflect.AppendSlice(field, p.items()))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for key, field := range listFields(env) {
		if !field.IsNil() && lists[key].IsNil() {
			lists[key].Set(field) // there, and empty
		}
	}
	envelopeInto(doc, env)
	return doc, nil
}

// part is a run of one list's records, as decodeParts hands them over:
// a document holding only those, and their place in the list.
type part struct {
	key   string    // the list's name in the document
	doc   *Document // holding the records in that list only
	first int       // the place of the first in the whole list
	last  bool      // the list's last part
	env   *Document // the envelope as read so far
}

// items gives the part's list.
func (p *part) items() reflect.Value { return listFields(p.doc)[p.key] }

// listFields gives a document's lists by their names in the format.
func listFields(d *Document) map[string]reflect.Value {
	v := reflect.ValueOf(d).Elem()
	out := map[string]reflect.Value{}
	for i := range v.NumField() {
		if v.Field(i).Kind() == reflect.Slice {
			name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ",")
			out[name] = v.Field(i)
		}
	}
	return out
}

// envelopeInto copies a document's fields that are not lists.
func envelopeInto(dst, src *Document) {
	d, s := reflect.ValueOf(dst).Elem(), reflect.ValueOf(src).Elem()
	for i := range d.NumField() {
		if d.Field(i).Kind() != reflect.Slice {
			d.Field(i).Set(s.Field(i))
		}
	}
}

// decodeParts decodes a document's JSON from r, handing each list to each
// in parts of at most partBytes of JSON (0: a list whole). It gives the
// envelope: the document's other fields, and each list empty if it was
// there, nil if it was null or absent; on an error, as read so far.
func decodeParts(r io.Reader, partBytes int64, each func(*part) error) (*Document, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	env := &Document{}
	v := reflect.ValueOf(env).Elem()
	fields := map[string]reflect.Value{}
	for i := range v.NumField() {
		name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ",")
		fields[name] = v.Field(i)
	}
	if err := expectDelim(dec, '{'); err != nil {
		return env, err
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return env, err
		}
		key, _ := tok.(string)
		field, ok := fields[key]
		if !ok {
			return env, fmt.Errorf("json: unknown field %q", key)
		}
		if field.Kind() != reflect.Slice {
			if err := dec.Decode(field.Addr().Interface()); err != nil {
				return env, fmt.Errorf("%s: %w", key, err)
			}
			continue
		}
		withEnv := func(p *part) error { p.env = env; return each(p) }
		if err := decodeList(dec, key, field, partBytes, withEnv); err != nil {
			return env, err
		}
	}
	if err := expectDelim(dec, '}'); err != nil {
		return env, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return env, fmt.Errorf("unexpected data after the document")
	}
	return env, nil
}

// decodeList reads a list (or null) item by item, handing it to each in
// parts of at most partBytes of JSON; field is left empty (nil for null).
// partRecords is the most records of one list a part holds.
const partRecords = 20000

func decodeList(dec *json.Decoder, key string, field reflect.Value, partBytes int64, each func(*part) error) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok == nil { // null: the schema names it missing
		field.Set(reflect.Zero(field.Type()))
		return nil
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return fmt.Errorf("%s: a list was expected", key)
	}
	field.Set(reflect.MakeSlice(field.Type(), 0, 0))
	p := newPart(key, 0)
	list, start := p.items(), dec.InputOffset()
	flush := func(next int) error {
		p.items().Set(list)
		if err := each(p); err != nil {
			return err
		}
		p = newPart(key, next)
		list, start = p.items(), dec.InputOffset()
		return nil
	}
	i := 0
	for ; dec.More(); i++ {
		item := reflect.New(field.Type().Elem())
		if err := dec.Decode(item.Interface()); err != nil {
			return fmt.Errorf("%s[%d]: %w", key, i, err)
		}
		list = reflect.Append(list, item.Elem())
		// A part ends at partBytes of JSON, or at partRecords records: empty
		// records ("{},") take far more memory decoded than as text.
		if partBytes > 0 && (dec.InputOffset()-start >= partBytes || list.Len() >= partRecords) && dec.More() {
			if err := flush(i + 1); err != nil {
				return err
			}
		}
	}
	if list.Len() > 0 {
		p.last = true
		if err := flush(i); err != nil {
			return err
		}
	}
	return expectDelim(dec, ']')
}

// newPart starts a part of the list key from its place first.
func newPart(key string, first int) *part {
	p := &part{key: key, doc: &Document{}, first: first}
	p.items().Set(reflect.MakeSlice(p.items().Type(), 0, 0))
	return p
}

func expectDelim(dec *json.Decoder, want json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return fmt.Errorf("%q was expected", string(want))
	}
	return nil
}

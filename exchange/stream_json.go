package exchange

import (
	"encoding/json"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// The schema check of each record needs the record as the values
// json.Unmarshal gives an any (maps, slices, strings, float64, bool,
// nil). decodeRecord makes them from json.Marshal's compact output a few
// times faster than json.Unmarshal, which a regional desk's millions of
// answers make worth it; anything unexpected is left to json.Unmarshal, so
// the values are always the same (TestDecodeRecordAsUnmarshal).

// decodeRecord decodes one JSON value, as json.Marshal writes it (compact,
// valid), into the values json.Unmarshal gives.
func decodeRecord(data []byte) (any, error) {
	d := recordDecoder{b: data}
	if v, ok := d.value(); ok && d.i == len(d.b) {
		return v, nil
	}
	var v any
	err := json.Unmarshal(data, &v)
	return v, err
}

type recordDecoder struct {
	b []byte
	i int
}

func (d *recordDecoder) value() (any, bool) {
	if d.i >= len(d.b) {
		return nil, false
	}
	switch c := d.b[d.i]; {
	case c == '{':
		return d.object()
	case c == '[':
		return d.array()
	case c == '"':
		return d.str()
	case c == 't':
		return true, d.literal("true")
	case c == 'f':
		return false, d.literal("false")
	case c == 'n':
		return nil, d.literal("null")
	case c == '-' || c >= '0' && c <= '9':
		return d.number()
	}
	return nil, false
}

func (d *recordDecoder) literal(s string) bool {
	if len(d.b)-d.i < len(s) || string(d.b[d.i:d.i+len(s)]) != s {
		return false
	}
	d.i += len(s)
	return true
}

func (d *recordDecoder) object() (any, bool) {
	m := map[string]any{}
	d.i++ // {
	if d.i < len(d.b) && d.b[d.i] == '}' {
		d.i++
		return m, true
	}
	for d.i < len(d.b) {
		k, ok := d.str()
		if !ok || d.i >= len(d.b) || d.b[d.i] != ':' {
			return nil, false
		}
		d.i++
		v, ok := d.value()
		if !ok || d.i >= len(d.b) {
			return nil, false
		}
		m[k.(string)] = v
		switch d.b[d.i] {
		case ',':
			d.i++
		case '}':
			d.i++
			return m, true
		default:
			return nil, false
		}
	}
	return nil, false
}

func (d *recordDecoder) array() (any, bool) {
	a := []any{}
	d.i++ // [
	if d.i < len(d.b) && d.b[d.i] == ']' {
		d.i++
		return a, true
	}
	for d.i < len(d.b) {
		v, ok := d.value()
		if !ok || d.i >= len(d.b) {
			return nil, false
		}
		a = append(a, v)
		switch d.b[d.i] {
		case ',':
			d.i++
		case ']':
			d.i++
			return a, true
		default:
			return nil, false
		}
	}
	return nil, false
}

// str decodes a string; one with escapes (rarer) or not UTF-8 goes to
// json.Unmarshal.
func (d *recordDecoder) str() (any, bool) {
	if d.i >= len(d.b) || d.b[d.i] != '"' {
		return nil, false
	}
	start, escaped := d.i, false
	for d.i++; d.i < len(d.b); d.i++ {
		switch c := d.b[d.i]; {
		case c == '\\':
			escaped = true
			d.i++
		case c < 0x20:
			return nil, false
		case c == '"':
			d.i++
			if raw := d.b[start+1 : d.i-1]; !escaped && utf8.Valid(raw) {
				return string(raw), true
			}
			var s string
			if err := json.Unmarshal(d.b[start:d.i], &s); err != nil {
				return nil, false
			}
			return s, true
		}
	}
	return nil, false
}

func (d *recordDecoder) number() (any, bool) {
	start := d.i
	for d.i < len(d.b) {
		c := d.b[d.i]
		if c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E' && (c < '0' || c > '9') {
			break
		}
		d.i++
	}
	f, err := strconv.ParseFloat(string(d.b[start:d.i]), 64)
	return f, err == nil
}

// indentRecord appends to dst what json.Indent(dst, src, prefix, indent)
// writes for src, compact valid JSON as json.Marshal writes it, without
// json.Indent's scanner of every byte (TestIndentRecordAsIndent).
func indentRecord(dst, src []byte, prefix, indent string) []byte {
	// open: just after { or [, whose newline waits for a first element
	depth, open := 0, false
	// A newline at depth d is the first 1+len(prefix)+d*len(indent) bytes
	// of lines.
	lines := newlines(prefix, indent)
	newline := func() {
		if n := 1 + len(prefix) + depth*len(indent); depth >= 0 && n <= len(lines) {
			dst = append(dst, lines[:n]...)
			return
		}
		dst = append(dst, '\n')
		dst = append(dst, prefix...)
		for range depth {
			dst = append(dst, indent...)
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		if open && c != '}' && c != ']' {
			open = false
			newline()
		}
		switch c {
		case '"':
			end := stringEnd(src, i)
			if end < 0 { // not JSON: the rest as it is
				end = len(src)
			}
			dst = append(dst, src[i:end]...)
			i = end - 1
		case '{', '[':
			open, depth = true, depth+1
			dst = append(dst, c)
		case ',':
			dst = append(dst, c)
			newline()
		case ':':
			dst = append(dst, ':', ' ')
		case '}', ']':
			depth--
			if open {
				open = false
			} else {
				newline()
			}
			dst = append(dst, c)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// newlines is a newline, prefix and indent 8 times, made once for each
// prefix and indent.
func newlines(prefix, indent string) string {
	k := [2]string{prefix, indent}
	if s, ok := newlinesMade.Load(k); ok {
		return s.(string)
	}
	s, _ := newlinesMade.LoadOrStore(k, "\n"+prefix+strings.Repeat(indent, 8))
	return s.(string)
}

var newlinesMade sync.Map // [2]string{prefix, indent} → string

// stringEnd is the index after the string that starts at src[i], or -1
// if it does not end.
func stringEnd(src []byte, i int) int {
	for i++; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return -1
}

package exchange

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// The quick check reads a record's JSON as written, without decoding it
// into maps: these helpers find where each value ends and what it is. They
// are given valid JSON (json.Marshal's); anything they do not expect makes
// the check unsure, never sure.

// jsonWS skips JSON whitespace from i.
func jsonWS(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\n' || b[i] == '\t' || b[i] == '\r') {
		i++
	}
	return i
}

// jsonEnd gives the index just after the value that starts at i, or -1.
func jsonEnd(b []byte, i int) int {
	if i >= len(b) {
		return -1
	}
	switch c := b[i]; {
	case c == '"':
		return stringEnd(b, i)
	case c == '{' || c == '[':
		return containerEnd(b, i)
	case c == 't':
		return literalEnd(b, i, "true")
	case c == 'f':
		return literalEnd(b, i, "false")
	case c == 'n':
		return literalEnd(b, i, "null")
	case c == '-' || c >= '0' && c <= '9':
		j := i
		for j < len(b) && (b[j] == '-' || b[j] == '+' || b[j] == '.' || b[j] == 'e' || b[j] == 'E' || b[j] >= '0' && b[j] <= '9') {
			j++
		}
		return j
	}
	return -1
}

func literalEnd(b []byte, i int, lit string) int {
	if len(b)-i < len(lit) || string(b[i:i+len(lit)]) != lit {
		return -1
	}
	return i + len(lit)
}

// containerEnd gives the index after the object or array at i, or -1.
func containerEnd(b []byte, i int) int {
	depth := 0
	for j := i; j < len(b); j++ {
		switch b[j] {
		case '"':
			if j = stringEnd(b, j); j < 0 {
				return -1
			}
			j--
		case '{', '[':
			depth++
		case '}', ']':
			if depth--; depth == 0 {
				return j + 1
			}
		}
	}
	return -1
}

// rawString gives the text of the string value b (quotes included) when it
// has no escapes and is UTF-8: the bytes themselves, no copy.
func rawString(b []byte) ([]byte, bool) {
	if len(b) < 2 || b[0] != '"' || b[len(b)-1] != '"' {
		return nil, false
	}
	s := b[1 : len(b)-1]
	for _, c := range s { // most strings are short and ASCII: one pass
		if c == '\\' || c >= utf8.RuneSelf {
			return s, bytes.IndexByte(s, '\\') < 0 && utf8.Valid(s)
		}
	}
	return s, true
}

// stringText gives the text of the string value b, unescaped if it must.
func stringText(b []byte) (string, bool) {
	if s, ok := rawString(b); ok {
		return string(s), true
	}
	var s string
	if json.Unmarshal(b, &s) != nil {
		return "", false
	}
	return s, true
}

// jsonNumber reads the number value b.
func jsonNumber(b []byte) (float64, bool) {
	if len(b) == 0 || b[0] != '-' && (b[0] < '0' || b[0] > '9') {
		return 0, false
	}
	f, err := strconv.ParseFloat(string(b), 64)
	return f, err == nil
}

// eachMember calls fn with each member of the object value b, key raw
// (unescaped keys make it give up) and value trimmed; false if it gave up
// or fn said no.
func eachMember(b []byte, fn func(key, val []byte) bool) bool {
	i := jsonWS(b, 1)
	if i < len(b) && b[i] == '}' {
		return true
	}
	for i < len(b) {
		end := stringEnd(b, i)
		if end < 0 || b[i] != '"' {
			return false
		}
		key, ok := rawString(b[i:end])
		if !ok {
			return false
		}
		if i = jsonWS(b, end); i >= len(b) || b[i] != ':' {
			return false
		}
		i = jsonWS(b, i+1)
		if end = jsonEnd(b, i); end < 0 || !fn(key, b[i:end]) {
			return false
		}
		next, done, ok := afterItem(b, end, '}')
		if done || !ok {
			return ok
		}
		i = next
	}
	return false
}

// afterItem reads what follows an item of an object or array that ends at
// end: its closing character (done), or a comma and where the next item
// starts; ok is false for anything else.
func afterItem(b []byte, end int, closing byte) (next int, done, ok bool) {
	i := jsonWS(b, end)
	switch {
	case i >= len(b):
		return 0, false, false
	case b[i] == closing:
		return 0, true, true
	case b[i] == ',':
		return jsonWS(b, i+1), false, true
	}
	return 0, false, false
}

// eachElement calls fn with each element of the array value b, trimmed.
func eachElement(b []byte, fn func(n int, val []byte) bool) bool {
	i := jsonWS(b, 1)
	if i < len(b) && b[i] == ']' {
		return true
	}
	for n := 0; i < len(b); n++ {
		end := jsonEnd(b, i)
		if end < 0 || !fn(n, b[i:end]) {
			return false
		}
		next, done, ok := afterItem(b, end, ']')
		if done || !ok {
			return ok
		}
		i = next
	}
	return false
}
